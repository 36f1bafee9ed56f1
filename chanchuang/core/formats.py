"""How moments read in messages, notifications and to-dos (one format everywhere)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone


def local_time(moment: dt.datetime) -> str:
    """A moment in the platform's time zone, to the minute: ``2026-12-14 19:30``."""
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")
