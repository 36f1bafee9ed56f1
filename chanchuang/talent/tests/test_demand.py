"""Talent demand: the window of years from the time frame; declaring from a pasted job
description (suggestions kept, unticked, skills added; the enterprise fixed for its member);
the "suggest skills" button and endpoint write nothing; closing, deleting, a mirrored demand
read-only; isolation between enterprises and schools; the API; the partner page's section;
pinned list query counts."""

from itertools import count

import pytest
from django.urls import reverse

from chanchuang.core.models import AuditEntry
from chanchuang.core.tests.querycounts import assert_list_queries
from chanchuang.talent.choices import DemandOrigin, DemandStatus, TimeFrame
from chanchuang.talent.models import Demand, DemandSkill
from chanchuang.talent.services import demand as services
from chanchuang.talent.tests import factories as tf

DESCRIPTION = ("岗位职责：负责变电站设备巡检，维护可编程控制器；严格执行安全用电规范。"
               "任职要求：电力相关专业，熟悉继电保护。")


@pytest.mark.parametrize(("timeframe", "window"), [
    (TimeFrame.THIS_YEAR, (2026, 2026)), (TimeFrame.NEXT_YEAR, (2027, 2027)),
    (TimeFrame.LATER, (2028, 2029))])
def test_the_window_of_years_follows_the_time_frame(timeframe, window):
    assert services.window(timeframe, 2026) == window


def test_a_positions_window_gives_its_time_frame():
    assert [services.timeframe_of(year, 2026) for year in (2025, 2026, 2027, 2028, 2030)] == [
        "this_year", "this_year", "next_year", "later", "later"]


def _skills(world):
    world.skill  # noqa: B018 — PLC编程 (可编程控制器)
    world.skill_safety  # noqa: B018 — 电气安全操作 (安全用电)
    return tf.skill(school=world.school, name="继电保护", synonyms=[])


def _form(world, **overrides):
    data = {"organisation": world.enterprise_a.pk, "post": "变电运维技术员", "headcount": 4,
            "timeframe": TimeFrame.NEXT_YEAR, "majors": [world.major.pk],
            "pay_min": 5000, "pay_max": 8000, "description": DESCRIPTION}
    data.update(overrides)
    return data


def test_hr_li_sees_the_suggestions_of_a_pasted_description_without_saving(client, world):
    _skills(world)
    client.force_login(world.hr_li)
    response = client.post(reverse("talent:demand_add"), {**_form(world), "_suggest": "1"})
    page = response.content.decode()
    assert response.status_code == 200
    assert 'name="suggested_skills"' in page
    assert "在描述中出现：可编程控制器" in page
    assert "在描述中出现：安全用电" in page
    assert Demand.objects.count() == 0


def test_the_suggestion_endpoint_answers_the_ticked_skills_and_writes_nothing(client, world):
    relay = _skills(world)
    client.force_login(world.hr_li)
    response = client.post(reverse("talent:demand_suggest"),
                           {"description": DESCRIPTION, "post": "运维"}, HTTP_HX_REQUEST="true")
    page = response.content.decode()
    assert response.status_code == 200
    assert f'value="{world.skill.pk}" checked' in page
    assert f'value="{relay.pk}" checked' in page
    assert "在描述中出现：继电保护" in page
    assert Demand.objects.count() == 0 and not AuditEntry.objects.exists()


