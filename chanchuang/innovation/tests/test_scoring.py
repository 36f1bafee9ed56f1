"""The intake arithmetic (no Django): per-reviewer normalisation of scores, selection by rank
within capacity and quotas, and the balanced assignment of reviewers. Property tests over small
random instances, and worked examples whose numbers can be checked by hand."""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Hashable

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from chanchuang.innovation.scoring import (
    AssignmentError,
    Candidate,
    Reviewer,
    Score,
    Seats,
    ToReview,
    application_scores,
    assign_reviewers,
    normalise,
    select,
)


def examples(count: int) -> settings:
    """Hypothesis settings: ``count`` examples, no deadline, no example database on disk."""
    return settings(max_examples=count, deadline=None, database=None)


EXAMPLES = examples(150)

# Totals as the database stores them: 0–100 with two decimals.
TOTALS = st.integers(0, 10_000).map(lambda cents: cents / 100)
DEPARTMENTS = ["CS", "EE", "ME"]


def pooled(values: list[float]) -> tuple[float, float]:
    """Mean and population standard deviation, computed here independently of the module."""
    mean = sum(values) / len(values)
    return mean, math.sqrt(sum((v - mean) ** 2 for v in values) / len(values))


# --- Normalisation ---------------------------------------------------------------------------


@st.composite
def score_sets(draw: st.DrawFn) -> list[Score]:
    """Each reviewer scores a non-empty subset of the applications, at most once each."""
    applications = [f"a{j}" for j in range(draw(st.integers(1, 6)))]
    scores = []
    for i in range(draw(st.integers(1, 5))):
        reviewed = draw(st.lists(st.sampled_from(applications), min_size=1, unique=True))
        scores += [Score(f"r{i}", app, draw(TOTALS)) for app in reviewed]
    return scores


@st.composite
def full_designs(draw: st.DrawFn) -> dict[tuple[str, str], float]:
    """Every reviewer scores every application: {(reviewer, application): total}."""
    reviewers = [f"r{i}" for i in range(draw(st.integers(2, 4)))]
    applications = [f"a{j}" for j in range(draw(st.integers(2, 6)))]
    return {(r, a): draw(TOTALS) for r in reviewers for a in applications}


def by_reviewer(scores: list[Score]) -> dict[Hashable, list[Score]]:
    grouped: dict[Hashable, list[Score]] = {}
    for score in scores:
        grouped.setdefault(score.reviewer, []).append(score)
    return grouped


@EXAMPLES
@given(score_sets())
def test_each_reviewer_keeps_their_own_order(scores: list[Score]) -> None:
    normalised = normalise(scores)
    assert set(normalised) == {(s.reviewer, s.application) for s in scores}
    for own in by_reviewer(scores).values():
        for a, b in itertools.combinations(own, 2):
            na = normalised[(a.reviewer, a.application)]
            nb = normalised[(b.reviewer, b.application)]
            if a.raw < b.raw:
                assert na < nb
            elif a.raw > b.raw:
                assert na > nb
            else:
                assert na == nb


@EXAMPLES
@given(score_sets())
def test_normalised_scores_keep_the_pooled_mean(scores: list[Score]) -> None:
    normalised = normalise(scores)
    pooled_mean, _sd = pooled([s.raw for s in scores])
    assert sum(normalised.values()) / len(normalised) == pytest.approx(pooled_mean, abs=1e-9)


@EXAMPLES
@given(score_sets())
def test_each_reviewer_is_put_on_the_pooled_scale(scores: list[Score]) -> None:
    """A reviewer who uses the scale gets z-scores mapped to the pooled mean and spread; one
    with a single score or the same score for everyone is only shifted (to the pooled mean)."""
    normalised = normalise(scores)
    pooled_mean, pooled_sd = pooled([s.raw for s in scores])
    for own in by_reviewer(scores).values():
        mean, sd = pooled([s.raw for s in own])
        values = [normalised[(s.reviewer, s.application)] for s in own]
        if len({s.raw for s in own}) == 1:  # one score, or constant scores: shifted only
            for score, value in zip(own, values, strict=True):
                assert value - score.raw == pytest.approx(pooled_mean - mean, abs=1e-9)
                assert value == pytest.approx(pooled_mean, abs=1e-9)
            continue
        for score, value in zip(own, values, strict=True):
            assert (value - pooled_mean) / pooled_sd == pytest.approx((score.raw - mean) / sd)
        assert pooled(values) == pytest.approx((pooled_mean, pooled_sd))


