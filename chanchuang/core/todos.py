"""What is waiting for a person, and the few figures their role cares about: the home page's two
registries, which every app contributes to without core importing it.

An app declares, in ``<app>/todos.py``, providers and calls ``register`` and
``register_figures`` when the module is imported; core's ``AppConfig.ready`` imports every
app's module (as it does their ``audit_actions.py``). A provider takes the user and their scope
and returns what it has for them: ``ToDo`` items (something to do, by when, and where) or
``Figure`` cards (a number that role watches, and where it leads). Every provider starts from
``visible_to(user)`` and runs a constant number of queries whatever the amount of data; one
that has nothing for the user's roles returns nothing, without a query.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from chanchuang.core.choices import Role, StudentStatus
from chanchuang.core.models import Student
from chanchuang.core.visibility import Scope, scope_of


@dataclass(frozen=True)
class ToDo:
    """Something waiting for the user: what, a short detail, by when (None: no date), the page
    where it is done, and a Tabler icon."""

    what: str
    url: str
    due: dt.date | None = None
    detail: str = ""
    icon: str = "checkbox"

    @property
    def overdue(self) -> bool:
        """Its date has passed."""
        return self.due is not None and self.due < timezone.localdate()


@dataclass(frozen=True)
class Figure:
    """A number a role watches on its home page, with the page it leads to; ``order`` places
    it among the role's figures (low first)."""

    role: str
    order: int
    label: str
    value: str | int
    url: str = ""
    detail: str = ""


ToDoProvider = Callable[[object, Scope], Iterable[ToDo]]
FigureProvider = Callable[[object, Scope], Iterable[Figure]]

_PROVIDERS: list[ToDoProvider] = []
_FIGURES: list[FigureProvider] = []


def register(provider: ToDoProvider) -> ToDoProvider:
    """Add a provider of to-dos (once); usable as a decorator."""
    if provider not in _PROVIDERS:
        _PROVIDERS.append(provider)
    return provider


def register_figures(provider: FigureProvider) -> FigureProvider:
    """Add a provider of home-page figures (once); usable as a decorator."""
    if provider not in _FIGURES:
        _FIGURES.append(provider)
    return provider


def todos_for(user) -> list[ToDo]:
    """Everything waiting for the user, by due date: overdue first, undated last."""
    scope = scope_of(user)
    todos = [todo for provider in _PROVIDERS for todo in provider(user, scope)]
    return sorted(todos, key=lambda t: (t.due is None, t.due or dt.date.max))


def figures_for(user) -> list[tuple[str, list[Figure]]]:
    """The user's figures grouped by role, in the order of the roles, each group by ``order``:
    a list of (role label, figures)."""
    scope = scope_of(user)
    figures = [figure for provider in _FIGURES for figure in provider(user, scope)]
    return [(str(role.label), sorted((f for f in figures if f.role == role),
                                     key=lambda f: f.order))
            for role in Role if any(f.role == role for f in figures)]


def managed(queryset, scope: Scope, field: str = "school_id"):
    """The rows of a queryset (already ``visible_to`` the user) in the schools whose staff work
    the user does: every row for a platform admin, None for anyone who is not school staff."""
    if scope.is_admin:
        return queryset
    if not scope.staff_schools:
        return None
    return queryset.filter(**{f"{field}__in": scope.staff_schools})


@register_figures
def department_figures(user, scope) -> list[Figure]:
    """Department staff: the enrolled students of their departments."""
    if not scope.department_ids:
        return []
    students = Student.objects.visible_to(user).filter(
        department_id__in=scope.department_ids, status=StudentStatus.ENROLLED).count()
    return [Figure(Role.DEPARTMENT_STAFF, 10, _("Enrolled students"), students,
                   reverse("core:student_list"))]
