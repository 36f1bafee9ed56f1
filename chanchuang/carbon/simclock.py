"""The simulated calendar of a session, as a pure kernel: which simulated year, day, month and
trading time a moment of running time falls on.

A session runs ``years`` compressed compliance years of ``days_per_year`` trading days each,
followed by the last year's compliance window. Each simulated trading day is the two sessions
of the national exchange, 9:30–11:30 and 13:00–15:00, laid end to end over ``seconds_per_day``
real seconds of running time (the lunch break and the night take no time, so a class never
waits for a market to open).

The compliance of year *y* happens in the first ``compliance_days`` days after it, the way the
2019–2020 emissions were reported by 31 March and surrendered later in the following year: the
emissions report is due at the close of the first of those days, surrender at the close of the
last. The trading days of a year are spread over its twelve months, so "the previous month's
average price" of the penalty rule means something.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time

SESSION_MINUTES = 120  # each of the two sessions
DAY_MINUTES = 2 * SESSION_MINUTES
MORNING_OPEN = 9 * 60 + 30
AFTERNOON_OPEN = 13 * 60


@dataclass(frozen=True)
class Moment:
    """Where running time ``elapsed`` falls in the simulated calendar."""

    elapsed: float
    day: int  # 0-based index of the trading day over the whole session
    year: int  # 1-based; the compliance window after the last year is year ``years + 1``
    day_in_year: int  # 1-based
    month: int  # 1–12
    clock: time  # the simulated time of day
    finished: bool  # the session's calendar has run out

    @property
    def session(self) -> str:
        """"morning", "afternoon" or "closed" (after the calendar ran out)."""
        if self.finished:
            return "closed"
        return "morning" if self.clock < time(11, 30) else "afternoon"


@dataclass(frozen=True)
class Calendar:
    """A session's calendar: its years, days and how much running time a day takes."""

    years: int
    days_per_year: int
    compliance_days: int
    seconds_per_day: int

    def __post_init__(self) -> None:
        if self.years < 1 or self.seconds_per_day < 1:
            raise ValueError("A session needs at least one year and a day of positive length.")
        if not 2 <= self.compliance_days <= self.days_per_year:
            raise ValueError("The compliance window lasts from two days to a whole year.")

    @property
    def total_days(self) -> int:
        return self.years * self.days_per_year + self.compliance_days

    @property
    def total_seconds(self) -> int:
        return self.total_days * self.seconds_per_day

    def day_start(self, day: int) -> int:
        """Running time at which trading day ``day`` opens (9:30)."""
        return day * self.seconds_per_day

    def moment(self, elapsed: float) -> Moment:
        """The simulated calendar at running time ``elapsed`` (clamped to the session)."""
        elapsed = min(max(elapsed, 0.0), float(self.total_seconds))
        finished = elapsed >= self.total_seconds
        day = min(int(elapsed // self.seconds_per_day), self.total_days - 1)
        into_day = elapsed - day * self.seconds_per_day
        minutes = min(DAY_MINUTES, int(into_day * DAY_MINUTES / self.seconds_per_day))
        if minutes < SESSION_MINUTES:
            of_day = MORNING_OPEN + minutes
        else:
            of_day = AFTERNOON_OPEN + minutes - SESSION_MINUTES
        year = self.year_of(day)
        day_in_year = day - (year - 1) * self.days_per_year + 1
        return Moment(
            elapsed=elapsed, day=day, year=year, day_in_year=day_in_year,
            month=self.month(day), clock=time(of_day // 60, of_day % 60), finished=finished,
        )

    def midday(self, day: int) -> int:
        """The first whole second of ``day``'s afternoon session (the lunch break takes no
        time); rounded up, so that on a day of an odd number of seconds ``moment`` already
        reads the afternoon there."""
        return self.day_start(day) + (self.seconds_per_day + 1) // 2

    def next_boundary(self, elapsed: float) -> int:
        """The next session boundary after ``elapsed``: the lunch break or the next opening;
        the end of the session at the latest (and from then on)."""
        day = int(elapsed // self.seconds_per_day)
        if elapsed < self.midday(day):
            return min(self.midday(day), self.total_seconds)
        return min(self.day_start(day + 1), self.total_seconds)

    def year_of(self, day: int) -> int:
        return day // self.days_per_year + 1

    def is_production_day(self, day: int) -> bool:
        """Whether the units produce (and emit) on ``day``: every day of the simulated years."""
        return day < self.years * self.days_per_year

    def month(self, day: int) -> int:
        return (day % self.days_per_year) * 12 // self.days_per_year + 1

    def report_day(self, year: int) -> int:
        """The day whose close is the deadline of year ``year``'s emissions report."""
        return year * self.days_per_year

    def surrender_day(self, year: int) -> int:
        """The day whose close is the deadline to surrender for year ``year``."""
        return year * self.days_per_year + self.compliance_days - 1

    def days_of_month_before(self, day: int) -> list[int]:
        """The trading days of the month before ``day``'s month (for the penalty price): the
        latest earlier month that has trading days, looking into the previous year from
        January. A year of fewer than twelve days leaves months without days, which are
        skipped; [] when ``day`` lies in the session's first month."""
        this = (self.year_of(day), self.month(day))
        before = [d for d in range(day) if (self.year_of(d), self.month(d)) != this]
        if not before:
            return []
        previous = (self.year_of(before[-1]), self.month(before[-1]))
        return [d for d in before if (self.year_of(d), self.month(d)) == previous]