def with_reviewer_changed(design: dict[tuple[str, str], float], reviewer: str, change
                          ) -> dict[tuple[str, str], float]:
    return {(r, a): change(raw) if r == reviewer else raw for (r, a), raw in design.items()}


def fair_means(design: dict[tuple[str, str], float]) -> dict[Hashable, float]:
    results = application_scores(Score(r, a, raw) for (r, a), raw in design.items())
    return {app: fair for app, (_raw, fair) in results.items()}


def assert_same_ranking(before: dict[Hashable, float], after: dict[Hashable, float]) -> None:
    """Every pair of applications is in the same order (ties stay ties, up to rounding)."""
    assert set(before) == set(after)
    for a, b in itertools.combinations(sorted(before), 2):
        gap, new_gap = before[a] - before[b], after[a] - after[b]
        if abs(gap) < 1e-9:
            assert abs(new_gap) < 1e-7, (a, b, gap, new_gap)
        elif abs(gap) > 1e-7:
            assert new_gap * gap > 0, (a, b, gap, new_gap)


def assert_one_reviewer_changed_keeps_the_ranking(
    design: dict[tuple[str, str], float], data: st.DataObject, change, *, spread: bool = False
) -> None:
    """Every score of one reviewer (drawn; with ``spread``, one who gave different scores)
    changed by ``change`` leaves the ranking as it was."""
    reviewer = data.draw(st.sampled_from(sorted({r for r, _a in design})))
    if spread:
        assume(len({raw for (r, _a), raw in design.items() if r == reviewer}) > 1)
    changed = with_reviewer_changed(design, reviewer, change)
    assert_same_ranking(fair_means(design), fair_means(changed))


@EXAMPLES
@given(full_designs(), st.data(), st.integers(1, 4_000).map(lambda cents: cents / 100))
def test_a_harsh_reviewer_does_not_change_the_ranking(
    design: dict[tuple[str, str], float], data: st.DataObject, harshness: float
) -> None:
    assert_one_reviewer_changed_keeps_the_ranking(design, data, lambda raw: raw - harshness)


@EXAMPLES
@given(full_designs(), st.data(), st.integers(5, 95).map(lambda percent: percent / 100))
def test_a_narrow_reviewer_does_not_change_the_ranking(
    design: dict[tuple[str, str], float], data: st.DataObject, factor: float
) -> None:
    assert_one_reviewer_changed_keeps_the_ranking(design, data, lambda raw: raw * factor,
                                                  spread=True)


@EXAMPLES
@given(score_sets(), st.data(), st.integers(-3_000, 3_000).map(lambda cents: cents / 100),
       st.integers(5, 200).map(lambda percent: percent / 100))
def test_rescaling_a_reviewer_only_moves_the_pooled_scale(
    scores: list[Score], data: st.DataObject, shift: float, factor: float
) -> None:
    """In any design (not only a full one) a reviewer's shift or stretch leaves every z-score as
    it was: normalised scores change only with the pooled mean and spread they are mapped to."""
    reviewer = data.draw(st.sampled_from(sorted({s.reviewer for s in scores})))
    assume(len({s.raw for s in scores if s.reviewer == reviewer}) > 1)
    changed = [Score(s.reviewer, s.application, s.raw * factor + shift)
               if s.reviewer == reviewer else s for s in scores]

    def standardised(scores: list[Score]) -> dict[tuple[Hashable, Hashable], float]:
        mean, sd = pooled([s.raw for s in scores])
        return {key: (value - mean) / sd for key, value in normalise(scores).items()}

    before, after = standardised(scores), standardised(changed)
    assert after == {key: pytest.approx(value, abs=1e-9) for key, value in before.items()}


@EXAMPLES
@given(score_sets())
def test_application_scores_are_means_of_raw_and_normalised(scores: list[Score]) -> None:
    normalised = normalise(scores)
    results = application_scores(scores)
    assert set(results) == {s.application for s in scores}
    for app, (raw, fair) in results.items():
        own = [s for s in scores if s.application == app]
        assert raw == pytest.approx(sum(s.raw for s in own) / len(own))
        assert fair == pytest.approx(
            sum(normalised[(s.reviewer, s.application)] for s in own) / len(own))


