"""A session's life: created from a library scenario (on its own copy), joined by students
with its code, filled with simulated traders, and run by the instructor (start, pause, resume,
advance, finish, events)."""

from __future__ import annotations

import secrets
from contextlib import contextmanager
from decimal import Decimal

from django.db import transaction
from django.db.models import Count, F
from django.utils import timezone
from django.utils.translation import gettext as _

from chanchuang.carbon.choices import (
    Asset,
    Category,
    EventKind,
    Movement,
    SessionState,
    Strategy,
    SystemAccount,
)
from chanchuang.carbon.models import (
    Company,
    CompanyProfile,
    Event,
    Participant,
    Scenario,
    Simulation,
)
from chanchuang.carbon.services import ledger
from chanchuang.carbon.services.scenarios import copy_scenario
from chanchuang.carbon.simclock import Moment
from chanchuang.core import audit
from chanchuang.core.choices import StudentStatus
from chanchuang.core.models import Student
from chanchuang.core.services import DomainError

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read off a classroom screen
MAX_COMPANIES = 120


@contextmanager
def locked(simulation_id: int):
    """Inside a transaction, the session's row locked: the session's operations happen one
    after the other. Yields the fresh session; raises the session's change to the live floor
    when the transaction commits."""
    with transaction.atomic():
        simulation = (Simulation.objects.select_for_update().select_related("scenario")
                      .get(pk=simulation_id))
        yield simulation
        Simulation.objects.filter(pk=simulation_id).update(version=F("version") + 1)
        transaction.on_commit(lambda: announce(simulation_id))


def announce(simulation_id: int) -> None:
    """Tell the live pages of a session that it changed (see ``carbon.consumers``)."""
    from chanchuang.carbon.consumers import announce_change

    announce_change(simulation_id)


def log(simulation: Simulation, kind: EventKind, moment: Moment, *, actor=None,
        **data) -> Event:
    """Write a line of the session's log."""
    return Event.objects.create(simulation=simulation, kind=kind, elapsed=moment.elapsed,
                                day=moment.day, actor=actor, data=data)


def _join_code() -> str:
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _n in range(6))
        if not Simulation.objects.filter(join_code=code).exists():
            return code


@transaction.atomic
def create_simulation(*, actor, template: Scenario, name: str, school_class=None,
                      team_size: int = 1) -> Simulation:
    """A new session on its own copy of ``template``, with a fresh join code."""
    if not name.strip():
        raise DomainError(_("Name: give the session a name."), field="name")
    if school_class is not None and school_class.school_id != template.school_id:
        raise DomainError(_("Class: it belongs to another school."), field="school_class")
    if not template.profiles.exists():
        raise DomainError(_("The scenario has no company profiles to hand out."))
    scenario = copy_scenario(template, name=name, as_template=False, actor=actor)
    simulation = Simulation.objects.create(
        school_id=template.school_id, name=name.strip(), scenario=scenario,
        school_class=school_class, instructor=actor, join_code=_join_code(),
        team_size=max(1, team_size), listed_band=scenario.listed_band)
    audit.record(actor=actor, action="carbon.session.created", obj=simulation)
    return simulation


def _new_company(simulation: Simulation, *, bot: str = "") -> Company:
    """The next company of the session, from its profiles in turn, funded; if the session is
    already running, it also gets this year's pre-allocation."""
    from chanchuang.carbon.services.compliance import open_year_for

    number = (simulation.companies.order_by("-number").values_list("number", flat=True)
              .first() or 0) + 1
    if number > MAX_COMPANIES:
        raise DomainError(_("This session is full."))
    profiles = list(simulation.scenario.profiles.order_by("pk"))
    profile: CompanyProfile = profiles[(number - 1) % len(profiles)]
    company = Company.objects.create(
        simulation=simulation, number=number, name=f"{profile.name} {number:02d}",
        category=profile.category, capacity_mw=profile.capacity_mw,
        full_load_hours=profile.full_load_hours, load_rate=profile.load_rate,
        air_cooled=profile.air_cooled, heat_gj=profile.heat_gj, heat_ratio=profile.heat_ratio,
        intensity=profile.intensity, heat_intensity=profile.heat_intensity, bot=bot)
    moment = simulation.moment()
    ledger.post(simulation, Movement.FUNDING, moment, [
        (SystemAccount.OUTSIDE, Asset.CASH, -profile.cash, False),
        (company, Asset.CASH, profile.cash, False),
    ])
    if simulation.state != SessionState.DRAFT and simulation.scenario.calendar.is_production_day(
            moment.day):
        open_year_for(simulation, company, moment.year, moment)
    return company


