"""Reads of the showcase: the names an item shows and what the school's public page shows."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import F

from chanchuang.core.models import School
from chanchuang.innovation.choices import ItemState
from chanchuang.innovation.models import Exhibition, ShowcaseItem

NAME_SEPARATORS = "、，,; ；"


def state_of(item: ShowcaseItem) -> ItemState:
    """Where an item stands."""
    if item.consent_by_id is None:
        return ItemState.PROPOSED
    return ItemState.CONSENTED if item.published_at is None else ItemState.PUBLISHED


def shown_names(text: str) -> list[str]:
    """The names in a ``display_names`` text (separated by 、 or commas)."""
    for separator in NAME_SEPARATORS[1:]:
        text = text.replace(separator, "、")
    return [name for name in (part.strip() for part in text.split("、")) if name]


@dataclass
class ShowcaseSection:
    """One exhibition on the public page (or the items shown outside any exhibition)."""

    exhibition: Exhibition | None
    items: list[ShowcaseItem]


def public_showcase(school: School) -> list[ShowcaseSection]:
    """What the school's public page shows: published items the team consented to, grouped by
    exhibition (the latest first; items outside any exhibition last), in one query."""
    items = ShowcaseItem.objects.public().filter(school=school).select_related(
        "exhibition").order_by(F("exhibition__held_on").desc(nulls_last=True),
                               "exhibition_id", "-published_at", "-pk")
    sections: list[ShowcaseSection] = []
    for item in items:
        item.names = shown_names(item.display_names)
        if not sections or sections[-1].exhibition != item.exhibition:
            sections.append(ShowcaseSection(item.exhibition, []))
        sections[-1].items.append(item)
    return sections