def test_worked_example_a_harsh_reviewer_on_the_same_applications() -> None:
    """A scores x, y, z 68/78/88 (mean 78); B, 16 points harsher, 52/62/72 (mean 62).

    Pooled: mean 420/6 = 70; deviations -2, 8, 18, -18, -8, 2 give variance 784/6, so the
    pooled sd is 28/√6. Each reviewer's sd is √(200/3) = 10·√(2/3), so their z-scores are
    -√1.5, 0, √1.5, and √1.5 · 28/√6 = 14: both reviewers' scores become 56/70/84."""
    raw = {"A": (68, 78, 88), "B": (52, 62, 72)}
    scores = [Score(r, app, total) for r, totals in raw.items()
              for app, total in zip("xyz", totals, strict=True)]
    normalised = normalise(scores)
    for reviewer in "AB":
        assert [normalised[(reviewer, app)] for app in "xyz"] == pytest.approx([56, 70, 84])
    assert application_scores(scores) == {
        "x": pytest.approx((60, 56)), "y": pytest.approx((70, 70)), "z": pytest.approx((80, 84))}


def test_worked_example_the_brief_numbers() -> None:
    """A 60/70/80 and B 40/50/60: pooled mean 60, variance 1000/6; z = ±√1.5, and
    √1.5 · √(1000/6) = √250 ≈ 15.81, so both reviewers give 60 - √250, 60, 60 + √250."""
    scores = [Score("A", "x", 60), Score("A", "y", 70), Score("A", "z", 80),
              Score("B", "x", 40), Score("B", "y", 50), Score("B", "z", 60)]
    normalised = normalise(scores)
    expected = [60 - math.sqrt(250), 60, 60 + math.sqrt(250)]
    assert [normalised[("A", app)] for app in "xyz"] == pytest.approx(expected)
    assert [normalised[("B", app)] for app in "xyz"] == pytest.approx(expected)
    assert expected[0] == pytest.approx(44.19, abs=0.005)


def test_worked_example_a_harsh_reviewer_no_longer_sinks_their_applications() -> None:
    """Lenient A scores p 72, q 84 (mean 78, sd 6); harsh B scores r 56, s 68 (mean 62, sd 6).
    Pooled: mean 70, deviations 2, 14, -14, -2, variance 400/4 = 100, sd 10. Everyone's z is -1
    or +1, so p and r become 60, q and s 80: B's better application s draws level with q."""
    scores = [Score("A", "p", 72), Score("A", "q", 84), Score("B", "r", 56), Score("B", "s", 68)]
    assert normalise(scores) == {("A", "p"): pytest.approx(60), ("A", "q"): pytest.approx(80),
                                 ("B", "r"): pytest.approx(60), ("B", "s"): pytest.approx(80)}
    results = application_scores(scores)
    assert results["s"][0] < results["p"][0]  # by raw score s (68) was below p (72)
    assert results["s"][1] > results["p"][1]  # normalised, s (80) is above p (60)


def test_worked_example_single_and_constant_reviewers_are_only_shifted() -> None:
    """Pooled totals 50, 90, 70, 70, 60: mean 68. A (50, 90) is a real spread; B gives 70 to
    both: their distance from their own mean is 0, so both become 68; C's single 60 does too."""
    scores = [Score("A", "x", 50), Score("A", "y", 90), Score("B", "x", 70), Score("B", "y", 70),
              Score("C", "z", 60)]
    normalised = normalise(scores)
    assert normalised[("B", "x")] == normalised[("B", "y")] == pytest.approx(68)
    assert normalised[("C", "z")] == pytest.approx(68)
    # A's z-scores are -1 and +1; the pooled variance is (324 + 484 + 4 + 4 + 64) / 5 = 176.
    assert normalised[("A", "x")] == pytest.approx(68 - math.sqrt(176))  # ≈ 54.73
    assert normalised[("A", "y")] == pytest.approx(68 + math.sqrt(176))  # ≈ 81.27


def test_no_scores() -> None:
    assert normalise([]) == {}
    assert application_scores([]) == {}


# --- Selection -------------------------------------------------------------------------------


CANDIDATE_DEPARTMENTS = st.sampled_from([*DEPARTMENTS, None])


