"""Property test of the ledger under random trading (issue 18): random sequences of orders,
takes, cancels, block proposals and answers, CCER purchases, abatements, reports, surrenders
and clock moves — valid and invalid — driven through the real services of a running session
with simulated traders beside two students.

Every call either succeeds or is refused with a ``DomainError`` that changed nothing, and after
every step allowances, offsets and cash are conserved (the session's entries sum to zero per
asset), no company account is below zero, and each company's frozen holdings are exactly what
its open orders need."""

from __future__ import annotations

from collections import Counter, defaultdict
from decimal import Decimal

import pytest
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test

from chanchuang.carbon import allocation, exchange
from chanchuang.carbon.choices import (
    Asset,
    MarketRules,
    OrderState,
    SessionState,
    Side,
    Strategy,
    SystemAccount,
    TradingMode,
)
from chanchuang.carbon.models import (
    Company,
    ComplianceYear,
    Entry,
    Investment,
    Order,
    Simulation,
    Trade,
)
from chanchuang.carbon.services import clock, compliance, ledger, sessions, trading
from chanchuang.core.services import DomainError

pytestmark = pytest.mark.django_db

TICK = exchange.TICK
SIDES = st.sampled_from([Side.BUY, Side.SELL])  # the forms and the API refuse any other
QUANTITIES = st.one_of(st.integers(1, 120_000), st.sampled_from([0, 1, 500, 99_999, 100_000]))
BLOCK_QUANTITIES = st.one_of(st.integers(90_000, 400_000), st.sampled_from([99_999, 100_000]))
JUNK_PRICES = st.sampled_from(["0", "-1.00", "abc", "", "NaN", "Infinity", "50.0000001"])


def prices(reference: Decimal, width: Decimal) -> st.SearchStrategy:
    """Prices around ``reference``: on the tick inside and outside the band of ``width``, its
    edges and just beyond, off the tick, and things that are not prices at all."""
    low, high = exchange.band(reference, width)
    on_tick = st.one_of(st.integers(95, 105), st.integers(60, 140)).map(
        lambda percent: exchange.round_to_tick(reference * percent / 100))
    return st.one_of(
        on_tick,
        st.sampled_from([low, high, low - TICK, high + TICK, reference]),
        on_tick.map(lambda price: price + Decimal("0.005")),
        JUNK_PRICES,
    )


