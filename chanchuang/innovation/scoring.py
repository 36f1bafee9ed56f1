"""The arithmetic of intake, with no Django: review scores normalised per reviewer, selection by
rank within capacity and department quotas (with a waitlist), and a balanced assignment of
reviewers to applications. The services feed these functions plain values and store what they
return."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Score:
    """One reviewer's total for one application, on the rubric's 0–100 scale."""

    reviewer: Hashable
    application: Hashable
    raw: float


def _mean_and_sd(values: Sequence[float]) -> tuple[float, float]:
    mean = math.fsum(values) / len(values)
    return mean, math.sqrt(math.fsum((v - mean) ** 2 for v in values) / len(values))


def normalise(scores: Iterable[Score]) -> dict[tuple[Hashable, Hashable], float]:
    """Each score as an average reviewer would have given it.

    A reviewer's scores become z-scores against their own mean and spread, then are put back on
    the scale of all scores together (pooled mean and spread). A harsh reviewer, who scores
    everyone ten points lower, or a narrow one, who uses only half the scale, thus ranks
    applications exactly as before but no longer moves them up or down against applications
    they did not review. A reviewer with a single score, or the same score for everyone, can
    only be shifted to the pooled mean: their scores keep their distance from their own mean.
    """
    scores = list(scores)
    if not scores:
        return {}
    pooled_mean, pooled_sd = _mean_and_sd([s.raw for s in scores])
    by_reviewer: dict[Hashable, list[Score]] = defaultdict(list)
    for score in scores:
        by_reviewer[score.reviewer].append(score)
    normalised = {}
    for own in by_reviewer.values():
        mean, sd = _mean_and_sd([s.raw for s in own])
        for score in own:
            if sd > 1e-9:
                value = pooled_mean + (score.raw - mean) / sd * pooled_sd
            else:
                value = pooled_mean + (score.raw - mean)
            normalised[(score.reviewer, score.application)] = value
    return normalised


def application_scores(scores: Iterable[Score]) -> dict[Hashable, tuple[float, float]]:
    """Per application: (mean raw score, mean normalised score) of its reviews."""
    scores = list(scores)
    normalised = normalise(scores)
    raw: dict[Hashable, list[float]] = defaultdict(list)
    fair: dict[Hashable, list[float]] = defaultdict(list)
    for score in scores:
        raw[score.application].append(score.raw)
        fair[score.application].append(normalised[(score.reviewer, score.application)])
    return {app: (math.fsum(raw[app]) / len(raw[app]), math.fsum(fair[app]) / len(fair[app]))
            for app in raw}


@dataclass(frozen=True)
class Candidate:
    """An application in rank order: how many seats it takes and whose quota it counts to."""

    application: Hashable
    seats: int
    department: Hashable | None


@dataclass
class Seats:
    """The cohort's capacity and department quotas, and how much of them is taken."""

    capacity: int
    quotas: Mapping[Hashable, int]
    used: int = 0
    used_by_department: Counter | None = None

    def __post_init__(self) -> None:
        self.used_by_department = Counter(self.used_by_department or {})

    def fits(self, candidate: Candidate) -> bool:
        """Whether the candidate's seats are free, in the cohort and in its department's quota."""
        return self.shortfall(candidate) is None

    def shortfall(self, candidate: Candidate) -> str | None:
        """Why the candidate does not fit: ``"capacity"`` (the team is larger than the seats
        left), ``"quota"`` (its department's quota is full), or None when it fits."""
        if self.used + candidate.seats > self.capacity:
            return "capacity"
        quota = self.quotas.get(candidate.department)
        if quota is not None and self.used_by_department[candidate.department] + \
                candidate.seats > quota:
            return "quota"
        return None

    def take(self, candidate: Candidate) -> None:
        self.used += candidate.seats
        self.used_by_department[candidate.department] += candidate.seats


def select(ranked: Sequence[Candidate], seats: Seats,
           passed_over: dict[Hashable, tuple[str, int]] | None = None,
           ) -> tuple[list[Hashable], list[Hashable]]:
    """Go down the ranking, taking every candidate whose seats are free: (selected, waitlist).

    A team too large for the seats left, or from a department whose quota is full, is passed
    over for the next one down and waits in rank order; ``passed_over``, if given, receives
    each waiting candidate's reason (``Seats.shortfall``) and the seats then left.
    """
    selected, waiting = [], []
    for candidate in ranked:
        reason = seats.shortfall(candidate)
        if reason is None:
            seats.take(candidate)
            selected.append(candidate.application)
        else:
            waiting.append(candidate.application)
            if passed_over is not None:
                passed_over[candidate.application] = (reason, seats.capacity - seats.used)
    return selected, waiting


@dataclass(frozen=True)
class Reviewer:
    """Someone who reviews: their department (None: not from a department) and load so far."""

    id: Hashable
    department: Hashable | None = None
    load: int = 0


@dataclass(frozen=True)
class ToReview:
    """An application that needs reviews: its departments and who already has it."""

    id: Hashable
    departments: frozenset = frozenset()
    reviewers: frozenset = frozenset()
    excluded: frozenset = frozenset()  # reviewers who declared a conflict


class AssignmentError(ValueError):
    """Some applications cannot get enough eligible reviewers."""

    def __init__(self, short: dict[Hashable, int]) -> None:
        super().__init__(f"not enough eligible reviewers for {sorted(map(str, short))}")
        self.short = short


def reviews_own_department(department: Hashable | None, departments: frozenset, *,
                           avoid_own_department: bool) -> bool:
    """A reviewer never reviews their own department (when the cohort avoids it, as it does
    unless staff allow it): whether a reviewer from ``department`` would review an application
    whose students come from ``departments``. Checked when reviewers are assigned and again
    when a review is submitted."""
    return avoid_own_department and department is not None and department in departments


def assign_reviewers(applications: Sequence[ToReview], reviewers: Sequence[Reviewer], *,
                     per_application: int, avoid_own_department: bool
                     ) -> list[tuple[Hashable, Hashable]]:
    """New (application, reviewer) pairs so that every application has ``per_application``
    reviewers, nobody reviews twice, a conflict or (if asked) one's own department, and the
    loads stay as even as the constraints allow.

    The most constrained applications go first; each takes the least-loaded eligible reviewers
    (ties by the order given). Without constraints the loads end within one of each other.
    Raises ``AssignmentError`` naming the applications that cannot be served (nothing assigned).
    """
    load = {r.id: r.load for r in reviewers}
    order = {r.id: i for i, r in enumerate(reviewers)}

    def eligible(app: ToReview) -> list[Reviewer]:
        return [r for r in reviewers if r.id not in app.reviewers and r.id not in app.excluded
                and not reviews_own_department(r.department, app.departments,
                                               avoid_own_department=avoid_own_department)]

    short, pairs = {}, []
    pending = [(app, per_application - len(app.reviewers)) for app in applications]
    pending = [(app, need) for app, need in pending if need > 0]
    pending.sort(key=lambda item: (len(eligible(item[0])) - item[1], str(item[0].id)))
    for app, need in pending:
        candidates = eligible(app)
        if len(candidates) < need:
            short[app.id] = need - len(candidates)
            continue
        chosen = sorted(candidates, key=lambda r: (load[r.id], order[r.id]))[:need]
        for reviewer in chosen:
            load[reviewer.id] += 1
            pairs.append((app.id, reviewer.id))
    if short:
        raise AssignmentError(short)
    return pairs
