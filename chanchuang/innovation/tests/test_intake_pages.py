"""The intake and cohort pages, walked through as their users would: a student applies, two
reviewers score, staff publish the selection, the student accepts, ranks mentors, staff run
the match, the student checks in and hands in, the mentor gives feedback, a judge scores."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from chanchuang.core.tests import factories as f
from chanchuang.innovation.models import Application, Attendance, Review, Submission, Team
from chanchuang.mentors.tests import factories as mf


def _page(client, url, **kwargs):
    response = client.get(url, **kwargs)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.fixture
def cohort(world):
    cohort = world.cohort
    cohort.reviews_per_application = 2
    cohort.save()
    return cohort


def test_the_whole_intake_through_the_pages(client, world, cohort,
                                          django_capture_on_commit_callbacks):
    reviewer = f.UserFactory(username="reviewer_he", real_name="何评审")
    cohort.reviewers.create(user=reviewer)
    # The student applies with a team mate.
    mate = f.StudentFactory(school_class=world.school_class, student_no="2025000099")
    client.force_login(world.student_user)
    assert reverse("innovation:application_add", args=[cohort.pk]) in _page(
        client, cohort.get_absolute_url())
    form = _page(client, reverse("innovation:application_add", args=[cohort.pk]))
    assert "你为什么想参加特训营？" in form
    question = cohort.questions.get()
    response = client.post(reverse("innovation:application_add", args=[cohort.pk]), {
        "team_name": "光伏先锋", "members": "2025000099", "project_title": "阳台光伏",
        "project_summary": "给宿舍装光伏", f"q_{question.pk}": "想把想法落地"}, follow=True)
    assert "已提交报名" in response.content.decode()
    application = Application.objects.get(lead=world.student_liu)
    assert [m.student for m in application.members.all()] == [world.student_liu, mate]
    assert "光伏先锋" in _page(client, reverse("innovation:my_applications"))
    # Applications close; staff assign the reviewers.
    cohort.applications_close_at = timezone.now() - dt.timedelta(minutes=1)
    cohort.save()
    client.force_login(world.staff_wang)
    cohort.reviewers.filter(user=world.staff_wang).delete()
    response = client.post(reverse("innovation:cohort_step", args=[cohort.pk, "assign"]),
                           follow=True)
    assert "已分配 2 份评审" in response.content.decode()
    # Both reviewers score.
    c1, c2 = cohort.criteria.all()
    for user, (a, b) in [(world.mentor_chen, (8, 7)), (reviewer, (6, 9))]:
        client.force_login(user)
        review = Review.objects.get(reviewer=user)
        assert "阳台光伏" in _page(client, reverse("innovation:my_reviews"))
        response = client.post(reverse("innovation:review_detail", args=[review.pk]), {
            f"score_{c1.pk}": a, f"score_{c2.pk}": b, "comment": "不错"}, follow=True)
        assert "评分已保存" in response.content.decode()
    # Staff see the ranking and publish.
    client.force_login(world.staff_wang)
    page = _page(client, reverse("innovation:cohort_selection", args=[cohort.pk]))
    assert "光伏先锋" in page and "74.00" in page  # (76 + 72) / 2
    response = client.post(reverse("innovation:cohort_selection", args=[cohort.pk]),
                           follow=True)
    assert "已发布：1 份录取" in response.content.decode()
    # The student sees the offer and accepts.
    client.force_login(world.student_user)
    page = _page(client, application.get_absolute_url())
    assert "恭喜" in page
    response = client.post(reverse("innovation:application_step",
                                   args=[application.pk, "accept"]), follow=True)
    assert "欢迎加入本期" in response.content.decode()
    team = Team.objects.get(application=application)
    # Mentors are offered; the team ranks them; staff run the match.
    client.force_login(world.staff_wang)
    other = mf.mentor(school=world.school, name="贺安琪")
    for mentor in (world.mentor_own, other):
        client.post(reverse("innovation:cohort_part_add", args=[cohort.pk, "mentor"]),
                    {"mentor": mentor.pk, "capacity": 1})
    client.force_login(world.student_user)
    assert "为你希望的导师排序" in _page(client, team.get_absolute_url())
    client.post(reverse("innovation:team_choices", args=[team.pk]),
                {"mentor": [other.pk, world.mentor_own.pk]})
    client.force_login(world.staff_wang)
    with django_capture_on_commit_callbacks(execute=True):  # the match runs as a task
        client.post(reverse("innovation:cohort_match", args=[cohort.pk]))
    assert "1 个团队中有 1 个已有导师" in _page(
        client, reverse("innovation:cohort_match", args=[cohort.pk]))
    team.refresh_from_db()
    assert team.mentor == other
    # A session: the student checks in with the code shown to staff.
    session = cohort.sessions.create(topic="路演技巧", starts_at=timezone.now(),
                                     ends_at=timezone.now() + dt.timedelta(hours=2))
    assert session.check_in_code in _page(client, session.get_absolute_url())
    client.force_login(world.student_user)
    response = client.post(reverse("innovation:session_check_in", args=[session.pk]),
                           {"code": "000000" if session.check_in_code != "000000" else "1"},
                           follow=True)
    assert "签到码不正确" in response.content.decode()
    client.post(reverse("innovation:session_check_in", args=[session.pk]),
                {"code": session.check_in_code})
    assert Attendance.objects.get(student=world.student_liu).status == "present"
    # The team hands in a milestone.
    milestone = cohort.milestones.create(title="商业计划书", due_on=dt.date(2026, 12, 20))
    client.post(reverse("innovation:team_submit", args=[team.pk, milestone.pk]),
                {"content": "完成了十个用户访谈"})
    assert Submission.objects.get(team=team).content == "完成了十个用户访谈"
    assert "完成了十个用户访谈" in _page(client, team.get_absolute_url())


def test_a_reviewer_scoring_outside_the_rubric_sees_why_and_nothing_is_saved(client, world,
                                                                            cohort):
    application = world.application_ma
    cohort.phase = "reviewing"
    cohort.save()
    review = application.reviews.create(reviewer=world.mentor_chen)
    c1, c2 = cohort.criteria.all()
    client.force_login(world.mentor_chen)
    response = client.post(reverse("innovation:review_detail", args=[review.pk]),
                           {f"score_{c1.pk}": 12, f"score_{c2.pk}": 5})
    assert "确保该值小于或等于10" in response.content.decode()
    review.refresh_from_db()
    assert review.status == "assigned" and review.total is None


def test_a_mentor_sees_only_the_teams_assigned_to_them(client, world):
    world.team_liu, world.team_ma  # noqa: B018
    client.force_login(world.mentor_chen)
    page = _page(client, reverse("innovation:team_list"))
    assert "光伏先锋" in page and "味道实验室" not in page
    assert client.get(world.team_ma.get_absolute_url()).status_code == 404


def test_a_student_sees_only_their_own_application(client, world):
    world.application_liu, world.application_ma  # noqa: B018
    client.force_login(world.student_user)
    assert client.get(world.application_ma.get_absolute_url()).status_code == 404
    assert client.get(world.application_liu.get_absolute_url()).status_code == 200
