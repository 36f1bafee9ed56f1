"""What the live pages of a session show (a GET never writes): the market every participant
sees — clock, reference price and band, the book's five levels and the listings on them
(never whose they are), the tape, the day candles — then the viewer's own company (balances,
open orders, block proposals, compliance position) or, for an instructor, every company.

``market_state`` is the same for everyone in a session at one version and is cached by the
live floor per version; ``company_state`` and ``companies_state`` are per viewer. Each runs a
constant number of queries whatever the session's size."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Q
from django.utils.translation import pgettext

from chanchuang.carbon import allocation, exchange
from chanchuang.carbon.choices import (
    Asset,
    EventKind,
    MarketRules,
    OrderState,
    SessionState,
    Side,
    SystemAccount,
    TradingMode,
)
from chanchuang.carbon.models import (
    AbatementOption,
    Company,
    ComplianceYear,
    Event,
    Investment,
    MarketDay,
    Order,
    Participant,
    Simulation,
    Trade,
)
from chanchuang.carbon.services.ledger import Balances, balances, system_balance

TAPE = 15


def money(value) -> str:
    """Yuan with thousands separators (the Chinese locale groups none)."""
    return f"{value:,.2f}"


def tonnes(value) -> str:
    return f"{int(value):,}"


def reference_of(simulation: Simulation, days: list[MarketDay]) -> Decimal:
    return days[-1].close if days else simulation.scenario.opening_price


def clock_state(simulation: Simulation) -> dict:
    """The session's state and clock, for the page to keep ticking between pushes."""
    calendar = simulation.scenario.calendar
    moment = simulation.moment()
    return {
        "state": simulation.state, "state_label": simulation.get_state_display(),
        "running": simulation.state == SessionState.RUNNING,
        "elapsed": round(moment.elapsed, 2), "seconds_per_day": calendar.seconds_per_day,
        "total_seconds": calendar.total_seconds, "days_per_year": calendar.days_per_year,
        "years": calendar.years, "total_days": calendar.total_days,
        "day": moment.day + 1, "year": moment.year, "day_in_year": moment.day_in_year,
        "month": moment.month, "time": f"{moment.clock:%H:%M}", "finished": moment.finished,
        "production": calendar.is_production_day(moment.day),
    }


def tape(simulation: Simulation) -> list[dict]:
    """The session's latest trades, newest first: day, time, price, quantity and mode (never
    the parties)."""
    calendar = simulation.scenario.calendar
    return [{"price": str(t.price), "quantity": t.quantity, "mode": t.mode,
             "mode_label": t.get_mode_display(), "day": t.day + 1,
             "time": f"{calendar.moment(t.elapsed).clock:%H:%M}"}
            for t in Trade.objects.filter(simulation=simulation).order_by("-pk")[:TAPE]]


def market_state(simulation: Simulation) -> dict:
    """What everyone in the session sees of the market."""
    days = list(MarketDay.objects.filter(simulation=simulation).order_by("day"))
    reference = reference_of(simulation, days)
    scenario = simulation.scenario
    low, high = exchange.band(reference, simulation.listed_band)
    block_low, block_high = exchange.band(reference, scenario.block_band)
    open_orders = list(Order.objects.filter(
        simulation=simulation, state=OrderState.OPEN,
        mode__in=[TradingMode.LISTED, TradingMode.CONTINUOUS]).order_by("pk"))
    book = exchange.Book.of(exchange.Resting(o.pk, o.company_id, exchange.Side(o.side), o.price,
                                             o.remaining, o.pk) for o in open_orders)
    levels = {side: book.levels(exchange.Side(side)) for side in (Side.BUY, Side.SELL)}
    listings = {}
    for side in (Side.BUY, Side.SELL):
        prices = {level.price for level in levels[side]}
        listings[side] = [{"id": r.order_id, "price": str(r.price), "remaining": r.remaining,
                           "company": r.account}
                          for r in book.side(exchange.Side(side)) if r.price in prices]
    today = simulation.days_closed
    recent = tape(simulation)
    traded_today = list(Trade.objects.filter(simulation=simulation, day=today).exclude(
        mode=TradingMode.BLOCK).order_by("pk").values_list("price", "quantity"))
    today_prices = [price for price, _quantity in traded_today]
    today_volume = sum(quantity for _price, quantity in traded_today)
    candles = [[d.day + 1, str(d.open or d.close), str(d.close), str(d.low or d.close),
                str(d.high or d.close), d.volume] for d in days]
    if today_prices and simulation.state != SessionState.FINISHED:
        candles.append([today + 1, str(today_prices[0]), str(today_prices[-1]),
                        str(min(today_prices)), str(max(today_prices)), today_volume])
    last = Decimal(recent[0]["price"]) if recent else None
    events = list(Event.objects.filter(simulation=simulation).exclude(
        kind=EventKind.DAY_CLOSED).order_by("-pk")[:8])
    return {
        "session": {"id": simulation.pk, "name": simulation.name,
                    "rules": scenario.market_rules,
                    "national": scenario.market_rules == MarketRules.NATIONAL,
                    "block_minimum": scenario.block_minimum,
                    "ccer_price": str(scenario.ccer_price),
                    "ccer_left": int(system_balance(simulation, SystemAccount.CCER_DESK,
                                                    Asset.CCER)),
                    "version": simulation.version},
        "clock": clock_state(simulation),
        "reference": str(reference), "band": [str(low), str(high)],
        "block_band": [str(block_low), str(block_high)],
        "last": str(last) if last is not None else None,
        "change": (f"{(last - reference) / reference:+.2%}" if last is not None else None),
        "book": {side: [{"price": str(lv.price), "quantity": lv.quantity, "orders": lv.orders}
                        for lv in levels[side]] for side in (Side.BUY, Side.SELL)},
        "listings": listings,
        "tape": recent,
        "today": {"volume": today_volume, "trades": len(traded_today)},
        "candles": candles,
        "events": [{"label": e.get_kind_display(), "day": e.day + 1, "data": e.data}
                   for e in events],
    }