def test_a_declared_demand_keeps_the_ticked_suggestions_and_the_added_skills(client, world):
    relay = _skills(world)
    extra = tf.skill(school=world.school, name="办公软件", synonyms=["Excel"])
    client.force_login(world.hr_li)
    # Unticks 电气安全操作; keeps PLC编程 and 继电保护; adds 办公软件. The enterprise field is
    # fixed for a member: enterprise B in the POST is ignored.
    response = client.post(reverse("talent:demand_add"), _form(
        world, organisation=world.enterprise_b.pk,
        suggested_skills=[world.skill.pk, relay.pk], added_skills=[extra.pk]))
    assert response.status_code == 302, response.content.decode()[:3000]
    demand = Demand.objects.get()
    assert demand.organisation == world.enterprise_a
    assert (demand.year_from, demand.year_to) == (services.current_year() + 1,) * 2
    assert demand.origin == DemandOrigin.DECLARED and demand.created_by == world.hr_li
    assert {(r.skill.name, r.suggested) for r in demand.demand_skills.all()} == {
        ("PLC编程", True), ("继电保护", True), ("办公软件", False)}
    assert list(demand.majors.all()) == [world.major]
    assert AuditEntry.objects.filter(action="talent.demand.declared").count() == 1
    page = client.get(demand.get_absolute_url()).content.decode()
    assert "PLC编程" in page and "继电保护" in page and "办公软件" in page
    assert "电气安全操作" not in page


def test_a_skill_ticked_but_no_longer_in_the_description_counts_as_added(client, world):
    _skills(world)
    client.force_login(world.staff_wang)
    client.post(reverse("talent:demand_add"), _form(
        world, description="负责设备巡检。", suggested_skills=[world.skill.pk]))
    assert list(DemandSkill.objects.values_list("suggested", flat=True)) == [False]


def test_bad_input_is_refused_with_its_message_and_nothing_written(client, world):
    client.force_login(world.staff_wang)
    response = client.post(reverse("talent:demand_add"),
                           _form(world, pay_min=9000, pay_max=6000))
    assert "薪资" in response.content.decode() or "上限" in response.content.decode()
    assert Demand.objects.count() == 0


def test_staff_declare_for_any_partner_and_a_member_only_for_their_own(world):
    demand = services.declare_demand(actor=world.staff_wang, organisation=world.enterprise_b,
                                     post="中餐厨师", headcount=2, timeframe="this_year")
    assert demand.organisation == world.enterprise_b
    with pytest.raises(services.DomainError, match="本单位"):
        services.declare_demand(actor=world.hr_li, organisation=world.enterprise_b,
                                post="中餐厨师", headcount=2, timeframe="this_year")
    assert Demand.objects.count() == 1


def test_a_member_closes_their_demand_once(client, world):
    demand = world.demand_a
    client.force_login(world.hr_li)
    client.post(reverse("talent:demand_close", args=[demand.pk]), {"status": "filled"})
    demand.refresh_from_db()
    assert demand.status == DemandStatus.FILLED
    with pytest.raises(services.DomainError):
        services.close_demand(actor=world.hr_li, demand=demand, status="withdrawn")
    # Closed: no longer editable or deletable.
    assert client.get(reverse("talent:demand_edit", args=[demand.pk])).status_code == 403
    assert client.get(reverse("talent:demand_delete", args=[demand.pk])).status_code == 403


def test_an_open_declared_demand_is_deleted(client, world):
    demand = world.demand_a
    client.force_login(world.hr_li)
    response = client.post(reverse("talent:demand_delete", args=[demand.pk]))
    assert response.status_code == 302
    assert not Demand.objects.filter(pk=demand.pk).exists()


def test_a_mirrored_demand_is_read_only_and_links_to_its_position(client, world):
    demand = tf.demand(organisation=world.enterprise_a, origin=DemandOrigin.POSITION,
                       source_key="position:999", source_url="/positions/999/")
    client.force_login(world.staff_wang)
    page = client.get(demand.get_absolute_url()).content.decode()
    assert 'href="/positions/999/"' in page
    assert reverse("talent:demand_edit", args=[demand.pk]) not in page
    assert client.get(reverse("talent:demand_edit", args=[demand.pk])).status_code == 403
    with pytest.raises(services.DomainError):
        services.close_demand(actor=world.staff_wang, demand=demand, status="filled")


