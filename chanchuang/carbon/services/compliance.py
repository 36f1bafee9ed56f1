"""A company's compliance: the year's allocation (pre-allocation, then the true-up on the
verified output), production and abatement, offsets from the CCER desk, the emissions report
and surrender, and the settlement at the surrender deadline (shortfall, penalty, deduction)."""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import gettext as _

from chanchuang.carbon import allocation
from chanchuang.carbon.choices import Asset, EventKind, Movement, SystemAccount
from chanchuang.carbon.models import (
    AbatementOption,
    Company,
    ComplianceYear,
    Investment,
    MarketDay,
    Simulation,
    Trade,
)
from chanchuang.carbon.services import ledger
from chanchuang.carbon.services.sessions import locked, log
from chanchuang.carbon.simclock import Moment
from chanchuang.core.services import DomainError

LOAD_RANGE = (Decimal("0.40"), Decimal("1.00"))


# --- Allocation ------------------------------------------------------------------------------


def benchmark_of(simulation: Simulation, category: str) -> allocation.Benchmark:
    """The session's current benchmark for a category (the instructor may have changed it)."""
    row = simulation.scenario.benchmarks.get(category=category)
    return allocation.Benchmark(category, row.supply, row.heat)


def full_allocation(simulation: Simulation, company: Company, electricity: Decimal,
                    heat_gj: Decimal) -> int:
    """The allocation a company's unit earns for an output, by its benchmark and corrections
    (the load is the output against capacity × full-load hours)."""
    capacity = Decimal(company.capacity_mw * company.full_load_hours)
    load = min(Decimal(1), electricity / capacity) if capacity else Decimal(1)
    unit = allocation.Unit(category=company.category, electricity_mwh=electricity,
                           heat_gj=heat_gj, heat_ratio=company.heat_ratio, load_rate=load,
                           air_cooled=company.air_cooled)
    return allocation.allocation(unit, benchmark_of(simulation, company.category))


def open_year_for(simulation: Simulation, company: Company, year: int, moment: Moment) -> None:
    """Open a company's compliance year: pre-allocate a share of the allocation its planned
    output would earn."""
    planned = Decimal(company.capacity_mw * company.full_load_hours) * company.load_rate
    full = full_allocation(simulation, company, planned, Decimal(company.heat_gj))
    pre = allocation.pre_allocation(full, simulation.scenario.pre_allocation_share)
    ComplianceYear.objects.create(company=company, year=year, pre_allocated=pre)
    ledger.post(simulation, Movement.PRE_ALLOCATION, moment, [
        (SystemAccount.REGISTRY, Asset.CEA, -pre, False),
        (company, Asset.CEA, pre, False),
    ], note=str(year))


def put_ccer_on_desk(simulation: Simulation, quantity: int, moment: Moment) -> None:
    """Release offsets from the registry to the CCER desk, where companies buy them."""
    ledger.post(simulation, Movement.CCER_RELEASE, moment, [
        (SystemAccount.REGISTRY, Asset.CCER, -quantity, False),
        (SystemAccount.CCER_DESK, Asset.CCER, quantity, False),
    ])


def open_year(simulation: Simulation, year: int, moment: Moment) -> None:
    """Open year ``year`` for every company, and put the year's offsets on the desk."""
    for company in simulation.companies.all():
        open_year_for(simulation, company, year, moment)
    if simulation.scenario.ccer_supply:
        put_ccer_on_desk(simulation, simulation.scenario.ccer_supply, moment)
    log(simulation, EventKind.YEAR_OPENED, moment, year=year)


# --- Production -------------------------------------------------------------------------------


def intensities(simulation: Simulation, day: int,
                companies: list[Company] | None = None) -> dict[int, Decimal]:
    """Each company's (of the session, or of ``companies``) emission intensity on ``day``,
    after the abatement in effect by then (summed here: SQLite adds decimals as floating
    point)."""
    companies = list(simulation.companies.all()) if companies is None else companies
    cuts: dict[int, Decimal] = {}
    for company_id, cut in Investment.objects.filter(
            company__in=companies, effective_day__lte=day).values_list(
            "company_id", "option__reduction"):
        cuts[company_id] = cuts.get(company_id, Decimal(0)) + cut
    return {company.pk: max(Decimal(0), company.intensity - cuts.get(company.pk, Decimal(0)))
            for company in companies}


