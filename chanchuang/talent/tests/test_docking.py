"""Docking activities: recording one puts it on each enterprise's partner timeline once; the
resulting agreement must involve one of its enterprises; follow-ups go on their owner's to-do
list until done (once); enterprise members see only their organisation's activities; the list,
its export, the API and the partner page's card."""

import datetime as dt
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from chanchuang.core.models import AuditEntry, Notification
from chanchuang.core.services import DomainError
from chanchuang.core.tests import factories as f
from chanchuang.core.tests.querycounts import assert_list_queries
from chanchuang.core.visibility import scope_of
from chanchuang.partners.models import Interaction
from chanchuang.talent.models import DockingEvent, FollowUp
from chanchuang.talent.services import docking as services
from chanchuang.talent.tests import factories as tf
from chanchuang.talent.todos import follow_up_todos


def _record(world, **fields):
    values = {"actor": world.staff_wang, "school": world.school, "kind": "enterprise_major",
              "title": "新能源企业与电力专业对接会", "held_on": dt.date(2026, 11, 3),
              "organisations": [world.enterprise_a], "majors": [world.major],
              "outcome": "商定共建订单班。"}
    return services.record_docking_event(**{**values, **fields})


def _rows(response):
    return [row.record for row in response.context["table"].page.object_list]


# --- services ---------------------------------------------------------------------------------


def test_recording_puts_the_activity_once_on_each_enterprise_timeline(world):
    event = _record(world, organisations=[world.enterprise_a, world.enterprise_b],
                    agreement=world.agreement_a)
    entries = Interaction.objects.filter(docking_events=event)
    assert sorted((e.organisation_id, e.kind, e.title, e.notes, e.agreement_id)
                  for e in entries) == sorted(
        (org.pk, "meeting", "对接活动：新能源企业与电力专业对接会", "商定共建订单班。",
         world.agreement_a.pk) for org in (world.enterprise_a, world.enterprise_b))
    assert AuditEntry.objects.filter(action="talent.docking.recorded").count() == 1


def test_an_enterprise_added_later_gets_its_entry_and_nobody_gets_two(world):
    event = _record(world)
    other = f.OrganisationFactory(school=world.school, name="江城新能源研究院有限公司")
    for _ in range(2):  # saved twice: the second adds nothing
        services.change_docking_event(
            actor=world.dept_zhou, event=event, organisations=[world.enterprise_a, other],
            majors=[world.major], kind=event.kind, title=event.title, held_on=event.held_on,
            location="", attendees="", outcome=event.outcome, agreement=None)
    assert sorted(Interaction.objects.filter(docking_events=event).values_list(
        "organisation__name", flat=True)) == sorted([world.enterprise_a.name, other.name])
    assert Interaction.objects.count() == 2


def test_the_agreement_must_involve_one_of_the_enterprises_and_nothing_is_written(world):
    with pytest.raises(DomainError, match="协议") as refused:
        _record(world, agreement=world.agreement_b)
    assert refused.value.field == "agreement"
    assert not DockingEvent.objects.filter(title="新能源企业与电力专业对接会").exists()
    assert not Interaction.objects.exists()


def test_an_enterprise_of_another_school_is_refused(world):
    with pytest.raises(DomainError, match="本校"):
        _record(world, organisations=[world.org_far])
    assert not Interaction.objects.exists()


def test_linking_the_resulting_agreement_once(world):
    event = world.docking_event
    with pytest.raises(DomainError, match="协议"):
        services.link_agreement(actor=world.staff_wang, event=event, agreement=world.agreement_b)
    services.link_agreement(actor=world.staff_wang, event=event, agreement=world.agreement_a)
    event.refresh_from_db()
    assert event.agreement == world.agreement_a
    with pytest.raises(DomainError, match="已"):
        services.link_agreement(actor=world.staff_wang, event=event,
                                agreement=world.agreement_a)