def find_by_code(code: str, user) -> Simulation:
    """The session a student may join with ``code`` (their school's, not finished)."""
    schools = Student.objects.filter(user=user, status=StudentStatus.ENROLLED).values(
        "school_id")
    simulation = Simulation.objects.filter(
        join_code=code.strip().upper(), school_id__in=schools).exclude(
        state=SessionState.FINISHED).first()
    if simulation is None:
        raise DomainError(_("No session of your school has this code, or it has finished."),
                          field="code")
    return simulation


def join(*, user, code: str) -> Participant:
    """Join the session of ``code``: a student who joined before resumes their company;
    otherwise they take a seat in the first team with room, or a new company."""
    simulation = find_by_code(code, user)
    with locked(simulation.pk) as simulation:
        existing = Participant.objects.filter(simulation=simulation, user=user).first()
        if existing is not None:
            return existing
        company = (simulation.companies.filter(bot="")
                   .annotate(members=Count("participants"))
                   .filter(members__lt=simulation.team_size).order_by("number").first())
        if company is None:
            company = _new_company(simulation)
        participant = Participant.objects.create(simulation=simulation, user=user,
                                                 company=company)
        audit.record(actor=user, action="carbon.session.joined", obj=simulation,
                     data={"company": company.name})
        return participant


def add_bots(*, actor, simulation: Simulation, strategies: dict[str, int]) -> list[Company]:
    """Add simulated traders: ``{strategy: how many}``."""
    wanted = {Strategy(s): n for s, n in strategies.items() if n}
    if not wanted or any(n < 0 for n in wanted.values()):
        raise DomainError(_("Say how many simulated traders of which kind to add."))
    with locked(simulation.pk) as simulation:
        if simulation.state == SessionState.FINISHED:
            raise DomainError(_("The session has finished."))
        added = [_new_company(simulation, bot=strategy)
                 for strategy, count in wanted.items() for _n in range(count)]
        audit.record(actor=actor, action="carbon.session.bots_added", obj=simulation,
                     data={str(s): n for s, n in wanted.items()})
        return added


def _control(actor, simulation: Simulation, kind: EventKind, **data) -> None:
    audit.record(actor=actor, action="carbon.session.controlled", obj=simulation,
                 data={"step": str(kind), **data})


def start(*, actor, simulation: Simulation) -> Simulation:
    """Start the clock: year 1 opens (pre-allocation, offsets released)."""
    from chanchuang.carbon.services.compliance import open_year

    with locked(simulation.pk) as simulation:
        if simulation.state != SessionState.DRAFT:
            raise DomainError(_("The session has already started."))
        if simulation.companies.count() < 2:
            raise DomainError(_("A market needs at least two companies: let students join or "
                                "add simulated traders first."))
        now = timezone.now()
        simulation.state = SessionState.RUNNING
        simulation.anchor = now
        simulation.started_at = now
        simulation.save(update_fields=["state", "anchor", "started_at"])
        moment = simulation.moment(now)
        log(simulation, EventKind.STARTED, moment, actor=actor)
        open_year(simulation, 1, moment)
        _control(actor, simulation, EventKind.STARTED)
        return simulation


def pause(*, actor, simulation: Simulation) -> Simulation:
    """Stop the clock (trading stops until it resumes)."""
    from chanchuang.carbon.services.clock import catch_up

    with locked(simulation.pk) as simulation:
        if simulation.state != SessionState.RUNNING:
            raise DomainError(_("Only a running session can be paused."))
        now = timezone.now()
        catch_up(simulation, now)
        simulation.elapsed = simulation.running_time(now)
        simulation.anchor = None
        simulation.state = SessionState.PAUSED
        simulation.save(update_fields=["elapsed", "anchor", "state"])
        log(simulation, EventKind.PAUSED, simulation.moment(now), actor=actor)
        _control(actor, simulation, EventKind.PAUSED)
        return simulation


def resume(*, actor, simulation: Simulation) -> Simulation:
    """Start the clock again where it stopped."""
    with locked(simulation.pk) as simulation:
        if simulation.state != SessionState.PAUSED:
            raise DomainError(_("Only a paused session can be resumed."))
        simulation.anchor = timezone.now()
        simulation.state = SessionState.RUNNING
        simulation.save(update_fields=["anchor", "state"])
        log(simulation, EventKind.RESUMED, simulation.moment(), actor=actor)
        _control(actor, simulation, EventKind.RESUMED)
        return simulation


def advance(*, actor, simulation: Simulation) -> Simulation:
    """Jump the clock to the next session boundary (the lunch break or the next opening),
    closing what the jump passes."""
    from chanchuang.carbon.services.clock import catch_up

    with locked(simulation.pk) as simulation:
        if simulation.state not in (SessionState.RUNNING, SessionState.PAUSED):
            raise DomainError(_("Only a started session's clock can be advanced."))
        now = timezone.now()
        calendar = simulation.scenario.calendar
        target = calendar.next_boundary(simulation.running_time(now))
        simulation.elapsed = float(target)
        if simulation.state == SessionState.RUNNING:
            simulation.anchor = now
        simulation.save(update_fields=["elapsed", "anchor"])
        log(simulation, EventKind.ADVANCED, simulation.moment(now), actor=actor)
        catch_up(simulation, now)
        _control(actor, simulation, EventKind.ADVANCED)
        return simulation


