"""During the cohort: the mentor match and its explanation, attendance and check-in, demo-day
scores, and completion with credits on the record."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from chanchuang.core.models import AuditEntry
from chanchuang.core.services import DomainError
from chanchuang.core.tests import factories as f
from chanchuang.innovation.choices import CohortPhase
from chanchuang.innovation.models import Application, Attendance, Cohort, Credit, JudgeScore
from chanchuang.innovation.queries import cohort as queries
from chanchuang.innovation.services import cohort as services
from chanchuang.innovation.tests import factories as inf
from chanchuang.mentors.models import Activity
from chanchuang.mentors.tests import factories as mf


def _teams(world, scores):
    """Teams of a running cohort with the given intake scores (best first)."""
    cohort = inf.cohort(world.school, number=5, phase=CohortPhase.SELECTED)
    teams = []
    for score in scores:
        application = inf.application(cohort, f.StudentFactory(school_class=world.school_class),
                                      team_name=f"团队{score}")
        Application.objects.filter(pk=application.pk).update(score=Decimal(score))
        application.score = Decimal(score)
        teams.append(inf.team(application))
    return cohort, teams


def test_the_mentor_match_is_stable_and_explained(world):
    cohort, (best, middle, last) = _teams(world, [90, 80, 70])
    star = mf.mentor(school=world.school, name="陈朋")
    other = mf.mentor(school=world.school, name="贺安琪")
    cohort.mentor_offers.create(mentor=star, capacity=1)
    cohort.mentor_offers.create(mentor=other, capacity=2)
    for team in (best, middle, last):
        services.choose_mentors(actor=world.staff_wang, team=team, mentors=[star, other])
    run = inf.mentor_match(cohort, world.staff_wang, seed=7)
    assert run.status == "done" and run.reproduced is True
    for team in (best, middle, last):
        team.refresh_from_db()
    assert (best.mentor, middle.mentor, last.mentor) == (star, other, other)
    assert queries.mentor_explanation(middle) == [
        {"mentor": "陈朋", "choice": 1, "reason": "full", "cutoff": 1, "rank": 2}]
    assert queries.mentor_explanation(best) == []
    with pytest.raises(DomainError, match="导师志愿已截止"):
        services.choose_mentors(actor=world.staff_wang, team=last, mentors=[star])


def test_mentor_choices_must_come_from_the_cohorts_offer(world):
    _cohort, (team,) = _teams(world, [80])
    stranger = mf.mentor(school=world.school, name="路人")
    with pytest.raises(DomainError, match="请在本期导师中选择"):
        services.choose_mentors(actor=world.staff_wang, team=team, mentors=[stranger])


def test_check_in_needs_the_right_code_at_the_right_time(world):
    session = world.session
    world.team_liu  # noqa: B018
    user = world.student_user
    with pytest.raises(DomainError, match="签到码不正确"):
        services.check_in(actor=user, session=session, code="x")
    with pytest.raises(DomainError, match="签到时间为"):
        services.check_in(actor=user, session=session, code=session.check_in_code,
                          now=session.ends_at + dt.timedelta(minutes=1))
    late = services.check_in(actor=user, session=session, code=session.check_in_code,
                             now=session.starts_at + dt.timedelta(minutes=20))
    assert late.status == "late" and late.method == "code"
    outsider = f.StudentFactory(school_class=world.school_class).user
    with pytest.raises(DomainError, match="只有本期学员可以签到"):
        services.check_in(actor=outsider, session=session, code=session.check_in_code)


def test_the_sessions_mentor_marks_attendance_and_nobody_else_can(client, world):
    session = world.session
    world.team_liu, world.team_ma  # noqa: B018
    client.force_login(world.mentor_chen)  # the session's mentor
    client.post(reverse("innovation:session_attendance", args=[session.pk]),
                {f"status_{world.student_liu.pk}": "present",
                 f"status_{world.student_ma.pk}": "absent"})
    assert dict(Attendance.objects.values_list("student__student_no", "status")) == {
        "2025000001": "present", "2025000002": "absent"}
    client.force_login(world.hr_li)
    response = client.post(reverse("innovation:session_attendance", args=[session.pk]),
                           {f"status_{world.student_liu.pk}": "absent"})
    assert response.status_code == 403
    assert Attendance.objects.get(student=world.student_liu).status == "present"


def test_only_judges_score_pitches_within_range(world):
    team = world.team_liu
    with pytest.raises(DomainError, match="只有本期路演评委"):
        services.score_pitch(actor=world.mentor_chen, team=team, score=Decimal(80))
    team.cohort.judges.add(world.mentor_chen)
    with pytest.raises(DomainError, match="0 到 100"):
        services.score_pitch(actor=world.mentor_chen, team=team, score=Decimal(101))
    services.score_pitch(actor=world.mentor_chen, team=team, score=Decimal(88))
    services.score_pitch(actor=world.mentor_chen, team=team, score=Decimal(90))  # corrected
    assert JudgeScore.objects.get().score == Decimal(90)


def test_finishing_gives_credits_to_those_who_attended_enough(world):
    cohort = world.cohort_running
    world.team_liu, world.team_ma  # noqa: B018
    start = timezone.now() - dt.timedelta(days=10)
    sessions = [inf.session(cohort, starts_at=start + dt.timedelta(days=i)) for i in range(5)]
    sessions[0].mentor = world.mentor_own  # 陈朋 taught the first one, two hours
    sessions[0].save()
    inf.session(cohort, mentor=world.mentor_a,  # not held yet: nobody's activity
                starts_at=timezone.now() + dt.timedelta(days=3))
    for session in sessions:  # liu comes to all five, ma to three (60 % < 80 %)
        Attendance.objects.create(session=session, student=world.student_liu, status="present",
                                  method="staff")
    for session in sessions[:3]:
        Attendance.objects.create(session=session, student=world.student_ma, status="late",
                                  method="staff")
    assert services.finish(actor=world.staff_wang, cohort=cohort) == {
        "completed": 1, "not_completed": 1}
    [credit] = Credit.objects.all()
    assert (credit.student, credit.credits, credit.category) == (
        world.student_liu, Decimal("2.0"), "bootcamp")
    [taught] = Activity.objects.all()  # in 陈朋's yearly summary from now on
    assert (taught.mentor, taught.kind, taught.hours) == (world.mentor_own, "workshop",
                                                          Decimal("2.0"))
    assert taught.title.endswith("商业模式画布")
    # Staff correct ma's completion (a documented absence): the credit follows.
    member = world.team_ma.application.members.get()
    services.set_completion(actor=world.staff_wang, member=member, completed=True,
                            award="最佳人气奖")
    assert Credit.objects.filter(student=world.student_ma, award="").exists()
    services.set_completion(actor=world.staff_wang, member=member, completed=False)
    assert not Credit.objects.filter(student=world.student_ma).exists()


def test_an_offered_mentor_states_their_capacity_and_nobody_else_can(client, world):
    offer = world.offer_chen
    client.force_login(world.mentor_chen)
    page = client.get(world.cohort.get_absolute_url()).content.decode()
    assert "你在本期担任导师" in page
    url = f"/innovation/cohort-mentors/{offer.pk}/capacity/"
    response = client.post(url, {"capacity": 4}, follow=True)
    assert "已保存：最多 4 个团队" in response.content.decode()
    offer.refresh_from_db()
    assert offer.capacity == 4
    assert AuditEntry.objects.filter(content_type__model="cohortmentor").exists()
    response = client.post(url, {"capacity": 0}, follow=True)
    assert offer.__class__.objects.get(pk=offer.pk).capacity == 4
    client.force_login(world.student_user)
    assert client.post(url, {"capacity": 9}).status_code == 403
    assert offer.__class__.objects.get(pk=offer.pk).capacity == 4


def test_capacity_cannot_drop_below_the_teams_already_mentored(world):
    team = world.team_liu  # mentored by mentor_chen in cohort 3
    offer = team.cohort.mentor_offers.create(mentor=world.mentor_own, capacity=3)
    inf.team(inf.application(team.cohort, f.StudentFactory(school_class=world.school_class),
                             team_name="第二队"), mentor=world.mentor_own)
    with pytest.raises(DomainError, match="至少 2"):
        services.set_mentor_capacity(actor=world.mentor_chen, offer=offer, capacity=1)
    offer.refresh_from_db()
    assert offer.capacity == 3


FINISHED = "本期特训营已结束，不再接受提交"


def _finished_team(world):
    team, milestone = world.team_liu, world.milestone
    team.cohort.phase = CohortPhase.FINISHED
    team.cohort.save(update_fields=["phase"])
    return team, milestone


def test_a_finished_cohort_takes_no_submission_on_the_page(client, world):
    team, milestone = _finished_team(world)
    client.force_login(world.student_user)
    response = client.post(reverse("innovation:team_submit", args=[team.pk, milestone.pk]),
                           {"content": "结营后补交"}, follow=True)
    assert FINISHED in response.content.decode()
    assert not team.submissions.exists()


def test_a_finished_cohort_takes_no_submission_through_the_api(client, world):
    team, milestone = _finished_team(world)
    client.force_login(world.student_user)
    response = client.post(f"/api/v1/teams/{team.pk}/submissions",
                           {"milestone_id": milestone.pk, "content": "结营后补交"},
                           content_type="application/json")
    assert response.status_code == 400
    assert FINISHED in response.json()["detail"]
    assert not team.submissions.exists()


def test_a_running_cohort_still_takes_submissions(world):
    submission = services.submit(actor=world.student_user, milestone=world.milestone,
                                 team=world.team_liu, content="完成了用户访谈")
    assert submission.team == world.team_liu


def test_a_mentor_sees_only_their_own_teams_once_the_cohort_they_judged_has_finished(client,
                                                                                     world):
    cohort = world.cohort_running
    cohort.judges.add(world.mentor_chen)
    mine, other = world.team_liu, world.team_ma  # mentor_chen mentors student_liu's team
    client.force_login(world.mentor_chen)
    listing = client.get(reverse("innovation:team_list")).content.decode()
    assert mine.name in listing and other.name in listing  # demo day: every pitch to score
    Cohort.objects.filter(pk=cohort.pk).update(phase=CohortPhase.FINISHED)
    listing = client.get(reverse("innovation:team_list")).content.decode()
    assert mine.name in listing and other.name not in listing
    assert client.get(other.get_absolute_url()).status_code == 404
