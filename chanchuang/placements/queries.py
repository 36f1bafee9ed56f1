"""Read helpers of the placements app: what pages and the API show, computed from stored
records only (a GET never writes)."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, F, Q, QuerySet, Value
from django.db.models.functions import Greatest
from django.utils import timezone
from django.utils.translation import gettext as _

from chanchuang.core.models import MatchOutcome, Student
from chanchuang.core.services import DomainError
from chanchuang.core.visibility import scope_of
from chanchuang.placements import compliance
from chanchuang.placements.choices import (
    ACTIVE,
    BlockKind,
    LogStatus,
    PlacementStatus,
    PositionStatus,
)
from chanchuang.placements.models import (
    Placement,
    PlanBlock,
    Position,
    Preference,
    SelectionRound,
    TrainingPlan,
)

# --- Plans -----------------------------------------------------------------------------------


def enterprise_period(plan: TrainingPlan) -> tuple[dt.date, dt.date]:
    """The span of the plan's enterprise blocks, which placements of the plan cover."""
    blocks = list(plan.blocks.filter(kind=BlockKind.ENTERPRISE).order_by("start_date"))
    if not blocks:
        raise DomainError(_("The plan has no enterprise block yet: add one to its calendar."))
    return blocks[0].start_date, max(block.end_date for block in blocks)


def calendar(blocks: list[PlanBlock]) -> list[dict]:
    """The blocks as bars on one line of weeks, for the plan's calendar."""
    if not blocks:
        return []
    first = min(b.start_date for b in blocks)
    last = max(b.end_date for b in blocks)
    days = (last - first).days + 1
    return [{"block": b, "left": 100 * (b.start_date - first).days / days,
             "width": 100 * ((b.end_date - b.start_date).days + 1) / days} for b in blocks]


# --- Rounds ----------------------------------------------------------------------------------


def eligible_students(selection: SelectionRound):
    """The cohort's students this round is for: everyone in round 1; later, those no earlier
    round placed."""
    placed = Placement.objects.filter(
        position__plan=selection.plan, round__number__lt=selection.number,
        status__in=[*ACTIVE, PlacementStatus.COMPLETED]).values("student_id")
    return selection.plan.students().exclude(pk__in=placed)


HOLDS_A_SEAT = Q(placements__status__in=[*ACTIVE, PlacementStatus.COMPLETED])


def free_seats(position: Position) -> int:
    """Seats not yet taken by a placement from an earlier round."""
    return with_free_seats(Position.objects.filter(pk=position.pk)).get().free_seats


def with_free_seats(positions: QuerySet[Position]) -> QuerySet[Position]:
    """The positions, each with ``free_seats``: its seats less those placements hold."""
    return positions.annotate(free_seats=Greatest(
        F("seats") - Count("placements", filter=HOLDS_A_SEAT), Value(0)))


def choice_page(selection: SelectionRound, student: Student) -> dict:
    """A student's choices page: their list, the open positions they may add and those the
    rules decided before the match keep them from (each with its verdicts)."""
    chosen = [p.position for p in Preference.objects.filter(
        round=selection, student=student).select_related("position__organisation")]
    positions = [p for p in with_free_seats(Position.objects.filter(
                     plan=selection.plan, status=PositionStatus.OPEN))
                 .select_related("organisation").prefetch_related("required_majors")
                 if p not in chosen and (not p.required_majors.all() or
                                         student.major in p.required_majors.all())]
    try:
        start = enterprise_period(selection.plan)[0]
    except DomainError as exc:
        return {"chosen": chosen, "available": [], "barred": [], "problem": exc.message}
    verdicts = {p.pk: compliance.barred(student, p, start) for p in positions}
    return {"chosen": chosen, "available": [p for p in positions if not verdicts[p.pk]],
            "barred": [(p, verdicts[p.pk]) for p in positions if verdicts[p.pk]],
            "problem": ""}


def left_out(selection: SelectionRound) -> dict:
    """Who the rules decided before the match left out of the round's frozen inputs: how many
    students, and per rule how many students it barred from at least one choice."""
    entries = selection.left_out
    by_rule: dict[str, set[int]] = {}
    for entry in entries:
        for code in entry["rules"]:
            by_rule.setdefault(code, set()).add(entry["student"])
    return {"students": len({entry["student"] for entry in entries}), "choices": len(entries),
            "rules": [{"rule": rule, "students": len(by_rule[rule.code])}
                      for rule in compliance.RULES if rule.code in by_rule]}