def finish(*, actor, simulation: Simulation) -> Simulation:
    """Run the calendar to its end (every remaining close and deadline) and finish."""
    from chanchuang.carbon.services.clock import catch_up

    with locked(simulation.pk) as simulation:
        if simulation.state not in (SessionState.RUNNING, SessionState.PAUSED):
            raise DomainError(_("Only a started session can be finished."))
        now = timezone.now()
        simulation.elapsed = float(simulation.scenario.calendar.total_seconds)
        simulation.anchor = now if simulation.state == SessionState.RUNNING else None
        simulation.save(update_fields=["elapsed", "anchor"])
        catch_up(simulation, now)
        _control(actor, simulation, EventKind.FINISHED)
        return simulation


# --- Events the instructor injects ------------------------------------------------------------


def _started(simulation: Simulation) -> Moment:
    if simulation.state not in (SessionState.RUNNING, SessionState.PAUSED):
        raise DomainError(_("Events can be injected while the session runs or is paused."))
    return simulation.moment()


def output_shock(*, actor, simulation: Simulation, factor: Decimal,
                 category: str = "") -> int:
    """From now on, the companies (of one category, or all) produce ``factor`` × their
    planned output (1.10: a hot summer; 0.90: a wet year for hydropower)."""
    if not Decimal("0.5") <= factor <= Decimal("1.5"):
        raise DomainError(_("Output factor: between 0.5 and 1.5."), field="factor")
    if category and category not in Category.values:
        raise DomainError(_("Category: choose one of the list."), field="category")
    with locked(simulation.pk) as simulation:
        moment = _started(simulation)
        companies = simulation.companies.all()
        if category:
            companies = companies.filter(category=category)
        changed = companies.update(output_factor=factor)
        log(simulation, EventKind.OUTPUT_SHOCK, moment, actor=actor, factor=str(factor),
            category=category)
        audit.record(actor=actor, action="carbon.session.event_injected", obj=simulation,
                     data={"kind": "output_shock", "factor": str(factor), "category": category})
        return changed


def change_benchmark(*, actor, simulation: Simulation, category: str,
                     supply: Decimal) -> None:
    """Change a category's supply benchmark for the allocations still to be trued up."""
    if supply <= 0 or supply > 2:
        raise DomainError(_("Benchmark: between 0 and 2 tCO₂/MWh."), field="supply")
    with locked(simulation.pk) as simulation:
        moment = _started(simulation)
        benchmark = simulation.scenario.benchmarks.filter(category=category).first()
        if benchmark is None:
            raise DomainError(_("Category: this scenario has no benchmark for it."),
                              field="category")
        before = benchmark.supply
        benchmark.supply = supply
        benchmark.save(update_fields=["supply"])
        log(simulation, EventKind.BENCHMARK_CHANGE, moment, actor=actor, category=category,
            before=str(before), after=str(supply))
        audit.record(actor=actor, action="carbon.session.event_injected", obj=simulation,
                     data={"kind": "benchmark_change", "category": category,
                           "before": str(before), "after": str(supply)})


def release_ccer(*, actor, simulation: Simulation, quantity: int) -> None:
    """Put more offsets on the CCER desk."""
    from chanchuang.carbon.services.compliance import put_ccer_on_desk

    if not 0 < quantity <= 10_000_000:
        raise DomainError(_("Quantity: between 1 and 10,000,000 t."), field="quantity")
    with locked(simulation.pk) as simulation:
        moment = _started(simulation)
        put_ccer_on_desk(simulation, quantity, moment)
        log(simulation, EventKind.CCER_RELEASE, moment, actor=actor, quantity=quantity)
        audit.record(actor=actor, action="carbon.session.event_injected", obj=simulation,
                     data={"kind": "ccer_release", "quantity": quantity})


def change_band(*, actor, simulation: Simulation, band: Decimal) -> None:
    """Change the price band of listed and continuous trading (from the next order on)."""
    if not Decimal("0.01") <= band <= Decimal("0.50"):
        raise DomainError(_("Price band: between 1 % and 50 %."), field="band")
    with locked(simulation.pk) as simulation:
        moment = _started(simulation)
        before = simulation.listed_band
        simulation.listed_band = band
        simulation.save(update_fields=["listed_band"])
        log(simulation, EventKind.BAND_CHANGE, moment, actor=actor, before=str(before),
            after=str(band))
        audit.record(actor=actor, action="carbon.session.event_injected", obj=simulation,
                     data={"kind": "band_change", "before": str(before), "after": str(band)})
