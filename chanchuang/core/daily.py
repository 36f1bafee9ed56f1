"""Daily jobs: each app registers what must happen once a day (e.g. agreements entering their
expiring window). ``manage.py run_daily`` runs them all; every job is idempotent, so running it
more often (``make run`` does it hourly, production from cron) is harmless."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

DAILY_JOBS: list[tuple[str, Callable[[], Any]]] = []


def register_daily(name: str, job: Callable[[], Any]) -> None:
    """Add a job to the daily run (call from an AppConfig.ready)."""
    DAILY_JOBS.append((name, job))
