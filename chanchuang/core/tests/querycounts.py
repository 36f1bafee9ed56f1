"""Pinned query counts: a list runs the same number of queries whatever the number of its rows
(ARCHITECTURE.md: lists never issue one query per row). Every app's ``test_query_counts``
pins its lists through :func:`assert_list_queries`."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse_lazy

# How many rows of each kind the first load sees more, and the second.
FEW, MANY = 1, 10


def queries_of_get(client, url: str) -> list[str]:
    """The SQL of the queries a GET of ``url`` runs (it must answer 200)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, f"GET {url} answered {response.status_code}"
    return [query["sql"] for query in queries.captured_queries]


COLUMNS = re.compile(r'^SELECT ".+? FROM ')


def _listed(queries: list[str]) -> str:
    """The queries numbered, each without its column list and cut short."""
    return "\n".join(f"  {n}. {COLUMNS.sub('SELECT … FROM ', sql)[:200]}"
                      for n, sql in enumerate(queries, 1))


def assert_list_queries(client, url, expected: int | None, *,
                        grow: Callable[[int], object]) -> None:
    """GET ``url`` after ``grow(FEW)`` and again after ``grow(MANY)`` (each adds that many rows
    of everything the list shows): both loads run ``expected`` queries (None: the same number
    both times, unpinned). A failure lists the queries of both loads."""
    url = str(url)
    grow(FEW)
    few = queries_of_get(client, url)
    grow(MANY)
    many = queries_of_get(client, url)
    pinned = len(few) if expected is None else expected
    assert (len(few), len(many)) == (pinned, pinned), (
        f"GET {url}: {len(few)} queries with {FEW} more row(s), {len(many)} with {MANY} more; "
        f"pinned: {expected}\nwith {FEW} more:\n{_listed(few)}\nwith {MANY} more:\n"
        f"{_listed(many)}")


def pinned_lists(pages: Iterable[tuple[str, str, int]],
                 api_lists: Iterable[tuple[str, int]]) -> list:
    """Parameters ``(url, who, pinned)`` of every list: the pages as (route name, the world's
    person who reads it, pinned count), the API lists as (path, pinned count), read by
    staff_wang."""
    return ([pytest.param(reverse_lazy(route), who, pinned, id=f"{route}-{who}")
             for route, who, pinned in pages]
            + [pytest.param(url, "staff_wang", pinned, id=url) for url, pinned in api_lists])