def test_a_follow_up_is_owned_by_someone_of_the_school_or_an_enterprise_that_took_part(world):
    event = world.docking_event
    with pytest.raises(DomainError, match="负责人"):
        services.add_follow_up(actor=world.staff_wang, event=event, action="提供岗位清单",
                               owner=world.hr_zhao, due_on=dt.date(2026, 12, 1))
    with pytest.raises(DomainError, match="负责人"):
        services.add_follow_up(actor=world.staff_wang, event=event, action="提供岗位清单",
                               owner=world.staff_far, due_on=dt.date(2026, 12, 1))
    with pytest.raises(DomainError, match="截止"):
        services.add_follow_up(actor=world.staff_wang, event=event, action="提供岗位清单",
                               owner=world.hr_li, due_on=event.held_on - dt.timedelta(days=1))
    assert not FollowUp.objects.exists()
    follow_up = services.add_follow_up(actor=world.staff_wang, event=event,
                                       action="提供岗位清单", owner=world.hr_li,
                                       due_on=dt.date(2026, 12, 1))
    told = Notification.objects.get(user=world.hr_li)
    assert "提供岗位清单" in told.title and told.url == event.get_absolute_url()
    assert follow_up.owner == world.hr_li


def test_a_follow_up_is_done_once(world):
    follow_up = world.follow_up
    services.complete_follow_up(actor=world.dept_zhou, follow_up=follow_up, note="已走访")
    follow_up.refresh_from_db()
    assert follow_up.done_at is not None and follow_up.note == "已走访"
    with pytest.raises(DomainError, match="已完成"):
        services.complete_follow_up(actor=world.staff_wang, follow_up=follow_up)
    assert AuditEntry.objects.filter(action="talent.follow_up.done").count() == 1


# --- the to-do ----------------------------------------------------------------------------


def test_the_owner_finds_the_follow_up_on_their_home_until_it_is_done(client, world):
    follow_up = world.follow_up
    overdue = tf.follow_up(event=world.docking_event, owner=world.dept_zhou, action="回访企业",
                           due_on=timezone.localdate() - dt.timedelta(days=3))
    mine = follow_up_todos(world.dept_zhou, scope_of(world.dept_zhou))
    assert [(t.what, t.overdue) for t in mine] == [
        ("跟进：回访企业", True), (f"跟进：{follow_up.action}", follow_up.due_on
                                 < timezone.localdate())]
    assert follow_up_todos(world.staff_wang, scope_of(world.staff_wang)) == []
    student = world.student_liu.user
    assert follow_up_todos(student, scope_of(student)) == []
    client.force_login(world.dept_zhou)
    page = client.get(reverse("core:home")).content.decode()
    assert "跟进：回访企业" in page and "todo-overdue" in page
    services.complete_follow_up(actor=world.dept_zhou, follow_up=overdue)
    page = client.get(reverse("core:home")).content.decode()
    assert "跟进：回访企业" not in page and f"跟进：{follow_up.action}" in page


def test_the_to_do_reads_the_follow_ups_in_one_query(world):
    scope = scope_of(world.hr_li)
    for n in (1, 10):
        for i in range(n):
            tf.follow_up(event=world.docking_event, owner=world.hr_li, action=f"事项{n}-{i}")
        with CaptureQueriesContext(connection) as queries:
            found = follow_up_todos(world.hr_li, scope)
        assert len(queries) == 1 and len(found) in (1, 11)


# --- pages ----------------------------------------------------------------------------------


def test_an_enterprise_member_sees_only_the_activities_its_organisation_took_part_in(
        client, world):
    world.docking_event, world.docking_event_b, world.docking_far  # noqa: B018
    client.force_login(world.hr_li)
    assert _rows(client.get(reverse("talent:dockingevent_list"))) == [world.docking_event]
    page = client.get(world.docking_event.get_absolute_url()).content.decode()
    assert world.docking_event.title in page and "添加跟进事项" not in page
    assert client.get(world.docking_event_b.get_absolute_url()).status_code == 404
    client.force_login(world.staff_far)
    assert _rows(client.get(reverse("talent:dockingevent_list"))) == [world.docking_far]


