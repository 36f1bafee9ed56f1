"""Requests racing on one session on PostgreSQL, each in its own thread and connection:
takers racing for the last of a listing, a double click on cancel. Every operation of a
session first locks the session's row, so they run one after the other: exactly as many
succeed as the book allows, the others are told why, and the ledger still balances with the
freeze matching the book. (SQLite serialises writers anyway.)"""


import pytest
from django.db import connection
from django.db.models import Sum

from chanchuang.carbon.choices import OrderState, Side, Strategy
from chanchuang.carbon.models import Entry, Order, Trade
from chanchuang.carbon.services import ledger, sessions, trading
from chanchuang.core.services import DomainError
from chanchuang.core.tests.races import race

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("the race is decided by PostgreSQL's row lock (SQLite serialises writers)")


@pytest.fixture
def market(world):
    """A started session with a seller and six would-be takers (simulated traders)."""
    simulation = world.simulation
    seller, *takers = sessions.add_bots(actor=world.staff_wang, simulation=simulation,
                                        strategies={Strategy.NOISE: 7})
    sessions.start(actor=world.staff_wang, simulation=simulation)
    return simulation, seller, takers


def _balanced(simulation) -> bool:
    totals = Entry.objects.filter(transfer__simulation=simulation).values("asset").annotate(
        total=Sum("amount"))
    return all(row["total"] == 0 for row in totals)


def test_takers_racing_for_a_listing_get_exactly_what_it_offers(market):
    simulation, seller, takers = market
    listing = trading.place_order(company=seller, side=Side.SELL, price="50.00", quantity=1_000)
    outcomes = race([lambda taker=taker: trading.take(company=taker, listing_id=listing.pk,
                                                       quantity=400) for taker in takers])
    won = [o for o in outcomes if not isinstance(o, DomainError)]
    lost = [o for o in outcomes if isinstance(o, DomainError)]
    assert len(won) == 2 and len(lost) == 4
    assert all(o.message.startswith("挂牌协议交易：") for o in lost)
    listing.refresh_from_db()
    assert (listing.remaining, listing.state) == (200, OrderState.OPEN)
    assert Trade.objects.filter(simulation=simulation).count() == 2
    assert ledger.balances([seller])[seller.pk].cea_frozen == 200
    assert _balanced(simulation)


def test_a_double_click_on_cancel_releases_the_freeze_once(market):
    simulation, _seller, takers = market
    buyer = takers[0]
    order = trading.place_order(company=buyer, side=Side.BUY, price="49.00", quantity=2_000)
    cash = ledger.balances([buyer])[buyer.pk].cash
    outcomes = race([lambda: trading.cancel(order=Order.objects.get(pk=order.pk))
                      for _click in range(2)])
    assert sum(not isinstance(o, DomainError) for o in outcomes) == 1
    assert [o.message for o in outcomes if isinstance(o, DomainError)] == ["该订单已不在挂单中。"]
    held = ledger.balances([buyer])[buyer.pk]
    assert held.cash_frozen == 0 and held.cash == cash + 49 * 2_000
    assert _balanced(simulation)
