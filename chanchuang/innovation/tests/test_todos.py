"""What the innovation app puts on a home: a student's offer to accept, a reviewer's
applications to score, a mentor's hand-ins to comment on, and staff's cohorts to close or whose
reviews are incomplete; never another person's, team's or school's."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from chanchuang.core.todos import figures_for, todos_for
from chanchuang.innovation.choices import ApplicationStatus, CohortPhase, ReviewStatus
from chanchuang.innovation.models import Application, Cohort, Submission
from chanchuang.innovation.tests import factories as innovation_factories


def _phase(cohort, phase):
    Cohort.objects.filter(pk=cohort.pk).update(phase=phase)


def test_a_student_is_asked_to_accept_an_offer_by_its_reply_date(world):
    reply_by = timezone.now() + dt.timedelta(days=3)
    for application in (world.application_liu, world.application_far):
        Application.objects.filter(pk=application.pk).update(
            status=ApplicationStatus.SELECTED, offered_at=timezone.now(), reply_by=reply_by)
    [todo] = todos_for(world.student_user)
    assert todo.what == f"接受或放弃录取：{world.cohort}"
    assert todo.url == world.application_liu.get_absolute_url()
    assert todo.due == timezone.localdate(reply_by)
    assert todos_for(world.student_ma.user) == []


def test_a_reviewer_scores_their_own_reviews_while_the_cohort_is_in_review(world):
    world.review_chen  # noqa: B018 — student_ma's application, given to mentor_chen
    assert todos_for(world.mentor_chen) == []  # applications are still open
    _phase(world.cohort, CohortPhase.REVIEWING)
    [todo] = todos_for(world.mentor_chen)
    assert todo.what == "评审 1 份报名" and todo.url == reverse("innovation:my_reviews")
    world.review_chen.status = ReviewStatus.SUBMITTED
    world.review_chen.save()
    assert todos_for(world.mentor_chen) == []


def test_a_mentor_comments_on_their_own_teams_hand_ins(world):
    world.submission_liu  # noqa: B018 — team_liu, mentored by mentor_chen
    Submission.objects.create(milestone=world.milestone, team=world.team_ma, content="访谈记录")
    [todo] = todos_for(world.mentor_chen)
    assert todo.what == "点评 1 份提交"
    assert todo.url == reverse("innovation:team_detail", args=[world.team_liu.pk])
    world.submission_liu.feedback = "访谈对象再多一些。"
    world.submission_liu.save()
    assert todos_for(world.mentor_chen) == []


def test_staff_close_intake_assign_reviewers_and_chase_reviews(world):
    cohort, far = world.cohort, world.cohort_far
    for made in (cohort, far):
        Cohort.objects.filter(pk=made.pk).update(
            applications_close_at=timezone.now() - dt.timedelta(hours=1))
    assert [t.what for t in todos_for(world.staff_wang)] == [f"截止报名：{cohort}"]
    assert [t.what for t in todos_for(world.staff_far)] == [f"截止报名：{far}"]
    _phase(cohort, CohortPhase.REVIEWING)
    world.application_liu  # noqa: B018
    assert [t.what for t in todos_for(world.staff_wang)] == [f"分配评审：{cohort}"]
    world.review_chen  # noqa: B018
    [todo] = todos_for(world.staff_wang)
    assert todo.what == f"评审未完成：{cohort}" and "1 份评审中还有 1 份未评分" in todo.detail
    assert todo.url == reverse("innovation:cohort_selection", args=[cohort.pk])


def test_a_mentor_sees_their_teams_and_reviews_a_student_their_bootcamp(world):
    world.team_liu, world.team_ma, world.review_chen  # noqa: B018
    [(_role, figures)] = figures_for(world.mentor_chen)
    values = {f.label: f.value for f in figures}
    assert values["我的团队"] == 1 and values["我的评审"] == "0 / 1"
    innovation_factories.application(world.cohort_far, world.student_far)
    [(_role, figures)] = figures_for(world.student_user)
    bootcamp = next(f for f in figures if f.label == "我的特训营")
    assert bootcamp.url == world.team_liu.application.get_absolute_url()
