"""Simulated traders (bots) that fill a small class or stress a big one. Each runs its company
through the same services as a student (so every rule and balance check holds for them too),
with its own random stream seeded from the scenario's seed, its number and the round:

- **compliance-driven**: files its report and surrenders on time, and buys or sells the
  allowances its projected position says it lacks or has to spare, within a few percent of
  the reference price;
- **noise trader**: small random orders around the reference price;
- **market maker**: a bid and an ask a little either side of the reference, renewed each round.

Every bot also files its report and surrenders what it can before the deadline."""

from __future__ import annotations

import random
from decimal import Decimal

from chanchuang.carbon import allocation, exchange
from chanchuang.carbon.choices import MarketRules, OrderState, Side, Strategy
from chanchuang.carbon.models import Company, ComplianceYear, Order, Simulation
from chanchuang.carbon.queries.floor import position
from chanchuang.carbon.services import compliance, ledger, trading
from chanchuang.carbon.services.clock import reference_price
from chanchuang.carbon.simclock import Moment
from chanchuang.core.services import DomainError


def _price(simulation: Simulation, reference: Decimal, factor: float) -> Decimal:
    """``reference × factor`` on the tick, kept inside today's band."""
    low, high = exchange.band(reference, simulation.listed_band)
    return min(high, max(low, exchange.round_to_tick(reference * Decimal(str(factor)))))


def _try(action, *args, **kwargs) -> bool:
    try:
        action(*args, **kwargs)
    except DomainError:
        return False
    return True


def _comply(simulation: Simulation, company: Company, moment: Moment) -> bool:
    """File the report when it is due and surrender what the company holds towards what it
    owes (offsets first, up to the limit)."""
    year = moment.year - 1
    calendar = simulation.scenario.calendar
    if year < 1 or moment.day > calendar.surrender_day(year):
        return False
    record = ComplianceYear.objects.filter(company=company, year=year).first()
    if record is None:
        return False
    did = False
    if record.verified_emissions is None:
        did = _try(compliance.report, company=company)
        record.refresh_from_db()
        if record.verified_emissions is None:
            return did
    owed = record.obligation - record.surrendered
    if owed <= 0:
        return did
    held = ledger.balances([company])[company.pk]
    limit = allocation.offset_limit(record.verified_emissions, simulation.scenario.offset_share)
    ccer = min(held.ccer, limit - record.surrendered_ccer, owed)
    cea = min(held.cea, owed - max(ccer, 0))
    if ccer > 0 or cea > 0:
        did |= _try(compliance.surrender, company=company, cea=max(cea, 0), ccer=max(ccer, 0))
    return did


def _trade_towards(simulation: Simulation, company: Company, want: int, reference: Decimal,
                   rng: random.Random) -> bool:
    """Buy (``want`` > 0) or sell up to ``want`` tonnes: take a good listing of the other side
    or list at a price near the reference."""
    side = Side.BUY if want > 0 else Side.SELL
    quantity = min(abs(want), simulation.scenario.block_minimum - 1)  # a listed order
    national = simulation.scenario.market_rules == MarketRules.NATIONAL
    if national:
        book, _orders = trading.open_book(simulation)
        other = book.side(exchange.Side(side).other)
        limit = reference * (Decimal("1.04") if side == Side.BUY else Decimal("0.96"))
        for listing in other[:5]:
            good = listing.price <= limit if side == Side.BUY else listing.price >= limit
            if good and listing.account != company.pk:
                return _try(trading.take, company=company, listing_id=listing.order_id,
                            quantity=min(quantity, listing.remaining))
    factor = rng.uniform(0.99, 1.03) if side == Side.BUY else rng.uniform(0.97, 1.01)
    return _try(trading.place_order, company=company, side=side,
                price=_price(simulation, reference, factor), quantity=quantity)


def _compliance_bot(simulation, company, moment, reference, rng) -> bool:
    held = ledger.balances([company])[company.pk]
    records = {r.year: r for r in ComplianceYear.objects.filter(company=company)}
    net = position(simulation, company, held, records, company.intensity)["gap"]
    margin = 2_000
    if abs(net) <= margin:
        return False
    chunk = max(1_000, abs(net) // 3) * (1 if net < 0 else -1)
    return _trade_towards(simulation, company, chunk, reference, rng)


def _noise_bot(simulation, company, moment, reference, rng) -> bool:
    side = rng.choice([Side.BUY, Side.SELL])
    quantity = rng.randint(500, 5_000)
    return _trade_towards(simulation, company, quantity if side == Side.BUY else -quantity,
                          reference, rng)


def _market_maker(simulation, company, moment, reference, rng) -> bool:
    for order in Order.objects.filter(company=company, state=OrderState.OPEN):
        _try(trading.cancel, order=order)
    did = _try(trading.place_order, company=company, side=Side.BUY,
               price=_price(simulation, reference, 0.98), quantity=5_000)
    did |= _try(trading.place_order, company=company, side=Side.SELL,
                price=_price(simulation, reference, 1.02), quantity=5_000)
    return did


STRATEGIES = {
    Strategy.COMPLIANCE: _compliance_bot,
    Strategy.NOISE: _noise_bot,
    Strategy.MARKET_MAKER: _market_maker,
}


def act(simulation: Simulation, moment: Moment) -> bool:
    """One round of every simulated trader of a running session (inside its lock)."""
    reference = reference_price(simulation)
    round_no = int(moment.elapsed // max(1, simulation.scenario.seconds_per_day // 5))
    did = False
    for company in simulation.companies.exclude(bot="").order_by("number"):
        did |= play(simulation, company, moment, Strategy(company.bot), reference, round_no)
    return did


def play(simulation: Simulation, company: Company, moment: Moment, strategy: Strategy,
         reference: Decimal, round_no: int) -> bool:
    """One round of ``strategy`` for one company (the demo also plays students' companies
    this way, to leave a finished session behind)."""
    rng = random.Random(f"{simulation.scenario.seed}:{company.number}:{round_no}")
    did = _comply(simulation, company, moment)
    return STRATEGIES[strategy](simulation, company, moment, reference, rng) or did