def test_the_list_filters_by_enterprise_date_search_and_my_follow_ups(client, world):
    world.docking_event, world.docking_event_b  # noqa: B018
    world.follow_up  # noqa: B018 — dept_zhou's, on docking_event
    client.force_login(world.dept_zhou)
    url = reverse("talent:dockingevent_list")
    assert _rows(client.get(url, {"organisation": world.enterprise_b.pk})) == [
        world.docking_event_b]
    assert _rows(client.get(url, {"mine": "on"})) == [world.docking_event]
    assert _rows(client.get(url, {"q": "烹饪"})) == [world.docking_event_b]
    assert _rows(client.get(url, {"held_from": "2027-01-01"})) == []


def test_staff_record_an_activity_from_the_partner_page(client, world):
    client.force_login(world.dept_zhou)
    partner = client.get(world.enterprise_a.get_absolute_url()).content.decode()
    add_url = f"{reverse('talent:dockingevent_add')}?organisation={world.enterprise_a.pk}"
    assert add_url.replace("&", "&amp;") in partner or add_url in partner
    response = client.post(reverse("talent:dockingevent_add"), {
        "kind": "enterprise_major", "title": "储能运维人才对接会", "held_on": "2026-11-20",
        "organisations": [world.enterprise_a.pk], "majors": [world.major.pk],
        "outcome": "企业需储能运维10人", "agreement": world.agreement_b.pk})
    assert response.status_code == 200  # enterprise B's agreement: refused with its message
    assert "参与企业均不是" in response.content.decode()
    assert not DockingEvent.objects.filter(title="储能运维人才对接会").exists()
    response = client.post(reverse("talent:dockingevent_add"), {
        "kind": "enterprise_major", "title": "储能运维人才对接会", "held_on": "2026-11-20",
        "organisations": [world.enterprise_a.pk], "majors": [world.major.pk],
        "outcome": "企业需储能运维10人"})
    event = DockingEvent.objects.get(title="储能运维人才对接会")
    assert response["Location"] == event.get_absolute_url()
    assert (event.school, event.recorded_by) == (world.school, world.dept_zhou)
    partner = client.get(world.enterprise_a.get_absolute_url()).content.decode()
    assert "储能运维人才对接会" in partner and "对接活动：储能运维人才对接会" in partner


def test_a_foreign_enterprise_cannot_be_chosen(client, world):
    client.force_login(world.staff_wang)
    response = client.post(reverse("talent:dockingevent_add"), {
        "kind": "enterprise_major", "title": "越界对接会", "held_on": "2026-11-20",
        "organisations": [world.org_far.pk]})
    assert response.status_code == 200 and not DockingEvent.objects.exists()


def test_follow_ups_are_added_and_marked_done_on_the_activity_page(client, world):
    event = world.docking_event
    client.force_login(world.staff_wang)
    client.post(reverse("talent:followup_add", args=[event.pk]), {
        "action": "提供岗位清单", "owner": world.hr_li.pk, "due_on": "2026-12-20"})
    follow_up = FollowUp.objects.get(action="提供岗位清单")
    client.force_login(world.hr_li)
    page = client.get(event.get_absolute_url()).content.decode()
    assert reverse("talent:followup_complete", args=[follow_up.pk]) in page
    client.post(reverse("talent:followup_complete", args=[follow_up.pk]), {"note": "已提交"})
    follow_up.refresh_from_db()
    assert follow_up.done_at is not None and follow_up.note == "已提交"