@st.composite
def rankings(draw: st.DrawFn) -> list[Candidate]:
    count = draw(st.integers(0, 10))
    return [Candidate(f"c{k}", draw(st.integers(1, 5)), draw(CANDIDATE_DEPARTMENTS))
            for k in range(count)]


@st.composite
def seat_plans(draw: st.DrawFn) -> tuple[int, dict[Hashable, int], list[Candidate]]:
    """Capacity, quotas (some departments have none) and teams already holding seats (taken
    within capacity and quotas, as earlier selections were)."""
    capacity = draw(st.integers(0, 16))
    quotas = draw(st.dictionaries(st.sampled_from(DEPARTMENTS), st.integers(0, 8)))
    holding, seats = [], Seats(capacity, quotas)
    for k in range(draw(st.integers(0, 3))):
        team = Candidate(f"h{k}", draw(st.integers(1, 4)), draw(CANDIDATE_DEPARTMENTS))
        if seats.fits(team):
            seats.take(team)
            holding.append(team)
    return capacity, quotas, holding


def seats_for(capacity: int, quotas: dict[Hashable, int], holding: list[Candidate]) -> Seats:
    seats = Seats(capacity, quotas)
    for team in holding:
        seats.take(team)
    return seats


def room_for(candidate: Candidate, capacity: int, quotas: dict[Hashable, int],
             taken: list[Candidate]) -> bool:
    """Whether ``candidate`` fits beside ``taken`` (counted here, independently of Seats)."""
    if sum(c.seats for c in taken) + candidate.seats > capacity:
        return False
    if candidate.department not in quotas:
        return True
    same = sum(c.seats for c in taken if c.department == candidate.department)
    return same + candidate.seats <= quotas[candidate.department]


def is_subsequence(items: list[Hashable], of: list[Hashable]) -> bool:
    rest = iter(of)
    return all(item in rest for item in items)


@EXAMPLES
@given(rankings(), seat_plans())
def test_selection_stays_within_capacity_and_quotas(
    ranked: list[Candidate], plan: tuple[int, dict[Hashable, int], list[Candidate]]
) -> None:
    capacity, quotas, holding = plan
    seats = seats_for(capacity, quotas, holding)
    selected, _waiting = select(ranked, seats)
    by_id = {c.application: c for c in ranked}
    taken = holding + [by_id[a] for a in selected]
    assert sum(c.seats for c in taken) <= capacity
    for department, quota in quotas.items():
        assert sum(c.seats for c in taken if c.department == department) <= quota
    assert seats.used == sum(c.seats for c in taken)  # the Seats passed in now count them
    by_department: Counter = Counter()
    for c in taken:
        by_department[c.department] += c.seats
    assert seats.used_by_department == by_department


@EXAMPLES
@given(rankings(), seat_plans())
def test_selection_is_greedy_in_rank_order(
    ranked: list[Candidate], plan: tuple[int, dict[Hashable, int], list[Candidate]]
) -> None:
    capacity, quotas, holding = plan
    selected, waiting = select(ranked, seats_for(capacity, quotas, holding))
    ids = [c.application for c in ranked]
    assert sorted(selected + waiting) == sorted(ids)
    assert is_subsequence(selected, ids) and is_subsequence(waiting, ids)  # rank order kept
    taken = list(holding)
    for candidate in ranked:  # replay: selected exactly when it fit at its turn
        if room_for(candidate, capacity, quotas, taken):
            assert candidate.application in selected
            taken.append(candidate)
        else:
            assert candidate.application in waiting
    by_id = {c.application: c for c in ranked}
    final = holding + [by_id[a] for a in selected]
    for application in waiting:  # and still does not fit once the selection is made
        assert not room_for(by_id[application], capacity, quotas, final)


def test_a_team_too_large_is_passed_over_for_a_smaller_one_below_it() -> None:
    ranked = [Candidate("first", 3, None), Candidate("big", 3, None), Candidate("small", 2, None)]
    assert select(ranked, Seats(5, {})) == (["first", "small"], ["big"])


