"""No personal data reaches the provincial observer: logged in as observer_hubei over a world
with every app's objects, every page and API route the permission matrix opens to the observer
(200) is fetched — lists with an export also as CSV — and each response is scanned for the
names of the students, their student numbers, and every ID number and phone in the database."""

from __future__ import annotations

import re
from functools import cached_property

import pytest
from django.apps import apps
from django.db import transaction
from django.urls import resolve, reverse

from chanchuang.core.models import Student, User
from chanchuang.core.tests.cast import every_app_cast, world_fixture
from chanchuang.core.tests.test_permission_matrix import API_ROWS, PAGE_ROWS, _arguments

world = world_fixture(*every_app_cast())

PERSONAL_FIELDS = ("phone", "mobile", "id_number", "contact_phone")


def _build_everything(world) -> None:
    """Every object of every app's cast (each in a savepoint: one that cannot be built next
    to the others is left out)."""
    names = sorted({name for cast in type(world).__mro__ for name, value in vars(cast).items()
                    if isinstance(value, property | cached_property)})
    for name in names:
        try:
            with transaction.atomic():
                getattr(world, name)
        except Exception:
            continue


def _give_everyone_a_phone_and_id(world) -> None:
    for n, user in enumerate(User.objects.order_by("pk")):
        User.objects.filter(pk=user.pk).update(
            phone=user.phone or f"139{n:08d}",
            id_number=user.id_number or f"42010219900101{n:04d}"[:18])


def _needles(observer) -> dict[str, str]:
    """What may not be shown: every student's name and number, every phone and ID number
    (but the observer's own, on their profile)."""
    needles: dict[str, str] = {}
    for name, number in Student.objects.values_list("user__real_name", "student_no"):
        if name:
            needles[name] = "a student's name"
        needles[number] = "a student number"
    for model in apps.get_models():
        if not model.__module__.startswith("chanchuang."):
            continue
        for field in model._meta.get_fields():
            if getattr(field, "concrete", False) and field.name in PERSONAL_FIELDS:
                for value in model.objects.exclude(**{field.name: ""}).values_list(
                        field.name, flat=True):
                    if value and len(value) >= 7:
                        needles[value] = f"{model.__name__}.{field.name}"
    for own in (observer.phone, observer.id_number):
        needles.pop(own, None)
    return needles


def _observer_urls(world) -> list[str]:
    """Every route the observer opens (200), but the public ones: what anyone may open without
    logging in (the public showcase of consented projects, a supervisor's signed sign-off
    link) is public by design, not shown to the observer as an observer."""
    public = {(first, second, obj) for first, second, obj, role, status in PAGE_ROWS + API_ROWS
              if role == "anon" and status == 200}
    pages = [reverse(route, args=_arguments(world, obj))
             for route, method, obj, role, status in PAGE_ROWS
             if role == "observer" and method == "GET" and status == 200
             and (route, method, obj) not in public]
    api = []
    for method, path, obj, role, status in API_ROWS:
        if role == "observer" and method == "GET" and status == 200 \
                and (method, path, obj) not in public:
            arguments = iter(_arguments(world, obj))
            api.append(re.sub(r"\{\w+\}", lambda _m, a=arguments: next(a), path))
    return list(dict.fromkeys(pages + api))


def _with_exports(urls: list[str]) -> list[str]:
    """Each URL, and the CSV export of the lists among them."""
    found = []
    for url in urls:
        found.append(url)
        if not url.startswith("/api/"):
            view_class = getattr(resolve(url).func, "view_class", None)
            if getattr(view_class, "exporter_class", None) is not None:
                found.append(f"{url}?export=csv")
    return found


@pytest.mark.django_db
def test_no_page_or_api_route_shows_the_observer_anything_personal(client, world):
    _build_everything(world)
    _give_everyone_a_phone_and_id(world)
    world.observer_hubei.refresh_from_db()
    needles = _needles(world.observer_hubei)
    assert len(needles) > 10 and "139" in "".join(needles)
    urls = _with_exports(_observer_urls(world))
    assert reverse("insights:province") in urls and "/api/v1/insights/province" in urls
    client.force_login(world.observer_hubei)
    leaks = []
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, f"{url}: {response.status_code}"
        kind = response.get("Content-Type", "")
        if not kind.startswith(("text/", "application/json")):
            continue  # a stored image or file the observer may open (a public photo)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        text = body.decode("utf-8", errors="replace")
        leaks += [f"{url}: {what} {value!r}" for value, what in needles.items() if value in text]
    assert not leaks, "personal data shown to the observer:\n" + "\n".join(leaks)