def test_staff_link_the_resulting_agreement_on_the_activity_page(client, world):
    event = world.docking_event
    world.agreement_a, world.agreement_b  # noqa: B018
    client.force_login(world.staff_wang)
    page = client.get(event.get_absolute_url()).content.decode()
    assert world.agreement_a.title in page
    client.post(reverse("talent:dockingevent_agreement", args=[event.pk]),
                {"agreement": world.agreement_b.pk})  # not a choice: refused
    event.refresh_from_db()
    assert event.agreement is None
    client.post(reverse("talent:dockingevent_agreement", args=[event.pk]),
                {"agreement": world.agreement_a.pk})
    event.refresh_from_db()
    assert event.agreement == world.agreement_a


def test_the_list_runs_a_pinned_number_of_queries(client, world):
    client.force_login(world.staff_wang)

    def grow(n):
        for i in range(n):
            event = tf.docking_event(school=world.school,
                                     organisations=[world.enterprise_a, world.enterprise_b],
                                     majors=[world.major], title=f"对接会{n}-{i}")
            event.departments.add(world.department)
            tf.follow_up(event=event, owner=world.staff_wang)

    # session, user, memberships, count, unread notifications, the filter's choices
    # (enterprises, departments, majors), rows (with the agreement and the open follow-ups),
    # their enterprises, departments and majors = 12
    assert_list_queries(client, reverse("talent:dockingevent_list"), 12, grow=grow)


def test_the_api_list_runs_a_pinned_number_of_queries(client, world):
    client.force_login(world.staff_wang)
    # session, user, memberships, count, rows, enterprises, departments, majors = 8
    assert_list_queries(client, "/api/v1/docking-events", 8, grow=lambda n: [
        tf.docking_event(school=world.school, organisations=[world.enterprise_a],
                         majors=[world.major], title=f"接口对接会{n}-{i}") for i in range(n)])


def test_the_list_exports_to_excel(client, world):
    world.docking_event, world.docking_event_b  # noqa: B018
    client.force_login(world.hr_li)
    response = client.get(reverse("talent:dockingevent_list"), {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content), read_only=True).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert len(rows) == 2  # the header and enterprise A's activity only
    assert world.docking_event.title in rows[1] and world.enterprise_a.name in rows[1]


# --- API --------------------------------------------------------------------------------------


def test_the_api_records_an_activity_and_completes_a_follow_up(client, world):
    world.follow_up  # noqa: B018 — dept_zhou's
    client.force_login(world.staff_wang)
    response = client.post("/api/v1/docking-events", {
        "kind": "industry_department", "title": "产业对接座谈会", "held_on": "2026-11-25",
        "organisation_ids": [world.enterprise_a.pk], "department_ids": [world.department.pk]},
        content_type="application/json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["organisation_ids"] == [world.enterprise_a.pk]
    assert Interaction.objects.filter(docking_events__pk=body["id"]).count() == 1
    response = client.post("/api/v1/docking-events", {
        "kind": "industry_department", "title": "越界", "held_on": "2026-11-25",
        "organisation_ids": [world.org_far.pk]}, content_type="application/json")
    assert response.status_code == 400
    assert not DockingEvent.objects.filter(title="越界").exists()
    client.force_login(world.dept_zhou)
    mine = client.get("/api/v1/follow-ups", {"mine": "true"}).json()["items"]
    assert [item["id"] for item in mine] == [world.follow_up.pk]
    response = client.post(f"/api/v1/follow-ups/{world.follow_up.pk}/complete",
                           {"note": "已完成走访"}, content_type="application/json")
    assert response.status_code == 200 and response.json()["note"] == "已完成走访"
    response = client.post(f"/api/v1/follow-ups/{world.follow_up.pk}/complete")
    assert response.status_code == 400


def test_only_who_may_records_activities(world):
    assert not world.hr_li.has_perm("talent.add_dockingevent")
    assert world.dept_zhou.has_perm("talent.change_dockingevent", world.docking_event)
    assert not world.dept_zhou.has_perm("talent.delete_dockingevent", world.docking_event)