def for_viewer(market: dict, company_id: int | None) -> dict:
    """The market as one viewer may see it: listings carry whether they are the viewer's own,
    never whose they are."""
    listings = {side: [{**{k: v for k, v in row.items() if k != "company"},
                        "mine": row["company"] == company_id} for row in rows]
                for side, rows in market["listings"].items()}
    return {**market, "listings": listings}


def position(simulation: Simulation, company: Company, held: Balances,
             records: dict[int, ComplianceYear], intensity: Decimal) -> dict:
    """The company's compliance position: this year's emissions so far and projected to the
    year's end, the allocation it can expect, what it still owes for last year, and the gap
    (negative: it is short)."""
    from chanchuang.carbon.services.compliance import full_allocation

    calendar = simulation.scenario.calendar
    moment = simulation.moment()
    result = {"holdings": held.cea + held.cea_frozen + held.ccer}
    net = result["holdings"]
    current = records.get(moment.year) if calendar.is_production_day(moment.day) else None
    if current is not None:
        days_left = calendar.days_per_year - (simulation.days_closed % calendar.days_per_year)
        daily = company.annual_output / calendar.days_per_year
        heat = Decimal(company.heat_gj) / calendar.days_per_year
        output = current.output_mwh + daily * days_left
        projected = current.emissions + (daily * intensity + heat * company.heat_intensity
                                         ) * days_left
        expected = full_allocation(simulation, company, output, Decimal(company.heat_gj))
        result.update(year=moment.year, emissions=int(current.emissions),
                      projected=int(projected), allocated=current.pre_allocated,
                      expected=expected)
        net += expected - current.pre_allocated - int(projected)
    last = records.get(moment.year - 1)
    if last is not None and not last.settled:
        owed = (last.obligation if last.obligation is not None
                else allocation.tonnes(last.emissions))
        result.update(owed_year=last.year, owed=owed - last.surrendered)
        net -= owed - last.surrendered
    result["gap"] = net
    return result


def compliance_window(simulation: Simulation, records: dict[int, ComplianceYear]) -> dict | None:
    """The year in its compliance window now, with what is due: the report, then surrender."""
    calendar = simulation.scenario.calendar
    moment = simulation.moment()
    year = moment.year - 1
    if year < 1 or moment.day > calendar.surrender_day(year) or year not in records:
        return None
    record = records[year]
    verified = record.verified_emissions
    return {
        "year": year, "reported": verified is not None,
        "report_open": verified is None and moment.day <= calendar.report_day(year),
        "report_due_day": calendar.report_day(year) + 1,
        "surrender_due_day": calendar.surrender_day(year) + 1,
        "verified": verified, "obligation": record.obligation,
        "surrendered_cea": record.surrendered_cea, "surrendered_ccer": record.surrendered_ccer,
        "owed": (record.obligation - record.surrendered) if verified is not None else None,
        "offset_limit": (allocation.offset_limit(verified, simulation.scenario.offset_share)
                         if verified is not None else None),
    }


