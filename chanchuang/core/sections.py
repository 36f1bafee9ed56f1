"""Sections that apps higher up add to a page of an app below them, so that the page's app need
not know them: a partner's page shows the mentors who come from the partner and its positions,
a student's innovation record shows the positions they took (later a college's page, …).

An app registers a ``PageSection`` in its ``AppConfig.ready``; the page's view asks
``sections_for(page, obj, user)`` and its template includes each section's template with the
section's context as ``section``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from chanchuang.core.models import User

# The pages that take sections, and the object each one is about.
PARTNER = "partner"  # a partner's page (partners): the organisation
STUDENT_RECORD = "student_record"  # a student's innovation record (innovation): the student
COLLEGE = "college"  # an industry college's page (colleges): the industry college


@dataclass(frozen=True)
class PageSection:
    """A card on a page: the page, its place among the page's sections (low first), its template
    and the context it needs for the page's object and a user (``None`` hides it, e.g. from a
    user who may not see what it lists)."""

    page: str
    order: int
    template: str
    context: Callable[[Any, User], dict[str, Any] | None]


_SECTIONS: dict[str, list[PageSection]] = defaultdict(list)


def register(*sections: PageSection) -> None:
    """Add each section to its page (once)."""
    for section in sections:
        page = _SECTIONS[section.page]
        if section not in page:
            page.append(section)
            page.sort(key=lambda s: s.order)


def sections_for(page: str, obj: Any, user: User) -> list[tuple[str, dict[str, Any]]]:
    """The (template, context) of every section of the page the user sees for the object."""
    shown = []
    for section in _SECTIONS[page]:
        context = section.context(obj, user)
        if context is not None:
            shown.append((section.template, context))
    return shown
