"""Intake: opening a cohort, applications, reviewer assignment, conflicts, scoring, selection
by rank within capacity and quotas, offers, and the waitlist that moves up on a decline."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from chanchuang.core import audit
from chanchuang.core.formats import local_time
from chanchuang.core.models import Student, User
from chanchuang.core.services import DomainError, notify
from chanchuang.innovation import scoring
from chanchuang.innovation.audit_actions import APPLICATION_STEPS, COHORT_STEPS
from chanchuang.innovation.choices import (
    HOLDING,
    ApplicationStatus,
    CohortPhase,
    QuestionKind,
    ReviewStatus,
)
from chanchuang.innovation.models import (
    Application,
    ApplicationMember,
    Cohort,
    Project,
    Review,
    Team,
)
from chanchuang.innovation.queries import intake as queries

A = ApplicationStatus
TWO = Decimal("0.01")


def _set_phase(actor: User | None, cohort: Cohort, phase: str) -> None:
    before = cohort.phase
    cohort.phase = phase
    cohort.save(update_fields=["phase"])
    audit.record(actor=actor, action=COHORT_STEPS[phase], obj=cohort,
                 before={"phase": before}, after={"phase": phase})


def open_intake(*, actor: User, cohort: Cohort) -> Cohort:
    """Open a drafted cohort to applications (its rubric must be set: reviews need it)."""
    if cohort.phase != CohortPhase.DRAFT:
        raise DomainError(_("Only a draft cohort can be opened."))
    if not cohort.criteria.exists():
        raise DomainError(_("Set the review rubric before opening the cohort."))
    with transaction.atomic():
        _set_phase(actor, cohort, CohortPhase.OPEN)
    return cohort


def close_intake(*, actor: User, cohort: Cohort, now: dt.datetime | None = None) -> Cohort:
    """Close applications now, before the announced time (e.g. once enough have applied):
    the window's end moves to now, so nobody can apply any more and reviewers can be
    assigned."""
    now = now or timezone.now()
    if cohort.phase != CohortPhase.OPEN or now >= cohort.applications_close_at:
        raise DomainError(_("Applications to this cohort are not open."))
    before = cohort.applications_close_at
    with transaction.atomic():
        cohort.applications_close_at = now
        cohort.save(update_fields=["applications_close_at"])
        audit.record(actor=actor, action="innovation.cohort.intake_closed", obj=cohort,
                     before={"applications_close_at": local_time(before)},
                     after={"applications_close_at": local_time(now)})
    return cohort


# --- Applications ----------------------------------------------------------------------------


def _check_answers(cohort: Cohort, answers: dict[str, str]) -> dict[str, str]:
    clean = {}
    for question in cohort.questions.all():
        answer = str(answers.get(str(question.pk), "") or "").strip()
        if question.required and not answer:
            raise DomainError(_("%(question)s: an answer is required.")
                              % {"question": question.prompt})
        if answer and question.kind == QuestionKind.CHOICE and \
                answer not in question.option_list:
            raise DomainError(_("%(question)s: choose one of %(options)s.")
                              % {"question": question.prompt,
                                 "options": "、".join(question.option_list)})
        if answer:
            clean[str(question.pk)] = answer
    return clean


def apply(*, actor: User, cohort: Cohort, lead: Student, members: list[Student] = (),
          team_name: str = "", project_title: str = "", project_summary: str = "",
          answers: dict[str, Any] | None = None, now: dt.datetime | None = None) -> Application:
    """A student applies to a cohort, alone or leading a team with a project idea.

    Refused after the window, for a student (lead or member) already in the cohort, for another
    school's student, or for a team larger than the cohort allows.
    """
    now = now or timezone.now()
    if cohort.phase != CohortPhase.OPEN or not (
            cohort.applications_open_at <= now <= cohort.applications_close_at):
        raise DomainError(_("Applications to this cohort are taken from %(open)s to %(close)s; "
                            "not now.") % {"open": local_time(cohort.applications_open_at),
                                           "close": local_time(cohort.applications_close_at)})
    everyone = [lead, *[m for m in members if m.pk != lead.pk]]
    if len({s.pk for s in everyone}) != len(everyone):
        raise DomainError(_("Team members: a student is listed twice."))
    if len(everyone) > min(cohort.max_team_size, cohort.capacity):
        raise DomainError(_("Team members: at most %(n)s students in a team.")
                          % {"n": min(cohort.max_team_size, cohort.capacity)})
    for student in everyone:
        if student.school_id != cohort.school_id:
            raise DomainError(_("%(student)s is not a student of this school.")
                              % {"student": student})
    taken = ApplicationMember.objects.filter(cohort=cohort, active=True,
                                             student__in=everyone).select_related("student__user")
    for member in taken:
        raise DomainError(_("%(student)s already applied to this cohort.")
                          % {"student": member.student})
    if len(everyone) > 1 and not (team_name.strip() and project_title.strip()):
        raise DomainError(_("A team needs a team name and a project."))
    clean_answers = _check_answers(cohort, answers or {})
    try:
        with transaction.atomic():
            project = None
            if project_title.strip():
                project = Project.objects.create(school_id=cohort.school_id,
                                                 title=project_title.strip(),
                                                 summary=project_summary.strip())
                project.students.set(everyone)
            application = Application.objects.create(
                cohort=cohort, lead=lead, team_name=team_name.strip(), project=project,
                answers=clean_answers)
            ApplicationMember.objects.bulk_create([
                ApplicationMember(application=application, student=student, cohort=cohort)
                for student in everyone])
            audit.record(actor=actor, action="innovation.application.submitted", obj=application,
                         school_id=cohort.school_id,
                         after={"members": [s.student_no for s in everyone]})
    except IntegrityError:  # two applications raced for the same student
        raise DomainError(_("One of these students already applied to this cohort.")) from None
    return application


def students_by_number(school_id: int, numbers: list[str]) -> list[Student]:
    """The school's students with these numbers, in order; unknown numbers are refused."""
    found = {s.student_no: s for s in Student.objects.filter(
        school_id=school_id, student_no__in=numbers).select_related("user")}
    unknown = [n for n in numbers if n not in found]
    if unknown:
        raise DomainError(_("No student of this school has the number %(numbers)s.")
                          % {"numbers": "、".join(unknown)}, field="members")
    return [found[n] for n in numbers]


