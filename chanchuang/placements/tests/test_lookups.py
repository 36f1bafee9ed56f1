"""Ids from user input in the placements app: another school's object answers exactly like one
that does not exist (same status, same message but for the id, no name of the object), and
who sees which choices and rankings."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse

from chanchuang.core.tests import factories as f
from chanchuang.placements import services
from chanchuang.placements.models import Log, Placement, Preference, Ranking
from chanchuang.placements.tests import factories as pf

SECRET_TITLE = "保密研发岗"  # the school-1 position's title, never to reach school 2


def _without_ids(text: str) -> str:
    return re.sub(r"#\d+", "#…", text)


def _deleted(make):
    obj = make()
    pk = obj.pk
    obj.delete()
    return pk


@pytest.fixture
def far_round(world):
    """An open round of the other school's plan; student_far may choose in it."""
    world.position_far  # noqa: B018
    return pf.selection_round(world.plan_far)


@pytest.fixture
def secret_position(world):
    return pf.position(plan=world.plan, organisation=world.enterprise_a, title=SECRET_TITLE)


def _leaks(content: str, world) -> bool:
    return SECRET_TITLE in content or world.enterprise_a.name in content


def test_api_choices_answer_a_foreign_position_like_a_missing_one(client, world, far_round,
                                                                   secret_position):
    missing = _deleted(lambda: pf.position(plan=world.plan, organisation=world.enterprise_b))
    client.force_login(world.student_far.user)
    url = f"/api/v1/rounds/{far_round.pk}/choices"
    foreign = client.put(url, {"positions": [world.position_far.pk, secret_position.pk]},
                         content_type="application/json")
    absent = client.put(url, {"positions": [world.position_far.pk, missing]},
                        content_type="application/json")
    assert foreign.status_code == absent.status_code == 400
    assert foreign.json()["detail"] == f"岗位 #{secret_position.pk} 不存在。"
    assert _without_ids(foreign.json()["detail"]) == _without_ids(absent.json()["detail"])
    assert foreign.json()["field"] == absent.json()["field"] == "positions"
    assert not _leaks(foreign.content.decode(), world)
    assert not Preference.objects.filter(student=world.student_far).exists()


def test_api_choices_list_every_unknown_id_once_in_one_message(client, world, far_round,
                                                               secret_position):
    missing = _deleted(lambda: pf.position(plan=world.plan, organisation=world.enterprise_b))
    client.force_login(world.student_far.user)
    response = client.put(f"/api/v1/rounds/{far_round.pk}/choices",
                          {"positions": [secret_position.pk, missing, secret_position.pk]},
                          content_type="application/json")
    assert response.json()["detail"] == f"岗位 #{secret_position.pk}、#{missing} 不存在。"


def _page_messages(response) -> list[str]:
    """The messages the page a redirect led to showed (and so consumed)."""
    return [str(m) for m in response.context["messages"]]


def test_choices_page_answers_a_foreign_position_like_a_missing_one(client, world, far_round,
                                                                    secret_position):
    missing = _deleted(lambda: pf.position(plan=world.plan, organisation=world.enterprise_b))
    client.force_login(world.student_far.user)
    url = reverse("placements:round_choices", args=[far_round.pk])
    foreign = client.post(url, {"position": [secret_position.pk]}, follow=True)
    foreign_messages = _page_messages(foreign)
    absent = client.post(url, {"position": [missing]}, follow=True)
    absent_messages = _page_messages(absent)
    assert foreign.redirect_chain == absent.redirect_chain == [(url, 302)]
    assert foreign_messages == [f"岗位 #{secret_position.pk} 不存在。"]
    assert [_without_ids(m) for m in foreign_messages] == \
        [_without_ids(m) for m in absent_messages]
    assert not _leaks(foreign.content.decode(), world)
    assert not Preference.objects.filter(student=world.student_far).exists()


def test_rankings_refuse_a_foreign_student_like_a_missing_one_naming_only_the_id(
        client, world):
    selection = world.round_open
    Preference.objects.create(round=selection, student=world.student_liu,
                              position=world.position_a, rank=1)
    missing = _deleted(lambda: f.StudentFactory(school_class=world.school_class))
    client.force_login(world.hr_li)
    url = f"/api/v1/rounds/{selection.pk}/positions/{world.position_a.pk}/rankings"
    foreign = client.put(url, {"ranks": {str(world.student_far.pk): 1}},
                         content_type="application/json")
    absent = client.put(url, {"ranks": {str(missing): 1}}, content_type="application/json")
    assert foreign.status_code == absent.status_code == 400
    assert f"#{world.student_far.pk}" in foreign.json()["detail"]
    assert _without_ids(foreign.json()["detail"]) == _without_ids(absent.json()["detail"])
    for leak in (world.student_far.user.real_name, world.student_far.student_no):
        assert leak not in foreign.content.decode()
    assert not Ranking.objects.filter(round=selection).exists()


