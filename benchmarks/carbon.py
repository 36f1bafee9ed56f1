"""Benchmark: does one process keep up with a class on the carbon-trading floor? A 45-minute
class of two compressed compliance years, 30 companies (24 students and 6 simulated traders).

    PYTHONPATH=. .venv/bin/python benchmarks/carbon.py [--companies N] [--runs R]
    bin/with-postgres .venv/bin/python benchmarks/carbon.py    # the same on PostgreSQL 15

Uses a fresh SQLite database in a temporary folder (removed at exit), or PostgreSQL when
PGDATABASE is set. Builds the standard scenario, a session of it for ``--companies`` companies:
all but six joined by students of one class, and six simulated traders (two market makers, two
noise traders, two compliance-driven). It starts the session and runs its whole calendar (2
years × 6 days + 2 compliance days of 150 s: 35 minutes of class) the way the live floor's
watcher does: ``services.clock.tick`` every half second of running time (day closes, year
openings, deadlines, the simulated traders' rounds), and after each round of the simulated
traders the students' companies played by the compliance-driven strategy (as
``carbon.demo`` does). The clock stands still between two steps (``elapsed`` set, no
``anchor``), so every run is the same: the traders' rounds come every 30 s from 29 s on, the
day closes every 150 s (on a live floor a round and a close can share a tick: about the sum
of the two).

It measures:

1. one tick: median and p95 over the whole calendar, of the ticks with a round of the
   simulated traders, of the day closes, and the busiest (a close with a year opening or a
   deadline);
2. at the end of year 1 (its last half second, book and tape full, the clock stopped): the
   market part of the pushed state (``floor.market_state``, once per version), a student's
   page (``consumers.page_state`` with the market cached) and the instructor's console
   (every company), median and p95 of ``--runs`` runs, with the queries each sends;
3. the push after one change: the market once and 30 viewers' pages (the students, the first
   ones with a second tab when there are fewer than 30) and the instructor's console — it must
   fit well under the live floor's 1-second promise;
4. an order placed (``trading.place_order``) and a take (``trading.take``) there.

Prints one table and a one-line verdict, then the session's totals."""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BOTS = {"market_maker": 2, "noise": 2, "compliance": 2}
STEP = 0.5  # the live floor's watcher interval (consumers.WATCH_INTERVAL)
PUSH_VIEWERS = 30
PUSH_BUDGET_MS = 1_000


def p95(times: list[float]) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


class Queries:
    """Counts the queries sent inside it (an execute wrapper: no log to overflow over the
    thousands of ticks, unlike ``CaptureQueriesContext``)."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)

    def __enter__(self):
        from django.db import connection

        self.count = 0
        self.wrapped = connection.execute_wrapper(self)
        self.wrapped.__enter__()
        return self

    def __exit__(self, *exc):
        return self.wrapped.__exit__(*exc)

    def __len__(self) -> int:
        return self.count


def timed(work, runs: int) -> tuple[float, float, int]:
    """Median and p95 ms of ``work()`` over ``runs`` runs after a warm one, and the queries
    one run sends."""
    work()
    times = []
    for _ in range(runs):
        with Queries() as queries:
            started = time.perf_counter()
            work()
            times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), p95(times), len(queries)


class Row:
    """A line of the table."""

    def __init__(self, figure: str, median: float, high: float, queries, note: str = ""):
        self.figure, self.median, self.high, self.queries, self.note = (
            figure, median, high, queries, note)

    def __str__(self) -> str:
        return (f"  {self.figure:52}{self.median:>10.1f}{self.high:>10.1f}"
                f"{self.queries!s:>10}  {self.note}")


# --- The class --------------------------------------------------------------------------------

def build(companies: int):
    """The school, its instructor, the students of one class, the standard scenario and the
    session with the students joined and the simulated traders added (not started)."""
    from django.contrib.auth.hashers import make_password

    from chanchuang.carbon.services import scenarios, sessions
    from chanchuang.core.choices import Role, StudentStatus
    from chanchuang.core.models import (
        Department,
        Major,
        Membership,
        School,
        SchoolClass,
        Student,
        User,
    )

    password = make_password("bench")
    school = School.objects.create(name="基准职业技术学院", code="4142000099",
                                   province_id="420000", short_name="基准")
    department = Department.objects.create(school=school, name="能源学院", code="D1")
    major = Major.objects.create(school=school, department=department, code="420807",
                                 name="碳排放管理")
    school_class = SchoolClass.objects.create(school=school, major=major, enrolment_year=2025,
                                              name="碳管2501班")
    instructor = User.objects.create(username="bench_teacher", real_name="王老师",
                                     password=password)
    Membership.objects.create(user=instructor, role=Role.SCHOOL_STAFF, school=school)
    students = []
    for n in range(companies - sum(BOTS.values())):
        user = User.objects.create(username=f"bench_s{n:02d}", real_name=f"学生{n:02d}",
                                   password=password)
        Membership.objects.create(user=user, role=Role.STUDENT, school=school)
        Student.objects.create(school=school, user=user, student_no=f"2025{n:06d}",
                               major=major, department=department, school_class=school_class,
                               enrolment_year=2025, gender="female",
                               status=StudentStatus.ENROLLED)
        students.append(user)
    template = scenarios.create_standard_scenario(actor=instructor, school=school,
                                                  name="全国碳市场·发电行业两年")
    simulation = sessions.create_simulation(actor=instructor, template=template,
                                            name="碳交易实训：两个履约年度",
                                            school_class=school_class)
    for user in students:
        sessions.join(user=user, code=simulation.join_code)
    sessions.add_bots(actor=instructor, simulation=simulation, strategies=BOTS)
    return instructor, students, simulation


def set_clock(simulation_id: int, elapsed: float) -> None:
    """Stand the session's clock still at ``elapsed`` seconds of running time."""
    from chanchuang.carbon.models import Simulation

    Simulation.objects.filter(pk=simulation_id).update(elapsed=elapsed, anchor=None)