def withdraw(*, actor: User, application: Application) -> Application:
    """Withdraw an application (before the selection, or an offer before accepting it)."""
    if application.status not in (A.SUBMITTED, A.WAITLISTED):
        raise DomainError(_("Only an application still waiting can be withdrawn; decline an "
                            "offer instead."))
    with transaction.atomic():
        _set_status(actor, application, A.WITHDRAWN)
        application.members.update(active=False)
        application.reviews.filter(status=ReviewStatus.ASSIGNED).delete()
        _store_ranking(application.cohort)
    return application


def _set_status(actor: User | None, application: Application, status: str, **extra) -> None:
    before = application.status
    application.status = status
    for name, value in extra.items():
        setattr(application, name, value)
    application.save(update_fields=["status", *extra])
    audit.record(actor=actor, action=APPLICATION_STEPS[status], obj=application,
                 school_id=application.cohort.school_id,
                 before={"status": before}, after={"status": status})


# --- Reviews ---------------------------------------------------------------------------------


def _to_review(cohort: Cohort, applications, handed_back: frozenset = frozenset()
               ) -> list[scoring.ToReview]:
    """The applications as the assignment sees them; ``handed_back`` (reviewer ids) are not
    given them again."""
    items = []
    for application in applications:
        reviews = list(application.reviews.all())
        items.append(scoring.ToReview(
            id=application.pk,
            departments=frozenset(m.student.department_id for m in application.members.all()),
            reviewers=frozenset(r.reviewer_id for r in reviews
                                if r.status != ReviewStatus.CONFLICT),
            excluded=handed_back | frozenset(r.reviewer_id for r in reviews
                                             if r.status == ReviewStatus.CONFLICT)))
    return items


