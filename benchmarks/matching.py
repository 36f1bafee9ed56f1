"""Benchmark of the matching kernel, and a comparison with the `matching` library.

Run as ``python benchmarks/matching.py`` (``--help`` for options). For each size N it generates
seeded random instances (N students, N/10 positions, 10 choices each, total capacity 0.9 N,
uniform and Zipf-skewed popularity, strict priorities as scores) and prints the kernel's time to
build the instance from arrays and to solve it (student-proposing), end to end, and the peak
extra memory of each. Up to ``--compare-up-to`` students it also runs `matching`'s
``HospitalResident`` (resident-optimal) on the same instance and prints the time ratios and
whether the assignments are identical. Finally it checks the targets: identical assignments
everywhere, at least 100x faster than `matching` at N = 20,000, and N = 1,000,000 built from
arrays and solved in under 4 s with under 1 GB of extra memory (the issue's target, end to end:
the way the platform calls the kernel at province scale).
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import threading
import time
import tracemalloc
from dataclasses import dataclass
from pathlib import Path

import numpy as np

# Run as a script, this file's folder comes first on sys.path, and this very file would then
# shadow the `matching` library; put the repository root there instead, so `chanchuang` imports.
HERE = Path(__file__).resolve().parent
sys.path[:] = [str(HERE.parent), *(p for p in sys.path if Path(p or ".").resolve() != HERE)]

from chanchuang.matching import Instance, Result, solve  # noqa: E402

CHOICES_PER_STUDENT = 10
POPULARITIES = ("uniform", "zipf")
TARGET_SPEEDUP_AT, TARGET_SPEEDUP = 20_000, 100.0
TARGET_LARGE_AT, TARGET_LARGE_SECONDS, TARGET_LARGE_MB = 1_000_000, 4.0, 1024.0
LIBRARY_STACK_BYTES = 1 << 30


@dataclass
class Generated:
    """A generated instance as arrays, ready for the kernel or the `matching` library."""

    student_ids: list[str]
    position_ids: list[str]
    capacities: np.ndarray  # per position
    choices: np.ndarray  # (students, choices) position indices, best first
    entry_positions: np.ndarray  # priority entries grouped by position, best first
    entry_students: np.ndarray
    entry_scores: np.ndarray  # distinct integers, higher is better


@dataclass
class Row:
    """One printed line of figures (times in seconds: best of the repeats, except ``cold_s``;
    memory in MB: tracemalloc's peak of what was allocated during the step)."""

    size: int
    popularity: str
    build_s: float  # Instance(...) from arrays
    solve_s: float  # solve(instance)
    total_s: float  # the best run's build + solve: end to end
    cold_s: float  # the first build + solve, into memory the process has not touched yet
    build_mb: float  # peak while building
    solve_mb: float  # peak while solving, beyond the instance
    total_mb: float  # peak over building and solving: end to end
    assigned: int
    from_dict_s: float | None = None  # Instance.from_dict(...), the JSON-format path
    library_create_s: float | None = None
    library_solve_s: float | None = None
    identical: bool | None = None

    @property
    def solve_ratio(self) -> float | None:
        """`matching`'s solve() time over the kernel's solve() time."""
        return None if self.library_solve_s is None else self.library_solve_s / self.solve_s

    @property
    def as_called_ratio(self) -> float | None:
        """Both as users call them, from dictionaries: `matching`'s create_from_dictionaries()
        + solve() over the kernel's Instance.from_dict() + solve()."""
        if self.library_create_s is None or self.library_solve_s is None or not self.from_dict_s:
            return None
        library = self.library_create_s + self.library_solve_s
        return library / (self.from_dict_s + self.solve_s)


def generate(size: int, popularity: str, seed: int) -> Generated:
    """A seeded random instance: popularity is ``"uniform"`` or ``"zipf"`` (weight 1/rank)."""
    rng = np.random.default_rng([seed, size, POPULARITIES.index(popularity)])
    n_positions = max(size // 10, 1)
    capacities = 1 + rng.multinomial(
        int(0.9 * size) - n_positions, np.full(n_positions, 1 / n_positions)
    )
    weights = np.ones(n_positions) if popularity == "uniform" else 1 / np.arange(1, n_positions + 1)
    weights = weights[rng.permutation(n_positions)]
    cumulative = np.cumsum(weights / weights.sum())
    per_student = min(CHOICES_PER_STUDENT, n_positions)

    def draw(count: int) -> np.ndarray:
        return np.minimum(np.searchsorted(cumulative, rng.random(count)), n_positions - 1)

    choices = draw(size * per_student).reshape(size, per_student)
    while True:  # redraw repeated positions within a student's list until all are distinct
        ordered = np.sort(choices, axis=1)
        rows = np.flatnonzero((ordered[:, 1:] == ordered[:, :-1]).any(axis=1))
        if not rows.size:
            break
        sub = choices[rows]
        order = np.argsort(sub, axis=1, kind="stable")
        repeated = np.zeros(sub.shape, dtype=bool)
        sorted_sub = np.take_along_axis(sub, order, axis=1)
        np.put_along_axis(repeated, order[:, 1:], sorted_sub[:, 1:] == sorted_sub[:, :-1], axis=1)
        sub[repeated] = draw(int(repeated.sum()))
        choices[rows] = sub

    # Positions broadly agree on who is strong (a common quality) but not entirely (noise).
    students = np.repeat(np.arange(size), per_student)
    positions = choices.ravel()
    merit = rng.random(size)[students] + 0.3 * rng.random(students.size)
    scores = np.empty(students.size, dtype=np.int64)
    scores[np.argsort(merit)] = np.arange(students.size)  # distinct: priorities are strict
    order = np.lexsort((-scores, positions))
    return Generated(
        student_ids=[f"S{i}" for i in range(size)],
        position_ids=[f"P{p}" for p in range(n_positions)],
        capacities=capacities,
        choices=choices,
        entry_positions=positions[order],
        entry_students=students[order],
        entry_scores=scores[order],
    )


def build_instance(generated: Generated) -> Instance:
    """The kernel's instance, built from arrays (entries come grouped by position, best first),
    as the platform would from its database: the ids and arrays are its inputs."""
    size, per_student = generated.choices.shape
    n_positions = generated.capacities.size
    counts = np.bincount(generated.entry_positions, minlength=n_positions)
    return Instance(
        student_ids=generated.student_ids,
        position_ids=generated.position_ids,
        choice_offsets=np.arange(0, size * per_student + 1, per_student),
        choice_positions=generated.choices.ravel(),
        capacities=generated.capacities,
        priority_offsets=np.concatenate([[0], np.cumsum(counts)]),
        priority_students=generated.entry_students,
        priority_values=generated.entry_scores,
        uses_scores=np.ones(n_positions, dtype=bool),
    )


def run_library(instance: Instance) -> tuple[float, float, dict[str, str | None]]:
    """Run `matching`'s HospitalResident on the instance: create time, solve time, assignment.

    Its constructor deep-copies the players, who refer to each other, which recurses once per
    player; so it runs in a thread with a large stack and a raised recursion limit.
    """
    outcome: list[tuple[float, float, dict[str, str | None]]] = []
    limit = sys.getrecursionlimit()
    threading.stack_size(LIBRARY_STACK_BYTES)
    sys.setrecursionlimit(10 * instance.choice_positions.size + 10_000)
    try:
        thread = threading.Thread(target=lambda: outcome.append(_run_library(instance)))
        thread.start()
        thread.join()
    finally:
        sys.setrecursionlimit(limit)
        threading.stack_size(0)
    if not outcome:
        raise RuntimeError("the matching library failed (see the traceback above)")
    return outcome[0]


def _run_library(instance: Instance) -> tuple[float, float, dict[str, str | None]]:
    from matching.games import HospitalResident

    data = instance.to_dict()
    resident_prefs = data["students"]
    hospital_prefs = {p: list(spec["scores"]) for p, spec in data["positions"].items()}
    capacities = {p: spec["capacity"] for p, spec in data["positions"].items()}
    started = time.perf_counter()
    game = HospitalResident.create_from_dictionaries(resident_prefs, hospital_prefs, capacities)
    created = time.perf_counter()
    matching = game.solve(optimal="resident")
    solved = time.perf_counter()
    assignment: dict[str, str | None] = dict.fromkeys(resident_prefs)
    for hospital, residents in matching.items():
        for resident in residents:
            assignment[resident.name] = hospital.name
    return created - started, solved - created, assignment


def measure(size: int, popularity: str, seed: int, repeats: int, compare: bool) -> Row:
    """Build and solve one generated instance ``repeats`` times (best times), then once more
    under tracemalloc for the peak memory; optionally run the `matching` library too."""
    generated = generate(size, popularity, seed)
    builds, solves = [], []
    for _ in range(repeats):
        started = time.perf_counter()
        instance = build_instance(generated)
        built = time.perf_counter()
        result = solve(instance, seed=seed)
        builds.append(built - started)
        solves.append(time.perf_counter() - built)
        del instance, result  # as a platform would, before building the next instance
    build_mb, solve_mb, total_mb, instance, result = _peaks_mb(generated, seed)
    best = min(range(repeats), key=lambda run: builds[run] + solves[run])
    row = Row(
        size=size,
        popularity=popularity,
        build_s=min(builds),
        solve_s=min(solves),
        total_s=builds[best] + solves[best],
        cold_s=builds[0] + solves[0],
        build_mb=build_mb,
        solve_mb=solve_mb,
        total_mb=total_mb,
        assigned=sum(position is not None for position in result.assignment.values()),
    )
    if compare:
        data = instance.to_dict()
        started = time.perf_counter()
        Instance.from_dict(data)
        row.from_dict_s = time.perf_counter() - started
        row.library_create_s, row.library_solve_s, assignment = run_library(instance)
        row.identical = assignment == result.assignment
    return row


def _peaks_mb(generated: Generated, seed: int) -> tuple[float, float, float, Instance, Result]:
    """Build and solve under tracemalloc. Returns the peak memory (MB) allocated while
    building, while solving beyond the instance, and over both (end to end: everything beyond
    the inputs), with the instance and the result."""
    tracemalloc.start()
    instance = build_instance(generated)
    instance_bytes, build_peak = tracemalloc.get_traced_memory()
    tracemalloc.reset_peak()
    result = solve(instance, seed=seed)
    solve_peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    megabyte = 2**20
    return (
        build_peak / megabyte,
        (solve_peak - instance_bytes) / megabyte,
        max(build_peak, solve_peak) / megabyte,
        instance,
        result,
    )


HEADER = (
    f"{'N':>9}  {'pop.':<8}{'build':>7}{'solve':>7}{'total':>7}{'cold':>7}{'build':>7}{'solve':>7}"
    f"{'total':>7}{'assigned':>10} |{'dict':>7}{'create':>8}{'solve':>7}{'solve':>8}"
    f"{'as called':>10}  same\n"
    f"{'':>9}  {'':<8}{'s':>7}{'s':>7}{'s':>7}{'s':>7}{'MB':>7}{'MB':>7}{'MB':>7}{'':>10} |"
    f"{'s':>7}{'s':>8}{'s':>7}{'ratio':>8}{'ratio':>10}"
)


def print_row(row: Row) -> None:
    """Print one line of the table."""
    line = (
        f"{row.size:>9,}  {row.popularity:<8}{row.build_s:7.3f}{row.solve_s:7.3f}"
        f"{row.total_s:7.2f}{row.cold_s:7.2f}{row.build_mb:7.0f}{row.solve_mb:7.0f}"
        f"{row.total_mb:7.0f}{row.assigned:>10,} |"
    )
    if row.identical is not None:
        line += (
            f"{row.from_dict_s:7.2f}{row.library_create_s:8.2f}{row.library_solve_s:7.2f}"
            f"{row.solve_ratio:7.0f}x{row.as_called_ratio:9.0f}x"
            f"  {'yes' if row.identical else 'NO'}"
        )
    print(line, flush=True)


def check_targets(rows: list[Row], repeats: int) -> list[str]:
    """One line per target: met, missed, or not measured in this run."""
    compared = [row for row in rows if row.identical is not None]
    at_speedup = [row for row in compared if row.size == TARGET_SPEEDUP_AT]
    large = [row for row in rows if row.size == TARGET_LARGE_AT]

    def verdict(measured: list[Row], met: bool) -> str:
        return "not measured" if not measured else ("met" if met else "MISSED")

    lowest_as_called = min((row.as_called_ratio or 0.0 for row in at_speedup), default=0.0)
    lowest_solve_only = min((row.solve_ratio or 0.0 for row in at_speedup), default=0.0)
    slowest_total = max((row.total_s for row in large), default=0.0)
    slowest_cold = max((row.cold_s for row in large), default=0.0)
    slowest_build = max((row.build_s for row in large), default=0.0)
    slowest_solve = max((row.solve_s for row in large), default=0.0)
    largest_total_mb = max((row.total_mb for row in large), default=0.0)
    largest_build_mb = max((row.build_mb for row in large), default=0.0)
    largest_solve_mb = max((row.solve_mb for row in large), default=0.0)
    return [
        f"identical assignments on every compared instance: "
        f"{verdict(compared, all(row.identical for row in compared))}",
        f"N = {TARGET_SPEEDUP_AT:,}: >= {TARGET_SPEEDUP:.0f}x faster than matching as users call"
        f" it: {verdict(at_speedup, lowest_as_called >= TARGET_SPEEDUP)}"
        f" (lowest {lowest_as_called:.0f}x; solve() alone: lowest {lowest_solve_only:.0f}x)",
        f"N = {TARGET_LARGE_AT:,} end to end, Instance(...) from arrays + solve():"
        f" < {TARGET_LARGE_SECONDS:.0f} s: {verdict(large, slowest_total < TARGET_LARGE_SECONDS)}"
        f" (slowest {slowest_total:.2f} s, best of {repeats} runs; build {slowest_build:.2f} s"
        f" + solve {slowest_solve:.2f} s; slowest first run {slowest_cold:.2f} s)",
        f"N = {TARGET_LARGE_AT:,} end to end, peak extra memory < {TARGET_LARGE_MB:.0f} MB:"
        f" {verdict(large, largest_total_mb < TARGET_LARGE_MB)} (largest {largest_total_mb:.0f} MB;"
        f" build {largest_build_mb:.0f} MB, solve beyond the instance {largest_solve_mb:.0f} MB)",
    ]


def main() -> int:
    """Run the benchmark and print its figures; exit 1 if a measured target is missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        type=lambda text: [int(size) for size in text.split(",")],
        default=[1_000, 5_000, 20_000, 100_000, 1_000_000],
        help="comma-separated numbers of students (default: %(default)s)",
    )
    parser.add_argument(
        "--compare-up-to",
        type=int,
        default=20_000,
        help="also run the matching library up to this many students (default: %(default)s)",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="sizes 1,000, 5,000 and 100,000, comparing up to 5,000 (about half a minute)",
    )
    parser.add_argument(
        "--repeats", type=int, default=3, help="runs per instance; best times count (default: 3)"
    )
    parser.add_argument("--seed", type=int, default=2024, help="seed for instances and lottery")
    args = parser.parse_args()
    if args.quick:
        args.sizes, args.compare_up_to = [1_000, 5_000, 100_000], 5_000

    print(
        f"matching kernel: N students, N/10 positions, {CHOICES_PER_STUDENT} choices each,"
        f" total capacity 0.9 N, strict score priorities; student-proposing; seed {args.seed}"
    )
    print(
        f"Python {platform.python_version()}, numpy {np.__version__}, {os.cpu_count()} CPUs;"
        f" best of {args.repeats} runs; total = build + solve (the best run), cold = the first;"
        " MB = tracemalloc peak\nof what building, solving (beyond the instance) and both"
        " (total: beyond the inputs) allocate"
    )
    print(HEADER)
    rows = []
    for size in args.sizes:
        for popularity in POPULARITIES:
            compare = size <= args.compare_up_to
            row = measure(size, popularity, args.seed, args.repeats, compare)
            print_row(row)
            rows.append(row)
    print(
        "right of |: dict = the kernel's Instance.from_dict(); then the matching library:"
        " create = HospitalResident.create_from_dictionaries(),\nsolve = its solve(); solve"
        " ratio = its solve() over the kernel's solve(); as called ratio = its create + solve"
        " over the kernel's from_dict + solve"
    )
    verdicts = check_targets(rows, args.repeats)
    for verdict in verdicts:
        print(f"target: {verdict}")
    return 1 if any("MISSED" in verdict for verdict in verdicts) else 0


if __name__ == "__main__":
    raise SystemExit(main())
