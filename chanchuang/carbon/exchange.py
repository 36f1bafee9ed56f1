"""The exchange's trading rules as a pure kernel: no Django, nothing of ours.

It knows three trading modes (DOMAIN.md, "Carbon market"):

- **listed agreement trading** (挂牌协议交易), as the national exchange runs it: an order is a
  listing that rests on the book; a taker picks one listing among the other side's best five
  price levels and trades at that listing's price, in part or in full. Price band ±10 % of the
  previous close; a single order below 100,000 t. The day's closing price is the volume-weighted
  average of the day's listed trades.
- **block agreement trading** (大宗协议交易): ≥ 100,000 t, band ±30 %, negotiated between two
  named parties; no book.
- **continuous trading with the Hubei pilot's price rule**: an incoming order crosses the resting
  orders of the other side in price–time priority, and each trade is at the middle (median) of
  the bid, the ask and the last price.

Prices are ``Decimal`` yuan per tonne on a tick of ¥0.01; quantities are whole tonnes (lot 1 t).
A broken rule raises ``RuleBroken`` carrying the rule's code; the caller words it for the user.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from enum import StrEnum

TICK = Decimal("0.01")


class Side(StrEnum):
    """Which side of the book an order is on."""

    BUY = "buy"
    SELL = "sell"

    @property
    def other(self) -> Side:
        return Side.SELL if self is Side.BUY else Side.BUY


class Mode(StrEnum):
    """The trading mode an order is placed in."""

    LISTED = "listed"
    BLOCK = "block"
    CONTINUOUS = "continuous"


@dataclass(frozen=True)
class Rules:
    """The exchange's parameters; the defaults are the national market's."""

    tick: Decimal = TICK
    lot: int = 1
    listed_band: Decimal = Decimal("0.10")
    block_band: Decimal = Decimal("0.30")
    block_minimum: int = 100_000  # block orders are at least this; listed orders are below it
    depth: int = 5  # price levels a taker may choose among, and levels shown


class RuleBroken(Exception):
    """An order or a take breaks a trading rule; ``rule`` names it (see ``RULES``)."""

    def __init__(self, rule: str, **params) -> None:
        super().__init__(rule)
        self.rule = rule
        self.params = params


#: The codes ``RuleBroken`` carries, with what each rule says (English; the app translates).
RULES = {
    "price_positive": "The price must be above zero.",
    "tick": "Prices move in steps of the tick.",
    "lot": "Quantities are whole lots.",
    "band": "The price lies outside the day's price band.",
    "listed_maximum": "A listed order must be below the block-trade threshold.",
    "block_minimum": "A block trade must be at least the block-trade threshold.",
    "not_in_top_levels": "A taker may only pick a listing among the best price levels.",
    "own_order": "Nobody trades with their own order.",
    "too_much": "The quantity exceeds what the listing still offers.",
}


def round_to_tick(price: Decimal, tick: Decimal = TICK) -> Decimal:
    """The price rounded half up to the tick."""
    return (price / tick).quantize(Decimal(1), rounding=ROUND_HALF_UP) * tick


def band(reference: Decimal, width: Decimal, tick: Decimal = TICK) -> tuple[Decimal, Decimal]:
    """The lowest and highest admissible price: reference ∓ width, inside the band on the tick."""
    low = (reference * (1 - width) / tick).quantize(Decimal(1), rounding=ROUND_CEILING) * tick
    high = (reference * (1 + width) / tick).quantize(Decimal(1), rounding=ROUND_FLOOR) * tick
    return max(low, tick), high


def check_order(*, mode: Mode, price: Decimal, quantity: int, reference: Decimal,
                rules: Rules = Rules()) -> None:
    """Refuse an order that breaks a rule of its mode (``RuleBroken``); silent when it is fine."""
    if price <= 0:
        raise RuleBroken("price_positive")
    if price % rules.tick:
        raise RuleBroken("tick", tick=rules.tick)
    if quantity <= 0 or quantity % rules.lot:
        raise RuleBroken("lot", lot=rules.lot)
    width = rules.block_band if mode is Mode.BLOCK else rules.listed_band
    low, high = band(reference, width, rules.tick)
    if not low <= price <= high:
        raise RuleBroken("band", low=low, high=high)
    if mode is Mode.BLOCK and quantity < rules.block_minimum:
        raise RuleBroken("block_minimum", minimum=rules.block_minimum)
    if mode is Mode.LISTED and quantity >= rules.block_minimum:
        raise RuleBroken("listed_maximum", minimum=rules.block_minimum)


@dataclass(frozen=True)
class Resting:
    """An order on the book: ``seq`` orders arrival (time priority)."""

    order_id: int
    account: int
    side: Side
    price: Decimal
    remaining: int
    seq: int


@dataclass(frozen=True)
class Level:
    """One price level of one side: its price, total quantity and number of orders."""

    price: Decimal
    quantity: int
    orders: int


@dataclass(frozen=True)
class Fill:
    """A trade: who bought from whom, at what price, how much, and the orders it filled."""

    buyer: int
    seller: int
    price: Decimal
    quantity: int
    buy_order: int | None
    sell_order: int | None


@dataclass
class Book:
    """The resting orders of both sides, best first (price, then arrival)."""

    bids: list[Resting] = field(default_factory=list)
    asks: list[Resting] = field(default_factory=list)

    @classmethod
    def of(cls, orders: Iterable[Resting]) -> Book:
        book = cls()
        for order in orders:
            book.add(order)
        return book

    def add(self, order: Resting) -> None:
        """Put an order on its side in priority order."""
        side = self.side(order.side)
        side.append(order)
        side.sort(key=_priority(order.side))

    def side(self, side: Side) -> list[Resting]:
        return self.bids if side is Side.BUY else self.asks

    def levels(self, side: Side, depth: int = Rules.depth) -> list[Level]:
        """The best ``depth`` price levels of a side, aggregated."""
        levels: list[Level] = []
        for order in self.side(side):
            if levels and levels[-1].price == order.price:
                last = levels[-1]
                levels[-1] = Level(last.price, last.quantity + order.remaining, last.orders + 1)
            elif len(levels) == depth:
                break
            else:
                levels.append(Level(order.price, order.remaining, 1))
        return levels

    def best(self, side: Side) -> Decimal | None:
        orders = self.side(side)
        return orders[0].price if orders else None


def _priority(side: Side):
    if side is Side.BUY:
        return lambda o: (-o.price, o.seq)
    return lambda o: (o.price, o.seq)


def take_listed(book: Book, *, listing_id: int, taker: int, quantity: int,
                rules: Rules = Rules()) -> Fill:
    """A taker trades ``quantity`` with one listing, at the listing's price.

    The listing must lie within the best ``rules.depth`` price levels of its side; the taker
    may not be its owner and may take at most what it still offers. The book is not changed:
    the caller records the fill and reduces the listing.
    """
    if quantity <= 0 or quantity % rules.lot:
        raise RuleBroken("lot", lot=rules.lot)
    for side in (Side.SELL, Side.BUY):
        prices = [level.price for level in book.levels(side, rules.depth)]
        for order in book.side(side):
            if order.order_id != listing_id:
                continue
            if order.price not in prices:
                raise RuleBroken("not_in_top_levels", depth=rules.depth)
            if order.account == taker:
                raise RuleBroken("own_order")
            if quantity > order.remaining:
                raise RuleBroken("too_much", remaining=order.remaining)
            if side is Side.SELL:
                return Fill(taker, order.account, order.price, quantity, None, order.order_id)
            return Fill(order.account, taker, order.price, quantity, order.order_id, None)
    raise RuleBroken("not_in_top_levels", depth=rules.depth)


def hubei_price(bid: Decimal, ask: Decimal, last: Decimal | None,
                tick: Decimal = TICK) -> Decimal:
    """The Hubei pilot's trade price: the middle of bid, ask and last price (the median of the
    three), on the tick; with no last price, the middle of bid and ask."""
    if last is None:
        return round_to_tick((bid + ask) / 2, tick)
    return round_to_tick(sorted((bid, ask, last))[1], tick)


def match_continuous(book: Book, incoming: Resting, last: Decimal | None,
                     tick: Decimal = TICK) -> tuple[list[Fill], int]:
    """Cross an incoming order with the other side, best first, each trade at the Hubei price.
    Returns the fills and what remains of the incoming order (the caller rests it on the book).
    An order that would reach one of the account's own orders is refused whole ("own_order").
    The book is not changed."""
    fills: list[Fill] = []
    remaining = incoming.remaining
    for resting in book.side(incoming.side.other):
        if remaining == 0:
            break
        crosses = (resting.price <= incoming.price if incoming.side is Side.BUY
                   else resting.price >= incoming.price)
        if not crosses:
            break
        if resting.account == incoming.account:
            raise RuleBroken("own_order")
        quantity = min(remaining, resting.remaining)
        if incoming.side is Side.BUY:
            price = hubei_price(incoming.price, resting.price, last, tick)
            fill = Fill(incoming.account, resting.account, price, quantity,
                        incoming.order_id, resting.order_id)
        else:
            price = hubei_price(resting.price, incoming.price, last, tick)
            fill = Fill(resting.account, incoming.account, price, quantity,
                        resting.order_id, incoming.order_id)
        fills.append(fill)
        last = price
        remaining -= quantity
    return fills, remaining


def closing_price(trades: Iterable[tuple[Decimal, int]], previous: Decimal,
                  tick: Decimal = TICK) -> Decimal:
    """The day's closing price: the volume-weighted average of its listed trades (price,
    quantity), on the tick; the previous close when there were none."""
    value = Decimal(0)
    volume = 0
    for price, quantity in trades:
        value += price * quantity
        volume += quantity
    return round_to_tick(value / volume, tick) if volume else previous