def round_review(selection: SelectionRound, positions, user) -> dict:
    """Fill, capacity and cutoff per position (those the user may see), and the unmatched;
    for staff, the stored verdict on reproducibility."""
    run = selection.run
    outcome = run.result["positions"]
    scope = scope_of(user)
    staff = user.has_perm("placements.run_round", selection)
    rows = [{"position": p, **outcome.get(str(p.pk), {})} for p in positions
            if staff or p.organisation_id in scope.organisation_ids]
    unmatched_ids = [int(s) for s, p in run.result["assignment"].items() if p is None]
    return {
        "positions": rows,
        "assigned": run.assigned_count(),
        # The round's students who filed no choice at all: neither placed nor unmatched.
        "not_filed": eligible_students(selection).exclude(
            pk__in=[int(s) for s in run.result["assignment"]]).count(),
        "unmatched": Student.objects.filter(pk__in=unmatched_ids).select_related("user")
        if staff else [],
        "unmatched_count": len(unmatched_ids),
        "run": run if staff else None,
    }


def explanation(selection: SelectionRound, student: Student) -> dict:
    """Why a student got what they got in the round's latest run: their position and, for each
    position they ranked higher, whether it was full (with its cutoff and the student's rank
    there) or did not accept them. Read from the outcome stored when the run finished."""
    outcome = MatchOutcome.objects.filter(run_id=selection.run_id,
                                          participant=str(student.pk)).first()
    if outcome is None:
        return {"assigned": None, "reasons": []}
    return {"assigned": int(outcome.assigned) if outcome.assigned else None,
            "reasons": [{**reason, "position": int(reason["position"])}
                        for reason in outcome.reasons]}


# --- Placements ------------------------------------------------------------------------------


def placement_rows(user) -> QuerySet[Placement]:
    """Placements the user may see, with what their rows (and their export) show."""
    return Placement.objects.visible_to(user).select_related(
        "student__user", "student__department", "student__school_class", "student__major",
        "position__organisation", "position__plan", "supervisor", "insurance")


def confirmed_counts(placement: Placement) -> dict[str, int]:
    """The other confirmed placements the share and seat gates count: overlapping ones at the
    enterprise and on the post, and those of the position."""
    overlapping = Placement.objects.filter(
        status=PlacementStatus.CONFIRMED, start_date__lte=placement.end_date,
        end_date__gte=placement.start_date).exclude(pk=placement.pk)
    position = placement.position
    return {
        "interns_at_enterprise": overlapping.filter(
            position__organisation_id=position.organisation_id).count(),
        "interns_on_post": overlapping.filter(position=position).count(),
        "confirmed_on_position": position.placements.filter(
            status=PlacementStatus.CONFIRMED).exclude(pk=placement.pk).count(),
    }


def check(placement: Placement) -> list[compliance.Verdict]:
    """The placement against every compliance gate, as of now (no lock; for display)."""
    return compliance.evaluate(placement, **confirmed_counts(placement))


SIGN_OFF_WITHIN_DAYS = 7  # a log waiting longer for its sign-off is late


def next_log_due(start: dt.date, last: dt.date | None, every_days: int) -> dt.date:
    """When a placement's next log is due: a plan's interval after the last period logged (or
    after the start); an intern past it is behind."""
    return (last or start) + dt.timedelta(days=every_days)


def exceptions(placements, *, today: dt.date | None = None) -> list[dict]:
    """Who is behind: per confirmed placement, what is missing as of today (no log in the
    plan's interval, logs waiting for sign-off over a week, insurance ending within two weeks
    or missing, no three-party agreement)."""
    today = today or timezone.localdate()
    rows = []
    for placement in placements.filter(status=PlacementStatus.CONFIRMED).select_related(
            "student__user", "position__organisation", "position__plan", "insurance",
            "tripartite_agreement").prefetch_related("logs"):
        logs = list(placement.logs.all())
        interval = placement.position.plan.log_every_days
        problems = []
        started = placement.start_date <= today
        last = max((log.period_end for log in logs if log.status != LogStatus.RETURNED),
                   default=None)
        if started and next_log_due(placement.start_date, last, interval) < today:
            problems.append(_("no log since %(day)s") % {"day": last or placement.start_date})
        waiting = [log for log in logs if log.status == LogStatus.SUBMITTED
                   and (timezone.now() - log.submitted_at).days > SIGN_OFF_WITHIN_DAYS]
        if waiting:
            problems.append(_("%(n)d logs waiting for sign-off") % {"n": len(waiting)})
        policy = placement.insurance
        if policy is None:
            problems.append(_("no insurance"))
        elif policy.end_date < min(placement.end_date, today + dt.timedelta(days=14)):
            problems.append(_("insurance ends %(day)s") % {"day": policy.end_date})
        if placement.tripartite_agreement_id is None:
            problems.append(_("no three-party agreement"))
        if problems:
            rows.append({"placement": placement, "problems": problems})
    return rows