def _reviewer_pool(cohort: Cohort) -> list[scoring.Reviewer]:
    loads: dict[int, int] = {}
    for reviewer_id in Review.objects.filter(application__cohort=cohort).exclude(
            status=ReviewStatus.CONFLICT).values_list("reviewer_id", flat=True):
        loads[reviewer_id] = loads.get(reviewer_id, 0) + 1
    return [scoring.Reviewer(id=r.user_id, department=r.department_id,
                             load=loads.get(r.user_id, 0))
            for r in cohort.reviewers.order_by("pk")]


def assign_reviewers(*, actor: User, cohort: Cohort, now: dt.datetime | None = None
                     ) -> list[Review]:
    """Once applications close, give every application its reviewers, balancing the load and
    respecting conflicts and (if staff wish) departments. Running it again only fills gaps."""
    now = now or timezone.now()
    if cohort.phase not in (CohortPhase.OPEN, CohortPhase.REVIEWING):
        raise DomainError(_("Reviewers are assigned between intake and selection."))
    if cohort.phase == CohortPhase.OPEN and now < cohort.applications_close_at:
        raise DomainError(_("Applications are open until %(close)s; assign reviewers after.")
                          % {"close": local_time(cohort.applications_close_at)})
    with transaction.atomic():
        reviews = _fill_reviews(cohort, cohort.applications.filter(status=A.SUBMITTED))
        if cohort.phase == CohortPhase.OPEN:
            _set_phase(actor, cohort, CohortPhase.REVIEWING)
        audit.record(actor=actor, action="innovation.cohort.reviewers_assigned", obj=cohort,
                     data={"reviews_assigned": len(reviews)})
    return reviews


def hand_over_reviews(*, actor: User | None, cohort: Cohort, reviewer: User, keep: int
                      ) -> list[Review]:
    """A reviewer who cannot score all they were given keeps ``keep`` of their unscored
    reviews and hands the rest back: those applications go to the other reviewers (balanced,
    conflicts and departments respected, never back to them), who are told. Audited."""
    if cohort.phase != CohortPhase.REVIEWING:
        raise DomainError(_("Reviews are handed over while the cohort is being reviewed."))
    pending = list(Review.objects.filter(application__cohort=cohort, reviewer=reviewer,
                                         status=ReviewStatus.ASSIGNED).order_by("pk"))
    handed = pending[keep:]
    if not handed:
        return []
    with transaction.atomic():
        Review.objects.filter(pk__in=[r.pk for r in handed]).delete()
        reviews = _fill_reviews(cohort, cohort.applications.filter(
            pk__in=[r.application_id for r in handed]), handed_back=frozenset({reviewer.pk}))
        audit.record(actor=actor, action="innovation.cohort.reviews_handed_over", obj=cohort,
                     data={"reviewer": str(reviewer), "reviews_assigned": len(reviews)})
    return reviews


def _fill_reviews(cohort: Cohort, applications, handed_back: frozenset = frozenset()
                  ) -> list[Review]:
    """Give the applications the reviewers they lack (``scoring.assign_reviewers``), store
    the reviews and tell each reviewer how many they got; inside the caller's transaction."""
    applications = list(applications.prefetch_related(
        "reviews", Prefetch("members", ApplicationMember.objects.select_related("student"))))
    try:
        pairs = scoring.assign_reviewers(
            _to_review(cohort, applications, handed_back), _reviewer_pool(cohort),
            per_application=cohort.reviews_per_application,
            avoid_own_department=cohort.avoid_own_department)
    except scoring.AssignmentError as exc:
        names = {a.pk: str(a) for a in applications}
        raise DomainError(_("Not enough eligible reviewers for %(n)s applications (e.g. "
                            "%(examples)s): add reviewers or allow reviewing one's own "
                            "department.") % {"n": len(exc.short), "examples": "、".join(
                                names[pk] for pk in list(exc.short)[:3])}) from None
    reviews = Review.objects.bulk_create([Review(application_id=app, reviewer_id=user)
                                          for app, user in pairs])
    counts: dict[int, int] = {}
    for _app, user in pairs:
        counts[user] = counts.get(user, 0) + 1
    url = reverse("innovation:my_reviews")
    for user in User.objects.filter(pk__in=counts):
        notify(user=user, title=_("%(n)s applications to review for %(cohort)s")
               % {"n": counts[user.pk], "cohort": cohort}, url=url)
    return reviews


