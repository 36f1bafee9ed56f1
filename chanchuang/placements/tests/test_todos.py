"""What the placements app puts on a home's to-do list, for whom, and never for anyone else: a
student's round to choose in (one tap to 我的志愿) and their next log; an enterprise's rankings
and its interns' logs; the named enterprise mentor's logs; department staff's interns behind;
school staff's rounds to run or publish."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from chanchuang.core.todos import todos_for
from chanchuang.placements.choices import LogStatus, PlacementStatus, RoundStatus
from chanchuang.placements.models import Placement, Preference
from chanchuang.placements.tests import factories as placement_factories


def _whats(user) -> list[str]:
    return [todo.what for todo in todos_for(user)]


@pytest.fixture
def open_first_round(world):
    """Round 1 of the plan, open: student_liu may choose, nobody has yet; and the other
    school's round 1, open too."""
    placement_factories.selection_round(world.plan_far)
    return placement_factories.selection_round(world.plan)


@pytest.fixture
def confirmed(world):
    """student_liu's placement at enterprise A, confirmed."""
    placement = world.placement_liu
    Placement.objects.filter(pk=placement.pk).update(status=PlacementStatus.CONFIRMED)
    return placement


def test_a_student_is_sent_to_the_choice_page_of_an_open_round(client, world, open_first_round):
    todos = todos_for(world.student_user)
    choices = reverse("placements:round_choices", args=[open_first_round.pk])
    assert [(t.url, t.due) for t in todos] == [
        (choices, timezone.localdate(open_first_round.choices_deadline))]
    assert choices not in [t.url for t in todos_for(world.student_far.user)]
    client.force_login(world.student_user)
    page = client.get(reverse("core:home")).content.decode()
    # One tap: the to-do, and the 我的志愿 figure, both open the round's choice page.
    assert page.count(f'href="{choices}"') == 2 and "我的志愿" in page
    assert client.get(choices).status_code == 200


def test_choices_filed_or_a_round_of_another_cohort_leave_nothing_to_do(world, open_first_round):
    Preference.objects.create(round=open_first_round, student=world.student_liu,
                              position=world.position_a, rank=1)
    assert _whats(world.student_user) == []
    # student_ma studies another major: the plan's round is not for him.
    assert _whats(world.student_ma.user) == []


def test_the_student_placed_in_round_1_is_not_asked_to_choose_in_round_2(world):
    world.round_open  # noqa: B018 — round 2 follows round 1, where student_liu was placed
    assert not any("填报志愿" in what for what in _whats(world.student_user))


def test_a_student_under_way_is_told_when_the_next_log_is_due(world, confirmed, today):
    world.log_liu  # noqa: B018 — the first week, logged
    todos = todos_for(world.student_user)
    assert [(t.due, t.url) for t in todos] == [
        (placement_factories.ENTERPRISE_BLOCK[0] + dt.timedelta(days=6 + 7),
         confirmed.get_absolute_url())]
    assert todos[0].overdue  # 29 November: the second week's log is long overdue


def test_an_enterprise_ranks_the_applicants_of_its_own_positions_only(world, open_first_round):
    for student in (world.student_liu, world.student_ma):
        Preference.objects.create(round=open_first_round, student=student,
                                  position=world.position_a, rank=1)
    [todo] = todos_for(world.hr_li)
    assert todo.what == "为 1 个岗位的报名学生排序" and "2 名学生" in todo.detail
    assert todo.url == reverse("placements:round_rank",
                               args=[open_first_round.pk, world.position_a.pk])
    assert todos_for(world.hr_zhao) == []  # enterprise B's positions have no applicants


def test_an_enterprise_signs_off_its_own_interns_logs(world, confirmed):
    world.log_liu  # noqa: B018
    world.log_far  # noqa: B018 — the other school's intern
    [todo] = todos_for(world.hr_li)
    assert todo.what == "签批实习生的周志" and todo.url == confirmed.get_absolute_url()
    assert todos_for(world.hr_zhao) == []
    world.log_liu.status = LogStatus.SIGNED_OFF
    world.log_liu.save()
    assert todos_for(world.hr_li) == []


def test_the_named_enterprise_mentor_signs_off_through_the_mailed_link(client, world, confirmed):
    world.mentor_own.email = "chenpeng@example.cn"
    world.mentor_own.save()
    Placement.objects.filter(pk=confirmed.pk).update(mentor_name="陈朋",
                                                     mentor_email="chenpeng@example.cn")
    world.log_liu  # noqa: B018
    [todo] = todos_for(world.mentor_chen)
    assert todo.what == "签批刘欣怡的周志"
    assert "第一周" in client.get(todo.url).content.decode()
    # Another mentor, and a mentor whose pool record has no e-mail, see nothing.
    world.mentor_own.email = ""
    world.mentor_own.save()
    assert todos_for(world.mentor_chen) == []


def test_department_staff_see_their_own_interns_behind(world, confirmed, today):
    far = world.placement_far
    Placement.objects.filter(pk=far.pk).update(status=PlacementStatus.CONFIRMED)
    [todo] = todos_for(world.dept_zhou)
    assert todo.what == "本院 1 名实习生周志未按时提交"
    assert todo.due == placement_factories.ENTERPRISE_BLOCK[0] + dt.timedelta(days=7)
    assert todo.url == reverse("placements:placement_exceptions")
    # student_ma's department is not dept_zhou's.
    Placement.objects.filter(pk=confirmed.pk).update(student=world.student_ma)
    assert todos_for(world.dept_zhou) == []


def test_staff_run_rounds_past_their_deadlines_and_publish_matched_ones(world, open_first_round):
    past = timezone.now() - dt.timedelta(days=1)
    open_first_round.choices_deadline = past - dt.timedelta(days=2)
    open_first_round.rankings_deadline = past
    open_first_round.save()
    assert _whats(world.staff_wang) == [f"运行匹配：{open_first_round}"]
    assert _whats(world.staff_far) == []
    open_first_round.status = RoundStatus.MATCHED
    open_first_round.save()
    assert _whats(world.staff_wang) == [f"发布结果：{open_first_round}"]
    assert _whats(world.admin) == [f"发布结果：{open_first_round}"]
