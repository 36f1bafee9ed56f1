"""A session from start to finish through the services: allocation, trading in both market
modes, reports, surrender and the penalty at the deadline, with the clock moved by hand."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.utils import timezone

from chanchuang.carbon.choices import (
    Asset,
    MarketRules,
    OrderState,
    SessionState,
    Side,
    SystemAccount,
)
from chanchuang.carbon.models import ComplianceYear, Entry, MarketDay, Trade
from chanchuang.carbon.services import clock, compliance, ledger, sessions, trading
from chanchuang.core.services import DomainError

pytestmark = pytest.mark.django_db


def at_day(simulation, day: float):
    """Move a session's clock to ``day`` trading days of running time and catch up."""
    simulation.refresh_from_db()
    seconds = simulation.scenario.seconds_per_day * day
    simulation.elapsed = seconds
    simulation.anchor = timezone.now()
    simulation.save(update_fields=["elapsed", "anchor"])
    clock.tick(simulation.pk)
    simulation.refresh_from_db()
    return simulation


def started(world):
    company, bot = world.company_liu, world.bot_company
    simulation = sessions.start(actor=world.staff_wang, simulation=world.simulation)
    return simulation, company, bot


def test_start_pre_allocates_seventy_percent_and_funds_every_company(world):
    simulation, company, _bot = started(world)
    assert simulation.state == SessionState.RUNNING
    record = ComplianceYear.objects.get(company=company, year=1)
    # 600 MW × 5,000 h × 0.85 = 2,550,000 MWh × 0.877 = 2,236,350 t; 70 % = 1,565,445 t
    assert record.pre_allocated == 1_565_445
    held = ledger.balances([company])[company.pk]
    assert held.cea == 1_565_445
    assert held.cash == Decimal(300_000_000)


def test_the_ledger_always_sums_to_zero(world):
    started(world)
    totals = {}
    for entry in Entry.objects.filter(transfer__simulation=world.simulation):
        totals[entry.asset] = totals.get(entry.asset, 0) + entry.amount
    assert all(v == 0 for v in totals.values())


def test_listed_trading_taker_pays_the_listing_price(world):
    _simulation, company, bot = started(world)
    listing = trading.place_order(company=bot, side=Side.SELL, price="50.50", quantity=10_000)
    trade = trading.take(company=company, listing_id=listing.pk, quantity=4_000)
    assert (trade.price, trade.quantity, trade.buyer_id) == (Decimal("50.50"), 4_000, company.pk)
    listing.refresh_from_db()
    assert listing.remaining == 6_000 and listing.state == OrderState.OPEN
    held = ledger.balances([company, bot])
    assert held[company.pk].cash == Decimal(300_000_000) - Decimal("50.50") * 4_000
    assert held[bot.pk].cea_frozen == 6_000


def test_an_order_outside_the_band_is_refused_with_the_rules_name(world):
    simulation, company, _bot = started(world)
    with pytest.raises(DomainError, match=r"^涨跌幅限制："):
        trading.place_order(company=company, side=Side.BUY, price="56.00", quantity=100)
    assert not simulation.orders.exists()


def test_buying_beyond_the_cash_is_refused_and_changes_nothing(world):
    simulation, company, _bot = started(world)
    # 300,000,000 yuan buys 60 orders of 99,999 t at ¥50.00 (4,999,950 yuan each), not 61
    for _n in range(60):
        trading.place_order(company=company, side=Side.BUY, price="50.00", quantity=99_999)
    before = ledger.balances([company])[company.pk]
    with pytest.raises(DomainError, match="可用资金不足"):
        trading.place_order(company=company, side=Side.BUY, price="50.00", quantity=99_999)
    after = ledger.balances([company])[company.pk]
    assert after.amounts == before.amounts
    assert after.cash == Decimal(300_000_000) - 60 * Decimal("4999950")
    assert simulation.orders.count() == 60


def test_continuous_mode_trades_at_the_hubei_price(world):
    scenario = world.scenario
    scenario.market_rules = MarketRules.HUBEI
    scenario.save()
    simulation = sessions.create_simulation(actor=world.staff_wang, template=scenario,
                                            name="湖北模式")
    a, b = sessions.add_bots(actor=world.staff_wang, simulation=simulation,
                             strategies={"noise": 2})
    sessions.start(actor=world.staff_wang, simulation=simulation)
    trading.place_order(company=a, side=Side.SELL, price="49.00", quantity=1_000)
    buy = trading.place_order(company=b, side=Side.BUY, price="52.00", quantity=1_500)
    trade = Trade.objects.get(simulation=simulation)
    # no last price yet: the middle of 52 and 49
    assert trade.price == Decimal("50.50") and trade.quantity == 1_000
    buy.refresh_from_db()
    assert buy.remaining == 500
    # the buyer froze 52 × 1,500 and paid 50.50 × 1,000; the rest of the difference came back
    assert ledger.balances([b])[b.pk].cash_frozen == Decimal("52.00") * 500


def test_a_whole_session_reports_surrenders_and_fines_the_shortfall(world):
    simulation, company, _bot = started(world)
    calendar = simulation.scenario.calendar
    at_day(simulation, calendar.days_per_year + 0.5)  # year 1 over, report window open
    record = compliance.report(company=company)
    assert record.verified_emissions > record.pre_allocated
    record.refresh_from_db()
    compliance.surrender(company=company, cea=record.obligation - 10_000)
    with pytest.raises(DomainError, match=r"^CCER 抵销比例限制："):
        compliance.buy_ccer(company=company, quantity=200_000)
        compliance.surrender(company=company, ccer=200_000)
    at_day(simulation, calendar.surrender_day(1) + 1.5)
    record.refresh_from_db()
    assert record.shortfall == 10_000
    assert record.penalty == record.shortfall * record.penalty_price * 5
    assert MarketDay.objects.filter(simulation=simulation).count() == calendar.surrender_day(1) + 1
    at_day(simulation, calendar.total_days + 1)
    simulation.refresh_from_db()
    assert simulation.state == SessionState.FINISHED
    assert ComplianceYear.objects.filter(company=company, shortfall__isnull=False).count() == 2
    desk = ledger.system_balance(simulation, SystemAccount.CCER_DESK, Asset.CCER)
    assert desk >= 0


def test_surrender_after_the_deadline_is_refused(world):
    simulation, company, _bot = started(world)
    calendar = simulation.scenario.calendar
    at_day(simulation, calendar.surrender_day(1) + 1.2)
    with pytest.raises(DomainError, match=r"^清缴截止："):
        compliance.surrender(company=company, cea=1)


def test_bots_trade_on_their_own(world):
    simulation, _company, _bot = started(world)
    sessions.add_bots(actor=world.staff_wang, simulation=simulation,
                      strategies={"market_maker": 1, "noise": 2, "compliance": 2})
    for step in range(1, 12):
        at_day(simulation, step * 0.25)
    assert simulation.orders.exists()
    assert Trade.objects.filter(simulation=simulation).exists()
