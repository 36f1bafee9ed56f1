"""The innovation demo: three finished cohorts of the 双创特训营 with their alumni's records,
start-ups and showcase, and cohort 4 open to applications. The demo up to this app is seeded
once for the module (not per test, unlike core's test_demo) and rolled back after it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.conf import settings
from django.db import transaction
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone, translation

from chanchuang.core import demo as core_demo
from chanchuang.core.formats import local_time
from chanchuang.core.identifiers import validate_credit_code
from chanchuang.core.models import AuditEntry, Membership, Notification, School, Student, User
from chanchuang.core.services import DomainError
from chanchuang.innovation import demo
from chanchuang.innovation.choices import ApplicationStatus, CohortPhase, CreditCategory
from chanchuang.innovation.models import (
    Application,
    ApplicationMember,
    Attendance,
    Cohort,
    Credit,
    JudgeScore,
    Project,
    Review,
    ShowcaseItem,
    Startup,
    Submission,
    Team,
)
from chanchuang.innovation.queries.showcase import public_showcase
from chanchuang.innovation.services import intake
from chanchuang.innovation.services.records import record_of
from chanchuang.innovation.services.showcase import shown_names
from chanchuang.innovation.tests import factories as inf
from chanchuang.mentors import demo as mentors_demo
from chanchuang.partners import demo as partners_demo

SEEDED = [core_demo, partners_demo, mentors_demo, demo]  # seed_demo's order, up to this app


@pytest.fixture(scope="module")
def summary(django_db_setup, django_db_blocker, tmp_path_factory):
    """The innovation demo's summary line; its data live until the module ends (its showcase
    pictures in a temporary folder)."""
    media = tmp_path_factory.mktemp("media")
    storages = {**settings.STORAGES, "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": media}}}
    with django_db_blocker.unblock(), translation.override(settings.LANGUAGE_CODE), \
            override_settings(MEDIA_ROOT=media, STORAGES=storages), transaction.atomic():
        lines = []
        for module in SEEDED:
            lines.append(module.seed())
            core_demo.refresh_statistics()
        yield lines[-1]
        transaction.set_rollback(True)


@pytest.fixture
def school(summary, db):
    return School.objects.get(code=demo.SCHOOL_CODE)


def _cohort(number: int) -> Cohort:
    return Cohort.objects.get(programme__name=demo.PROGRAMME, number=number)


def test_three_cohorts_finished_and_their_completers_hold_bootcamp_credits(school, summary):
    assert summary.startswith("3 cohorts finished")
    for number in (1, 2, 3):
        cohort = _cohort(number)
        assert cohort.phase == CohortPhase.FINISHED
        assert cohort.ends_on < dt.date(2026, 11, 1)
        applicants = ApplicationMember.objects.filter(cohort=cohort)
        assert 30 <= applicants.count() <= 45  # about 40: the last team may overshoot
        assert applicants.values("student__department").distinct().count() >= 5
        assert cohort.applications.filter(project__students__isnull=False).exclude(
            team_name="").exists()  # teams with projects, besides individuals
        assert not Review.objects.filter(application__cohort=cohort).exclude(
            status="submitted").exists()
        assert all(a.reviews.count() == 2 for a in cohort.applications.all())
        assert cohort.applications.filter(status=ApplicationStatus.DECLINED).exists()
        accepted = applicants.filter(application__status=ApplicationStatus.ACCEPTED)
        assert 18 <= accepted.count() <= cohort.capacity <= 24
        teams = list(cohort.teams.all())
        assert all(team.mentor_id for team in teams) and cohort.mentor_run.reproduced
        assert {t.award for t in teams} >= {"一等奖", "二等奖", "最佳创意奖"}
        assert 6 <= cohort.sessions.count() <= 8
        assert not cohort.sessions.filter(starts_at__gte=timezone.now()).exists()
        assert Submission.objects.filter(team__cohort=cohort).exclude(feedback="").exists()
        assert JudgeScore.objects.filter(team__cohort=cohort).count() == 3 * len(teams)
        completed = accepted.filter(completed=True)
        assert 1 <= accepted.filter(completed=False).count() <= 2
        credits = Credit.objects.filter(cohort=cohort, category=CreditCategory.BOOTCAMP)
        assert set(credits.values_list("student", flat=True)) == set(
            completed.values_list("student", flat=True))
        assert set(credits.values_list("credits", flat=True)) == {Decimal(2)}
    assert Attendance.objects.filter(status="absent").exists()


def test_cohort_4_takes_applications_now_from_about_200_students(school):
    cohort = _cohort(4)
    now = timezone.now()
    assert cohort.phase == CohortPhase.OPEN
    assert cohort.applications_open_at <= now - dt.timedelta(days=6)
    assert now + dt.timedelta(days=9) <= cohort.applications_close_at
    assert 190 <= ApplicationMember.objects.filter(cohort=cohort).count() <= 215
    assert 130 <= cohort.applications.count() <= 165
    assert cohort.applications.exclude(team_name="").count() >= 25
    assert set(cohort.applications.values_list("status", flat=True)) == {"submitted"}
    assert not Review.objects.filter(application__cohort=cohort).exists()
    assert ApplicationMember.objects.filter(cohort=cohort).values(
        "student__department").distinct().count() == 6
    reviewers = [r.user for r in cohort.reviewers.select_related("user")]
    assert len(reviewers) == 5 and cohort.reviews_per_application == 2
    assert {"mentor_chen", "staff_wang"} <= {u.username for u in reviewers}
    for user in reviewers:
        assert Membership.objects.filter(user=user, school=school).exists()
    assert cohort.capacity == 40 and cohort.quotas.count() == 2
    assert cohort.sessions.count() == 8 and cohort.milestones.count() == 3
    assert cohort.sessions.earliest("starts_at").starts_at > cohort.applications_close_at
    assert cohort.mentor_offers.count() == 6
    questions = list(cohort.questions.all())
    assert [q.kind for q in questions] == ["long", "choice"]
    assert all(set(a.answers) == {str(q.pk) for q in questions}
               for a in cohort.applications.all())


def test_student_liu_has_not_applied_to_cohort_4_and_can_apply(school):
    liu = Student.objects.get(user__username="student_liu")
    cohort = _cohort(4)
    assert not ApplicationMember.objects.filter(cohort=cohort, student=liu).exists()
    assert liu.enrolment_year == 2024  # so she could have been in an earlier cohort
    assert len(record_of(liu).lines) in (1, 2, 3)
    long, choice = cohort.questions.all()
    application = intake.apply(actor=liu.user, cohort=cohort, lead=liu, answers={
        str(long.pk): "想把直播助农做成长期的工作室。", str(choice.pk): "已有用户"})
    assert application.status == ApplicationStatus.SUBMITTED


def test_records_count_the_best_line_of_a_project_and_start_ups_are_real(school):
    assert Credit.objects.filter(category=CreditCategory.COMPETITION).values(
        "competition").distinct().count() >= 3
    for category in ("research", "certificate", "training", "startup"):
        assert Credit.objects.filter(category=category).exists(), category
    project = Project.objects.get(title="户用光伏板清洗机器人")
    founder = project.students.order_by("pk").first()
    record = record_of(founder)
    on_project = [line for line in record.lines if line.project_id == project.pk]
    assert len(on_project) >= 3
    assert [line.credits for line in on_project if line.counts] == [
        max(line.credits for line in on_project)]
    startups = list(Startup.objects.filter(school=school))
    assert 3 <= len(startups) <= 4
    for startup in startups:
        validate_credit_code(startup.credit_code)
        startup.full_clean()
        assert startup.funding > 0 and startup.jobs > 0 and startup.founders.exists()
        assert Credit.objects.filter(startup=startup).count() == startup.founders.count()


def test_showcase_items_are_public_only_with_the_teams_consent(client, school):
    items = list(ShowcaseItem.objects.filter(school=school).select_related("consent_by"))
    public = list(ShowcaseItem.objects.public().filter(school=school))
    assert 2 <= len(public) < len(items)
    waiting = [item for item in items if item.consent_by_id is None]
    assert waiting and all(item.published_at is None for item in waiting)
    for item in public:
        team = {s.user.real_name for s in item.project.students.select_related("user")}
        assert item.consent_by.pk in set(item.project.students.values_list("pk", flat=True))
        assert set(shown_names(item.display_names)) == team
    sections = public_showcase(school)
    assert sections[0].exhibition.name == "2026届毕业设计展"
    page = client.get(reverse("innovation:showcase", args=[school.code])).content.decode()
    assert all(item.title in page for item in public)
    assert all(item.title not in page for item in waiting)


def test_the_past_is_dated_in_the_story(school):
    first = _cohort(1)
    applications = Application.objects.filter(cohort=first)
    assert all(first.applications_open_at <= a.submitted_at <= first.applications_close_at
               for a in applications)
    assert all(a.reply_by.date() < first.starts_on for a in applications if a.reply_by)
    entries = AuditEntry.objects.filter(content_type__app_label="innovation")
    assert entries.filter(created_at__year=2025).count() > 200
    assert not entries.filter(created_at__gt=timezone.now()).exists()
    assert not Notification.objects.filter(created_at__year=2025, read_at__isnull=True).exists()
    offer = Application.objects.get(members__student__user__username="student_liu",
                                    cohort__number=2)
    titles = Notification.objects.filter(user__username="student_liu").values_list(
        "title", flat=True)
    assert any(local_time(offer.reply_by) in title for title in titles)  # the story's date


def test_seeding_again_adds_nothing(school):
    models = [Cohort, Application, ApplicationMember, Review, Team, Attendance, Submission,
              JudgeScore, Credit, Startup, ShowcaseItem, Project, User, AuditEntry]
    before = [model.objects.count() for model in models]
    assert demo.seed().endswith("(already there)")
    assert [model.objects.count() for model in models] == before


def test_the_4th_cohorts_intake_can_be_run_to_a_selection_in_the_demo(school):
    """What the README tells a new user to try: close applications early, assign the five
    reviewers (balanced), let the demo's reviewers score, score the last three by hand,
    publish the selection within capacity and quotas, record the acceptances, let the teams
    rank mentors, run the match: every team has a mentor."""
    staff = User.objects.get(username="staff_wang")
    cohort = _cohort(4)
    intake.close_intake(actor=staff, cohort=cohort)
    reviews = intake.assign_reviewers(actor=staff, cohort=cohort)
    loads = {}
    for review in reviews:
        loads[review.reviewer_id] = loads.get(review.reviewer_id, 0) + 1
    assert len(loads) == 5 and max(loads.values()) - min(loads.values()) <= 1
    assert demo.play_others().endswith("3 left to staff_wang")
    left = list(Review.objects.filter(application__cohort=cohort, status="assigned"))
    assert len(left) == 3 and {r.reviewer for r in left} == {staff}
    # Nothing was scored in staff_wang's name: he handed the rest of his share to the others.
    assert not Review.objects.filter(application__cohort=cohort, reviewer=staff,
                                     status="submitted").exists()
    assert all(a.reviews.filter(status="submitted").count() + a.reviews.filter(
        status="assigned").count() == cohort.reviews_per_application
        for a in cohort.applications.filter(status=ApplicationStatus.SUBMITTED))
    with pytest.raises(DomainError):
        intake.publish_selection(actor=staff, cohort=cohort)
    criteria = list(cohort.criteria.all())
    for review in left:
        intake.submit_review(actor=staff, review=review,
                             scores={str(c.pk): 7 for c in criteria})
    offered, waitlisted = intake.publish_selection(actor=staff, cohort=cohort)
    selected = ApplicationMember.objects.filter(
        cohort=cohort, application__status=ApplicationStatus.SELECTED)
    assert offered and waitlisted and selected.count() <= cohort.capacity
    for quota in cohort.quotas.all():
        assert selected.filter(  # a team counts against its lead's department
            application__lead__department=quota.department).count() <= quota.seats
    offers = list(cohort.applications.filter(status=ApplicationStatus.SELECTED))
    teams = intake.record_acceptances(actor=staff, cohort=cohort, applications=offers)
    assert "teams ranked their mentors" in demo.play_others()
    cohort.refresh_from_db()
    inf.mentor_match(cohort, staff)
    assert len(teams) == cohort.teams.filter(mentor__isnull=False).count()
