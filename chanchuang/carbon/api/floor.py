"""API of the carbon floor: sessions, the clock, the book, the tape, a participant's balances
and orders, placing and cancelling orders. Everything starts from ``visible_to``: a session
out of sight answers 404; the book and the tape never name whose orders or trades they are;
balances and orders are only the caller's own company's."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.pagination import PageNumberPagination, paginate

from chanchuang.carbon.models import Order, Participant, Simulation
from chanchuang.carbon.queries import floor
from chanchuang.carbon.queries.sessions import session_rows
from chanchuang.carbon.services import trading
from chanchuang.core.services import DomainError

router = Router(tags=["carbon"])


class CarbonSimulationOut(Schema):
    """A session: its name, state, market rules and join code (instructors only)."""

    id: int
    name: str
    state: str
    market_rules: str
    school_class: str
    company_count: int
    participant_count: int
    created_at: dt.datetime

    @staticmethod
    def resolve_market_rules(obj) -> str:
        return obj.scenario.market_rules

    @staticmethod
    def resolve_school_class(obj) -> str:
        return obj.school_class.name if obj.school_class else ""


class CarbonClockOut(Schema):
    """The session's clock: state, running time, simulated year, day and time."""

    state: str
    running: bool
    elapsed: float
    total_seconds: int
    day: int
    year: int
    day_in_year: int
    month: int
    time: str
    finished: bool


class CarbonLevelOut(Schema):
    price: Decimal
    quantity: int
    orders: int


class CarbonListingOut(Schema):
    id: int
    price: Decimal
    remaining: int
    mine: bool


class CarbonBookOut(Schema):
    """The book's five levels per side and the listings on them (never whose they are)."""

    reference: Decimal
    band: list[Decimal]
    last: Decimal | None
    bids: list[CarbonLevelOut]
    asks: list[CarbonLevelOut]
    buy_listings: list[CarbonListingOut]
    sell_listings: list[CarbonListingOut]


class CarbonTradeOut(Schema):
    """A trade on the tape: day, time, price, quantity and mode (no parties)."""

    day: int
    time: str
    price: Decimal
    quantity: int
    mode: str


class CarbonBalancesOut(Schema):
    """The caller's company: allowances, offsets and cash, available and frozen."""

    company: str
    cea: int
    cea_frozen: int
    ccer: int
    cash: Decimal
    cash_frozen: Decimal


class CarbonOrderOut(Schema):
    id: int
    mode: str
    side: str
    price: Decimal
    quantity: int
    remaining: int
    state: str
    day: int


class CarbonOrderIn(Schema):
    """An order in the session's mode: side (buy/sell), price (yuan/t), quantity (t)."""

    side: str
    price: Decimal
    quantity: int


def _session(request: HttpRequest, simulation_id: int) -> Simulation:
    simulation = get_object_or_404(session_rows(request.user).select_related(
        "scenario", "school_class"), pk=simulation_id)
    if not request.user.has_perm("carbon.view_simulation", simulation):
        raise PermissionDenied
    return simulation


def _company(request: HttpRequest, simulation: Simulation):
    participant = Participant.objects.filter(simulation=simulation, user=request.user,
                                             company__isnull=False).select_related(
        "company").first()
    if participant is None:
        raise DomainError(_("You run no company in this session."))
    return participant.company


@router.get("/carbon/simulations", response=list[CarbonSimulationOut])
@paginate(PageNumberPagination, page_size=50)
def list_simulations(request: HttpRequest):
    if not request.user.has_perm("carbon.list_simulations"):
        raise PermissionDenied
    return session_rows(request.user).select_related("scenario", "school_class")


@router.get("/carbon/simulations/{simulation_id}", response=CarbonSimulationOut)
def get_simulation(request: HttpRequest, simulation_id: int):
    return _session(request, simulation_id)


@router.get("/carbon/simulations/{simulation_id}/clock", response=CarbonClockOut)
def get_clock(request: HttpRequest, simulation_id: int):
    return floor.clock_state(_session(request, simulation_id))


@router.get("/carbon/simulations/{simulation_id}/book", response=CarbonBookOut)
def get_book(request: HttpRequest, simulation_id: int):
    simulation = _session(request, simulation_id)
    own = Participant.objects.filter(simulation=simulation, user=request.user).values_list(
        "company_id", flat=True).first()
    market = floor.for_viewer(floor.market_state(simulation), own)
    return {"reference": market["reference"], "band": market["band"], "last": market["last"],
            "bids": market["book"]["buy"], "asks": market["book"]["sell"],
            "buy_listings": market["listings"]["buy"],
            "sell_listings": market["listings"]["sell"]}


@router.get("/carbon/simulations/{simulation_id}/trades", response=list[CarbonTradeOut])
def get_tape(request: HttpRequest, simulation_id: int):
    return floor.tape(_session(request, simulation_id))


@router.get("/carbon/simulations/{simulation_id}/balances", response=CarbonBalancesOut)
def get_balances(request: HttpRequest, simulation_id: int):
    simulation = _session(request, simulation_id)
    company = _company(request, simulation)
    held = floor.balances([company])[company.pk]
    return {"company": company.name, "cea": held.cea, "cea_frozen": held.cea_frozen,
            "ccer": held.ccer, "cash": held.cash, "cash_frozen": held.cash_frozen}


@router.get("/carbon/simulations/{simulation_id}/orders", response=list[CarbonOrderOut])
@paginate(PageNumberPagination, page_size=100)
def list_orders(request: HttpRequest, simulation_id: int):
    simulation = _session(request, simulation_id)
    company = _company(request, simulation)
    return Order.objects.visible_to(request.user).filter(simulation=simulation,
                                                          company=company).order_by("-pk")


@router.post("/carbon/simulations/{simulation_id}/orders", response={201: CarbonOrderOut})
def place_order(request: HttpRequest, simulation_id: int, data: CarbonOrderIn):
    simulation = _session(request, simulation_id)
    if not request.user.has_perm("carbon.trade", simulation):
        raise PermissionDenied
    order = trading.place_order(company=_company(request, simulation), side=data.side,
                                price=data.price, quantity=data.quantity)
    order.refresh_from_db()
    return 201, order


@router.post("/carbon/orders/{order_id}/cancel", response=CarbonOrderOut)
def cancel_order(request: HttpRequest, order_id: int):
    order = get_object_or_404(Order.objects.visible_to(request.user).select_related(
        "simulation"), pk=order_id)
    if not request.user.has_perm("carbon.trade", order.simulation) or not \
            Participant.objects.filter(company_id=order.company_id, user=request.user).exists():
        raise PermissionDenied
    return trading.cancel(order=order)