def declare_conflict(*, actor: User, review: Review, reason: str) -> Review | None:
    """A reviewer gives back an application they have a conflict with; another eligible
    reviewer gets it (returned), or staff are told when nobody is left."""
    if review.reviewer_id != actor.pk:
        raise DomainError(_("Only the reviewer can declare their conflict."))
    if review.status != ReviewStatus.ASSIGNED:
        raise DomainError(_("A conflict is declared before scoring."))
    if not reason.strip():
        raise DomainError(_("Conflict of interest: say what it is."), field="conflict_reason")
    application = review.application
    cohort = application.cohort
    with transaction.atomic():
        review.status, review.conflict_reason = ReviewStatus.CONFLICT, reason.strip()
        review.save(update_fields=["status", "conflict_reason"])
        audit.record(actor=actor, action="innovation.review.conflict_declared", obj=review,
                     school_id=cohort.school_id, after={"status": review.status})
        application = Application.objects.prefetch_related(
            "reviews", Prefetch("members", ApplicationMember.objects.select_related(
                "student"))).get(pk=application.pk)
        try:
            [(_app, user)] = scoring.assign_reviewers(
                _to_review(cohort, [application]), _reviewer_pool(cohort), per_application=len(
                    [r for r in application.reviews.all()
                     if r.status != ReviewStatus.CONFLICT]) + 1,
                avoid_own_department=cohort.avoid_own_department)
        except scoring.AssignmentError:
            return None
        replacement = Review.objects.create(application=application, reviewer_id=user)
        notify(user=replacement.reviewer, title=_("An application to review for %(cohort)s")
               % {"cohort": cohort}, url=reverse("innovation:my_reviews"))
    return replacement


def review_total(criteria, scores: dict[str, Any]) -> tuple[dict[str, str], Decimal]:
    """Check every criterion's score against its range; the weighted total on 0–100."""
    clean, weighted, weights = {}, Decimal(0), Decimal(0)
    for criterion in criteria:
        value = scores.get(str(criterion.pk))
        try:
            score = Decimal(str(value).strip())
        except (ArithmeticError, ValueError, TypeError):
            raise DomainError(_("%(criterion)s: give a score from 0 to %(max)s.")
                              % {"criterion": criterion.name, "max": criterion.max_score},
                              field=f"score_{criterion.pk}") from None
        if not score.is_finite() or not 0 <= score <= criterion.max_score:
            raise DomainError(_("%(criterion)s: %(score)s is outside the rubric's range, 0 to "
                                "%(max)s.") % {"criterion": criterion.name, "score": value,
                                               "max": criterion.max_score},
                              field=f"score_{criterion.pk}")
        clean[str(criterion.pk)] = str(score)
        weighted += criterion.weight * score / criterion.max_score
        weights += criterion.weight
    total = (weighted / weights * 100).quantize(TWO, ROUND_HALF_UP) if weights else Decimal(0)
    return clean, total


def _refuse_own_department(cohort: Cohort, review: Review) -> None:
    """Refuse a review from the reviewer's own department (``scoring.reviews_own_department``),
    whatever happened since the reviewers were assigned (a department changed, a member
    joined, the cohort's setting)."""
    reviewer = cohort.reviewers.filter(user_id=review.reviewer_id).select_related(
        "department").first()
    departments = frozenset(review.application.members.values_list("student__department_id",
                                                                    flat=True))
    if reviewer is not None and scoring.reviews_own_department(
            reviewer.department_id, departments,
            avoid_own_department=cohort.avoid_own_department):
        raise DomainError(_("A reviewer never reviews their own department: you review for "
                            "%(department)s, and this application comes from it.")
                          % {"department": reviewer.department})


