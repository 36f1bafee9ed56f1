"""Sections other apps add to a partner's page — the mentors who come from the partner, its
positions and interns — so that partners need not know those apps. An app registers a
``PartnerSection`` in its ``AppConfig.ready``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from chanchuang.core.models import Organisation, User


@dataclass(frozen=True)
class PartnerSection:
    """A card on a partner's page: its template and the context it needs for a user (``None``
    hides it, e.g. from a user who may not see what it lists)."""

    order: int
    template: str
    context: Callable[[Organisation, User], dict[str, Any] | None]


_SECTIONS: list[PartnerSection] = []


def register(section: PartnerSection) -> None:
    """Add a section to every partner's page (once)."""
    if section not in _SECTIONS:
        _SECTIONS.append(section)
        _SECTIONS.sort(key=lambda s: s.order)


def sections_for(organisation: Organisation, user: User) -> list[tuple[str, dict[str, Any]]]:
    """The (template, context) of every section the user sees on the partner's page."""
    shown = []
    for section in _SECTIONS:
        context = section.context(organisation, user)
        if context is not None:
            shown.append((section.template, context))
    return shown
