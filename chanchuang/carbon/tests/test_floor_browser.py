"""Two students trade through the live floor in real browsers while the instructor watches the
console: a listing appears on the other student's floor without a reload, the taker trades at
the listing's price, and the trade reaches the instructor's console — all over the WebSocket,
within a second or two."""

import pytest
from playwright.sync_api import expect

from chanchuang.carbon.services import sessions
from chanchuang.carbon.tests.asgi_server import asgi_live_server  # noqa: F401  (fixture)
from chanchuang.core.tests.browser import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_two_students_trade_and_the_instructor_sees_it(browser, world, asgi_live_server):  # noqa: F811
    server = asgi_live_server
    simulation = world.simulation
    sessions.join(user=world.student_liu.user, code=simulation.join_code)
    sessions.join(user=world.student_ma.user, code=simulation.join_code)
    sessions.start(actor=world.staff_wang, simulation=simulation)
    errors = []
    pages = {}
    for name in ("student_liu", "student_ma", "staff_wang"):
        page = browser.new_context().new_page()
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        log_in(page, server, name)
        page.wait_for_url(lambda url: "/accounts/login/" not in url)  # the login went through
        where = "console" if name == "staff_wang" else "floor"
        page.goto(f"{server.url}/carbon/{simulation.pk}/" + ("" if where == "console"
                                                              else "floor/"))
        expect(page.locator("[data-live=connection]")).to_have_class(
            "live-connection is-live", timeout=10_000)
        pages[name] = page

    seller = pages["student_ma"]
    seller.select_option("form[action$='/orders/'] select[name=side]", "sell")
    seller.fill("form[action$='/orders/'] input[name=price]", "50.20")
    seller.fill("form[action$='/orders/'] input[name=quantity]", "1000")
    seller.click("form[action$='/orders/'] button[type=submit]")
    expect(seller.locator("[data-live=notice]")).to_be_visible()

    buyer = pages["student_liu"]
    listing = buyer.locator("[data-live=listings] option", has_text="50.20")
    expect(listing).to_have_count(1, timeout=5_000)
    buyer.select_option("[data-live=listings]", listing.get_attribute("value"))
    buyer.fill("#carbon-take input[name=quantity]", "600")
    buyer.click("#carbon-take button[type=submit]")
    expect(buyer.locator("[data-live=notice]")).to_contain_text("50.20")
    expect(buyer.locator("[data-live=last]")).to_have_text("50.20", timeout=5_000)

    console = pages["staff_wang"]
    expect(console.locator("[data-live=tape]")).to_contain_text("50.20", timeout=5_000)
    expect(console.locator("[data-live=last]")).to_have_text("50.20")
    expect(seller.locator("[data-live=orders]")).to_contain_text("400 / 1,000")
    assert errors == []