class LedgerMachine(RuleBasedStateMachine):
    """One running session per example: student_liu's and student_ma's companies beside a
    compliance bot, a noise trader and a market maker. ``world`` and ``market_rules`` are set
    on the subclass the test runs."""

    world = None
    market_rules = MarketRules.NATIONAL
    tally: Counter = Counter()  # what was done and refused, over all the examples

    def __init__(self) -> None:
        super().__init__()
        # Each example in a savepoint of the test's transaction, rolled back in teardown.
        self._savepoint = transaction.atomic()
        self._savepoint.__enter__()
        try:
            self._build()
        except BaseException:
            self.teardown()
            raise

    def _build(self) -> None:
        world = self.world
        simulation = sessions.create_simulation(actor=world.staff_wang, template=world.scenario,
                                                name="账本性质测试")
        scenario = simulation.scenario
        scenario.market_rules = self.market_rules
        scenario.save(update_fields=["market_rules"])
        students = [sessions.join(user=s.user, code=simulation.join_code).company
                    for s in (world.student_liu, world.student_ma)]
        bots = sessions.add_bots(actor=world.staff_wang, simulation=simulation, strategies={
            Strategy.COMPLIANCE: 1, Strategy.NOISE: 1, Strategy.MARKET_MAKER: 1})
        sessions.start(actor=world.staff_wang, simulation=simulation)
        self.simulation_id = simulation.pk
        self.companies: list[Company] = students + bots
        # the session's own abatements, and one of the library template (not offered here)
        self.options = [*scenario.abatements.all(), world.scenario.abatements.first()]

    def teardown(self) -> None:
        if hasattr(self, "simulation_id"):
            self.tally["trades"] += Trade.objects.filter(simulation_id=self.simulation_id).count()
        transaction.set_rollback(True)
        self._savepoint.__exit__(None, None, None)

    # --- helpers ------------------------------------------------------------------------------

    @property
    def simulation(self) -> Simulation:
        return Simulation.objects.select_related("scenario").get(pk=self.simulation_id)

    def orders(self, **filters) -> list[Order]:
        return list(Order.objects.filter(simulation_id=self.simulation_id, **filters)
                    .order_by("pk"))

    def snapshot(self) -> tuple:
        """Everything a service could write for this session."""
        pk = self.simulation_id
        return (
            Entry.objects.filter(transfer__simulation_id=pk).count(),
            list(Order.objects.filter(simulation_id=pk).order_by("pk")
                 .values_list("pk", "state", "remaining")),
            Trade.objects.filter(simulation_id=pk).count(),
            list(ComplianceYear.objects.filter(company__simulation_id=pk).order_by("pk")
                 .values_list("pk", "verified_emissions", "surrendered_cea",
                              "surrendered_ccer", "shortfall")),
            Investment.objects.filter(company__simulation_id=pk).count(),
            list(Company.objects.filter(simulation_id=pk).order_by("pk")
                 .values_list("pk", "load_rate")),
            Simulation.objects.filter(pk=pk).values_list("days_closed", "state").get(),
        )

    def attempt(self, action, **kwargs):
        """Call a service: it succeeds, or refuses with a DomainError and changes nothing
        (any other exception fails the test)."""
        before = self.snapshot()
        try:
            result = action(**kwargs)
        except DomainError:
            self.tally[f"{action.__name__} refused"] += 1
            assert self.snapshot() == before, f"a refused {action.__name__} changed the session"
            return None
        self.tally[f"{action.__name__} done"] += 1
        return result

    def company(self, data) -> Company:
        """Any company, the students' more often (the bots also act on their own)."""
        return data.draw(st.sampled_from(self.companies + self.companies[:2]), label="company")

    # --- rules --------------------------------------------------------------------------------

    # What a company does, weighted so that a short example gets to trade and to comply (one
    # rule rather than one per action: hypothesis would switch whole rules off per example).
    ACTIONS = (["place_order"] * 4 + ["take"] * 3 + ["cancel"] * 2 + ["propose_block"] * 2
               + ["answer_block"] * 2 + ["surrender"] * 2
               + ["report"] * 2 + ["buy_ccer", "invest", "set_load"]
               + ["move_clock"] * 2 + ["move_clock_to_the_next_report_day"] * 2
               + ["move_clock_past_the_end"])

    @rule(data=st.data())
    def act(self, data) -> None:
        """A company does something, valid or not."""
        getattr(self, data.draw(st.sampled_from(self.ACTIONS), label="action"))(data)

    # --- actions ------------------------------------------------------------------------------

    def place_order(self, data) -> None:
        simulation = self.simulation
        reference = clock.reference_price(simulation)
        self.attempt(trading.place_order, company=self.company(data),
                     side=data.draw(SIDES, label="side"),
                     price=data.draw(prices(reference, simulation.listed_band), label="price"),
                     quantity=data.draw(QUANTITIES, label="quantity"))

    def take(self, data) -> None:
        listings = self.orders(mode__in=[TradingMode.LISTED, TradingMode.CONTINUOUS])
        open_ids = [o.pk for o in listings if o.state == OrderState.OPEN]
        listing_id = data.draw(st.one_of(
            st.sampled_from(open_ids or [0]), st.sampled_from(open_ids or [0]),
            st.sampled_from([o.pk for o in listings] or [0]), st.sampled_from([0, 10**9])),
            label="id")
        remaining = next((o.remaining for o in listings if o.pk == listing_id), 1_000)
        quantity = data.draw(st.one_of(
            st.sampled_from([remaining, remaining + 1, max(1, remaining // 2), 0]),
            st.integers(1, 120_000)), label="quantity")
        self.attempt(trading.take, company=self.company(data), listing_id=listing_id,
                     quantity=quantity)

    def cancel(self, data) -> None:
        orders = self.orders()
        if orders:
            self.attempt(trading.cancel, order=data.draw(st.sampled_from(orders), label="order"))

    def propose_block(self, data) -> None:
        simulation = self.simulation
        reference = clock.reference_price(simulation)
        self.attempt(trading.propose_block, company=self.company(data),
                     counterparty=self.company(data), side=data.draw(SIDES, label="side"),
                     price=data.draw(prices(reference, simulation.scenario.block_band),
                                     label="price"),
                     quantity=data.draw(BLOCK_QUANTITIES, label="quantity"))

    def answer_block(self, data) -> None:
        blocks = self.orders(mode=TradingMode.BLOCK) or self.orders()
        if not blocks:
            return
        order = data.draw(st.sampled_from(blocks), label="order")
        addressed = next((c for c in self.companies if c.pk == order.counterparty_id), None)
        company = data.draw(st.sampled_from([addressed] * 3 + self.companies)
                            if addressed else st.sampled_from(self.companies), label="company")
        self.attempt(trading.answer_block, company=company, order=order,
                     accept=data.draw(st.booleans(), label="accept"))

    def buy_ccer(self, data) -> None:
        self.attempt(compliance.buy_ccer, company=self.company(data),
                     quantity=data.draw(st.one_of(st.integers(0, 400_000),
                                                  st.sampled_from([300_000, 300_001])),
                                        label="quantity"))

    def invest(self, data) -> None:
        self.attempt(compliance.invest, company=self.company(data),
                     option=data.draw(st.sampled_from(self.options), label="option"))

    def set_load(self, data) -> None:
        load = data.draw(st.sampled_from(["0.30", "0.40", "0.75", "1.00", "1.10"]), label="load")
        self.attempt(compliance.set_load, company=self.company(data), load=Decimal(load))

    def report(self, data) -> None:
        self.attempt(compliance.report, company=self.company(data))

    def surrender(self, data) -> None:
        company = self.company(data)
        if data.draw(st.booleans(), label="report first"):
            self.attempt(compliance.report, company=company)
        record = (ComplianceYear.objects.filter(company=company, obligation__isnull=False)
                  .order_by("-year").first())
        held = ledger.balances([company])[company.pk]
        owed = max(0, record.obligation - record.surrendered) if record else 1_000
        limit = (allocation.offset_limit(record.verified_emissions,
                                         self.simulation.scenario.offset_share)
                 if record else 1_000)
        anything = st.integers(-1, 3_000_000)
        ccer = data.draw(st.one_of(st.just(0), st.just(0), anything,
                                   st.sampled_from([1, held.ccer, limit, limit + 1])),
                         label="ccer")
        rest = max(0, owed - ccer)
        cea = data.draw(st.one_of(st.sampled_from([1, rest, min(rest, held.cea)]),
                                  st.sampled_from([0, rest + 1, held.cea]), anything),
                        label="cea")
        self.attempt(compliance.surrender, company=company, cea=cea, ccer=ccer)

    def move_clock(self, data) -> None:
        """Run the clock on by a fiftieth of a day to three days and let it catch up, the
        simulated traders acting as on the live floor."""
        days = data.draw(st.floats(0.02, 3.0), label="days")
        self._run_to(self.simulation.running_time() / self._day_seconds() + days)

    def move_clock_past_the_end(self, _data) -> None:
        """Run the clock past the end of the calendar: the session finishes."""
        self._run_to(self.simulation.scenario.calendar.total_days + 1)

    def move_clock_to_the_next_report_day(self, _data) -> None:
        """Run the clock on to the middle of the next day a report is due (year 1's, then
        year 2's), when reporting and surrender are open."""
        calendar = self.simulation.scenario.calendar
        now = self.simulation.running_time() / self._day_seconds()
        due = [calendar.report_day(year) + 0.5 for year in range(1, calendar.years + 1)]
        self._run_to(next((day for day in due if day > now), calendar.total_days + 1))

    def _day_seconds(self) -> int:
        return self.simulation.scenario.seconds_per_day

    def _run_to(self, day: float) -> None:
        simulation = self.simulation
        if simulation.state != SessionState.RUNNING:
            return
        simulation.elapsed = day * simulation.scenario.seconds_per_day
        simulation.anchor = timezone.now()
        simulation.save(update_fields=["elapsed", "anchor"])
        clock.tick(simulation.pk)

    # --- invariants ---------------------------------------------------------------------------

    @invariant()
    def nothing_is_created_or_destroyed(self) -> None:
        totals = dict(Entry.objects.filter(transfer__simulation_id=self.simulation_id)
                      .values("asset").annotate(total=Sum("amount")).order_by()
                      .values_list("asset", "total"))
        assert set(totals) == {Asset.CEA, Asset.CCER, Asset.CASH}
        assert all(total == 0 for total in totals.values()), totals
        desk = ledger.system_balance(self.simulation, SystemAccount.CCER_DESK, Asset.CCER)
        assert desk >= 0

    @invariant()
    def no_account_is_negative_and_the_freeze_matches_the_book(self) -> None:
        needed: dict[tuple[int, str], Decimal] = defaultdict(Decimal)
        for order in self.orders():
            assert 0 <= order.remaining <= order.quantity
            assert (order.state == OrderState.FILLED) == (order.remaining == 0), order
            if order.state == OrderState.OPEN:
                if order.side == Side.BUY:
                    needed[(order.company_id, Asset.CASH)] += order.price * order.remaining
                else:
                    needed[(order.company_id, Asset.CEA)] += order.remaining
        held = ledger.balances(self.companies)
        for company in self.companies:
            balances = held[company.pk]
            assert all(amount >= 0 for amount in balances.amounts.values()), (
                company, balances.amounts)
            assert balances.cash_frozen == needed[(company.pk, Asset.CASH)], company
            assert balances.cea_frozen == needed[(company.pk, Asset.CEA)], company
            assert balances.get(Asset.CCER, True) == 0

    @invariant()
    def surrender_stays_within_what_is_owed(self) -> None:
        share = self.simulation.scenario.offset_share
        for record in ComplianceYear.objects.filter(company__simulation_id=self.simulation_id):
            if record.obligation is None:
                assert record.surrendered == 0
                continue
            assert record.surrendered <= record.obligation
            assert record.surrendered_ccer <= allocation.offset_limit(
                record.verified_emissions, share)


def run(world, market_rules: str, examples: int) -> Counter:
    """Run the machine on fresh sessions of ``market_rules``; returns the tally of actions."""
    world.scenario  # noqa: B018  (built outside the examples' savepoints, so it stays)
    machine = type("Machine", (LedgerMachine,), {
        "world": world, "market_rules": market_rules, "tally": Counter()})
    run_state_machine_as_test(machine, settings=settings(
        max_examples=examples, stateful_step_count=25, deadline=None, database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]))
    return machine.tally


def test_random_trading_on_the_national_market_conserves_the_ledger(world):
    tally = run(world, MarketRules.NATIONAL, examples=30)
    print(sorted(tally.items()))
    # the sequences did trade, and were refused too (the invariants were not held vacuously)
    assert tally["trades"] and tally["place_order done"] and tally["place_order refused"]


def test_random_continuous_trading_on_the_hubei_rules_conserves_the_ledger(world):
    tally = run(world, MarketRules.HUBEI, examples=12)
    print(sorted(tally.items()))
    assert tally["trades"] and tally["place_order done"] and tally["take refused"]
