"""The simulated calendar (no Django, no database): where a moment of running time falls — day,
year, month, clock and session — the compliance deadlines, the month before a day (for the
penalty price) and the session boundaries a scheduler wakes up at."""

from __future__ import annotations

from datetime import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chanchuang.carbon.simclock import Calendar, Moment

# Two years of six trading days, a two-day compliance window, two minutes of running time a day.
SHORT = Calendar(years=2, days_per_year=6, compliance_days=2, seconds_per_day=120)


def test_a_session_opens_on_day_zero_at_half_past_nine():
    assert SHORT.moment(0) == Moment(elapsed=0.0, day=0, year=1, day_in_year=1, month=1,
                                     clock=time(9, 30), finished=False)
    assert SHORT.moment(0).session == "morning"


def test_the_first_half_of_a_day_is_the_morning_session():
    moment = SHORT.moment(59)
    # 59 s of 120 s is 118 of the day's 240 trading minutes: 9:30 + 118 min.
    assert (moment.day, moment.clock, moment.session) == (0, time(11, 28), "morning")


def test_the_lunch_break_takes_no_time():
    moment = SHORT.moment(60)
    assert (moment.day, moment.clock, moment.session) == (0, time(13, 0), "afternoon")
    assert SHORT.moment(119).clock == time(14, 58)


def test_the_night_takes_no_time():
    moment = SHORT.moment(120)
    assert (moment.day, moment.day_in_year, moment.clock, moment.session) == (
        1, 2, time(9, 30), "morning")


def test_totals_count_the_years_and_the_compliance_window():
    assert SHORT.total_days == 2 * 6 + 2 == 14
    assert SHORT.total_seconds == 14 * 120


def test_years_and_days_in_year():
    second_year = SHORT.moment(6 * 120 + 30)
    assert (second_year.day, second_year.year, second_year.day_in_year) == (6, 2, 1)
    # The compliance window after the last year is year 3.
    window = SHORT.moment(13 * 120)
    assert (window.day, window.year, window.day_in_year, window.finished) == (13, 3, 2, False)


@pytest.mark.parametrize("elapsed", [14 * 120, 14 * 120 + 1, 10_000])
def test_a_moment_past_the_end_is_finished_and_clamped(elapsed):
    moment = SHORT.moment(elapsed)
    assert moment == Moment(elapsed=1680.0, day=13, year=3, day_in_year=2, month=3,
                            clock=time(15, 0), finished=True)
    assert moment.session == "closed"


def test_a_moment_before_the_start_is_the_opening():
    assert SHORT.moment(-5) == SHORT.moment(0)


def test_production_stops_in_the_compliance_window():
    assert SHORT.is_production_day(11)
    assert not SHORT.is_production_day(12)


def test_report_and_surrender_deadlines_fall_in_the_days_after_the_year():
    # Year 1's report is due at the close of the first day of year 2, surrender at the close
    # of the second; year 2's fall on the two days of the compliance window.
    assert (SHORT.report_day(1), SHORT.surrender_day(1)) == (6, 7)
    assert (SHORT.report_day(2), SHORT.surrender_day(2)) == (12, 13)
    assert SHORT.surrender_day(2) == SHORT.total_days - 1
    assert SHORT.year_of(SHORT.report_day(1)) == 2


def test_a_longer_window_moves_the_surrender_deadline():
    calendar = Calendar(years=1, days_per_year=10, compliance_days=4, seconds_per_day=60)
    assert (calendar.report_day(1), calendar.surrender_day(1)) == (10, 13)
    assert calendar.surrender_day(1) == calendar.total_days - 1


@pytest.mark.parametrize("days_per_year", [6, 12, 24, 250])
def test_months_spread_over_the_year_in_order(days_per_year):
    calendar = Calendar(years=2, days_per_year=days_per_year, compliance_days=2,
                        seconds_per_day=60)
    months = [calendar.month(day) for day in range(days_per_year)]
    assert months == sorted(months)
    assert months[0] == 1
    # Every month that has days has as many as the others, give or take one.
    sizes = [months.count(m) for m in set(months)]
    assert max(sizes) - min(sizes) <= 1
    if days_per_year >= 12:
        assert set(months) == set(range(1, 13))
    # The second year starts over at month 1.
    assert [calendar.month(day + days_per_year) for day in range(days_per_year)] == months


