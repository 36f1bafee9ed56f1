"""No dead ends: each role opens every menu entry and every page linked from those, then every
link of the first detail page behind each list; nothing it is shown answers 403, 404 or 500.
(Here, in the top app, because the walk crosses every app's pages.)"""

from __future__ import annotations

import re
from html import unescape

import pytest

from chanchuang.core.navigation import menu_for

PEOPLE = ["admin", "staff_wang", "dept_zhou", "hr_li", "hr_zhao", "mentor_chen",
          "student_user", "observer_hubei"]
# Links that are not pages: files, exports, the back office and the API documentation.
NOT_PAGES = re.compile(r"^/(static|media|admin|api)/|[?&]export=|/(pdf|xlsx|photo|image|"
                       r"attachment|evidence|consent|letter|file)/?$|\.(pdf|xlsx|csv)$")
DETAIL = re.compile(r"/\d+/$")


def _links(html: str) -> set[str]:
    return {unescape(href) for href in re.findall(r'href="(/[^"#]*)"', html)
            if not NOT_PAGES.search(unescape(href))}


@pytest.fixture
def busy_world(world):
    """Every app's objects made, so lists have rows to open."""
    for name in ("agreement_a", "agreement_b", "delivery_a", "contact_a", "signing_event",
                 "appointment_a", "appointment_own", "activity_a", "position_a", "position_b",
                 "placement_liu", "log_liu", "team_liu", "team_ma", "application_ma",
                 "review_chen", "credit_liu", "startup", "showcase_item_liu"):
        getattr(world, name, None)
    return world


@pytest.mark.parametrize("person", PEOPLE)
def test_nothing_shown_to_a_role_is_a_dead_end(client, busy_world, person):
    client.force_login(getattr(busy_world, person))
    user = getattr(busy_world, person)
    menu = [item["url"] for group in menu_for(user) for item in group["items"]]
    seen: dict[str, int] = {}
    pages: dict[str, str] = {}

    def visit(url: str) -> None:
        if url in seen:
            return
        response = client.get(url, follow=True)
        seen[url] = response.status_code
        if response.status_code == 200 and "text/html" in response.get("Content-Type", ""):
            pages[url] = response.content.decode()

    for url in menu:
        visit(url)
    for url in list(pages):
        for link in _links(pages[url]):
            visit(link)
    firsts = {}
    for url in menu:
        details = sorted(link for link in _links(pages.get(url, "")) if DETAIL.search(link))
        if details:
            firsts[url] = details[0]
    for detail in firsts.values():
        for link in _links(pages.get(detail, "")):
            visit(link)
    assert len(seen) > len(menu) and firsts, "the walk reached past the menu"
    dead = {url: code for url, code in seen.items() if code >= 400}
    assert not dead, f"{person} is shown links that answer: {dead}"
