"""The dashboard in a real browser: staff open it, see the agreements in force with last
year's figure, follow the number to the agreement list and find the agreements behind it;
the charts draw without a script error (the Content-Security-Policy allows them)."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from chanchuang.core.tests.browser import log_in
from chanchuang.partners.choices import AgreementStatus
from chanchuang.partners.tests import factories as paf

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_staff_drill_down_from_a_kpi_card_to_its_agreements(page, browser_world, live_server):
    world = browser_world
    kind = paf.agreement_type(world.school)
    paf.agreement(school=world.school, organisation=world.enterprise_a, type=kind,
                  number="HZ-2026-01")
    paf.agreement(school=world.school, organisation=world.enterprise_b, type=kind,
                  number="HZ-2026-02")
    paf.agreement(school=world.school, organisation=world.enterprise_b, type=kind,
                  number="HZ-2025-09", status=AgreementStatus.EXPIRED,
                  start=dt.date(2024, 1, 1), end=dt.date(2025, 12, 31))
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    log_in(page, live_server, "staff_wang")
    page.goto(f"{live_server.url}/insights/")
    card = page.locator("[data-kpi=active_agreements]")
    expect(card.locator("[data-value]")).to_have_text("2")
    expect(card.locator("[data-previous]")).to_have_text("1")
    expect(card.locator("[data-change]")).to_contain_text("▲")
    expect(page.locator("[data-breakdown=partners_by_industry] canvas")).not_to_have_count(0)

    card.locator("[data-value] a").click()
    expect(page).to_have_url(f"{live_server.url}/agreements/?in_force=true")
    expect(page.get_by_text("HZ-2026-01")).to_be_visible()
    expect(page.get_by_text("HZ-2026-02")).to_be_visible()
    expect(page.get_by_text("HZ-2025-09")).to_have_count(0)
    assert not errors, errors
