"""The floor and the console through the browser's routes: who gets which page, an order
placed and refused with the rule's name and nothing written, a take, cancelling, a block
proposal answered, and the live socket sending each viewer only what they may see."""

from __future__ import annotations

import json

import pytest
from asgiref.testing import ApplicationCommunicator
from channels.routing import URLRouter
from django.urls import reverse

from chanchuang.carbon.choices import OrderState, Side
from chanchuang.carbon.models import Order, Trade
from chanchuang.carbon.routing import websocket_urlpatterns
from chanchuang.carbon.services import ledger, sessions, trading
from chanchuang.carbon.tests.asgi_server import run_async

pytestmark = pytest.mark.django_db
JSON = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture
def running(world):
    """A started session: student_liu's company, a compliance bot, then start."""
    company, bot = world.company_liu, world.bot_company
    simulation = sessions.start(actor=world.staff_wang, simulation=world.simulation)
    return simulation, company, bot


def test_a_participant_gets_the_floor_and_an_instructor_the_console(client, world, running):
    simulation, company, _bot = running
    client.force_login(world.student_liu.user)
    page = client.get(reverse("carbon:floor", args=[simulation.pk]))
    assert page.status_code == 200 and company.name in page.content.decode()
    assert client.get(reverse("carbon:console", args=[simulation.pk])).url == reverse(
        "carbon:floor", args=[simulation.pk])
    client.force_login(world.staff_wang)
    console = client.get(reverse("carbon:console", args=[simulation.pk]))
    assert console.status_code == 200 and simulation.join_code in console.content.decode()
    assert client.get(reverse("carbon:floor", args=[simulation.pk])).url == reverse(
        "carbon:console", args=[simulation.pk])
    assert client.get(reverse("carbon:qr", args=[simulation.pk]))["Content-Type"] == \
        "image/svg+xml"


def test_other_schools_and_classmates_outside_the_session_get_404(client, world, running):
    simulation = running[0]
    for user in (world.staff_far, world.student_ma.user, world.hr_li):
        client.force_login(user)
        for name in ("carbon:floor", "carbon:console", "carbon:state"):
            assert client.get(reverse(name, args=[simulation.pk])).status_code == 404


def test_an_order_in_the_band_rests_on_the_book(client, world, running):
    simulation, company, _bot = running
    client.force_login(world.student_liu.user)
    answer = client.post(reverse("carbon:order", args=[simulation.pk]),
                         {"side": "buy", "price": "49.50", "quantity": "2000"}, **JSON)
    assert answer.status_code == 200 and answer.json()["ok"]
    order = Order.objects.get(company=company)
    assert (order.price, order.remaining, order.state) == (49.5, 2000, OrderState.OPEN)


@pytest.mark.parametrize(("price", "quantity", "rule"), [
    ("60.00", "100", "涨跌幅限制："),  # outside the ±10 % band
    ("50.001", "100", "最小价格变动单位："),  # off the tick
    ("50.00", "100000", "挂牌协议交易："),  # at the block threshold, in listed mode
    ("50.00", "0", "交易单位："),  # below the lot
])
def test_a_bad_order_is_refused_with_the_rules_name_and_writes_nothing(
        client, world, running, price, quantity, rule):
    simulation, company, _bot = running
    client.force_login(world.student_liu.user)
    before = ledger.balances([company])[company.pk].amounts
    answer = client.post(reverse("carbon:order", args=[simulation.pk]),
                         {"side": "buy", "price": price, "quantity": quantity}, **JSON)
    assert answer.status_code == 400 and answer.json()["message"].startswith(rule)
    assert not Order.objects.filter(company=company).exists()
    assert ledger.balances([company])[company.pk].amounts == before


def test_an_order_after_the_session_stops_is_refused_and_writes_nothing(client, world,
                                                                         running):
    simulation, company, _bot = running
    sessions.pause(actor=world.staff_wang, simulation=simulation)
    client.force_login(world.student_liu.user)
    answer = client.post(reverse("carbon:order", args=[simulation.pk]),
                         {"side": "buy", "price": "50.00", "quantity": "10"}, **JSON)
    assert answer.status_code == 400 and answer.json()["message"].startswith("交易时间：")
    assert not Order.objects.filter(company=company).exists()