def company_state(simulation: Simulation, company: Company) -> dict:
    """A participant's own company: balances, orders, proposals, position and deadlines."""
    from chanchuang.carbon.services.compliance import intensities

    held = balances([company])[company.pk]
    records = {r.year: r for r in ComplianceYear.objects.filter(company=company)}
    intensity = intensities(simulation, simulation.days_closed, [company])[company.pk]
    orders = Order.objects.filter(simulation=simulation, state=OrderState.OPEN).filter(
        Q(company=company) | Q(counterparty=company)).select_related("company", "counterparty")
    own, incoming = [], []
    for order in orders.order_by("pk"):
        row = {"id": order.pk, "side": order.side, "side_label": order.get_side_display(),
               "price": str(order.price), "quantity": order.quantity,
               "remaining": order.remaining, "mode": order.mode,
               "mode_label": order.get_mode_display(),
               "counterparty": order.counterparty.name if order.counterparty else ""}
        if order.company_id == company.pk:
            own.append(row)
        else:
            incoming.append({**row, "proposer": order.company.name})
    invested = set(Investment.objects.filter(company=company).values_list("option_id",
                                                                          flat=True))
    options = AbatementOption.objects.filter(scenario_id=simulation.scenario_id).filter(
        Q(category="") | Q(category=company.category))
    return {
        "id": company.pk, "name": company.name, "category": company.get_category_display(),
        "capacity_mw": company.capacity_mw, "load": str(company.load_rate),
        "output_factor": str(company.output_factor), "intensity": str(intensity),
        "team": [p.user.real_name for p in Participant.objects.filter(
            company=company).select_related("user")],
        "balances": {"cea": held.cea, "cea_frozen": held.cea_frozen, "ccer": held.ccer,
                     "cash": str(held.cash), "cash_frozen": str(held.cash_frozen)},
        "orders": own, "proposals": incoming,
        "position": position(simulation, company, held, records, intensity),
        "window": compliance_window(simulation, records),
        "years": [{"year": r.year, "emissions": int(r.emissions),
                   "verified": r.verified_emissions, "allocated": r.allocated,
                   "obligation": r.obligation, "surrendered": r.surrendered,
                   "shortfall": r.shortfall, "penalty": str(r.penalty or 0),
                   "late": r.reported_late} for r in records.values()],
        "abatements": [{"id": o.pk, "name": o.name, "cost": str(o.cost),
                        "reduction": str(o.reduction), "lead_days": o.lead_days,
                        "invested": o.pk in invested} for o in options],
    }


def companies_state(simulation: Simulation) -> list[dict]:
    """Every company of the session for its instructor: who runs it, balances, and where its
    compliance stands."""
    companies = list(simulation.companies.order_by("number"))
    held = balances(companies)
    records: dict[int, dict[int, ComplianceYear]] = {}
    for record in ComplianceYear.objects.filter(company__simulation=simulation):
        records.setdefault(record.company_id, {})[record.year] = record
    team: dict[int, list[str]] = {}
    for company_id, name in Participant.objects.filter(simulation=simulation).values_list(
            "company_id", "user__real_name"):
        team.setdefault(company_id, []).append(name)
    rows = []
    for company in companies:
        years = records.get(company.pk, {})
        settled = [r for r in years.values() if r.settled]
        short = sum(r.shortfall for r in settled)
        status = (pgettext("carbon compliance", "Short %(t)s t") % {"t": tonnes(short)}
                  if short else pgettext("carbon compliance", "Compliant") if settled
                  else pgettext("carbon compliance", "Not due yet"))
        latest = max(years.values(), key=lambda r: r.year) if years else None
        rows.append({
            "id": company.pk, "number": company.number, "name": company.name,
            "category": company.get_category_display(),
            "bot": company.get_bot_display() if company.bot else "",
            "team": team.get(company.pk, []),
            "cea": held[company.pk].cea + held[company.pk].cea_frozen,
            "ccer": held[company.pk].ccer, "cash": money(held[company.pk].cash
                                                          + held[company.pk].cash_frozen),
            "emissions": int(latest.emissions) if latest else 0,
            "status": status, "short": bool(short),
            "reported": [r.year for r in years.values() if r.verified_emissions is not None],
        })
    return rows
