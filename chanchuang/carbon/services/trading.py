"""Trading on the session's exchange: listings and their takers (national market), continuous
orders matched at the Hubei price, block proposals between named companies, and cancelling.

An order freezes what it could spend (buy: price × quantity in cash) or deliver (sell: the
allowances) until it fills, is cancelled or expires at the close; a trade moves the frozen
amounts to the counterparty in one balanced transfer. A broken rule is refused with the rule's
name (``rule_message``) and nothing changes."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from chanchuang.carbon import exchange
from chanchuang.carbon.choices import (
    Asset,
    MarketRules,
    Movement,
    OrderState,
    Side,
    TradingMode,
)
from chanchuang.carbon.models import Company, Order, Simulation, Trade
from chanchuang.carbon.services import ledger
from chanchuang.carbon.services.clock import open_market, reference_price, release
from chanchuang.carbon.services.sessions import locked
from chanchuang.carbon.simclock import Moment
from chanchuang.core.services import DomainError


def rule_message(error: exchange.RuleBroken) -> str:
    """What a broken trading rule says to the user, starting with the rule's name."""
    p = {k: (f"{v:,}" if isinstance(v, int) else v) for k, v in error.params.items()}
    messages = {
        "price_positive": lambda: _("Price: it must be above zero."),
        "tick": lambda: _("Minimum price tick: prices move in steps of ¥%(tick)s.") % p,
        "lot": lambda: _("Trading unit: quantities are whole tonnes, at least 1 t."),
        "band": lambda: _("Price band: today's prices lie between ¥%(low)s and ¥%(high)s.") % p,
        "listed_maximum": lambda: _("Listed agreement trading: a single order must be below "
                                    "%(minimum)s t; larger trades are block trades.") % p,
        "block_minimum": lambda: _("Block agreement trading: a block trade is at least "
                                   "%(minimum)s t.") % p,
        "not_in_top_levels": lambda: _("Listed agreement trading: pick a listing among the "
                                       "best %(depth)s price levels.") % p,
        "own_order": lambda: _("Self-trading: you cannot trade with your own order."),
        "too_much": lambda: _("Listed agreement trading: the listing offers only "
                              "%(remaining)s t.") % p,
    }
    return messages[error.rule]()


def rules_of(simulation: Simulation) -> exchange.Rules:
    """The exchange parameters of a session (the instructor may have changed the band)."""
    scenario = simulation.scenario
    return exchange.Rules(listed_band=simulation.listed_band, block_band=scenario.block_band,
                          block_minimum=scenario.block_minimum)


def _price(value) -> Decimal:
    try:
        price = Decimal(str(value))
    except (InvalidOperation, ValueError):
        price = None
    if price is None or not price.is_finite():  # "NaN" and "Infinity" parse, but compare badly
        raise DomainError(_("Price: give a number in yuan per tonne."), field="price")
    return price


def _check(simulation: Simulation, mode: TradingMode, price: Decimal, quantity: int) -> None:
    try:
        exchange.check_order(mode=exchange.Mode(mode), price=price, quantity=quantity,
                             reference=reference_price(simulation), rules=rules_of(simulation))
    except exchange.RuleBroken as error:
        raise DomainError(rule_message(error)) from None


def _freeze_for(simulation: Simulation, moment: Moment, order: Order) -> None:
    if order.side == Side.BUY:
        ledger.freeze(simulation, moment, order.company, Asset.CASH, order.price * order.quantity,
                      order)
    else:
        ledger.freeze(simulation, moment, order.company, Asset.CEA, order.quantity, order)


def settle(simulation: Simulation, moment: Moment, fill: exchange.Fill, mode: TradingMode,
           companies: dict[int, Company], orders: dict[int, Order]) -> Trade:
    """Record a fill as a trade and move what it exchanges: a buyer's resting order pays from
    its frozen cash (and gets back the difference to a better price), a taker from available
    cash; a seller's resting order delivers frozen allowances, a taker available ones."""
    buyer, seller = companies[fill.buyer], companies[fill.seller]
    buy_order = orders.get(fill.buy_order) if fill.buy_order else None
    sell_order = orders.get(fill.sell_order) if fill.sell_order else None
    trade = Trade.objects.create(
        simulation=simulation, mode=mode, buyer=buyer, seller=seller, buy_order=buy_order,
        sell_order=sell_order, price=fill.price, quantity=fill.quantity, day=moment.day,
        elapsed=moment.elapsed)
    value = fill.price * fill.quantity
    moves = [(seller, Asset.CASH, value, False), (buyer, Asset.CEA, fill.quantity, False)]
    if buy_order is not None:
        frozen = buy_order.price * fill.quantity
        moves += [(buyer, Asset.CASH, -frozen, True), (buyer, Asset.CASH, frozen - value, False)]
    else:
        moves.append((buyer, Asset.CASH, -value, False))
    moves.append((seller, Asset.CEA, -fill.quantity, sell_order is not None))
    ledger.post(simulation, Movement.TRADE, moment, moves, trade=trade)
    for order in (buy_order, sell_order):
        if order is not None:
            order.remaining -= fill.quantity
            order.state = OrderState.FILLED if order.remaining == 0 else OrderState.OPEN
            order.save(update_fields=["remaining", "state"])
    return trade


def open_book(simulation: Simulation) -> tuple[exchange.Book, dict[int, Order]]:
    """The session's book of open listings / continuous orders, and the orders by id."""
    orders = {o.pk: o for o in Order.objects.filter(
        simulation=simulation, state=OrderState.OPEN,
        mode__in=[TradingMode.LISTED, TradingMode.CONTINUOUS]).select_related("company")}
    book = exchange.Book.of(
        exchange.Resting(o.pk, o.company_id, exchange.Side(o.side), o.price, o.remaining, o.pk)
        for o in orders.values())
    return book, orders


