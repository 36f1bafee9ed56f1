"""Reads during intake: the ranking (raw and normalised scores, computed from the submitted
reviews without storing them), what the selection rules would give, and waitlist places."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Prefetch

from chanchuang.innovation import scoring
from chanchuang.innovation.choices import (
    HOLDING,
    LIVE,
    ApplicationStatus,
    CohortPhase,
    ReviewStatus,
)
from chanchuang.innovation.models import Application, ApplicationMember, Cohort, Review

TWO = Decimal("0.01")


def _two(value: float) -> Decimal:
    return Decimal(str(value)).quantize(TWO, ROUND_HALF_UP)


def scored(cohort: Cohort) -> tuple[list[Application], list[Review]]:
    """Score the cohort's live applications (raw and normalised per reviewer) and rank them:
    the normalised score first, then the raw score, then who applied first. Applications
    still short of reviews come last, unranked. Returns the ranked applications and the
    submitted reviews, their scores set on them but not stored (the intake services store
    them when a review is submitted, an application withdrawn and the selection published)."""
    applications = list(cohort.applications.filter(status__in=LIVE).prefetch_related(
        Prefetch("members", ApplicationMember.objects.select_related("student__user",
                                                                      "student__department"))))
    reviews = list(Review.objects.filter(application__cohort=cohort,
                                         application__status__in=LIVE,
                                         status=ReviewStatus.SUBMITTED))
    results = scoring.application_scores(
        scoring.Score(r.reviewer_id, r.application_id, float(r.total)) for r in reviews)
    normalised = scoring.normalise(
        scoring.Score(r.reviewer_id, r.application_id, float(r.total)) for r in reviews)
    done: dict[int, int] = {}
    for review in reviews:
        done[review.application_id] = done.get(review.application_id, 0) + 1
        review.normalised = _two(normalised[(review.reviewer_id, review.application_id)])
    for application in applications:
        raw, fair = results.get(application.pk, (None, None))
        application.raw_score = _two(raw) if raw is not None else None
        application.score = _two(fair) if fair is not None else None
        application.reviews_done = done.get(application.pk, 0)
    complete = [a for a in applications if a.reviews_done >= cohort.reviews_per_application]
    complete.sort(key=lambda a: (-a.score, -a.raw_score, a.submitted_at, a.pk))
    for rank, application in enumerate(complete, start=1):
        application.rank = rank
    for application in applications:
        if application.reviews_done < cohort.reviews_per_application:
            application.rank = None
    return complete + [a for a in applications if a.rank is None], reviews


def ranking(cohort: Cohort) -> list[Application]:
    """The cohort's live applications in rank order, the unranked last (see ``scored``)."""
    return scored(cohort)[0]


def candidate(application: Application) -> scoring.Candidate:
    """The application as the selection rules see it: its seats and its lead's department."""
    return scoring.Candidate(application.pk, len(application.members.all()),
                             application.lead.department_id)


def seats(cohort: Cohort, holding: list[Application]) -> scoring.Seats:
    """The cohort's capacity and quotas, with the seats ``holding`` already take."""
    free = scoring.Seats(cohort.capacity, {q.department_id: q.seats
                                           for q in cohort.quotas.all()})
    for application in holding:
        free.take(candidate(application))
    return free


def proposed_selection(cohort: Cohort) -> tuple[list[Application], set[int]]:
    """The ranking and which applications the rules would select (nothing is stored), for
    staff to review before publishing."""
    ranked = ranking(cohort)
    for application in ranked:
        application.lead = next(m.student for m in application.members.all()
                                if m.student_id == application.lead_id)
    return ranked, _select_explained(cohort, ranked)


def _select_explained(cohort: Cohort, ranked: list[Application]) -> set[int]:
    """Which of the ranked applications the rules select from an empty cohort; each one passed
    over while one ranked below it got a place gets ``passed_over`` (why, and the seats then
    left) for its row on the selection page."""
    reasons: dict[int, tuple[str, int]] = {}
    selected, _waiting = scoring.select(
        [candidate(a) for a in ranked if a.rank is not None], seats(cohort, []), reasons)
    lowest_selected = max((a.rank for a in ranked if a.pk in selected), default=0)
    for application in ranked:
        if application.pk in reasons and application.rank < lowest_selected:
            application.passed_over = reasons[application.pk]
    return set(selected)


def current_selection(cohort: Cohort) -> tuple[list[Application], set[int]]:
    """What the selection page shows: before publication the live ranking and what the rules
    would select; afterwards the stored ranking (scores never move after publication) and who
    holds a place."""
    if cohort.phase == CohortPhase.REVIEWING:
        return proposed_selection(cohort)
    ranked = list(cohort.applications.exclude(rank=None).order_by("rank")
                  .select_related("lead__department", "project").prefetch_related("members"))
    _select_explained(cohort, ranked)  # why a waitlisted row was passed over at publication
    return ranked, {a.pk for a in ranked if a.status in HOLDING}


def waitlist_place(application: Application) -> int | None:
    """The application's place on its cohort's waitlist (1 = next to move up)."""
    if application.status != ApplicationStatus.WAITLISTED:
        return None
    return Application.objects.filter(cohort_id=application.cohort_id,
                                      status=ApplicationStatus.WAITLISTED,
                                      rank__lt=application.rank).count() + 1