def accrue_day(simulation: Simulation, day: int) -> None:
    """Add one production day's output and emissions to each company's compliance year."""
    calendar = simulation.scenario.calendar
    intensity = intensities(simulation, day)
    days = Decimal(calendar.days_per_year)
    cent = Decimal("0.01")
    records = list(ComplianceYear.objects.filter(
        company__simulation=simulation, year=calendar.year_of(day)).select_related("company"))
    for record in records:
        company = record.company
        output = company.annual_output / days
        heat = Decimal(company.heat_gj) / days
        record.output_mwh += output.quantize(cent)
        record.heat_gj += heat.quantize(cent)
        record.emissions += (output * intensity[company.pk]
                             + heat * company.heat_intensity).quantize(cent)
    ComplianceYear.objects.bulk_update(records, ["output_mwh", "heat_gj", "emissions"])


def _acting(simulation: Simulation) -> Moment:
    from chanchuang.carbon.services.clock import open_market

    return open_market(simulation)


def set_load(*, company: Company, load: Decimal) -> Company:
    """Choose the unit's load for the rest of the year (40–100 %)."""
    if not LOAD_RANGE[0] <= load <= LOAD_RANGE[1]:
        raise DomainError(_("Load: between 40 % and 100 %."), field="load")
    with locked(company.simulation_id) as simulation:
        moment = _acting(simulation)
        if not simulation.scenario.calendar.is_production_day(moment.day):
            raise DomainError(_("Production has ended: the last year is over."))
        Company.objects.filter(pk=company.pk).update(load_rate=load)
        company.load_rate = load
        return company


def invest(*, company: Company, option: AbatementOption) -> Investment:
    """Pay for an abatement; it cuts the intensity from ``lead_days`` trading days on."""
    with locked(company.simulation_id) as simulation:
        moment = _acting(simulation)
        if option.scenario_id != simulation.scenario_id:
            raise DomainError(_("This abatement is not offered in this session."))
        if option.category and option.category != company.category:
            raise DomainError(_("This abatement does not fit your unit's category."))
        if Investment.objects.filter(company=company, option=option).exists():
            raise DomainError(_("You have already invested in this abatement."))
        investment = Investment.objects.create(company=company, option=option, day=moment.day,
                                               effective_day=moment.day + option.lead_days)
        ledger.post(simulation, Movement.ABATEMENT, moment, [
            (company, Asset.CASH, -option.cost, False),
            (SystemAccount.OUTSIDE, Asset.CASH, option.cost, False),
        ], note=option.name)
        return investment


def buy_ccer(*, company: Company, quantity: int) -> None:
    """Buy offsets from the CCER desk at the scenario's price."""
    if quantity <= 0:
        raise DomainError(_("Quantity: at least 1 t."), field="quantity")
    with locked(company.simulation_id) as simulation:
        moment = _acting(simulation)
        on_desk = ledger.system_balance(simulation, SystemAccount.CCER_DESK, Asset.CCER)
        if quantity > on_desk:
            raise DomainError(_("The CCER desk has only %(left)s t left.")
                              % {"left": f"{int(on_desk):,}"}, field="quantity")
        cost = simulation.scenario.ccer_price * quantity
        ledger.post(simulation, Movement.CCER_PURCHASE, moment, [
            (company, Asset.CASH, -cost, False),
            (SystemAccount.OUTSIDE, Asset.CASH, cost, False),
            (SystemAccount.CCER_DESK, Asset.CCER, -quantity, False),
            (company, Asset.CCER, quantity, False),
        ])


# --- Reporting and surrender -----------------------------------------------------------------


def verify(simulation: Simulation, record: ComplianceYear, moment: Moment, *,
           late: bool) -> None:
    """The year's emissions verified: the allocation trued up to the verified output (less
    last year's shortfall), and the obligation fixed."""
    company = record.company
    scenario = simulation.scenario
    verified = allocation.tonnes(record.emissions)
    final = full_allocation(simulation, company, record.output_mwh, record.heat_gj)
    last = ComplianceYear.objects.filter(company=company, year=record.year - 1).first()
    deducted = (last.shortfall or 0) if last else 0
    record.verified_emissions = verified
    record.trued_up = final - record.pre_allocated
    record.deducted = deducted
    record.obligation = allocation.obligation(
        category=company.category, emissions=verified, allocated=final,
        gas_cap=scenario.gas_cap, gap_cap=scenario.gap_cap)
    record.reported_day = moment.day
    record.reported_late = late
    record.save()
    issue = record.trued_up - deducted
    if issue < 0:  # more was pre-allocated than earned: the registry takes back what it can
        held = ledger.balances([company])[company.pk].cea
        issue = -min(-issue, held)
    if issue:
        ledger.post(simulation, Movement.TRUE_UP, moment, [
            (SystemAccount.REGISTRY, Asset.CEA, -issue, False),
            (company, Asset.CEA, issue, False),
        ], note=str(record.year))


def _year_in_compliance(simulation: Simulation, moment: Moment) -> int | None:
    """The year whose compliance window ``moment`` falls in, if any."""
    calendar = simulation.scenario.calendar
    year = moment.year - 1
    if year >= 1 and moment.day <= calendar.surrender_day(year):
        return year
    return None


