"""What the simulated calendar brings as the clock runs: each trading day's close (open
orders expire, the day's prices are fixed, the units' output and emissions accrue), the next
year's opening, the report deadline and the surrender deadline, and the end of the session.

``catch_up`` does it for every day the clock has passed; it runs inside every operation of a
session (under its lock), and ``tick`` runs it (and the simulated traders) from the live
floor's watcher every half second, so nothing waits for a click."""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from chanchuang.carbon import exchange
from chanchuang.carbon.choices import (
    Asset,
    EventKind,
    OrderState,
    SessionState,
    Side,
    TradingMode,
)
from chanchuang.carbon.models import ComplianceYear, MarketDay, Order, Simulation, Trade
from chanchuang.carbon.services import ledger
from chanchuang.carbon.services.compliance import accrue_day, open_year, settle, verify
from chanchuang.carbon.services.sessions import announce, log
from chanchuang.carbon.simclock import Moment
from chanchuang.core.services import DomainError

BOT_INTERVAL = 0.2  # share of a trading day between two rounds of the simulated traders


def reference_price(simulation: Simulation) -> Decimal:
    """The previous close: the reference of today's price band."""
    last = MarketDay.objects.filter(simulation=simulation).order_by("-day").first()
    return last.close if last else simulation.scenario.opening_price


def release(simulation: Simulation, order: Order, moment, state: OrderState) -> None:
    """Close an open order (cancelled, expired, declined) and release what it froze."""
    if order.remaining:
        if order.side == Side.BUY:
            ledger.freeze(simulation, moment, order.company, Asset.CASH,
                          order.price * order.remaining, order, release=True)
        else:
            ledger.freeze(simulation, moment, order.company, Asset.CEA, order.remaining, order,
                          release=True)
    order.state = state
    order.save(update_fields=["state"])


def close_day(simulation: Simulation, day: int) -> None:
    """Close trading day ``day``: expire its open orders, fix its prices, accrue production,
    and run the year openings and deadlines that fall on its close."""
    calendar = simulation.scenario.calendar
    moment = calendar.moment(calendar.day_start(day) + calendar.seconds_per_day - 0.001)
    for order in Order.objects.filter(simulation=simulation, state=OrderState.OPEN
                                      ).select_related("company"):
        release(simulation, order, moment, OrderState.EXPIRED)
    reference = reference_price(simulation)
    trades = list(Trade.objects.filter(simulation=simulation, day=day).order_by("pk")
                  .values_list("mode", "price", "quantity"))
    priced = [(p, q) for mode, p, q in trades if mode != TradingMode.BLOCK]
    prices = [p for p, _q in priced]
    close = exchange.closing_price(priced, reference)
    MarketDay.objects.create(
        simulation=simulation, day=day, year=calendar.year_of(day), month=calendar.month(day),
        reference=reference, close=close,
        open=prices[0] if prices else None, high=max(prices, default=None),
        low=min(prices, default=None), volume=sum(q for _p, q in priced),
        block_volume=sum(q for mode, _p, q in trades if mode == TradingMode.BLOCK))
    if calendar.is_production_day(day):
        accrue_day(simulation, day)
        year = calendar.year_of(day)
        if (day + 1) % calendar.days_per_year == 0 and year < calendar.years:
            open_year(simulation, year + 1, calendar.moment(calendar.day_start(day + 1)))
    for year in range(1, calendar.years + 1):
        if day == calendar.report_day(year):
            for record in ComplianceYear.objects.filter(
                    company__simulation=simulation, year=year,
                    verified_emissions__isnull=True).select_related("company"):
                verify(simulation, record, moment, late=True)
            log(simulation, EventKind.REPORT_DEADLINE, moment, year=year)
        if day == calendar.surrender_day(year):
            settle(simulation, year, moment)
            log(simulation, EventKind.SURRENDER_DEADLINE, moment, year=year)
    log(simulation, EventKind.DAY_CLOSED, moment, close=str(close))


def catch_up(simulation: Simulation, now=None) -> bool:
    """Close every day the clock has passed, and finish the session when its calendar has run
    out. Call it with the session locked. Returns whether anything happened."""
    if simulation.state not in (SessionState.RUNNING, SessionState.PAUSED):
        return False
    calendar = simulation.scenario.calendar
    moment = simulation.moment(now)
    until = calendar.total_days if moment.finished else moment.day
    did = False
    while simulation.days_closed < until:
        close_day(simulation, simulation.days_closed)
        simulation.days_closed += 1
        Simulation.objects.filter(pk=simulation.pk).update(days_closed=simulation.days_closed)
        did = True
    if moment.finished and simulation.state != SessionState.FINISHED:
        simulation.state = SessionState.FINISHED
        simulation.finished_at = now or timezone.now()
        simulation.elapsed = float(calendar.total_seconds)
        simulation.anchor = None
        simulation.save(update_fields=["state", "finished_at", "elapsed", "anchor"])
        log(simulation, EventKind.FINISHED, moment)
        did = True
    return did


def open_market(simulation: Simulation, now=None) -> Moment:
    """Catch the (locked) session up and return its moment, refusing when its market is not
    open: not running, or its calendar has ended."""
    now = now or timezone.now()
    catch_up(simulation, now)
    if simulation.state != SessionState.RUNNING:
        raise DomainError(_("Trading hours: the market is closed while the session is not "
                            "running."))
    moment = simulation.moment(now)
    if moment.finished:
        raise DomainError(_("Trading hours: the session's calendar has ended."))
    return moment


def tick(simulation_id: int, now=None) -> bool:
    """One beat of a running session: catch up with the clock, and let the simulated traders
    act when their turn has come. Returns whether the session changed (then its live pages
    are told)."""
    from chanchuang.carbon.services import bots

    now = now or timezone.now()
    with transaction.atomic():
        simulation = (Simulation.objects.select_for_update().select_related("scenario")
                      .filter(pk=simulation_id, state=SessionState.RUNNING).first())
        if simulation is None:
            return False
        changed = catch_up(simulation, now)
        elapsed = simulation.running_time(now)
        interval = simulation.scenario.seconds_per_day * BOT_INTERVAL
        if simulation.state == SessionState.RUNNING and elapsed - simulation.bots_acted >= interval:
            changed |= bots.act(simulation, simulation.moment(now))
            Simulation.objects.filter(pk=simulation_id).update(bots_acted=elapsed)
        if changed:
            Simulation.objects.filter(pk=simulation_id).update(version=F("version") + 1)
            transaction.on_commit(lambda: announce(simulation_id))
    return changed
