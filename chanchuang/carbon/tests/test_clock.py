"""The session's clock against frozen real time: it runs while the session runs, stands
still while paused, and the report and surrender deadlines fall exactly at their closes —
one second before is in time, one second after is refused with the rule's name."""

from __future__ import annotations

import datetime as dt

import pytest

from chanchuang.carbon.choices import SessionState
from chanchuang.carbon.services import clock, compliance, sessions
from chanchuang.core.services import DomainError

pytestmark = pytest.mark.django_db
T0 = dt.datetime(2026, 12, 7, 8, 0, tzinfo=dt.UTC)


@pytest.fixture
def now(monkeypatch):
    """Real time, frozen at T0 and moved by hand: ``now.at(seconds)``."""

    class Clock:
        value = T0

        def at(self, seconds: float) -> None:
            self.value = T0 + dt.timedelta(seconds=seconds)

    frozen = Clock()
    monkeypatch.setattr("django.utils.timezone.now", lambda: frozen.value)
    return frozen


@pytest.fixture
def session(world, now):
    company, _bot = world.company_liu, world.bot_company
    simulation = sessions.start(actor=world.staff_wang, simulation=world.simulation)
    return simulation, company


def test_the_clock_runs_stands_still_while_paused_and_resumes(world, now, session):
    simulation, _company = session
    spd = simulation.scenario.seconds_per_day
    now.at(spd / 4)
    assert simulation.moment().clock == dt.time(10, 30)  # a quarter of 240 trading minutes
    now.at(spd / 2 + 1)
    assert simulation.moment().session == "afternoon"  # the lunch break takes no time
    simulation = sessions.pause(actor=world.staff_wang, simulation=simulation)
    now.at(10 * spd)  # a long pause: nothing moves
    simulation.refresh_from_db()
    assert simulation.moment().day == 0 and simulation.days_closed == 0
    simulation = sessions.resume(actor=world.staff_wang, simulation=simulation)
    now.at(10 * spd + spd / 2)  # half a day after resuming: the next day has opened
    clock.tick(simulation.pk)
    simulation.refresh_from_db()
    assert simulation.moment().day == 1 and simulation.days_closed == 1


def test_the_report_and_surrender_deadlines_fall_at_their_closes(world, now, session):
    simulation, company = session
    calendar = simulation.scenario.calendar
    report_close = (calendar.report_day(1) + 1) * calendar.seconds_per_day
    surrender_close = (calendar.surrender_day(1) + 1) * calendar.seconds_per_day
    now.at(report_close - 1)
    record = compliance.report(company=company)  # one second before the close: in time
    assert not record.reported_late
    now.at(surrender_close - 1)
    compliance.surrender(company=company, cea=1_000)
    now.at(surrender_close + 1)
    with pytest.raises(DomainError, match=r"^清缴截止："):
        compliance.surrender(company=company, cea=1_000)
    clock.tick(simulation.pk)  # the watcher's next beat settles the year
    record.refresh_from_db()
    assert record.surrendered_cea == 1_000 and record.shortfall == record.obligation - 1_000


def test_a_report_not_filed_by_its_close_is_filed_late_by_the_registry(world, now, session):
    simulation, company = session
    calendar = simulation.scenario.calendar
    now.at((calendar.report_day(1) + 1) * calendar.seconds_per_day + 1)
    with pytest.raises(DomainError):
        compliance.report(company=company)
    clock.tick(simulation.pk)
    record = company.years.get(year=1)
    assert record.verified_emissions is not None and record.reported_late


def test_the_session_finishes_when_its_calendar_runs_out(world, now, session):
    simulation, _company = session
    now.at(simulation.scenario.calendar.total_seconds + 5)
    clock.tick(simulation.pk)
    simulation.refresh_from_db()
    assert simulation.state == SessionState.FINISHED
    assert simulation.days.count() == simulation.scenario.calendar.total_days


def test_the_clock_command_runs_the_sessions_nobody_watches(world, now, session):
    from io import StringIO

    from django.core.management import call_command

    simulation, _company = session
    now.at(2.5 * simulation.scenario.seconds_per_day)
    out = StringIO()
    call_command("carbon_clock", "--once", stdout=out)
    simulation.refresh_from_db()
    assert simulation.days_closed == 2 and "1 running sessions, 1 changed" in out.getvalue()