def test_worked_example_with_a_quota() -> None:
    """Capacity 10, CS at most 4 seats, in rank order:
    A (CS, 3) taken: 3 used, CS 3.       B (CS, 2) waits: CS would be 5 > 4.
    C (EE, 4) taken: 7 used.             D (EE, 4) waits: 11 > 10.
    E (CS, 1) taken: 8 used, CS 4.       F (no department, 2) taken: 10 used.
    G (EE, 1) waits: 11 > 10."""
    ranked = [Candidate("A", 3, "CS"), Candidate("B", 2, "CS"), Candidate("C", 4, "EE"),
              Candidate("D", 4, "EE"), Candidate("E", 1, "CS"), Candidate("F", 2, None),
              Candidate("G", 1, "EE")]
    seats = Seats(10, {"CS": 4})
    assert select(ranked, seats) == (["A", "C", "E", "F"], ["B", "D", "G"])
    assert (seats.used, seats.used_by_department) == (10, Counter({"CS": 4, "EE": 4, None: 2}))


def test_waitlist_moves_into_seats_already_partly_held() -> None:
    """8 of 10 seats are held (CS 2 of its 2): a 4-seat team waits, a CS team waits for its
    quota, a 2-seat team below them takes the last seats."""
    seats = Seats(10, {"CS": 2}, used=8, used_by_department=Counter(CS=2, EE=6))
    ranked = [Candidate("four", 4, "EE"), Candidate("cs", 1, "CS"), Candidate("two", 2, "ME")]
    assert select(ranked, seats) == (["two"], ["four", "cs"])


# --- Reviewer assignment ---------------------------------------------------------------------


REVIEWER_DEPARTMENTS = st.sampled_from([*DEPARTMENTS, None])


@st.composite
def assignment_problems(draw: st.DrawFn) -> dict:
    """Reviewers with departments and loads so far; applications with departments, reviewers
    they already have and reviewers who declared a conflict (never both for one reviewer)."""
    reviewers = [Reviewer(f"r{i}", draw(REVIEWER_DEPARTMENTS), draw(st.integers(0, 3)))
                 for i in range(draw(st.integers(0, 6)))]
    ids = [r.id for r in reviewers]
    applications = []
    for j in range(draw(st.integers(0, 6))):
        status = {r: draw(st.sampled_from(["free"] * 6 + ["has", "conflict"])) for r in ids}
        applications.append(ToReview(
            f"a{j}", frozenset(draw(st.lists(st.sampled_from(DEPARTMENTS), max_size=2))),
            frozenset(r for r in ids if status[r] == "has"),
            frozenset(r for r in ids if status[r] == "conflict")))
    return {"applications": applications, "reviewers": reviewers,
            "per_application": draw(st.integers(1, 4)),
            "avoid_own_department": draw(st.booleans())}


def eligible(app: ToReview, reviewer: Reviewer, avoid_own_department: bool) -> bool:
    return (reviewer.id not in app.reviewers and reviewer.id not in app.excluded
            and not (avoid_own_department and reviewer.department is not None
                     and reviewer.department in app.departments))


def expected_short(problem: dict) -> dict[Hashable, int]:
    short = {}
    for app in problem["applications"]:
        need = problem["per_application"] - len(app.reviewers)
        can = sum(eligible(app, r, problem["avoid_own_department"]) for r in problem["reviewers"])
        if need > can:
            short[app.id] = need - can
    return short


@examples(300)
@given(assignment_problems())
def test_assignment_respects_every_rule_or_fails_whole(problem: dict) -> None:
    short = expected_short(problem)
    if short:
        with pytest.raises(AssignmentError) as raised:
            assign_reviewers(**problem)
        assert raised.value.short == short
        return
    pairs = assign_reviewers(**problem)
    assert len(pairs) == len(set(pairs))  # never the same reviewer twice for one application
    reviewers = {r.id: r for r in problem["reviewers"]}
    for app in problem["applications"]:
        new = [reviewer for application, reviewer in pairs if application == app.id]
        assert len(app.reviewers | set(new)) == max(problem["per_application"],
                                                    len(app.reviewers))
        for reviewer in new:
            assert eligible(app, reviewers[reviewer], problem["avoid_own_department"])
    assert {a for a, _r in pairs} <= {app.id for app in problem["applications"]}
    assert {r for _a, r in pairs} <= set(reviewers)


def unconstrained(loads: list[int], applications: int) -> tuple[list[ToReview], list[Reviewer]]:
    return ([ToReview(f"a{j}") for j in range(applications)],
            [Reviewer(f"r{i}", load=load) for i, load in enumerate(loads)])