def fresh(simulation_id: int):
    from chanchuang.carbon.models import Simulation

    return Simulation.objects.select_related("scenario").get(pk=simulation_id)


class Run:
    """The whole calendar, tick by tick, with the students played between the rounds."""

    def __init__(self, simulation, measure_at: float, measure):
        self.simulation_id = simulation.pk
        self.calendar = simulation.scenario.calendar
        self.students = list(simulation.companies.filter(bot="").order_by("number"))
        self.measure_at, self.measure = measure_at, measure
        self.ticks: list[tuple[float, int, str, float]] = []  # ms, queries, kind, elapsed
        self.student_plays: list[float] = []

    def big_days(self) -> dict[int, str]:
        """The days whose close opens a year or is a deadline, with what it is."""
        calendar, big = self.calendar, {}
        for year in range(1, calendar.years + 1):
            if year < calendar.years:
                big[year * calendar.days_per_year - 1] = f"year {year + 1} opens"
            big[calendar.report_day(year)] = f"report deadline {year}"
            big[calendar.surrender_day(year)] = f"surrender deadline {year}"
        big[calendar.total_days - 1] = big.get(calendar.total_days - 1, "") + " + finish"
        return big

    def go(self) -> None:
        from chanchuang.carbon.choices import SessionState, Strategy
        from chanchuang.carbon.services import bots, clock
        from chanchuang.carbon.services.clock import reference_price

        big = self.big_days()
        total = self.calendar.total_seconds
        steps = round(total / STEP)
        started = time.perf_counter()
        for step in range(1, steps + 1):
            elapsed = step * STEP
            before = fresh(self.simulation_id)
            set_clock(self.simulation_id, elapsed)
            with Queries() as queries:
                began = time.perf_counter()
                clock.tick(self.simulation_id)
                ms = (time.perf_counter() - began) * 1000
            simulation = fresh(self.simulation_id)
            closed = simulation.days_closed > before.days_closed
            acted = simulation.bots_acted != before.bots_acted
            closed_days = range(before.days_closed, simulation.days_closed)
            kind = ("big" if any(d in big for d in closed_days) else "close" if closed
                    else "bots" if acted else "quiet")
            self.ticks.append((ms, len(queries), kind, elapsed))
            if acted and simulation.state == SessionState.RUNNING:
                moment, reference = simulation.moment(), reference_price(simulation)
                round_no = int(elapsed // (self.calendar.seconds_per_day // 5))
                for company in self.students:
                    began = time.perf_counter()
                    bots.play(simulation, company, moment, Strategy.COMPLIANCE, reference,
                              round_no)
                    self.student_plays.append((time.perf_counter() - began) * 1000)
            if abs(elapsed - self.measure_at) < STEP / 2:
                self.measure(fresh(self.simulation_id))
            if step % round(self.calendar.seconds_per_day / STEP) == 0:
                print(f"  day {int(elapsed // self.calendar.seconds_per_day)} of "
                      f"{self.calendar.total_days} ({time.perf_counter() - started:.0f} s)",
                      file=sys.stderr, flush=True)
            if simulation.state == SessionState.FINISHED:
                break
        self.big = big

    def rows(self) -> list[Row]:
        def row(label, ticks, note=""):
            if not ticks:
                return Row(label, 0, 0, "-", "none")
            times = [t[0] for t in ticks]
            queries = sorted(t[1] for t in ticks)
            return Row(label, statistics.median(times), p95(times),
                       f"{queries[len(queries) // 2]}/{queries[-1]}",
                       note or f"{len(ticks)} ticks")

        ticks = self.ticks
        busiest = max((t for t in ticks if t[2] == "big"), key=lambda t: t[0], default=None)
        rows = [
            row("1. tick (clock + bots), every half second", ticks),
            row("   tick with a round of the simulated traders",
                [t for t in ticks if t[2] in ("bots", "close", "big")]),
            row("   tick closing an ordinary day", [t for t in ticks if t[2] == "close"]),
            row("   tick closing a day with a year opening or deadline",
                [t for t in ticks if t[2] == "big"]),
        ]
        if busiest is not None:
            day = int(busiest[3] // self.calendar.seconds_per_day) - 1
            rows.append(Row("   busiest tick", busiest[0], busiest[0], busiest[1],
                            f"close of day {day + 1}: {self.big.get(day, '').strip()}"))
        if self.student_plays:
            rows.append(Row("   (a student's company played, between ticks)",
                            statistics.median(self.student_plays), p95(self.student_plays),
                            "-", f"{len(self.student_plays)} plays"))
        return rows


# --- The live pages and the orders at the end of year 1 ---------------------------------------

def pages_and_orders(simulation, instructor, students, runs: int) -> list[Row]:
    """Figures 2–4 with the clock stopped in the last half second of year 1."""
    from chanchuang.carbon.choices import OrderState, Side
    from chanchuang.carbon.consumers import page_state
    from chanchuang.carbon.models import Order, Participant
    from chanchuang.carbon.queries import floor
    from chanchuang.carbon.services import trading
    from chanchuang.carbon.services.clock import reference_price

    rows = []
    pk = simulation.pk
    open_orders = Order.objects.filter(simulation=simulation, state=OrderState.OPEN).count()
    median, high, queries = timed(lambda: floor.market_state(fresh(pk)), runs)
    rows.append(Row("2. market part (once per version)", median, high, queries,
                    f"{open_orders} open orders, {simulation.trades.count()} trades"))
    cache: dict = {}
    student = students[0]
    page_state(pk, student, cache)  # the market is cached: what is left is the viewer's part
    median, high, queries = timed(lambda: page_state(pk, student, cache), runs)
    rows.append(Row("   a student's page (market cached)", median, high, queries))
    median, high, queries = timed(lambda: page_state(pk, instructor, cache), runs)
    rows.append(Row("   the instructor's console (every company)", median, high, queries,
                    f"{simulation.companies.count()} companies"))
    cold: dict = {}
    median, high, queries = timed(lambda: (cold.clear(), page_state(pk, student, cold)), runs)
    rows.append(Row("   a student's page, market not cached", median, high, queries))

    viewers = [students[n % len(students)] for n in range(PUSH_VIEWERS)]

    def push():
        shared: dict = {}  # a new version: the first page computes the market
        for viewer in viewers:
            page_state(pk, viewer, shared)
        page_state(pk, instructor, shared)

    median, high, queries = timed(push, max(3, runs // 2))
    rows.append(Row(f"3. push: market + {PUSH_VIEWERS} viewers + console", median, high,
                    queries, f"budget {PUSH_BUDGET_MS} ms"))

    # 4. Orders: a student lists a buy at the reference price and takes 100 t of a listing.
    company = Participant.objects.get(simulation=simulation, user=student).company
    reference = reference_price(simulation)
    price = str(reference)  # a listing: the national market never matches it by itself
    median, high, queries = timed(lambda: trading.place_order(
        company=company, side=Side.BUY, price=price, quantity=100), runs)
    rows.append(Row("4. place an order (trading.place_order)", median, high, queries))

    # the students bought the asks away by now: a market maker lists enough to take from
    maker = simulation.companies.filter(bot="market_maker").order_by("number").first()
    listing = trading.place_order(company=maker, side=Side.SELL, price=price, quantity=50_000)

    def take():
        trading.take(company=company, listing_id=listing.pk, quantity=100)

    median, high, queries = timed(take, runs)
    rows.append(Row("   take a listing (trading.take)", median, high, queries))
    return rows


def totals(simulation) -> str:
    from chanchuang.carbon.models import Entry, MarketDay, Order, Trade

    return (f"totals: {Trade.objects.filter(simulation=simulation).count():,} trades, "
            f"{Order.objects.filter(simulation=simulation).count():,} orders, "
            f"{Entry.objects.filter(transfer__simulation=simulation).count():,} ledger "
            f"entries, {MarketDay.objects.filter(simulation=simulation).count()} market days")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--companies", type=int, default=30,
                        help="companies of the session: six simulated traders, the rest "
                             "students (at least 8)")
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    if args.companies < sum(BOTS.values()) + 2:
        parser.error("--companies: at least 8 (six simulated traders and two students)")

    data_dir = tempfile.TemporaryDirectory(prefix="chanchuang-bench-")  # removed at exit
    os.environ["DATA_DIR"] = data_dir.name
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chanchuang.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from chanchuang.carbon.services import sessions

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    instructor, students, simulation = build(args.companies)
    simulation = sessions.start(actor=instructor, simulation=simulation)
    set_clock(simulation.pk, 0.0)
    calendar = simulation.scenario.calendar
    print(f"{connection.vendor}: {args.companies} companies ({len(students)} students, "
          f"{sum(BOTS.values())} simulated traders), {calendar.years} years × "
          f"{calendar.days_per_year} days + {calendar.compliance_days} compliance days of "
          f"{calendar.seconds_per_day} s = {calendar.total_seconds / 60:.0f} min of class "
          f"(built in {time.perf_counter() - started:.0f} s)")

    measured: list[Row] = []

    def measure(at_year_end):
        print("  end of year 1: measuring the live pages and the orders", file=sys.stderr,
              flush=True)
        measured.extend(pages_and_orders(at_year_end, instructor, students, args.runs))

    year_end = calendar.days_per_year * calendar.seconds_per_day - STEP
    run = Run(simulation, year_end, measure)
    started = time.perf_counter()
    run.go()
    print(f"  the calendar ran in {time.perf_counter() - started:.0f} s "
          f"({len(run.ticks)} ticks)")
    rows = run.rows() + measured
    print(f"  {'figure':52}{'median ms':>10}{'p95 ms':>10}{'queries':>10}")
    for row in rows:
        print(row)
    print("  (queries of the ticks: median/most)")
    push = next(r for r in rows if r.figure.startswith("3."))
    tick = rows[0]
    busiest = max(row.high for row in rows if row.figure.startswith("   tick"))
    if push.high >= PUSH_BUDGET_MS or busiest >= STEP * 1000:
        verdict = "does NOT keep up"
    elif push.median > PUSH_BUDGET_MS / 2 or busiest > STEP * 1000 / 2:
        verdict = "keeps up, but not with room to spare"
    else:
        verdict = "keeps up"
    print(f"verdict: one process {verdict}: a push to "
          f"{PUSH_VIEWERS} viewers takes {push.median:.0f} ms (p95 {push.high:.0f}) of the "
          f"{PUSH_BUDGET_MS} ms promise; a tick {tick.median:.0f} ms (p95 {tick.high:.0f}, "
          f"busiest {busiest:.0f}) of the {STEP * 1000:.0f} ms watcher interval")
    print(totals(fresh(simulation.pk)))


if __name__ == "__main__":
    main()
