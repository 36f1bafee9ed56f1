"""No dead ends: each role opens every menu entry and every page linked from those, then every
link of the first detail page behind each list, and every form target on the pages it saw;
nothing it is shown answers 403, 404 or 500. (Here, in the top app, because the walk crosses
every app's pages.)

A form that posts is never posted (it would change data): its target must resolve and a GET of
it must not answer 403, 404 or 500 (405, a confirmation page or a redirect are fine); when the
target is a one-object action (``ObjectActionView`` with its permission named on the class), the
object must be visible to the person and the permission theirs, checked without posting."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import urlsplit

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.test import RequestFactory
from django.urls import Resolver404, resolve

from chanchuang.core.generic_views import ObjectActionView
from chanchuang.core.navigation import menu_for

PEOPLE = ["admin", "staff_wang", "dept_zhou", "hr_li", "hr_zhao", "mentor_chen",
          "student_user", "observer_hubei"]
# Links that are not pages: files, exports, the back office and the API documentation.
NOT_PAGES = re.compile(r"^/(static|media|admin|api)/|[?&]export=|/(pdf|xlsx|photo|image|"
                       r"attachment|evidence|consent|letter|file)/?$|\.(pdf|xlsx|csv)$")
DETAIL = re.compile(r"/\d+/$")
FORM = re.compile(r"<form\b[^>]*>", re.IGNORECASE)


def _links(html: str) -> set[str]:
    return {unescape(href) for href in re.findall(r'href="(/[^"#]*)"', html)
            if not NOT_PAGES.search(unescape(href))}


def _attribute(tag: str, name: str) -> str | None:
    found = re.search(rf'\s{name}="([^"]*)"', tag, re.IGNORECASE)
    return unescape(found.group(1)) if found else None


def _forms(html: str, page: str) -> set[tuple[str, str]]:
    """(method, target) of every form on a page: no action (or an empty one) is the page."""
    forms = set()
    for tag in FORM.findall(html):
        target = _attribute(tag, "action") or page
        method = (_attribute(tag, "method") or "get").lower()
        if target.startswith("/") and not NOT_PAGES.search(target):
            forms.add((method, target))
    return forms


def _refusal_of_action(user, target: str) -> int | None:
    """404 or 403 when posting to a one-object action would be refused, else None (not posted:
    the view's own visibility and permission check is run on its object)."""
    match = resolve(urlsplit(target).path)
    view_class = getattr(match.func, "view_class", None)
    if not (isinstance(view_class, type) and issubclass(view_class, ObjectActionView)
            and "permission" in vars(view_class) and "pk" in match.kwargs):
        return None
    request = RequestFactory().post(target)
    request.user = user
    view = view_class()
    view.setup(request, *match.args, **match.kwargs)
    try:
        obj = view.get_object(match.kwargs["pk"])
    except Http404:
        return 404
    try:
        if not user.has_perm(view_class.permission, obj):
            raise PermissionDenied
    except PermissionDenied:
        return 403
    return None


@pytest.fixture
def busy_world(world):
    """Every app's objects made, so lists have rows to open."""
    for name in ("agreement_a", "agreement_b", "delivery_a", "contact_a", "signing_event",
                 "appointment_a", "appointment_own", "activity_a", "position_a", "position_b",
                 "placement_liu", "log_liu", "team_liu", "team_ma", "application_ma",
                 "review_chen", "credit_liu", "startup", "showcase_item_liu",
                 "college_programme", "council_seat", "meeting_paper", "decision",
                 "decision_hr", "contribution_a", "contribution_school", "target",
                 "booking_liu", "booking_hr", "report", "report_submitted"):
        getattr(world, name, None)
    return world


@pytest.mark.parametrize("person", PEOPLE)
def test_nothing_shown_to_a_role_is_a_dead_end(client, busy_world, person):
    client.force_login(getattr(busy_world, person))
    user = getattr(busy_world, person)
    menu = [item["url"] for group in menu_for(user) for item in group["items"]]
    seen: dict[str, int] = {}
    pages: dict[str, str] = {}
    where: dict[str, str] = {}  # a page's address after redirects: where its bare forms go

    def visit(url: str) -> None:
        if url in seen:
            return
        response = client.get(url, follow=True)
        seen[url] = response.status_code
        if response.status_code == 200 and "text/html" in response.get("Content-Type", ""):
            pages[url] = response.content.decode()
            query = response.request.get("QUERY_STRING")
            where[url] = response.request["PATH_INFO"] + (f"?{query}" if query else "")

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

    forms: dict[tuple[str, str], str] = {}  # (method, target) → a page showing it
    for url, html in list(pages.items()):
        for form in _forms(html, where[url]):
            forms.setdefault(form, url)
    posted: dict[str, int] = {}
    for (method, target), _page in sorted(forms.items()):
        if method == "get":
            visit(urlsplit(target).path)  # the form's target with no parameters
            continue
        if target in posted:
            continue
        try:
            resolve(urlsplit(target).path)
        except Resolver404:
            posted[target] = 404
            continue
        posted[target] = client.get(target).status_code
        if posted[target] not in (403, 404, 500):
            posted[target] = _refusal_of_action(user, target) or posted[target]
    assert any(method == "post" for method, _target in forms), "the walk saw forms that post"
    dead = {url: code for url, code in seen.items() if code >= 400}
    assert not dead, f"{person} is shown links that answer: {dead}"
    dead_forms = {f"{target} (on {forms['post', target]})": code
                  for target, code in posted.items() if code in (403, 404, 500)}
    assert not dead_forms, f"{person} is shown forms that would answer: {dead_forms}"