def report(*, company: Company) -> ComplianceYear:
    """File the emissions report of the year just ended (due at the close of the first day of
    its compliance window); the registry verifies it and trues up the allocation."""
    with locked(company.simulation_id) as simulation:
        moment = _acting(simulation)
        year = _year_in_compliance(simulation, moment)
        calendar = simulation.scenario.calendar
        if year is None or moment.day > calendar.report_day(year):
            raise DomainError(_("There is no emissions report due now: reports are filed on "
                                "the first day after a year ends."))
        record = ComplianceYear.objects.select_related("company").get(company=company,
                                                                      year=year)
        if record.verified_emissions is not None:
            raise DomainError(_("This year's emissions report has already been filed."))
        verify(simulation, record, moment, late=False)
        return record


def surrender(*, company: Company, cea: int = 0, ccer: int = 0) -> ComplianceYear:
    """Surrender allowances and offsets for the year in its compliance window: offsets at
    most the offset limit, in all no more than what is still owed, before the deadline."""
    if cea < 0 or ccer < 0 or not (cea or ccer):
        raise DomainError(_("Say how many allowances or offsets to surrender."))
    with locked(company.simulation_id) as simulation:
        moment = _acting(simulation)
        year = _year_in_compliance(simulation, moment)
        if year is None:
            raise DomainError(_("Surrender deadline: there is no year to surrender for now "
                                "(the window opens after a year ends and closes at its "
                                "deadline)."))
        record = ComplianceYear.objects.get(company=company, year=year)
        if record.verified_emissions is None:
            raise DomainError(_("File the emissions report first: surrender follows "
                                "verification."))
        limit = allocation.offset_limit(record.verified_emissions,
                                        simulation.scenario.offset_share)
        if record.surrendered_ccer + ccer > limit:
            raise DomainError(_("CCER offset limit: at most %(limit)s t of offsets for this "
                                "year (%(share)s of verified emissions).")
                              % {"limit": f"{limit:,}",
                                 "share": f"{simulation.scenario.offset_share:.0%}"})
        owed = record.obligation - record.surrendered
        if cea + ccer > owed:
            raise DomainError(_("You owe only %(owed)s t more for this year.")
                              % {"owed": f"{owed:,}"})
        ledger.post(simulation, Movement.SURRENDER, moment, [
            (company, Asset.CEA, -cea, False),
            (SystemAccount.REGISTRY, Asset.CEA, cea, False),
            (company, Asset.CCER, -ccer, False),
            (SystemAccount.REGISTRY, Asset.CCER, ccer, False),
        ], note=str(year))
        record.surrendered_cea += cea
        record.surrendered_ccer += ccer
        record.save(update_fields=["surrendered_cea", "surrendered_ccer"])
        return record


def penalty_price(simulation: Simulation, day: int) -> Decimal:
    """The previous month's average trading price before ``day`` (volume-weighted); the last
    close when that month saw no trade."""
    days = simulation.scenario.calendar.days_of_month_before(day)
    trades = list(Trade.objects.filter(simulation=simulation, day__in=days).values_list(
        "price", "quantity"))  # summed here: SQLite multiplies decimals as floating point
    volume = sum(quantity for _price, quantity in trades)
    if volume:
        value = sum(price * quantity for price, quantity in trades)
        return (value / volume).quantize(Decimal("0.01"))
    last = MarketDay.objects.filter(simulation=simulation, day__lte=day).order_by("-day").first()
    return last.close if last else simulation.scenario.opening_price


def settle(simulation: Simulation, year: int, moment: Moment) -> None:
    """At the surrender deadline: each company's shortfall, fined at the scenario's multiple
    of the previous month's average price (paid from cash as far as it goes), and deducted
    from next year's allocation."""
    price = penalty_price(simulation, moment.day)
    multiple = simulation.scenario.penalty_multiple
    records = ComplianceYear.objects.filter(company__simulation=simulation, year=year)
    cash = ledger.balances([r.company_id for r in records])
    for record in records.select_related("company"):
        if record.verified_emissions is None:
            verify(simulation, record, moment, late=True)
        record.shortfall = max(0, record.obligation - record.surrendered)
        record.penalty_price = price
        record.penalty = allocation.penalty(record.shortfall, price, multiple)
        paid = min(record.penalty, cash[record.company_id].cash)
        record.penalty_unpaid = record.penalty - paid
        record.save()
        if paid:
            ledger.post(simulation, Movement.PENALTY, moment, [
                (record.company, Asset.CASH, -paid, False),
                (SystemAccount.OUTSIDE, Asset.CASH, paid, False),
            ], note=str(year))