def test_six_days_take_every_other_month():
    assert [SHORT.month(day) for day in range(6)] == [1, 3, 5, 7, 9, 11]


def test_the_month_before_in_a_year_of_two_days_a_month():
    calendar = Calendar(years=2, days_per_year=24, compliance_days=2, seconds_per_day=60)
    assert calendar.days_of_month_before(5) == [2, 3]  # day 5 is in March
    assert calendar.days_of_month_before(4) == [2, 3]
    # Month 1 of year 2 looks into December of year 1; month 1 of year 1 has nothing before.
    assert calendar.days_of_month_before(24) == [22, 23]
    assert calendar.days_of_month_before(25) == [22, 23]
    assert calendar.days_of_month_before(0) == []
    assert calendar.days_of_month_before(1) == []
    # The compliance window (year 3, January) looks into year 2's December.
    assert calendar.days_of_month_before(48) == [46, 47]


def test_the_month_before_skips_months_without_trading_days():
    # Six days a year fall in January, March, …, November: "the previous month" is the last
    # month that had trading days, else the penalty rule would never find a price.
    assert SHORT.days_of_month_before(0) == []
    assert SHORT.days_of_month_before(5) == [4]
    assert SHORT.days_of_month_before(6) == [5]  # year 2's January: year 1's November
    assert SHORT.days_of_month_before(7) == [6]
    # The surrender deadline of the last year finds the compliance window's first day.
    assert SHORT.days_of_month_before(SHORT.surrender_day(2)) == [12]
    assert SHORT.days_of_month_before(SHORT.report_day(2)) == [11]


def test_next_boundary_is_the_lunch_break_then_the_next_opening():
    assert SHORT.next_boundary(0) == 60
    assert SHORT.next_boundary(59.5) == 60
    assert SHORT.next_boundary(60) == 120
    assert SHORT.next_boundary(119) == 120
    assert SHORT.next_boundary(120) == 180


@pytest.mark.parametrize("elapsed", [1620, 1679, 1680, 5_000])
def test_next_boundary_never_lies_past_the_end(elapsed):
    assert SHORT.next_boundary(elapsed) == SHORT.total_seconds == 1680


def test_odd_day_lengths_switch_to_the_afternoon_at_the_boundary():
    calendar = Calendar(years=1, days_per_year=2, compliance_days=2, seconds_per_day=7)
    # 3 s is 102 trading minutes (11:12), 4 s is 137 (13:17): the afternoon opens at 4 s.
    assert calendar.moment(3).session == "morning"
    assert calendar.moment(4).session == "afternoon"
    assert calendar.next_boundary(3) == 4
    assert calendar.next_boundary(4) == 7


@settings(max_examples=60, deadline=None, database=None)
@given(years=st.integers(1, 3), days_per_year=st.integers(2, 8), data=st.data(),
       seconds_per_day=st.integers(1, 30))
def test_next_boundary_is_where_the_session_changes(years, days_per_year, data,
                                                    seconds_per_day):
    compliance_days = data.draw(st.integers(2, days_per_year))
    calendar = Calendar(years, days_per_year, compliance_days, seconds_per_day)

    def session(second: int) -> tuple[int, str]:
        moment = calendar.moment(second)
        return moment.day, moment.session

    end = calendar.total_seconds
    changes = [s for s in range(1, end + 1) if session(s) != session(s - 1)]
    for second in range(end):
        assert calendar.next_boundary(second) == next(c for c in changes if c > second)
    assert calendar.next_boundary(end) == end


@pytest.mark.parametrize("kwargs", [
    {"years": 0, "days_per_year": 6, "compliance_days": 2, "seconds_per_day": 120},
    {"years": 2, "days_per_year": 6, "compliance_days": 2, "seconds_per_day": 0},
    {"years": 2, "days_per_year": 6, "compliance_days": 1, "seconds_per_day": 120},
    {"years": 2, "days_per_year": 6, "compliance_days": 7, "seconds_per_day": 120},
    {"years": 2, "days_per_year": 1, "compliance_days": 2, "seconds_per_day": 120},
])
def test_invalid_calendars_are_refused(kwargs):
    with pytest.raises(ValueError):
        Calendar(**kwargs)