def _log(placement, content="第一周熟悉了运维流程，跟着师傅巡检。" * 2) -> Log:
    return Log.objects.create(placement=placement, period_start=dt.date(2026, 9, 7),
                              period_end=dt.date(2026, 9, 13), content=content)


def _confirmed_liu(world) -> Placement:
    placement = world.placement_liu
    placement.status = "confirmed"
    placement.save(update_fields=["status"])
    return placement


def test_api_sign_off_refuses_a_log_of_another_placement_like_a_missing_one(client, world):
    placement = _confirmed_liu(world)
    foreign_log = _log(world.placement_far, content="远方学校学生的周志内容" * 3)
    missing = _deleted(lambda: _log(placement))
    client.force_login(world.staff_wang)
    url = f"/api/v1/placements/{placement.pk}/sign-offs"
    foreign = client.post(url, {"logs": [foreign_log.pk], "approved": True},
                          content_type="application/json")
    absent = client.post(url, {"logs": [missing], "approved": True},
                         content_type="application/json")
    assert foreign.status_code == absent.status_code == 400
    assert foreign.json()["detail"] == f"周志 #{foreign_log.pk} 不存在。"
    assert _without_ids(foreign.json()["detail"]) == _without_ids(absent.json()["detail"])
    foreign_log.refresh_from_db()
    assert foreign_log.status == "submitted"


def test_sign_off_link_answers_a_foreign_log_like_a_missing_one(client, world):
    placement = _confirmed_liu(world)
    foreign_log = _log(world.placement_far, content="远方学校学生的周志内容" * 3)
    missing = _deleted(lambda: _log(placement))
    url = reverse("placements:public_sign_off", args=[services.sign_off_token(placement)])
    foreign = client.post(url, {"log": [foreign_log.pk], "approved": "yes"}, follow=True)
    foreign_messages = _page_messages(foreign)
    absent = client.post(url, {"log": [missing], "approved": "yes"}, follow=True)
    assert foreign.redirect_chain == absent.redirect_chain == [(url, 302)]
    assert foreign_messages == _page_messages(absent) == ["该链接只能签批 刘欣怡 的周志。"]
    assert "远方学校学生的周志内容" not in foreign.content.decode()
    foreign_log.refresh_from_db()
    assert foreign_log.status == "submitted"


# --- Who sees which choices and rankings ----------------------------------------------------


@pytest.fixture
def choices_and_rankings(world):
    """In the open round: student_liu (department 1) chose A, student_ma (department 2) chose
    B; both enterprises ranked their applicant. The other school has its own."""
    selection = world.round_open
    liu = Preference.objects.create(round=selection, student=world.student_liu,
                                    position=world.position_a, rank=1)
    ma = Preference.objects.create(round=selection, student=world.student_ma,
                                   position=world.position_b, rank=1)
    liu_ranked = Ranking.objects.create(round=selection, position=world.position_a,
                                        student=world.student_liu, rank=1)
    ma_ranked = Ranking.objects.create(round=selection, position=world.position_b,
                                       student=world.student_ma, rank=1)
    far_round = pf.selection_round(world.plan_far)
    far = Preference.objects.create(round=far_round, student=world.student_far,
                                    position=world.position_far, rank=1)
    far_ranked = Ranking.objects.create(round=far_round, position=world.position_far,
                                        student=world.student_far, rank=1)
    return {"liu": (liu, liu_ranked), "ma": (ma, ma_ranked), "far": (far, far_ranked)}


SEES = [
    # person, whose choices, whose rankings
    ("admin", {"liu", "ma", "far"}, {"liu", "ma", "far"}),
    ("staff_wang", {"liu", "ma"}, {"liu", "ma"}),
    ("dept_zhou", {"liu"}, {"liu"}),          # department 1's students only
    ("hr_li", {"liu"}, {"liu"}),              # enterprise A's position only
    ("hr_zhao", {"ma"}, {"ma"}),
    ("student_user", {"liu"}, set()),         # their own choices; no ranking at all
    ("mentor_chen", set(), set()),
    ("observer_hubei", set(), set()),
    ("staff_far", {"far"}, {"far"}),
]


@pytest.mark.parametrize(("who", "choices", "rankings"), SEES)
def test_choices_and_rankings_are_visible_per_role(world, choices_and_rankings, who, choices,
                                                   rankings):
    user = getattr(world, who)
    mine = choices_and_rankings.values()  # round 1 has rows of its own: leave them out
    seen = set(Preference.objects.visible_to(user).filter(
        pk__in=[p.pk for p, _r in mine]).values_list("pk", flat=True))
    ranked = set(Ranking.objects.visible_to(user).filter(
        pk__in=[r.pk for _p, r in mine]).values_list("pk", flat=True))
    assert seen == {choices_and_rankings[k][0].pk for k in choices}
    assert ranked == {choices_and_rankings[k][1].pk for k in rankings}


def test_a_student_sees_no_ranking_not_even_their_own(world, choices_and_rankings):
    assert not Ranking.objects.visible_to(world.student_user).exists()
    assert not Ranking.objects.visible_to(world.student_far.user).exists()