def submit_review(*, actor: User, review: Review, scores: dict[str, Any],
                  comment: str = "") -> Review:
    """A reviewer scores their application on the rubric (changeable until selection)."""
    if review.reviewer_id != actor.pk:
        raise DomainError(_("Only the assigned reviewer can score this application."))
    if review.status == ReviewStatus.CONFLICT:
        raise DomainError(_("You declared a conflict with this application; you cannot score "
                            "it."))
    cohort = review.application.cohort
    if cohort.phase != CohortPhase.REVIEWING:
        raise DomainError(_("Scores are given while the cohort is being reviewed."))
    _refuse_own_department(cohort, review)
    clean, total = review_total(cohort.criteria.all(), scores)
    with transaction.atomic():
        review.scores, review.total, review.comment = clean, total, comment.strip()
        review.status, review.submitted_at = ReviewStatus.SUBMITTED, timezone.now()
        review.save()
        _store_ranking(cohort)
        audit.record(actor=actor, action="innovation.review.submitted", obj=review,
                     school_id=cohort.school_id, after={"total": str(total)})
    return review


# --- Ranking and selection -------------------------------------------------------------------


def _store_ranking(cohort: Cohort) -> None:
    """Store the cohort's scores and ranks as they stand (``queries.intake.scored``), so the
    application pages read them; called after each change that moves them."""
    applications, reviews = queries.scored(cohort)
    Application.objects.bulk_update(applications, ["raw_score", "score", "rank"])
    Review.objects.bulk_update(reviews, ["normalised"])


def publish_selection(*, actor: User, cohort: Cohort) -> tuple[int, int]:
    """Select by rank within capacity and quotas; the rest wait in rank order. Everyone is
    told; offers must be accepted within the cohort's reply days. Returns (offered, waiting)."""
    with transaction.atomic():
        cohort = Cohort.objects.select_for_update().get(pk=cohort.pk)
        if cohort.phase != CohortPhase.REVIEWING:
            raise DomainError(_("The selection is published once, after the reviews."))
        _store_ranking(cohort)
        ranked, selected = queries.proposed_selection(cohort)
        unranked = [a for a in ranked if a.rank is None]
        if unranked:
            raise DomainError(_("%(n)s applications still lack reviews (e.g. %(examples)s).")
                              % {"n": len(unranked),
                                 "examples": "、".join(str(a) for a in unranked[:3])})
        now = timezone.now()
        reply_by = now + dt.timedelta(days=cohort.reply_days)
        for application in ranked:
            if application.pk in selected:
                _set_status(actor, application, A.SELECTED, offered_at=now, reply_by=reply_by)
            else:
                _set_status(actor, application, A.WAITLISTED)
        _set_phase(actor, cohort, CohortPhase.SELECTED)
        for application in ranked:
            _tell_applicants(application)
    return len(selected), len(ranked) - len(selected)


def _tell_applicants(application: Application) -> None:
    url = application.get_absolute_url()
    if application.status == A.SELECTED:
        title = _("Offered a place in %(cohort)s: accept by %(when)s") % {
            "cohort": application.cohort, "when": local_time(application.reply_by)}
    else:
        title = _("On the waitlist of %(cohort)s, at place %(n)s") % {
            "cohort": application.cohort, "n": queries.waitlist_place(application)}
    for member in application.members.all():
        notify(user=member.student.user, title=title, url=url)


def offer(*, actor: User, application: Application) -> Application:
    """Staff offer a place by hand (e.g. to a waitlisted team passed over for its size);
    refused when it would put the cohort over capacity or a department over its quota."""
    if application.status != A.WAITLISTED:
        raise DomainError(_("Only a waitlisted application can be offered a place."))
    with transaction.atomic():
        cohort = Cohort.objects.select_for_update().get(pk=application.cohort_id)
        seats = queries.seats(cohort, _holding(cohort))
        if not seats.fits(queries.candidate(application)):
            raise DomainError(_("No room: the cohort has %(used)s of %(capacity)s seats taken, "
                                "or the department's quota is full.")
                              % {"used": seats.used, "capacity": cohort.capacity})
        now = timezone.now()
        _set_status(actor, application, A.SELECTED, offered_at=now,
                    reply_by=now + dt.timedelta(days=cohort.reply_days))
        _tell_applicants(application)
    return application