def final_loads(reviewers: list[Reviewer], pairs: list[tuple[Hashable, Hashable]]
                ) -> list[int]:
    added = Counter(reviewer for _app, reviewer in pairs)
    return [r.load + added[r.id] for r in reviewers]


@EXAMPLES
@given(st.integers(1, 8), st.integers(0, 12), st.data())
def test_without_constraints_loads_from_zero_end_within_one(
    size: int, count: int, data: st.DataObject
) -> None:
    per_application = data.draw(st.integers(1, size))
    applications, reviewers = unconstrained([0] * size, count)
    pairs = assign_reviewers(applications, reviewers, per_application=per_application,
                             avoid_own_department=True)
    assert len(pairs) == count * per_application
    loads = final_loads(reviewers, pairs)
    assert max(loads) - min(loads) <= 1


@EXAMPLES
@given(st.lists(st.integers(0, 6), min_size=1, max_size=8), st.integers(0, 12), st.data())
def test_without_constraints_loads_never_spread_further(
    loads: list[int], count: int, data: st.DataObject
) -> None:
    """From any starting loads, the spread ends no wider than before (or 1); from loads already
    within one of each other (zero among them, or all zero), it ends within one."""
    per_application = data.draw(st.integers(1, len(loads)))
    applications, reviewers = unconstrained(loads, count)
    pairs = assign_reviewers(applications, reviewers, per_application=per_application,
                             avoid_own_department=False)
    final = final_loads(reviewers, pairs)
    assert sum(final) == sum(loads) + count * per_application
    assert max(final) - min(final) <= max(1, max(loads) - min(loads))


def test_worked_example_balanced_from_zero() -> None:
    """Three applications, two reviews each, three reviewers: everyone reviews two."""
    applications, reviewers = unconstrained([0, 0, 0], 3)
    pairs = assign_reviewers(applications, reviewers, per_application=2,
                             avoid_own_department=True)
    assert final_loads(reviewers, pairs) == [2, 2, 2]
    assert all(len({r for a, r in pairs if a == app.id}) == 2 for app in applications)


def test_worked_example_with_departments_and_a_conflict() -> None:
    """q (an EE team) cannot go to Li (EE) nor Zhao (conflict): only Wang, so it goes first.
    p (a CS team) then cannot go to Wang (CS) and takes Li, who has no load yet, before Zhao."""
    reviewers = [Reviewer("wang", "CS"), Reviewer("li", "EE"), Reviewer("zhao", None)]
    applications = [ToReview("p", frozenset({"CS"})),
                    ToReview("q", frozenset({"EE"}), excluded=frozenset({"zhao"}))]
    pairs = assign_reviewers(applications, reviewers, per_application=1,
                             avoid_own_department=True)
    assert pairs == [("q", "wang"), ("p", "li")]


def test_existing_reviewers_count_and_are_not_repeated() -> None:
    reviewers = [Reviewer("wang", load=1), Reviewer("li"), Reviewer("zhao")]
    applications = [ToReview("p", reviewers=frozenset({"wang"}))]
    pairs = assign_reviewers(applications, reviewers, per_application=2,
                             avoid_own_department=False)
    assert pairs == [("p", "li")]


def test_impossible_assignment_names_the_short_applications_and_assigns_nothing() -> None:
    """p (CS) needs two reviewers but only Li (EE) may review it; q could be served, but
    nothing is returned: the error says p is one reviewer short."""
    reviewers = [Reviewer("wang", "CS"), Reviewer("li", "EE")]
    applications = [ToReview("p", frozenset({"CS"})), ToReview("q", frozenset({"ME"}))]
    with pytest.raises(AssignmentError) as raised:
        assign_reviewers(applications, reviewers, per_application=2,
                         avoid_own_department=True)
    assert raised.value.short == {"p": 1}
    assert isinstance(raised.value, ValueError)
    assert "p" in str(raised.value)
    # Allowed to review their own department, both can be served.
    assert len(assign_reviewers(applications, reviewers, per_application=2,
                                avoid_own_department=False)) == 4


def test_no_reviewers_at_all() -> None:
    with pytest.raises(AssignmentError) as raised:
        assign_reviewers([ToReview("p")], [], per_application=2, avoid_own_department=False)
    assert raised.value.short == {"p": 2}
    assert assign_reviewers([], [], per_application=2, avoid_own_department=False) == []
