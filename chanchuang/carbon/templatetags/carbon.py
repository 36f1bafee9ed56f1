"""Template filters of the carbon app: tonnes, MWh and yuan with thousands separators (the
Chinese locale groups none, which makes 2550000 t hard to read)."""

from __future__ import annotations

from decimal import Decimal

from django import template

register = template.Library()


@register.filter
def thousands(value, places: int = 0) -> str:
    """2550000 → "2,550,000"; with ``places``, that many decimals; None or "" → "—"."""
    if value is None or value == "":
        return "—"
    return f"{Decimal(value):,.{int(places)}f}"
