"""What a session leaves behind: each company's compliance, cost and grade, the ranking, the
market's history and the replay's log. Reads only; a fixed number of queries whatever the
size of the session (``results_of`` runs six).

**Compliance achieved** is over the *settled* years only (a year counts once its surrender
deadline has passed): the tonnes surrendered (CEA + CCER) over the obligation, summed over
those years, as a percentage (a year with no obligation counts as met).

**Compliance cost** (yuan) = abatement paid + CCER bought from the desk + allowances bought −
allowances sold (each trade at its own price) + penalties (paid and unpaid). **Cost per
tonne** is that cost over the verified emissions of every year verified so far.

**Ranking**: by compliance achieved (highest first), then cost per tonne (lowest first);
companies equal on both share a rank. Simulated traders are ranked among the students.

**Grade** (100 points, once a year has settled):

- compliance, 60 × the share achieved (90 % achieved: 54 points);
- reports, 10 split evenly over the settled years, nothing for a year reported late (two
  years, one late: 5 points);
- cost efficiency, 30 by rank of cost per tonne among the session's companies: 30 for the
  cheapest, 0 for the dearest, linear between (of five companies, the second cheapest gets
  22.5); 30 for everyone when the session has one company or all cost the same;

and its word: 优秀 (Excellent) from 90, 良好 (Good) from 80, 中等 (Fair) from 70, 及格 (Pass)
from 60, else 不及格 (Fail).

Students' names are shown only to who may see them (the session's instructors, through
``may_see_names``); a student reads the ranking by company, with their own company marked.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, F, Prefetch, Sum
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from chanchuang.carbon.choices import Asset, EventKind, Movement
from chanchuang.carbon.models import (
    Company,
    ComplianceYear,
    Entry,
    Event,
    Investment,
    MarketDay,
    Participant,
    Simulation,
    Trade,
)
from chanchuang.carbon.models.registry import from_units

ZERO = Decimal(0)
HUNDRED = Decimal(100)
CENT = Decimal("0.01")
COMPLIANCE_POINTS = Decimal(60)
REPORT_POINTS = Decimal(10)
COST_POINTS = Decimal(30)


def grade_word(total: Decimal) -> str:
    """The grade's word for a total out of 100."""
    if total >= 90:
        return pgettext("carbon grade", "Excellent")
    if total >= 80:
        return pgettext("carbon grade", "Good")
    if total >= 70:
        return pgettext("carbon grade", "Fair")
    if total >= 60:
        return pgettext("carbon grade", "Pass")
    return pgettext("carbon grade", "Fail")


