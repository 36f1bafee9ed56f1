"""Links and calendar helpers the dashboard's KPI modules share: the URL of a list with the
filters it understands, and the first and last day of a slice's year."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

from django.urls import reverse


def list_url(name: str, **query) -> str:
    """The URL named ``name`` with the query parameters given (those that are None left out)."""
    query = {key: value for key, value in query.items() if value is not None}
    url = reverse(name)
    return f"{url}?{urlencode(query)}" if query else url


def year_bounds(year: int) -> tuple[dt.date, dt.date]:
    """The first and the last day of a calendar year."""
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def overlapping(year: int, start: str = "start_date", end: str = "end_date") -> dict:
    """Filter keywords: the period from ``start`` to ``end`` overlaps the year."""
    first, last = year_bounds(year)
    return {f"{start}__lte": last, f"{end}__gte": first}
