"""The permission matrix: every role × every route × own/foreign object answers as written.

Rows live in each app's ``tests/permission_matrix.py`` (``ROWS`` for pages, ``API_ROWS`` for the
API); the meta-tests fail when a URL pattern or an API operation has no row.
"""

from __future__ import annotations

import re
from contextlib import contextmanager

import pytest
from django.db import connection
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from chanchuang.api import api
from chanchuang.core.tests.cast import app_test_modules, every_app_cast, world_fixture
from chanchuang.core.tests.permission_matrix import ROLES

# The matrix walks every app's routes: its world is the cast of every app.
world = world_fixture(*every_app_cast())


def _rows(attribute: str):
    rows = []
    for _label, module in app_test_modules("permission_matrix"):
        for line in getattr(module, attribute, "").strip().splitlines():
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            first, second, obj, *statuses = line.split()
            assert len(statuses) == len(ROLES), f"{module.__name__}: wrong column count: {line}"
            for role, status in zip(ROLES, statuses, strict=True):
                rows.append((first, second, obj, role, int(status)))
    return rows


PAGE_ROWS = _rows("ROWS")
API_ROWS = _rows("API_ROWS")


def _arguments(world, spec: str) -> list[str]:
    """URL arguments: comma-separated literals (``=roster``) or world objects (their pk)."""
    if spec == "-":
        return []
    return [part[1:] if part.startswith("=") else str(getattr(world, part).pk)
            for part in spec.split(",")]


WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE|REPLACE)\b", re.IGNORECASE)
# The one write a GET may make: the audit entry that logs an export of personal data.
AUDIT_ENTRY = re.compile(r'^\s*INSERT INTO "?core_auditentry"?', re.IGNORECASE)


@contextmanager
def no_writes():
    """Fail on any INSERT, UPDATE or DELETE sent to the database inside the block: a GET
    must never write (reads live in each app's queries, writes in its services). Only the
    audit entry logging an export of personal data is allowed."""
    written: list[str] = []

    def guard(execute, sql, params, many, context):
        if WRITE.match(sql) and not AUDIT_ENTRY.match(sql):
            written.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(guard):
        yield
    assert not written, f"a GET wrote to the database: {written}"


def _sent(method: str, send):
    """The response of ``send()``; a GET is sent inside ``no_writes``."""
    if method == "GET":
        with no_writes():
            return send()
    return send()


def _login(client, world, role: str) -> None:
    person = world.person(role)
    if person is not None:
        client.force_login(person)


@pytest.mark.parametrize(("route", "method", "obj", "role", "expected"), PAGE_ROWS,
                         ids=[f"{r[3]}-{r[1]}-{r[0]}-{r[2]}" for r in PAGE_ROWS])
def test_page_permission(client, world, route, method, obj, role, expected):
    _login(client, world, role)
    url = reverse(route, args=_arguments(world, obj))
    response = _sent(method, lambda: client.get(url) if method == "GET"
                     else client.post(url, {}))
    assert response.status_code == expected, (
        f"{role} {method} {url} ({obj}): expected {expected}, got {response.status_code}"
    )
    if role == "anon" and expected == 302 and route not in ("logout", "set_language"):
        assert response["Location"].startswith(reverse("login")), "anonymous must log in first"


@pytest.mark.parametrize(("method", "path", "obj", "role", "expected"), API_ROWS,
                         ids=[f"{r[3]}-{r[0]}-{r[1]}-{r[2]}" for r in API_ROWS])
def test_api_permission(client, world, method, path, obj, role, expected):
    _login(client, world, role)
    arguments = iter(_arguments(world, obj))
    url = re.sub(r"\{\w+\}", lambda _m: next(arguments), path)
    response = _sent(method, lambda: client.generic(method, url))
    assert response.status_code == expected, (
        f"{role} {method} {url} ({obj}): expected {expected}, got {response.status_code}"
    )


def _url_names(resolver: URLResolver, namespace: str | None = None):
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace in ("admin", "api"):
                continue  # Django admin guards itself (is_staff); the API has its own matrix.
            inner = pattern.namespace or namespace
            yield from _url_names(pattern, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}:{pattern.name}" if namespace else pattern.name


def test_every_page_route_is_in_the_matrix():
    covered = {row[0] for row in PAGE_ROWS}
    missing = sorted(set(_url_names(get_resolver())) - covered)
    assert not missing, f"routes without a row in the permission matrix: {missing}"


def test_every_api_operation_is_in_the_matrix():
    covered = {(row[0], row[1]) for row in API_ROWS}
    operations = set()
    for prefix, router in api._routers:
        for path, path_view in router.path_operations.items():
            for operation in path_view.operations:
                for method in operation.methods:
                    full = "/api/v1" + (prefix.rstrip("/") + "/" + path.lstrip("/")).replace(
                        "//", "/")
                    operations.add((method, "/" + full.strip("/")))
    missing = sorted(operations - covered)
    assert not missing, f"API operations without a row in the permission matrix: {missing}"
