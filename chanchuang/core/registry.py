"""Registries that let apps higher up plug into core without core importing them.

A *match purpose* says what a finished run of the matching kernel means to the app that started
it (a placement round becomes "matched", a bootcamp's teams get their mentors). The app registers
it in its ``AppConfig.ready``; ``core.services.execute_match`` calls it by the run's ``purpose``.

A *students listener* hears which students a bulk write changed (the roster import updates
majors, classes and statuses without saving each student, so no ``post_save`` is sent): an app
that keeps something derived from students (talent's skill holdings) registers one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

_MATCH_PURPOSES: dict[str, MatchPurpose] = {}
_STUDENTS_LISTENERS: list[Callable[[list[int]], None]] = []


@dataclass(frozen=True)
class MatchPurpose:
    """What happens when a run of this purpose finishes (inside the run's transaction) or
    fails; both take the run."""

    name: str
    on_done: Callable
    on_failed: Callable | None = None


def register_match_purpose(purpose: MatchPurpose) -> None:
    """Make a purpose known to the matching service (idempotent)."""
    _MATCH_PURPOSES[purpose.name] = purpose


def match_purpose(name: str) -> MatchPurpose:
    """The registered purpose of that name."""
    return _MATCH_PURPOSES[name]


def on_students_changed(listener: Callable[[list[int]], None]) -> None:
    """Call ``listener(student_ids)`` after every bulk change of students (idempotent)."""
    if listener not in _STUDENTS_LISTENERS:
        _STUDENTS_LISTENERS.append(listener)


def students_changed(student_ids: list[int]) -> None:
    """Tell every students listener that these students changed (inside the writer's
    transaction, so what they derive changes with it)."""
    for listener in _STUDENTS_LISTENERS:
        listener(student_ids)


# --- Homes -------------------------------------------------------------------------------------
# A role whose holders have a home of their own in an app above core (the provincial observer's
# is insights' provincial view): ``core.views.home`` sends a user whose only role it is there.

_HOMES: dict[str, str] = {}


def register_home(role: str, url_name: str) -> None:
    """Make ``url_name`` the home page of users whose only role is ``role`` (idempotent)."""
    _HOMES[role] = url_name


def home_of(roles) -> str | None:
    """The URL name of the registered home for a user with these roles, when they hold
    exactly one role and it has one."""
    roles = set(roles)
    if len(roles) != 1:
        return None
    return _HOMES.get(next(iter(roles)))