def test_each_enterprise_sees_its_own_demand_and_staff_their_schools(client, world):
    a, b, far = world.demand_a, world.demand_b, world.demand_far
    client.force_login(world.hr_li)
    page = client.get(reverse("talent:demand_list")).content.decode()
    assert a.post in page and b.post not in page
    assert client.get(b.get_absolute_url()).status_code == 404
    client.force_login(world.staff_wang)
    page = client.get(reverse("talent:demand_list")).content.decode()
    assert a.post in page and b.post in page and far.post not in page
    assert client.get(far.get_absolute_url()).status_code == 404


def test_the_list_filters_by_skill_and_year(client, world):
    a, b = world.demand_a, world.demand_b
    client.force_login(world.staff_wang)
    page = client.get(reverse("talent:demand_list"), {"skill": world.skill.pk}).content.decode()
    assert a.post in page and b.post not in page
    page = client.get(reverse("talent:demand_list"), {"year": 2030}).content.decode()
    assert a.post not in page


def test_the_api_declares_lists_and_closes(client, world):
    relay = _skills(world)
    client.force_login(world.hr_li)
    response = client.post("/api/v1/demands", {
        "organisation_id": world.enterprise_a.pk, "post": "继保调试员", "headcount": 2,
        "timeframe": "later", "suggested_skill_ids": [relay.pk],
        "description": "负责继电保护装置调试。"}, content_type="application/json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["skills"] == [{"skill_id": relay.pk, "name": "继电保护", "suggested": True}]
    year = services.current_year()
    assert (body["year_from"], body["year_to"]) == (year + 2, year + 3)
    listed = client.get("/api/v1/demands").json()["items"]
    assert [d["post"] for d in listed] == ["继保调试员"]
    closed = client.post(f"/api/v1/demands/{body['id']}/close", {"status": "withdrawn"},
                         content_type="application/json")
    assert closed.json()["status"] == "withdrawn"
    assert client.get(f"/api/v1/demands/{world.demand_b.pk}").status_code == 404


def test_the_api_suggests_from_the_users_school_and_writes_nothing(client, world):
    _skills(world)
    client.force_login(world.hr_li)
    response = client.post("/api/v1/skill-suggestions", {"text": "熟悉plc编程与继电保护"},
                           content_type="application/json")
    assert response.status_code == 200
    assert [(s["name"], s["words"]) for s in response.json()] == [
        ("PLC编程", ["plc编程"]), ("继电保护", ["继电保护"])]
    assert Demand.objects.count() == 0


def test_the_partner_page_shows_its_open_demand_and_the_way_to_declare_more(client, world):
    world.demand_a  # noqa: B018
    client.force_login(world.hr_li)
    page = client.get(world.enterprise_a.get_absolute_url()).content.decode()
    assert "人才需求" in page and world.demand_a.post in page
    assert f"{reverse('talent:demand_add')}?organisation={world.enterprise_a.pk}" in page


@pytest.mark.parametrize("who", ["staff_wang", "hr_li"])
def test_the_demand_list_runs_a_pinned_number_of_queries(client, world, who):
    client.force_login(getattr(world, who))
    numbers = count()

    def grow(n):
        for _ in range(n):
            tf.demand(organisation=world.enterprise_a, post=f"岗位{next(numbers)}",
                      majors=[world.major], skills=[world.skill])

    # session, user, memberships, notifications, count, rows, majors, skills (+ the filters'
    # organisation, major and skill choices)
    assert_list_queries(client, reverse("talent:demand_list"), None, grow=grow)


def test_the_api_list_runs_a_pinned_number_of_queries(client, world):
    client.force_login(world.staff_wang)
    numbers = count()

    def grow(n):
        for _ in range(n):
            tf.demand(organisation=world.enterprise_a, post=f"岗位{next(numbers)}",
                      majors=[world.major], skills=[world.skill])

    assert_list_queries(client, "/api/v1/demands", None, grow=grow)