def _side(value: str) -> Side:
    if value not in Side.values:
        raise DomainError(_("Side: buy or sell."), field="side")
    return Side(value)


def _mine(simulation: Simulation, company: Company) -> None:
    if company.simulation_id != simulation.pk:
        raise DomainError(_("This company trades in another session."))


def place_order(*, company: Company, side: str, price, quantity: int) -> Order:
    """Place an order in the session's mode: a listing on the national market's book, or a
    continuous order that trades at once as far as it crosses (Hubei)."""
    price, side = _price(price), _side(side)
    with locked(company.simulation_id) as simulation:
        _mine(simulation, company)
        moment = open_market(simulation)
        continuous = simulation.scenario.market_rules == MarketRules.HUBEI
        mode = TradingMode.CONTINUOUS if continuous else TradingMode.LISTED
        _check(simulation, mode, price, quantity)
        order = Order.objects.create(
            simulation=simulation, company=company, mode=mode, side=Side(side), price=price,
            quantity=quantity, remaining=quantity, day=moment.day, elapsed=moment.elapsed)
        _freeze_for(simulation, moment, order)
        if continuous:
            _match(simulation, moment, order)
        return order


def _match(simulation: Simulation, moment: Moment, order: Order) -> None:
    book, orders = open_book(simulation)
    book.side(exchange.Side(order.side)).remove(next(
        r for r in book.side(exchange.Side(order.side)) if r.order_id == order.pk))
    incoming = exchange.Resting(order.pk, order.company_id, exchange.Side(order.side),
                                order.price, order.remaining, order.pk)
    last = Trade.objects.filter(simulation=simulation).order_by("-pk").values_list(
        "price", flat=True).first()
    try:
        fills, _remaining = exchange.match_continuous(book, incoming, last)
    except exchange.RuleBroken as error:
        raise DomainError(rule_message(error)) from None
    orders[order.pk] = order
    companies = {o.company_id: o.company for o in orders.values()}
    for fill in fills:
        settle(simulation, moment, fill, TradingMode.CONTINUOUS, companies, orders)


def take(*, company: Company, listing_id: int, quantity: int) -> Trade:
    """Take (摘牌) ``quantity`` of a listing among the best five levels of the other side, at
    the listing's price."""
    with locked(company.simulation_id) as simulation:
        _mine(simulation, company)
        moment = open_market(simulation)
        if simulation.scenario.market_rules != MarketRules.NATIONAL:
            raise DomainError(_("Listed agreement trading: this session trades continuously."))
        book, orders = open_book(simulation)
        try:
            fill = exchange.take_listed(book, listing_id=listing_id, taker=company.pk,
                                        quantity=quantity, rules=rules_of(simulation))
        except exchange.RuleBroken as error:
            raise DomainError(rule_message(error)) from None
        companies = {o.company_id: o.company for o in orders.values()}
        companies[company.pk] = company
        return settle(simulation, moment, fill, TradingMode.LISTED, companies, orders)


def cancel(*, order: Order) -> Order:
    """Withdraw an open order; what it froze is released."""
    with locked(order.simulation_id) as simulation:
        moment = open_market(simulation)
        order.refresh_from_db()
        if order.state != OrderState.OPEN:
            raise DomainError(_("This order is no longer open."))
        release(simulation, order, moment, OrderState.CANCELLED)
        return order


def propose_block(*, company: Company, counterparty: Company, side: str, price,
                  quantity: int) -> Order:
    """Propose a block agreement trade (大宗协议) to a named company; what it needs is frozen
    until the counterparty answers or the day closes."""
    price, side = _price(price), _side(side)
    with locked(company.simulation_id) as simulation:
        _mine(simulation, company)
        _mine(simulation, counterparty)
        moment = open_market(simulation)
        if simulation.scenario.market_rules != MarketRules.NATIONAL:
            raise DomainError(_("Block agreement trading: this session trades continuously."))
        if counterparty.pk == company.pk:
            raise DomainError(rule_message(exchange.RuleBroken("own_order")))
        _check(simulation, TradingMode.BLOCK, price, quantity)
        order = Order.objects.create(
            simulation=simulation, company=company, mode=TradingMode.BLOCK, side=Side(side),
            price=price, quantity=quantity, remaining=quantity, counterparty=counterparty,
            day=moment.day, elapsed=moment.elapsed)
        _freeze_for(simulation, moment, order)
        return order


def answer_block(*, company: Company, order: Order, accept: bool) -> Trade | None:
    """The named counterparty accepts a block proposal (it trades whole, at its price) or
    declines it (the proposer's freeze is released)."""
    with locked(order.simulation_id) as simulation:
        moment = open_market(simulation)
        order.refresh_from_db()
        if order.counterparty_id != company.pk or order.mode != TradingMode.BLOCK:
            raise DomainError(_("This block proposal is not addressed to your company."))
        if order.state != OrderState.OPEN:
            raise DomainError(_("This block proposal is no longer open."))
        if not accept:
            release(simulation, order, moment, OrderState.DECLINED)
            return None
        _check(simulation, TradingMode.BLOCK, order.price, order.quantity)
        proposer = order.company
        if order.side == Side.SELL:
            fill = exchange.Fill(company.pk, proposer.pk, order.price, order.remaining,
                                 None, order.pk)
        else:
            fill = exchange.Fill(proposer.pk, company.pk, order.price, order.remaining,
                                 order.pk, None)
        return settle(simulation, moment, fill, TradingMode.BLOCK,
                      {company.pk: company, proposer.pk: proposer}, {order.pk: order})
