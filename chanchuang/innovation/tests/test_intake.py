"""Intake: applying within the window, reviewer assignment and conflicts, scoring on the rubric,
normalised ranking, selection within capacity and quotas, offers and the moving waitlist."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from chanchuang.core.models import AuditEntry, Notification
from chanchuang.core.services import DomainError
from chanchuang.core.tests import factories as f
from chanchuang.innovation.choices import CohortPhase
from chanchuang.innovation.models import Application, ApplicationMember, Review, Team
from chanchuang.innovation.queries import intake as intake_queries
from chanchuang.innovation.services import intake
from chanchuang.innovation.tests import factories as inf


def _students(world, n, department=None):
    school_class = world.school_class if department is None else f.SchoolClassFactory(
        major=f.MajorFactory(department=department))
    return [f.StudentFactory(school_class=school_class) for _ in range(n)]


def _answers(cohort):
    return {str(q.pk): "我想创业" for q in cohort.questions.all()}


def test_a_student_applies_alone_and_a_team_with_a_project(world):
    cohort = world.cohort
    alone = intake.apply(actor=world.student_user, cohort=cohort, lead=world.student_liu,
                         answers=_answers(cohort))
    assert (alone.status, alone.project, alone.seats) == ("submitted", None, 1)
    [a, b] = _students(world, 2)
    team = intake.apply(actor=a.user, cohort=cohort, lead=a, members=[b], team_name="零碳小队",
                        project_title="校园碳足迹", answers=_answers(cohort))
    assert team.seats == 2 and list(team.project.students.all()) == [a, b]


@pytest.mark.parametrize(("change", "message"), [
    ({"applications_close_at": timezone.now() - dt.timedelta(hours=1)}, "现在不能报名"),
    ({"applications_open_at": timezone.now() + dt.timedelta(hours=1),
      "applications_close_at": timezone.now() + dt.timedelta(days=2)}, "现在不能报名"),
    ({"phase": CohortPhase.REVIEWING}, "现在不能报名"),
])
def test_an_application_outside_the_window_is_refused(world, change, message):
    cohort = world.cohort
    for name, value in change.items():
        setattr(cohort, name, value)
    cohort.save()
    with pytest.raises(DomainError, match=message):
        intake.apply(actor=world.student_user, cohort=cohort, lead=world.student_liu,
                     answers=_answers(cohort))
    assert not Application.objects.exists()


def test_a_student_already_in_the_cohort_cannot_apply_again_even_in_a_team(world):
    cohort = world.cohort
    intake.apply(actor=world.student_user, cohort=cohort, lead=world.student_liu,
                 answers=_answers(cohort))
    [other] = _students(world, 1)
    with pytest.raises(DomainError, match=r"刘欣怡.*已报名本期"):
        intake.apply(actor=other.user, cohort=cohort, lead=other, members=[world.student_liu],
                     team_name="队", project_title="项目", answers=_answers(cohort))
    assert Application.objects.count() == 1 and ApplicationMember.objects.count() == 1


def test_a_withdrawn_student_may_apply_again(world):
    cohort = world.cohort
    first = intake.apply(actor=world.student_user, cohort=cohort, lead=world.student_liu,
                         answers=_answers(cohort))
    intake.withdraw(actor=world.student_user, application=first)
    again = intake.apply(actor=world.student_user, cohort=cohort, lead=world.student_liu,
                         answers=_answers(cohort))
    assert again.status == "submitted"


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"answers": {}}, "你为什么想参加特训营？：必须回答"),
    ({"members": "far"}, "不是本校学生"),
    ({"members": "many"}, "每队最多 2 人"),
    ({"members": "one", "team_name": ""}, "团队需要填写队名和项目"),
])
def test_bad_applications_are_refused_in_chinese(world, kwargs, message):
    cohort = world.cohort
    cohort.max_team_size = 2
    cohort.save()
    members = {"far": [world.student_far], "many": _students(world, 2),
               "one": _students(world, 1)}.get(kwargs.pop("members", None), [])
    arguments = {"answers": _answers(cohort), "team_name": "队", "project_title": "项目",
                 **kwargs}
    with pytest.raises(DomainError, match=message):
        intake.apply(actor=world.student_user, cohort=cohort, lead=world.student_liu,
                     members=members, **arguments)
    assert not Application.objects.exists()


def _closed_cohort(world, applicants=6, reviewers=3, per_application=2, **extra):
    """A cohort whose window has closed, with applicants and reviewers."""
    cohort = inf.cohort(world.school, number=9, reviews_per_application=per_application,
                        **extra)
    cohort.applications_close_at = timezone.now() - dt.timedelta(minutes=1)
    cohort.applications_open_at = timezone.now() - dt.timedelta(days=9)
    cohort.save()
    users = [f.UserFactory() for _ in range(reviewers)]
    for user in users:
        cohort.reviewers.create(user=user)
    apps = [inf.application(cohort, s) for s in _students(world, applicants)]
    return cohort, users, apps


def test_reviewers_are_assigned_evenly_and_told(world):
    cohort, users, apps = _closed_cohort(world, applicants=7, reviewers=3)
    reviews = intake.assign_reviewers(actor=world.staff_wang, cohort=cohort)
    assert len(reviews) == 14
    loads = sorted(Review.objects.filter(reviewer=u).count() for u in users)
    assert loads[-1] - loads[0] <= 1
    assert all(a.reviews.count() == 2 for a in apps)
    cohort.refresh_from_db()
    assert cohort.phase == "reviewing"
    assert Notification.objects.filter(user=users[0], title__contains="份报名待评审").exists()
    # Running it again only fills gaps.
    assert intake.assign_reviewers(actor=world.staff_wang, cohort=cohort) == []


def test_reviewers_never_get_their_own_departments_applicants(world):
    cohort, users, _apps = _closed_cohort(world, applicants=4, reviewers=3)
    cohort.reviewers.filter(user=users[0]).update(department=world.department)
    intake.assign_reviewers(actor=world.staff_wang, cohort=cohort)
    own = Review.objects.filter(reviewer=users[0],
                                application__lead__department=world.department)
    assert not own.exists()


def test_assignment_before_the_window_closes_is_refused(world):
    with pytest.raises(DomainError, match="报名截止"):
        intake.assign_reviewers(actor=world.staff_wang, cohort=world.cohort)


def test_staff_close_applications_early_and_can_then_assign_reviewers(client, world):
    cohort = world.cohort
    world.application_liu  # noqa: B018
    client.force_login(world.staff_wang)
    response = client.post(f"/innovation/cohorts/{cohort.pk}/steps/close/", follow=True)
    assert "报名已截止" in response.content.decode()
    cohort.refresh_from_db()
    assert cohort.applications_close_at <= timezone.now()
    with pytest.raises(DomainError, match="现在不能报名"):
        intake.apply(actor=world.student_ma.user, cohort=cohort, lead=world.student_ma,
                     answers=_answers(cohort))
    assert len(intake.assign_reviewers(actor=world.staff_wang, cohort=cohort)) == 2
    with pytest.raises(DomainError, match="未在报名中"):
        intake.close_intake(actor=world.staff_wang, cohort=cohort)


def test_too_few_reviewers_is_reported_and_nothing_is_assigned(world):
    cohort, _users, _apps = _closed_cohort(world, reviewers=1, per_application=2)
    with pytest.raises(DomainError, match="符合条件的评审不足"):
        intake.assign_reviewers(actor=world.staff_wang, cohort=cohort)
    assert not Review.objects.exists()


def test_a_declared_conflict_passes_the_application_to_another_reviewer(world):
    cohort, _users, apps = _closed_cohort(world, applicants=1, reviewers=3, per_application=1)
    [review] = intake.assign_reviewers(actor=world.staff_wang, cohort=cohort)
    replacement = intake.declare_conflict(actor=review.reviewer, review=review,
                                          reason="是我的亲戚")
    assert replacement.reviewer != review.reviewer
    with pytest.raises(DomainError, match="已声明利益冲突"):
        intake.submit_review(actor=review.reviewer, review=Review.objects.get(pk=review.pk),
                             scores={}, comment="")
    # The one who declared no longer sees it; the replacement does.
    assert not Application.objects.visible_to(review.reviewer).exists()
    assert Application.objects.visible_to(replacement.reviewer).get() == apps[0]


def _score(review, a, b):
    c1, c2 = review.application.cohort.criteria.all()
    return intake.submit_review(actor=review.reviewer, review=review,
                                scores={str(c1.pk): a, str(c2.pk): b})


def test_scores_outside_the_rubric_are_refused_and_nothing_changes(world):
    cohort, _users, _apps = _closed_cohort(world, applicants=1, reviewers=2)
    review = intake.assign_reviewers(actor=world.staff_wang, cohort=cohort)[0]
    for a, b in [(11, 5), (-1, 5), ("abc", 5), (5, None)]:
        with pytest.raises(DomainError, match=r"0 到 10"):
            _score(review, a, b)
    review.refresh_from_db()
    assert (review.status, review.total) == ("assigned", None)
    scored = _score(review, 8, 5)  # (3 × 0.8 + 2 × 0.5) / 5 = 68
    assert (scored.status, scored.total) == ("submitted", Decimal("68.00"))


def test_only_the_assigned_reviewer_scores(world):
    cohort, _users, _apps = _closed_cohort(world, applicants=1, reviewers=2)
    review = intake.assign_reviewers(actor=world.staff_wang, cohort=cohort)[0]
    with pytest.raises(DomainError, match="只有被分配的评审"):
        intake.submit_review(actor=world.staff_wang, review=review, scores={})


def _reviewed(world, scores_by_reviewer, **cohort_extra):
    """A reviewed cohort: ``scores_by_reviewer[r][a]`` = reviewer r's (c1, c2) for applicant a
    (every reviewer reviews every application)."""
    n_apps = len(scores_by_reviewer[0])
    cohort, users, apps = _closed_cohort(world, applicants=n_apps,
                                         reviewers=len(scores_by_reviewer),
                                         per_application=len(scores_by_reviewer),
                                         **cohort_extra)
    intake.assign_reviewers(actor=world.staff_wang, cohort=cohort)
    for user, scores in zip(users, scores_by_reviewer, strict=True):
        for app, (a, b) in zip(apps, scores, strict=True):
            _score(Review.objects.get(application=app, reviewer=user), a, b)
    return cohort, apps


def test_a_harsh_reviewer_does_not_sink_an_application(world):
    # Reviewer 2 is harsh: the same order, 40 points lower everywhere. Pooled: mean 50,
    # spread √(4000/6) = 25.82; each reviewer's spread 16.33, so the top application is
    # 50 + (20 / 16.33) × 25.82 = 81.62 from both, though one gave 90 and the other 50.
    cohort, apps = _reviewed(world, [[(9, 9), (7, 7), (5, 5)], [(5, 5), (3, 3), (1, 1)]])
    ranked = intake_queries.ranking(cohort)
    assert [a.pk for a in ranked] == [apps[0].pk, apps[1].pk, apps[2].pk]
    top = Application.objects.get(pk=apps[0].pk)
    assert top.raw_score == Decimal("70.00") and top.score == Decimal("81.62")
    harsh = Review.objects.get(application=apps[0], reviewer=Review.objects.filter(
        application=apps[0]).order_by("total").first().reviewer)
    assert (harsh.total, harsh.normalised) == (Decimal("50.00"), Decimal("81.62"))


def test_selection_takes_the_ranking_within_capacity_and_quotas_and_waitlists_the_rest(world):
    cohort, apps = _reviewed(world, [[(10 - i, 10 - i) for i in range(6)]] * 2, capacity=4)
    cohort.quotas.create(department=world.department, seats=3)
    Application.objects.filter(pk=apps[1].pk).update(lead=world.student_ma)  # dept 2
    ApplicationMember.objects.filter(application=apps[1]).update(student=world.student_ma)
    offered, waiting = intake.publish_selection(actor=world.staff_wang, cohort=cohort)
    statuses = [Application.objects.get(pk=a.pk).status for a in apps]
    # Ranks 1–6; quota 3 for department 1: ranks 1, 3, 4 from it, rank 2 from department 2.
    assert statuses == ["selected", "selected", "selected", "selected", "waitlisted",
                        "waitlisted"]
    assert (offered, waiting) == (4, 2)
    assert intake_queries.waitlist_place(Application.objects.get(pk=apps[5].pk)) == 2
    with pytest.raises(DomainError, match="只发布一次"):
        intake.publish_selection(actor=world.staff_wang, cohort=cohort)


def test_a_decline_moves_the_waitlist_up_and_an_acceptance_makes_a_team(world):
    cohort, apps = _reviewed(world, [[(10 - i, 10 - i) for i in range(4)]] * 2, capacity=2)
    intake.publish_selection(actor=world.staff_wang, cohort=cohort)
    first, second, third, fourth = (Application.objects.get(pk=a.pk) for a in apps)
    team = intake.accept_offer(actor=first.lead.user, application=first)
    assert Team.objects.get(application=first) == team
    [moved] = intake.decline_offer(actor=second.lead.user, application=second)
    assert moved == third
    third.refresh_from_db()
    assert third.status == "selected" and third.reply_by > timezone.now()
    assert Notification.objects.filter(user=third.lead.user, title__contains="录取").exists()
    assert Application.objects.get(pk=fourth.pk).status == "waitlisted"


def test_an_offer_not_accepted_in_time_lapses_and_the_next_moves_up(world):
    cohort, apps = _reviewed(world, [[(9, 9), (8, 8)]] * 2, capacity=1)
    intake.publish_selection(actor=world.staff_wang, cohort=cohort)
    Application.objects.filter(pk=apps[0].pk).update(
        reply_by=timezone.now() - dt.timedelta(minutes=1))
    assert intake.expire_offers() == {"lapsed": 1, "moved_up": 1}
    assert Application.objects.get(pk=apps[0].pk).status == "declined"
    assert Application.objects.get(pk=apps[1].pk).status == "selected"
    with pytest.raises(DomainError, match="没有可接受的录取"):
        intake.accept_offer(actor=apps[0].lead.user,
                            application=Application.objects.get(pk=apps[0].pk))


def test_a_place_offered_by_hand_over_capacity_is_refused(world):
    cohort, apps = _reviewed(world, [[(9, 9), (8, 8)]] * 2, capacity=1)
    intake.publish_selection(actor=world.staff_wang, cohort=cohort)
    with pytest.raises(DomainError, match="名额已满"):
        intake.offer(actor=world.staff_wang, application=Application.objects.get(pk=apps[1].pk))
    assert Application.objects.get(pk=apps[1].pk).status == "waitlisted"


def test_selection_waits_for_every_review(world):
    cohort, _users, _apps = _closed_cohort(world, applicants=2, reviewers=2)
    reviews = intake.assign_reviewers(actor=world.staff_wang, cohort=cohort)
    _score(reviews[0], 5, 5)
    with pytest.raises(DomainError, match="份报名尚未评审完"):
        intake.publish_selection(actor=world.staff_wang, cohort=cohort)
    assert not Application.objects.filter(status="selected").exists()


def test_staff_record_acceptances_given_offline_all_or_none(client, world):
    cohort, _users, apps = _closed_cohort(world, applicants=3, reviewers=2, per_application=1)
    for review in intake.assign_reviewers(actor=world.staff_wang, cohort=cohort):
        intake.submit_review(actor=review.reviewer, review=review, scores={
            str(c.pk): 8 for c in cohort.criteria.all()})
    intake.publish_selection(actor=world.staff_wang, cohort=cohort)
    first, second, third = (Application.objects.get(pk=a.pk) for a in apps)
    intake.accept_offer(actor=world.staff_wang, application=first)
    url = f"/innovation/cohorts/{cohort.pk}/acceptances/"
    client.force_login(world.staff_wang)
    page = client.get(f"/innovation/cohorts/{cohort.pk}/selection/").content.decode()
    assert f'name="applications" value="{second.pk}"' in page
    assert f'name="applications" value="{first.pk}"' not in page  # already accepted
    # One of the ticked offers is no longer open: nothing is recorded, the reason is named.
    response = client.post(url, {"applications": [second.pk, first.pk]}, follow=True)
    assert "有效的选项" in response.content.decode()
    assert not Team.objects.filter(application=second).exists()
    Application.objects.filter(pk=third.pk).update(reply_by=timezone.now() - dt.timedelta(
        minutes=1))
    with pytest.raises(DomainError, match="未作任何记录"):
        intake.record_acceptances(actor=world.staff_wang, cohort=cohort,
                                  applications=[second, Application.objects.get(pk=third.pk)])
    assert not Team.objects.filter(application=second).exists()
    Application.objects.filter(pk=third.pk).update(reply_by=None)
    response = client.post(url, {"applications": [second.pk, third.pk]}, follow=True)
    assert "已记录 2 份确认参加" in response.content.decode()
    assert Team.objects.filter(cohort=cohort).count() == 3


def test_a_cohort_past_its_closing_time_is_badged_closed_not_taking_applications(client, world):
    cohort, _users, _apps = _closed_cohort(world, applicants=1)
    assert cohort.phase == "open"  # nobody has assigned reviewers yet
    client.force_login(world.staff_wang)
    page = client.get(cohort.get_absolute_url()).content.decode()
    assert "报名已截止</span>" in page and "报名中</span>" not in page


def test_a_reviewer_short_of_time_hands_reviews_to_the_others_never_back_to_them(world):
    cohort, users, apps = _closed_cohort(world, applicants=6, reviewers=3)
    intake.assign_reviewers(actor=world.staff_wang, cohort=cohort)
    cohort.refresh_from_db()
    busy = users[0]
    assert Review.objects.filter(reviewer=busy).count() == 4
    handed = intake.hand_over_reviews(actor=world.staff_wang, cohort=cohort, reviewer=busy,
                                      keep=1)
    assert len(handed) == 3 and busy.pk not in {r.reviewer_id for r in handed}
    assert Review.objects.filter(reviewer=busy).count() == 1
    assert all(a.reviews.count() == 2 for a in apps)  # every application still has two
    assert AuditEntry.objects.filter(action="innovation.cohort.reviews_handed_over").exists()
