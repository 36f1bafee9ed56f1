"""Main flows in a real browser (Debian's Chromium through Playwright)."""

import pytest
from playwright.sync_api import expect

from chanchuang.core.tests import factories as f
from conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_staff_finds_a_student_by_pinyin(page, browser_world, live_server):
    world = browser_world
    f.StudentFactory(school_class=world.school_class, student_no="2025100777",
                     user=f.UserFactory(username="zs", real_name="张三"))
    log_in(page, live_server, "staff_wang")
    expect(page.get_by_role("heading", name="王凯，您好")).to_be_visible()

    page.get_by_role("link", name="学生", exact=True).click()
    expect(page.get_by_role("heading", name="学生")).to_be_visible()
    page.get_by_label("搜索").fill("zs")  # htmx filters as you type
    table = page.locator("#object-table")
    expect(table.get_by_role("link", name="张三")).to_be_visible()
    expect(table.get_by_text("刘欣怡")).to_have_count(0)
    assert "q=zs" in page.url  # the filter is in the address, so it survives a reload

    table.get_by_role("link", name="张三").click()
    expect(page.get_by_role("heading", name="张三")).to_be_visible()
    expect(page.get_by_text("2025100777").first).to_be_visible()


def test_the_layout_works_on_a_phone(page, browser_world, live_server):
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, live_server, "staff_wang")
    sidebar_link = page.get_by_role("link", name="学生", exact=True)
    expect(sidebar_link).to_be_hidden()  # folded away behind the menu button
    page.get_by_role("button", name="菜单").click()
    sidebar_link.click()
    expect(page.get_by_role("heading", name="学生")).to_be_visible()