def test_take_cancel_and_block_through_the_floor(client, world, running):
    simulation, company, bot = running
    listing = trading.place_order(company=bot, side=Side.SELL, price="50.10", quantity=3_000)
    client.force_login(world.student_liu.user)
    taken = client.post(reverse("carbon:take", args=[simulation.pk]),
                        {"listing": listing.pk, "quantity": "1000"}, **JSON)
    assert taken.json()["ok"], taken.json()
    assert Trade.objects.get(simulation=simulation).buyer_id == company.pk
    # student_liu cannot cancel the bot's listing: it is not on their company's book
    refused = client.post(reverse("carbon:cancel", args=[simulation.pk, listing.pk]), **JSON)
    assert refused.status_code == 400
    listing.refresh_from_db()
    assert listing.state == OrderState.OPEN
    mine = trading.place_order(company=company, side=Side.SELL, price="50.50", quantity=500)
    assert client.post(reverse("carbon:cancel", args=[simulation.pk, mine.pk]),
                       **JSON).json()["ok"]
    proposal = trading.propose_block(company=bot, counterparty=company, side=Side.SELL,
                                     price="52.00", quantity=100_000)
    answered = client.post(reverse("carbon:block_answer", args=[simulation.pk, proposal.pk]),
                           {"accept": "yes"}, **JSON)
    assert answered.json()["ok"], answered.json()
    block = Trade.objects.get(simulation=simulation, mode="block")
    assert (block.quantity, block.price) == (100_000, 52)


def test_an_instructor_cannot_trade_and_a_student_cannot_run_the_clock(client, world,
                                                                        running):
    simulation = running[0]
    client.force_login(world.staff_wang)
    assert client.post(reverse("carbon:order", args=[simulation.pk]),
                       {"side": "buy", "price": "50", "quantity": "1"}).status_code == 403
    client.force_login(world.student_liu.user)
    assert client.post(reverse("carbon:pause", args=[simulation.pk])).status_code == 403


class Socket(ApplicationCommunicator):
    """A browser's WebSocket to the floor, logged in as ``user`` (channels' own communicator
    needs daphne, which the app does not use)."""

    def __init__(self, user, simulation_id: int) -> None:
        path = f"/ws/carbon/{simulation_id}/"
        super().__init__(URLRouter(websocket_urlpatterns), {
            "type": "websocket", "path": path, "raw_path": path.encode(), "headers": [],
            "query_string": b"", "subprotocols": [], "user": user})

    async def connect(self) -> bool:
        await self.send_input({"type": "websocket.connect"})
        return (await self.receive_output(5))["type"] == "websocket.accept"

    async def receive_json_from(self, timeout: float = 5) -> dict:
        message = await self.receive_output(timeout)
        assert message["type"] == "websocket.send", message
        return json.loads(message["text"])

    async def disconnect(self) -> None:
        await self.send_input({"type": "websocket.disconnect", "code": 1000})
        await self.wait(1)


def _socket(user, simulation_id):
    return Socket(user, simulation_id)


@pytest.mark.django_db(transaction=True)
def test_the_socket_pushes_each_viewer_their_own_state(world):
    company, bot = world.company_liu, world.bot_company
    simulation = sessions.start(actor=world.staff_wang, simulation=world.simulation)
    student, staff, far = world.student_liu.user, world.staff_wang, world.staff_far

    async def scenario():
        floor = _socket(student, simulation.pk)
        assert await floor.connect()
        state = await floor.receive_json_from(timeout=5)
        assert state["company"]["name"] == company.name and "companies" not in state
        console = _socket(staff, simulation.pk)
        assert await console.connect()
        first = await console.receive_json_from(timeout=5)
        assert "company" not in first and len(first["companies"]) == 2
        from channels.db import database_sync_to_async

        await database_sync_to_async(trading.place_order)(
            company=bot, side=Side.SELL, price="50.30", quantity=700)
        pushed = await floor.receive_json_from(timeout=5)
        listing = pushed["listings"]["sell"][0]
        assert listing["price"] == "50.30" and listing["mine"] is False
        assert "company" not in listing and str(bot.pk) not in json.dumps(pushed["listings"])
        outsider = _socket(far, simulation.pk)
        assert not await outsider.connect()
        await floor.disconnect()
        await console.disconnect()

    run_async(scenario)
