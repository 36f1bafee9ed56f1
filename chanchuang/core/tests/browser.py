"""Helpers of the browser tests (Playwright driving Debian's Chromium); the root conftest loads
this module as a plugin, so ``browser_world`` serves every app's browser tests."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect


@pytest.fixture
def browser_world(world, live_server):
    """The app's world behind a live server (mark the test ``django_db(transaction=True)``)."""
    return world


def log_in(page, live_server, username: str, password: str = "pw-for-tests-1") -> None:
    """Log in through the real login form (whoever was logged in before is logged out)."""
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")


def press(page, button: str, message: str) -> None:
    """Click the button named ``button`` and see ``message`` on the page that follows."""
    page.get_by_role("button", name=button).click()
    expect(page.get_by_text(message)).to_be_visible()