def _round(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass
class Grade:
    """A company's grade and its three parts (points)."""

    compliance: Decimal
    reports: Decimal
    cost: Decimal

    @property
    def total(self) -> Decimal:
        return _round(self.compliance + self.reports + self.cost)

    @property
    def word(self) -> str:
        return grade_word(self.total)


@dataclass
class CompanyResult:
    """A company's results in a session (see the module docstring for each figure)."""

    company: Company
    participants: list[Participant]
    years: list[ComplianceYear]
    is_own: bool = False
    own: Participant | None = None  # the user's own participation in this company
    abatement: Decimal = ZERO
    ccer_cost: Decimal = ZERO
    ccer_tonnes: int = 0
    bought: int = 0
    bought_value: Decimal = ZERO
    sold: int = 0
    sold_value: Decimal = ZERO
    rank: int = 0
    grade: Grade | None = None

    @property
    def settled(self) -> list[ComplianceYear]:
        return [year for year in self.years if year.settled]

    @property
    def obligation(self) -> int:
        return sum(year.obligation or 0 for year in self.settled)

    @property
    def surrendered(self) -> int:
        return sum(min(year.surrendered, year.obligation or 0) for year in self.settled)

    @property
    def achieved(self) -> Decimal | None:
        """Compliance achieved over the settled years (%), None before any settles."""
        if not self.settled:
            return None
        if not self.obligation:
            return HUNDRED
        return _round(Decimal(self.surrendered) * HUNDRED / self.obligation)

    @property
    def shortfall(self) -> int:
        return sum(year.shortfall or 0 for year in self.settled)

    @property
    def penalties(self) -> Decimal:
        """Every penalty imposed, paid or not."""
        return sum((year.penalty or ZERO for year in self.settled), ZERO)

    @property
    def penalties_unpaid(self) -> Decimal:
        return sum((year.penalty_unpaid for year in self.settled), ZERO)

    @property
    def reports_on_time(self) -> int:
        return sum(1 for year in self.years if year.reported_day is not None
                   and not year.reported_late)

    @property
    def reports_late(self) -> int:
        return sum(1 for year in self.years if year.reported_late)

    @property
    def verified(self) -> int:
        return sum(year.verified_emissions or 0 for year in self.years)

    @property
    def cost(self) -> Decimal:
        """Compliance cost (yuan): abatement + CCER + bought − sold + penalties."""
        return (self.abatement + self.ccer_cost + self.bought_value - self.sold_value
                + self.penalties)

    @property
    def cost_per_tonne(self) -> Decimal | None:
        """Compliance cost per tonne of verified emissions; None before any verification."""
        return _round(self.cost / self.verified) if self.verified else None

    @property
    def average_buy(self) -> Decimal | None:
        return _round(self.bought_value / self.bought) if self.bought else None

    @property
    def average_sell(self) -> Decimal | None:
        return _round(self.sold_value / self.sold) if self.sold else None

    @property
    def names(self) -> str:
        """The participants' names (empty for a simulated trader, or when hidden)."""
        return "、".join(p.user.real_name or p.user.username for p in self.participants)


def may_see_names(user, simulation: Simulation) -> bool:
    """Whether ``user`` sees the students behind the companies (the session's instructors;
    they may also export it, which carries the same names)."""
    return user.has_perm("carbon.export_simulation", simulation)


def _rank_key(result: CompanyResult):
    achieved = result.achieved
    per_tonne = result.cost_per_tonne
    return (achieved is None, -(achieved or ZERO), per_tonne is None, per_tonne or ZERO)


def _grade(results: list[CompanyResult]) -> None:
    """Rank the companies and grade those with a settled year (see the module docstring)."""
    results.sort(key=lambda r: (_rank_key(r), r.company.number))
    for index, result in enumerate(results):
        before = results[index - 1] if index else None
        same = before is not None and _rank_key(before) == _rank_key(result)
        result.rank = before.rank if same else index + 1
    costs = sorted({r.cost_per_tonne for r in results if r.cost_per_tonne is not None})
    for result in results:
        if result.achieved is None:
            continue
        settled = result.settled
        on_time = sum(1 for year in settled if year.reported_day is not None
                      and not year.reported_late)
        if result.cost_per_tonne is None or len(costs) < 2:
            cost_points = COST_POINTS
        else:
            # the rank among distinct costs: equal costs earn equal points
            position = costs.index(result.cost_per_tonne)
            cost_points = COST_POINTS * (len(costs) - 1 - position) / (len(costs) - 1)
        result.grade = Grade(
            compliance=_round(COMPLIANCE_POINTS * result.achieved / HUNDRED),
            reports=_round(REPORT_POINTS * on_time / len(settled)),
            cost=_round(cost_points))


def results_of(simulation: Simulation, user) -> list[CompanyResult]:
    """Every company's results, ranked; participants' names only for who may see them, the
    user's own company marked. Six queries: companies with their participants (two), the
    compliance years, abatement and CCER from the ledger, purchases, sales."""
    show_names = may_see_names(user, simulation)
    companies = list(Company.objects.filter(simulation=simulation).prefetch_related(
        Prefetch("participants", queryset=Participant.objects.select_related(
            "user__student__school_class"))))
    years: dict[int, list[ComplianceYear]] = defaultdict(list)
    for year in ComplianceYear.objects.filter(company__simulation=simulation).order_by("year"):
        years[year.company_id].append(year)
    results = {}
    for company in companies:
        participants = list(company.participants.all())
        for participant in participants:
            participant.simulation = simulation
        results[company.pk] = CompanyResult(
            company=company, participants=participants if show_names else [],
            years=years[company.pk],
            own=next((p for p in participants if p.user_id == user.pk), None))
        results[company.pk].is_own = results[company.pk].own is not None
    spent = (Entry.objects.filter(transfer__simulation=simulation, company__isnull=False,
                                  transfer__kind__in=[Movement.ABATEMENT,
                                                      Movement.CCER_PURCHASE])
             .values("company_id", "transfer__kind", "asset").annotate(total=Sum("amount"))
             .order_by())
    for row in spent:
        result = results[row["company_id"]]
        total = from_units(row["asset"], row["total"])
        if row["transfer__kind"] == Movement.ABATEMENT and row["asset"] == Asset.CASH:
            result.abatement = -total
        elif row["asset"] == Asset.CASH:
            result.ccer_cost = -total
        elif row["asset"] == Asset.CCER:
            result.ccer_tonnes = total
    # Trade values are summed here, not in SQL: SQLite multiplies decimals as floating point.
    for buyer, seller, price, quantity in Trade.objects.filter(
            simulation=simulation).order_by().values_list("buyer_id", "seller_id", "price",
                                                          "quantity"):
        results[buyer].bought += quantity
        results[buyer].bought_value += price * quantity
        results[seller].sold += quantity
        results[seller].sold_value += price * quantity
    ranked = list(results.values())
    _grade(ranked)
    return ranked


def result_of(results: list[CompanyResult], company_id: int) -> CompanyResult:
    """One company's result among the session's."""
    return next(result for result in results if result.company.pk == company_id)


# --- The market ------------------------------------------------------------------------------


@dataclass
class Totals:
    """The market's totals over the session."""

    trades: int
    volume: int
    value: Decimal
    penalties: Decimal


def totals(simulation: Simulation, results: list[CompanyResult]) -> Totals:
    """Trades, tonnes and yuan traded, and every penalty imposed (one query)."""
    row = Trade.objects.filter(simulation=simulation).aggregate(
        trades=Count("pk"), volume=Sum("quantity"), value=Sum(F("price") * F("quantity")))
    return Totals(trades=row["trades"], volume=row["volume"] or 0, value=row["value"] or ZERO,
                  penalties=sum((r.penalties for r in results), ZERO))


def market_history(simulation: Simulation) -> dict:
    """The trading days as chart data: labels, candles ([open, close, low, high]; a day
    without trades is flat at its close) and volumes (listed and block)."""
    days = list(MarketDay.objects.filter(simulation=simulation).order_by("day"))
    calendar = simulation.scenario.calendar
    return {
        "days": [_("Y%(year)s D%(day)s") % {"year": d.year,
                                            "day": d.day - (d.year - 1) * calendar.days_per_year
                                            + 1} for d in days],
        "candles": [[str(d.open or d.close), str(d.close), str(d.low or d.close),
                     str(d.high or d.close)] for d in days],
        "volumes": [d.volume + d.block_volume for d in days],
    }


# --- The replay ------------------------------------------------------------------------------


def when(simulation: Simulation, elapsed: float) -> str:
    """A moment of running time as the simulated calendar reads it."""
    moment = simulation.scenario.calendar.moment(elapsed)
    return _("Year %(year)s, day %(day)s, %(time)s") % {
        "year": moment.year, "day": moment.day_in_year, "time": f"{moment.clock:%H:%M}"}


def describe(event: Event) -> str:
    """An event's line in the log: its kind and the details that say what it did."""
    data = event.data or {}
    label = str(event.get_kind_display())
    details = {
        EventKind.YEAR_OPENED: lambda: _("year %(year)s") % data,
        EventKind.REPORT_DEADLINE: lambda: _("year %(year)s") % data,
        EventKind.SURRENDER_DEADLINE: lambda: _("year %(year)s") % data,
        EventKind.DAY_CLOSED: lambda: _("close %(close)s") % data,
        EventKind.OUTPUT_SHOCK: lambda: _("output × %(factor)s") % data,
        EventKind.BENCHMARK_CHANGE: lambda: f"{data['before']} → {data['after']}",
        EventKind.BAND_CHANGE: lambda: f"{data['before']} → {data['after']}",
        EventKind.CCER_RELEASE: lambda: _("%(quantity)s t") % data,
    }.get(event.kind)
    try:
        return f"{label}: {details()}" if details else label
    except (KeyError, TypeError, ValueError):
        return label


def replay(simulation: Simulation) -> dict:
    """The session's log on its running time: every trade (running time, price, tonnes; no
    parties) and every event, each step with the simulated day and time, the last price by
    then and its text (two queries)."""
    trades = list(Trade.objects.filter(simulation=simulation).order_by("elapsed", "pk")
                  .values_list("elapsed", "price", "quantity"))
    events = list(Event.objects.filter(simulation=simulation).order_by("elapsed", "pk"))
    steps = []
    last, index = None, 0
    for event in events:
        while index < len(trades) and trades[index][0] <= event.elapsed:
            last = trades[index][1]
            index += 1
        steps.append({"t": round(event.elapsed, 2), "when": when(simulation, event.elapsed),
                      "price": str(last) if last is not None else "",
                      "text": describe(event), "kind": event.kind})
    return {
        "trades": [[round(t, 2), str(p), q] for t, p, q in trades],
        "steps": steps,
        "end": simulation.scenario.calendar.total_seconds,
    }


def abatements_of(simulation: Simulation) -> dict[int, list[Investment]]:
    """Each company's abatement investments, with their options (one query)."""
    found: dict[int, list[Investment]] = defaultdict(list)
    for investment in (Investment.objects.filter(company__simulation=simulation)
                       .select_related("option").order_by("day", "pk")):
        found[investment.company_id].append(investment)
    return found