def _holding(cohort: Cohort) -> list[Application]:
    return list(cohort.applications.filter(status__in=HOLDING).select_related("lead")
                .prefetch_related("members"))


def accept_offer(*, actor: User, application: Application) -> Team:
    """A student accepts their (team's) offer: the team joins the cohort."""
    if application.status != A.SELECTED:
        raise DomainError(_("There is no open offer to accept."))
    if application.reply_by and timezone.now() > application.reply_by:
        raise DomainError(_("The offer expired at %(when)s.")
                          % {"when": local_time(application.reply_by)})
    with transaction.atomic():
        _set_status(actor, application, A.ACCEPTED)
        team = Team.objects.create(
            cohort_id=application.cohort_id, application=application,
            name=application.team_name or str(application.lead.user.real_name),
            project=application.project)
    return team


def record_acceptances(*, actor: User, cohort: Cohort, applications: list[Application]
                       ) -> list[Team]:
    """Staff record offers the students accepted elsewhere (in person, in the cohort's group
    chat): all of them or, if one cannot be accepted, none (every refusal is named)."""
    refused = []
    with transaction.atomic():
        teams = []
        for application in applications:
            if application.cohort_id != cohort.pk:
                raise DomainError(_("%(application)s did not apply to this cohort.")
                                  % {"application": application})
            try:
                teams.append(accept_offer(actor=actor, application=application))
            except DomainError as exc:
                refused.append(f"{application}：{exc.message}")
        if refused:  # raised inside the transaction: the accepted ones are undone too
            raise DomainError(_("Nothing was recorded: %(refused)s")
                              % {"refused": "；".join(refused)})
    return teams


def decline_offer(*, actor: User, application: Application) -> list[Application]:
    """A student declines their offer (or gives up an accepted place before the cohort runs);
    the waitlist moves up at once. Returns the applications offered a place in its stead."""
    if application.status not in HOLDING:
        raise DomainError(_("There is no offer or place to decline."))
    cohort = application.cohort
    if cohort.phase not in (CohortPhase.SELECTED, CohortPhase.RUNNING):
        raise DomainError(_("This cohort has finished."))
    with transaction.atomic():
        _set_status(actor, application, A.DECLINED)
        Team.objects.filter(application=application).delete()
        return move_waitlist(actor=actor, cohort=cohort)


def move_waitlist(*, actor: User | None, cohort: Cohort) -> list[Application]:
    """Offer freed seats to the waitlist in rank order (a team too large for what is free, or
    from a department at its quota, is passed over)."""
    with transaction.atomic():
        cohort = Cohort.objects.select_for_update().get(pk=cohort.pk)
        waiting = list(cohort.applications.filter(status=A.WAITLISTED).order_by("rank")
                       .select_related("lead").prefetch_related("members__student__user"))
        chosen, _rest = scoring.select([queries.candidate(a) for a in waiting],
                                       queries.seats(cohort, _holding(cohort)))
        now = timezone.now()
        moved = [a for a in waiting if a.pk in set(chosen)]
        for application in moved:
            _set_status(actor, application, A.SELECTED, offered_at=now,
                        reply_by=now + dt.timedelta(days=cohort.reply_days))
            _tell_applicants(application)
    return moved


def expire_offers(*, now: dt.datetime | None = None) -> dict[str, int]:
    """The daily step: offers not accepted in time lapse, and the waitlist moves up."""
    now = now or timezone.now()
    lapsed = list(Application.objects.filter(status=A.SELECTED, reply_by__lt=now)
                  .select_related("cohort"))
    moved = 0
    for application in lapsed:
        with transaction.atomic():
            _set_status(None, application, A.DECLINED)
        moved += len(move_waitlist(actor=None, cohort=application.cohort))
    return {"lapsed": len(lapsed), "moved_up": moved}
