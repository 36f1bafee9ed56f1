"""The Content-Security-Policy: every page carries it, no template needs 'unsafe-inline', and the
main pages of every role run in a real browser without one violation (htmx and charts working)."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect

from chanchuang.core.tests.browser import log_in
from chanchuang.core.tests.cast import every_app_cast, world_fixture

# Every role's main pages span every app: the world is the cast of every app.
world = world_fixture(*every_app_cast())

ROOT = Path(settings.BASE_DIR) / "chanchuang"
TEMPLATES = sorted(ROOT.glob("*/templates/**/*.html"))


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/accounts/login/", "/", "/students/", "/api/v1/docs",
                                 "/admin/"])
def test_every_page_carries_the_policy(client, world, url):
    client.force_login(world.admin)
    response = client.get(url, follow=True)
    assert response.status_code == 200
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "style-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy


def test_debug_error_pages_go_without_it(client, settings):
    settings.DEBUG = True
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Content-Security-Policy" not in response.headers


def _offences(text: str) -> list[str]:
    found = []
    for match in re.finditer(r"<script\b([^>]*)>", text, re.I):
        attrs = match.group(1)
        if "src=" not in attrs and "application/json" not in attrs:
            found.append(match.group(0))
    found += re.findall(r"<[a-z][^>]*\son[a-z]+\s*=[^>]*>", text, re.I)
    found += re.findall(r"<[a-z][^>]*\sstyle\s*=[^>]*>", text, re.I)
    found += re.findall(r"javascript:", text, re.I)
    return found


def test_the_scan_catches_what_the_policy_refuses():
    assert len(_offences('<script>alert(1)</script><a onclick="x()"><div style="width:1px">'
                         '<a href="javascript:x()">')) == 4
    assert _offences('<script src="/static/a.js"></script><script type="application/json">'
                     '{}</script><div class="x" data-style="y">') == []


def test_no_template_needs_unsafe_inline():
    assert len(TEMPLATES) > 50
    offences = {
        str(path.relative_to(ROOT)): found
        for path in TEMPLATES
        if not path.name.endswith("_pdf.html")  # WeasyPrint's input, never served to a browser
        and (found := _offences(path.read_text()))
    }
    assert offences == {}


# -- in the browser ----------------------------------------------------------------------------

LISTEN = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", e => window.__csp.push(
  e.violatedDirective + " " + (e.blockedURI || "inline") + " " + (e.sample || "")));
"""


def _watch(page) -> list[str]:
    """Violations of the policy, from the page's events and Chromium's console."""
    seen: list[str] = []
    page.add_init_script(LISTEN)
    page.on("console", lambda msg: seen.append(msg.text)
            if "Content Security Policy" in msg.text else None)
    return seen


def _visit(page, url: str, seen: list[str]) -> None:
    page.goto(url)
    page.wait_for_load_state("networkidle")
    violations = page.evaluate("window.__csp || []")
    assert violations == [] and seen == [], (url, violations, seen)


def _menu_urls(page) -> list[str]:
    return page.eval_on_selector_all("aside a.nav-link[href^='/']",
                                     "links => links.map(a => a.getAttribute('href'))")


def _detail_urls(world) -> dict[str, list[str]]:
    staff = [world.agreement_a.get_absolute_url(), world.plan.get_absolute_url(),
             world.cohort.get_absolute_url(), world.team_liu.get_absolute_url(),
             world.mentor_a.get_absolute_url(), world.showcase_item.get_absolute_url(),
             world.round.get_absolute_url(), world.student_liu.get_absolute_url(),
             f"/innovation/records/{world.student_liu.pk}/"]
    return {
        "admin": [*staff, "/admin/", "/admin/core/user/",
                  f"/admin/core/user/{world.admin.pk}/change/", "/api/v1/docs"],
        "staff_wang": staff,
        "dept_zhou": [world.student_liu.get_absolute_url(), world.plan.get_absolute_url()],
        "hr_li": [world.agreement_a.get_absolute_url(), world.position_a.get_absolute_url()],
        "mentor_chen": [world.cohort.get_absolute_url(), world.team_liu.get_absolute_url()],
        "student_liu": [world.team_liu.get_absolute_url(), world.student_liu.get_absolute_url()],
        "observer_hubei": [],
    }


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("username", ["admin", "staff_wang", "dept_zhou", "hr_li", "mentor_chen",
                                      "student_liu", "observer_hubei"])
def test_main_pages_of_every_role_break_no_rule(page, browser_world, live_server, username):
    world = browser_world
    details = _detail_urls(world)[username]
    seen = _watch(page)
    log_in(page, live_server, username)
    _visit(page, f"{live_server.url}/", seen)
    urls = _menu_urls(page) + details
    assert len(urls) > 1
    for url in dict.fromkeys(urls):
        _visit(page, f"{live_server.url}{url}", seen)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_htmx_charts_and_data_attributes_still_work(page, browser_world, live_server):
    seen = _watch(page)
    log_in(page, live_server, "staff_wang")
    # the chart draws, and its tooltip (drawn on the canvas) breaks no rule
    chart = page.locator("[data-bar-chart] canvas").first
    expect(chart).to_be_visible()
    chart.hover()
    # htmx filters the list as you type
    page.goto(f"{live_server.url}/students/")
    page.get_by_label("搜索").fill("liu")
    expect(page.locator("#object-table").get_by_text("刘欣怡")).to_be_visible()
    expect(page.locator("#object-table").get_by_text("马超")).to_have_count(0)
    # data-autosubmit: the language switch submits itself
    page.get_by_label("语言").select_option("en")
    expect(page.get_by_role("heading", name="Students")).to_be_visible()
    assert page.evaluate("window.__csp") == [] and seen == []
    # the API's Swagger page runs from the app's own files under the same policy
    page.goto(f"{live_server.url}/api/v1/docs")
    expect(page.locator(".swagger-ui .info .title")).to_be_visible()
    expect(page.locator(".opblock").first).to_be_visible()
    assert page.evaluate("window.__csp") == [] and seen == []
