"""The exchange kernel (no Django, no database): the rules of listed agreement trading, of block
trading and of continuous trading at the Hubei pilot's price, on hand-made books whose numbers
can be checked by hand, then property tests over random books."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chanchuang.carbon.exchange import (
    RULES,
    Book,
    Fill,
    Level,
    Mode,
    Resting,
    RuleBroken,
    Side,
    check_order,
    closing_price,
    hubei_price,
    match_continuous,
    take_listed,
)

D = Decimal

# Accounts of the hand-made books.
POWER_A, POWER_B, POWER_C, TRADER_D = 1, 2, 3, 4


def order(order_id: int, account: int, side: Side, price: str, remaining: int,
          seq: int | None = None) -> Resting:
    """A resting order; arrival follows the id unless ``seq`` says otherwise."""
    return Resting(order_id, account, side, D(price), remaining, order_id if seq is None else seq)


def refused(rule: str):
    """Expect a ``RuleBroken`` carrying ``rule`` (and check the rule is a documented one)."""
    assert rule in RULES
    return pytest.raises(RuleBroken, match=f"^{rule}$")


# ---------------------------------------------------------------------------------------------
# Listed agreement trading
# ---------------------------------------------------------------------------------------------


def seven_ask_levels() -> Book:
    """Sellers at seven price levels 50.00..50.06, two orders at 50.00 and at 50.02; one bid."""
    return Book.of([
        order(11, POWER_A, Side.SELL, "50.00", 300),
        order(12, POWER_B, Side.SELL, "50.00", 200),
        order(13, POWER_C, Side.SELL, "50.01", 100),
        order(14, POWER_B, Side.SELL, "50.02", 400),
        order(15, POWER_C, Side.SELL, "50.02", 50),
        order(16, POWER_A, Side.SELL, "50.03", 10),
        order(17, POWER_B, Side.SELL, "50.04", 20),
        order(18, POWER_C, Side.SELL, "50.05", 30),  # sixth level
        order(19, POWER_A, Side.SELL, "50.06", 40),  # seventh level
        order(21, POWER_C, Side.BUY, "49.50", 500),
    ])


def test_levels_aggregate_the_orders_of_a_price_and_stop_at_five():
    book = seven_ask_levels()
    assert book.levels(Side.SELL) == [
        Level(D("50.00"), 500, 2),
        Level(D("50.01"), 100, 1),
        Level(D("50.02"), 450, 2),
        Level(D("50.03"), 10, 1),
        Level(D("50.04"), 20, 1),
    ]
    assert book.levels(Side.BUY) == [Level(D("49.50"), 500, 1)]
    assert book.best(Side.SELL) == D("50.00")
    assert book.best(Side.BUY) == D("49.50")
    assert Book().best(Side.BUY) is None


def test_book_ranks_by_price_then_arrival_whatever_the_order_of_insertion():
    book = Book.of([
        order(1, POWER_A, Side.BUY, "49.00", 10, seq=5),
        order(2, POWER_B, Side.BUY, "49.10", 10, seq=9),
        order(3, POWER_C, Side.BUY, "49.00", 10, seq=2),
        order(4, POWER_A, Side.SELL, "51.00", 10, seq=7),
        order(5, POWER_B, Side.SELL, "50.90", 10, seq=8),
        order(6, POWER_C, Side.SELL, "51.00", 10, seq=1),
    ])
    # Bids: highest price first, then the earlier arrival; asks: lowest price first.
    assert [o.order_id for o in book.bids] == [2, 3, 1]
    assert [o.order_id for o in book.asks] == [5, 6, 4]


def test_taker_buys_part_of_a_listing_at_the_listings_price():
    fill = take_listed(seven_ask_levels(), listing_id=14, taker=TRADER_D, quantity=150)
    # The listing at 50.02 (third level) is chosen over cheaper ones: the taker picks.
    assert fill == Fill(buyer=TRADER_D, seller=POWER_B, price=D("50.02"), quantity=150,
                        buy_order=None, sell_order=14)


def test_taker_may_take_the_whole_of_a_listing_on_the_fifth_level():
    fill = take_listed(seven_ask_levels(), listing_id=17, taker=TRADER_D, quantity=20)
    assert (fill.price, fill.quantity, fill.seller) == (D("50.04"), 20, POWER_B)


def test_taker_sells_into_a_bid_listing():
    fill = take_listed(seven_ask_levels(), listing_id=21, taker=TRADER_D, quantity=500)
    assert fill == Fill(buyer=POWER_C, seller=TRADER_D, price=D("49.50"), quantity=500,
                        buy_order=21, sell_order=None)


def test_a_listing_on_the_sixth_level_is_refused():
    book = seven_ask_levels()
    with refused("not_in_top_levels"):
        take_listed(book, listing_id=18, taker=TRADER_D, quantity=1)
    with refused("not_in_top_levels"):
        take_listed(book, listing_id=19, taker=TRADER_D, quantity=1)


def test_a_listing_that_is_not_on_the_book_is_refused():
    with refused("not_in_top_levels"):
        take_listed(seven_ask_levels(), listing_id=999, taker=TRADER_D, quantity=1)


def test_nobody_takes_their_own_listing():
    with refused("own_order"):
        take_listed(seven_ask_levels(), listing_id=11, taker=POWER_A, quantity=1)


def test_nobody_takes_more_than_the_listing_still_offers():
    book = seven_ask_levels()
    with refused("too_much") as caught:
        take_listed(book, listing_id=13, taker=TRADER_D, quantity=101)
    assert caught.value.params == {"remaining": 100}
    # Exactly what remains is fine.
    assert take_listed(book, listing_id=13, taker=TRADER_D, quantity=100).quantity == 100


@pytest.mark.parametrize("quantity", [0, -5])
def test_a_take_of_no_tonnes_is_refused(quantity):
    with refused("lot"):
        take_listed(seven_ask_levels(), listing_id=11, taker=TRADER_D, quantity=quantity)


def test_taking_does_not_change_the_book():
    book = seven_ask_levels()
    before = (list(book.bids), list(book.asks))
    take_listed(book, listing_id=11, taker=TRADER_D, quantity=300)
    assert (book.bids, book.asks) == before


# ---------------------------------------------------------------------------------------------
# check_order: band, tick, lot, thresholds
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", [Mode.LISTED, Mode.CONTINUOUS])
@pytest.mark.parametrize(("price", "fine"), [
    ("52.49", False), ("52.50", True), ("58.33", True), ("64.16", True), ("64.17", False),
])
def test_listed_and_continuous_band_is_ten_per_cent_rounded_inward(mode, price, fine):
    # 58.33 × 0.9 = 52.497 → 52.50; 58.33 × 1.1 = 64.163 → 64.16.
    kwargs = {"mode": mode, "price": D(price), "quantity": 1_000, "reference": D("58.33")}
    if fine:
        check_order(**kwargs)
    else:
        with refused("band") as caught:
            check_order(**kwargs)
        assert caught.value.params == {"low": D("52.50"), "high": D("64.16")}


@pytest.mark.parametrize(("price", "fine"), [
    ("34.99", False), ("35.00", True), ("65.00", True), ("65.01", False),
])
def test_block_band_is_thirty_per_cent_with_inclusive_edges(price, fine):
    kwargs = {"mode": Mode.BLOCK, "price": D(price), "quantity": 100_000,
              "reference": D("50.00")}
    if fine:
        check_order(**kwargs)
    else:
        with refused("band"):
            check_order(**kwargs)


def test_a_price_that_the_listed_band_refuses_is_fine_for_a_block_trade():
    with refused("band"):
        check_order(mode=Mode.LISTED, price=D("60.00"), quantity=99_999, reference=D("50"))
    check_order(mode=Mode.BLOCK, price=D("60.00"), quantity=100_000, reference=D("50"))


def test_prices_move_in_steps_of_one_fen():
    with refused("tick"):
        check_order(mode=Mode.LISTED, price=D("50.005"), quantity=10, reference=D("50"))
    check_order(mode=Mode.LISTED, price=D("50.01"), quantity=10, reference=D("50"))


@pytest.mark.parametrize("price", ["0", "-1.00"])
def test_price_must_be_above_zero(price):
    with refused("price_positive"):
        check_order(mode=Mode.LISTED, price=D(price), quantity=10, reference=D("50"))


@pytest.mark.parametrize("quantity", [0, -1])
def test_quantities_are_whole_positive_lots(quantity):
    with refused("lot"):
        check_order(mode=Mode.LISTED, price=D("50"), quantity=quantity, reference=D("50"))


def test_a_listed_order_stays_below_one_hundred_thousand_tonnes():
    check_order(mode=Mode.LISTED, price=D("50"), quantity=99_999, reference=D("50"))
    with refused("listed_maximum"):
        check_order(mode=Mode.LISTED, price=D("50"), quantity=100_000, reference=D("50"))


def test_a_block_trade_is_at_least_one_hundred_thousand_tonnes():
    check_order(mode=Mode.BLOCK, price=D("50"), quantity=100_000, reference=D("50"))
    with refused("block_minimum"):
        check_order(mode=Mode.BLOCK, price=D("50"), quantity=99_999, reference=D("50"))


# ---------------------------------------------------------------------------------------------
# Continuous trading at the Hubei price
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("last", "price"), [
    ("51", "51"),  # last between ask and bid: the last
    ("55", "52"),  # last above the bid: the bid
    ("49", "50"),  # last below the ask: the ask
    (None, "51"),  # no last: the middle of bid and ask
])
def test_hubei_price_is_the_middle_of_bid_ask_and_last(last, price):
    assert hubei_price(D("52"), D("50"), None if last is None else D(last)) == D(price)


def test_hubei_price_without_a_last_lands_on_the_tick():
    # (50.01 + 50.00) / 2 = 50.005 → 50.01 (half up).
    assert hubei_price(D("50.01"), D("50.00"), None) == D("50.01")


def hubei_book() -> Book:
    """Asks at 50.00 (A then B) and 50.50 (C); bids at 49.00 (A) and 48.50 (B)."""
    return Book.of([
        order(1, POWER_A, Side.SELL, "50.00", 100),
        order(2, POWER_B, Side.SELL, "50.00", 200),
        order(3, POWER_C, Side.SELL, "50.50", 300),
        order(4, POWER_A, Side.BUY, "49.00", 100),
        order(5, POWER_B, Side.BUY, "48.50", 100),
    ])


def test_continuous_buy_walks_the_asks_in_price_time_priority():
    incoming = order(9, TRADER_D, Side.BUY, "51.00", 450)
    fills, remaining = match_continuous(hubei_book(), incoming, last=D("50.20"))
    # 1st: bid 51.00, ask 50.00, last 50.20 → 50.20; the last becomes 50.20.
    # 2nd: bid 51.00, ask 50.00, last 50.20 → 50.20.
    # 3rd: bid 51.00, ask 50.50, last 50.20 → 50.50 (150 of C's 300).
    assert fills == [
        Fill(TRADER_D, POWER_A, D("50.20"), 100, 9, 1),
        Fill(TRADER_D, POWER_B, D("50.20"), 200, 9, 2),
        Fill(TRADER_D, POWER_C, D("50.50"), 150, 9, 3),
    ]
    assert remaining == 0


def test_continuous_each_trade_moves_the_last_price():
    incoming = order(9, TRADER_D, Side.BUY, "51.00", 400)
    fills, remaining = match_continuous(hubei_book(), incoming, last=None)
    # No last: middle of 51.00 and 50.00 = 50.50; then last 50.50 lies in [50.00, 51.00]:
    # 50.50; then bid 51.00, ask 50.50, last 50.50 → 50.50.
    assert [(f.price, f.quantity) for f in fills] == [
        (D("50.50"), 100), (D("50.50"), 200), (D("50.50"), 100)]
    assert remaining == 0


def test_continuous_returns_what_does_not_cross():
    incoming = order(9, TRADER_D, Side.BUY, "50.20", 500)
    fills, remaining = match_continuous(hubei_book(), incoming, last=D("49.80"))
    # Only the 50.00 level crosses; the ask is the Hubei price (last 49.80 is below it).
    assert [(f.seller, f.price, f.quantity) for f in fills] == [
        (POWER_A, D("50.00"), 100), (POWER_B, D("50.00"), 200)]
    assert remaining == 200


def test_continuous_sell_hits_the_bids_best_first():
    incoming = order(9, TRADER_D, Side.SELL, "48.50", 150)
    fills, remaining = match_continuous(hubei_book(), incoming, last=D("50.00"))
    # 1st: bid 49.00, ask 48.50, last 50.00 → 49.00; 2nd: bid 48.50, ask 48.50 → 48.50.
    assert fills == [
        Fill(POWER_A, TRADER_D, D("49.00"), 100, 4, 9),
        Fill(POWER_B, TRADER_D, D("48.50"), 50, 5, 9),
    ]
    assert remaining == 0


def test_continuous_order_that_crosses_nothing_rests_whole():
    incoming = order(9, TRADER_D, Side.SELL, "49.50", 70)
    assert match_continuous(hubei_book(), incoming, last=None) == ([], 70)


def test_continuous_order_that_would_reach_its_own_order_is_refused_whole():
    # B's buy at 51 would fill A's 100 at 50.00, then reach B's own ask: nothing trades.
    incoming = order(9, POWER_B, Side.BUY, "51.00", 150)
    with refused("own_order"):
        match_continuous(hubei_book(), incoming, last=None)


def test_continuous_order_filled_before_its_own_order_is_fine():
    # B's buy of 100 is filled by A's ask and never reaches B's own ask behind it.
    incoming = order(9, POWER_B, Side.BUY, "51.00", 100)
    fills, remaining = match_continuous(hubei_book(), incoming, last=None)
    assert [(f.seller, f.quantity) for f in fills] == [(POWER_A, 100)]
    assert remaining == 0


def test_continuous_own_order_that_does_not_cross_is_no_obstacle():
    # C's ask at 50.50 is not reached by a buy at 50.00.
    incoming = order(9, POWER_C, Side.BUY, "50.00", 500)
    fills, remaining = match_continuous(hubei_book(), incoming, last=None)
    assert sum(f.quantity for f in fills) == 300
    assert remaining == 200


# ---------------------------------------------------------------------------------------------
# Closing price
# ---------------------------------------------------------------------------------------------


def test_closing_price_is_the_volume_weighted_average_of_the_day():
    # (50.00 × 1,000 + 52.00 × 3,000) / 4,000 = 206,000 / 4,000 = 51.50.
    trades = [(D("50.00"), 1_000), (D("52.00"), 3_000)]
    assert closing_price(trades, previous=D("48.00")) == D("51.50")


def test_closing_price_rounds_half_up_to_the_tick():
    # (50.00 × 1 + 50.01 × 2) / 3 = 150.02 / 3 = 50.00666… → 50.01.
    assert closing_price([(D("50.00"), 1), (D("50.01"), 2)], D("1")) == D("50.01")
    # (50.00 × 3 + 50.01 × 1) / 4 = 50.0025 → 50.00.
    assert closing_price([(D("50.00"), 3), (D("50.01"), 1)], D("1")) == D("50.00")


def test_closing_price_without_trades_is_the_previous_close():
    assert closing_price([], previous=D("58.33")) == D("58.33")


# ---------------------------------------------------------------------------------------------
# Properties over random books
# ---------------------------------------------------------------------------------------------

PROPERTY = settings(max_examples=300, deadline=None, database=None)
ACCOUNTS = st.integers(1, 4)
CENTS = st.integers(4_800, 5_200)  # prices 48.00..52.00, so books cross often


@st.composite
def books(draw) -> Book:
    """A book of up to 20 orders at random prices, accounts, quantities and arrival."""
    specs = draw(st.lists(st.tuples(ACCOUNTS, st.sampled_from(Side), CENTS,
                                     st.integers(1, 500)), max_size=20))
    seqs = draw(st.permutations(range(len(specs))))
    return Book.of(
        Resting(order_id=index + 1, account=account, side=side, price=D(cents) / 100,
                remaining=quantity, seq=seq)
        for index, ((account, side, cents, quantity), seq)
        in enumerate(zip(specs, seqs, strict=True)))


@st.composite
def incomings(draw) -> Resting:
    """An incoming order, possibly from an account with orders on the book."""
    return Resting(order_id=1_000, account=draw(st.integers(1, 5)),
                   side=draw(st.sampled_from(Side)), price=D(draw(CENTS)) / 100,
                   remaining=draw(st.integers(1, 3_000)), seq=1_000)


def crosses(incoming: Resting, resting: Resting) -> bool:
    if incoming.side is Side.BUY:
        return resting.price <= incoming.price
    return resting.price >= incoming.price


@PROPERTY
@given(book=books(), incoming=incomings(),
       last=st.none() | CENTS.map(lambda cents: D(cents) / 100))
def test_continuous_matching_properties(book, incoming, last):
    other = book.side(incoming.side.other)
    try:
        fills, remaining = match_continuous(book, incoming, last)
    except RuleBroken as broken:
        # Refused only when, walking the book in priority, an own crossing order is reached
        # while something remains to fill.
        assert broken.rule == "own_order"
        left = incoming.remaining
        for resting in other:
            assert left > 0 and crosses(incoming, resting)
            if resting.account == incoming.account:
                break
            left -= min(left, resting.remaining)
        else:
            pytest.fail("refused without reaching an own order")
        return
    # Quantities add up, and no side gives more than it offers.
    assert remaining + sum(f.quantity for f in fills) == incoming.remaining
    assert 0 <= remaining <= incoming.remaining
    # Fills follow the book's priority: the k-th fill is with the k-th resting order, and every
    # resting order but the last one touched is filled whole.
    assert len(fills) <= len(other)
    for k, (fill, resting) in enumerate(zip(fills, other, strict=False)):
        resting_id = fill.sell_order if incoming.side is Side.BUY else fill.buy_order
        assert resting_id == resting.order_id
        assert 0 < fill.quantity <= resting.remaining
        if k < len(fills) - 1:
            assert fill.quantity == resting.remaining
        assert resting.account != incoming.account
        assert crosses(incoming, resting)
        # The price lies within the pair's [ask, bid], on the tick.
        bid, ask = ((incoming.price, resting.price) if incoming.side is Side.BUY
                    else (resting.price, incoming.price))
        assert ask <= fill.price <= bid
        assert fill.price % D("0.01") == 0
        if incoming.side is Side.BUY:
            assert (fill.buyer, fill.seller) == (incoming.account, resting.account)
        else:
            assert (fill.buyer, fill.seller) == (resting.account, incoming.account)
    # What remains could not trade: the next resting order does not cross (or none is left).
    if remaining:
        following = other[len(fills):]
        if fills and fills[-1].quantity < other[len(fills) - 1].remaining:
            pytest.fail("a remainder left while the last resting order still had some")
        assert not following or not crosses(incoming, following[0])


@PROPERTY
@given(book=books(), pick=st.integers(1, 20), taker=st.integers(1, 5),
       quantity=st.integers(1, 600))
def test_take_listed_only_fills_listings_within_the_best_five_levels(book, pick, taker,
                                                                     quantity):
    listing = next((o for o in book.bids + book.asks if o.order_id == pick), None)
    try:
        fill = take_listed(book, listing_id=pick, taker=taker, quantity=quantity)
    except RuleBroken as broken:
        if broken.rule == "not_in_top_levels":
            assert listing is None or listing.price not in {
                level.price for level in book.levels(listing.side)}
        elif broken.rule == "own_order":
            assert listing.account == taker
        else:
            assert broken.rule == "too_much"
            assert quantity > listing.remaining
        return
    assert listing is not None
    best_five = sorted({o.price for o in book.side(listing.side)},
                       reverse=listing.side is Side.BUY)[:5]
    assert listing.price in best_five
    assert fill.price == listing.price
    assert fill.quantity == quantity <= listing.remaining
    assert taker != listing.account
    if listing.side is Side.SELL:
        assert (fill.buyer, fill.seller, fill.sell_order) == (taker, listing.account, pick)
    else:
        assert (fill.buyer, fill.seller, fill.buy_order) == (listing.account, taker, pick)
