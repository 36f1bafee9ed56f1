"""Who may see what: the one visibility mechanism of the platform.

A user's memberships are read once per request into a ``Scope``; every domain queryset derives
from ``VisibleQuerySet`` and says, in ``visibility(scope)``, which rows that scope reaches.
Lists, details, exports and API endpoints all start from ``Model.objects.visible_to(user)``;
an object outside it answers 404. Per-object actions are decided by the ``rules`` predicates in
``core.rules``, which read the same scope.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import models
from django.db.models import Q

from chanchuang.core.choices import Role

NOTHING = Q(pk__in=[])


@dataclass(frozen=True)
class Scope:
    """The schools, departments, organisations and provinces a user's memberships reach."""

    user_id: int | None = None
    is_admin: bool = False
    staff_schools: frozenset[int] = field(default_factory=frozenset)
    department_ids: frozenset[int] = field(default_factory=frozenset)
    department_schools: frozenset[int] = field(default_factory=frozenset)
    organisation_ids: frozenset[int] = field(default_factory=frozenset)
    organisation_schools: frozenset[int] = field(default_factory=frozenset)
    mentor_schools: frozenset[int] = field(default_factory=frozenset)
    student_schools: frozenset[int] = field(default_factory=frozenset)
    observer_provinces: frozenset[str] = field(default_factory=frozenset)

    @property
    def campus_schools(self) -> frozenset[int]:
        """Schools the user works or studies in (staff, department staff, mentor, student)."""
        return self.staff_schools | self.department_schools | self.mentor_schools \
            | self.student_schools

    @property
    def structure_schools(self) -> frozenset[int]:
        """Schools whose whole structure (departments, majors) the user may browse."""
        return self.staff_schools | self.mentor_schools | self.student_schools \
            | self.organisation_schools

    @property
    def member_schools(self) -> frozenset[int]:
        """Every school the user holds any role in."""
        return self.campus_schools | self.organisation_schools

    @property
    def roles(self) -> set[str]:
        """The roles the user holds, for navigation and home pages."""
        held = {
            Role.PLATFORM_ADMIN: self.is_admin,
            Role.SCHOOL_STAFF: bool(self.staff_schools),
            Role.DEPARTMENT_STAFF: bool(self.department_ids),
            Role.ENTERPRISE_MEMBER: bool(self.organisation_ids),
            Role.MENTOR: bool(self.mentor_schools),
            Role.STUDENT: bool(self.student_schools),
            Role.OBSERVER: bool(self.observer_provinces),
        }
        return {role for role, has in held.items() if has}


ANONYMOUS = Scope()


def scope_of(user) -> Scope:
    """Return the user's scope, reading their memberships once and caching it on the user."""
    if user is None or not user.is_authenticated or not user.is_active:
        return ANONYMOUS
    cached = getattr(user, "_chanchuang_scope", None)
    if cached is not None:
        return cached
    from chanchuang.core.models import Membership

    sets: dict[str, set] = {name: set() for name in (
        "staff_schools", "department_ids", "department_schools", "organisation_ids",
        "organisation_schools", "mentor_schools", "student_schools", "observer_provinces",
    )}
    is_admin = user.is_superuser
    for role, school_id, department_id, organisation_id, province_id in (
        Membership.objects.filter(user=user).values_list(
            "role", "school_id", "department_id", "organisation_id", "province_id"
        )
    ):
        if role == Role.PLATFORM_ADMIN:
            is_admin = True
        elif role == Role.SCHOOL_STAFF:
            sets["staff_schools"].add(school_id)
        elif role == Role.DEPARTMENT_STAFF:
            sets["department_ids"].add(department_id)
            sets["department_schools"].add(school_id)
        elif role == Role.ENTERPRISE_MEMBER:
            sets["organisation_ids"].add(organisation_id)
            sets["organisation_schools"].add(school_id)
        elif role == Role.MENTOR:
            sets["mentor_schools"].add(school_id)
        elif role == Role.STUDENT:
            sets["student_schools"].add(school_id)
        elif role == Role.OBSERVER:
            sets["observer_provinces"].add(province_id)
    scope = Scope(
        user_id=user.pk, is_admin=is_admin, **{k: frozenset(v) for k, v in sets.items()}
    )
    user._chanchuang_scope = scope
    return scope


class VisibleQuerySet(models.QuerySet):
    """A queryset that knows which of its rows a user may see."""

    def visibility(self, scope: Scope) -> Q:
        """The condition selecting the rows ``scope`` reaches (platform admins see all)."""
        raise NotImplementedError(f"{self.model.__name__} must say who may see it.")

    def visible_to(self, user) -> VisibleQuerySet:
        """The rows ``user`` may see: everything for a platform admin, nothing for anonymous."""
        scope = scope_of(user)
        if scope.is_admin:
            return self.all()
        if scope is ANONYMOUS:
            return self.filter(NOTHING)
        return self.filter(self.visibility(scope))


def visible_through(path: str) -> type[VisibleQuerySet]:
    """A queryset class whose rows a scope sees exactly when it sees the row at ``path``
    (``"agreement"``, ``"commitment__agreement"``), by that row's own ``visibility``.

    The parent's condition is a subquery rather than a join, so each row is listed once.
    """

    class VisibleThroughQuerySet(VisibleQuerySet):
        def visibility(self, scope: Scope) -> Q:
            parent = self.model
            for name in path.split("__"):
                parent = parent._meta.get_field(name).related_model
            parents = parent._default_manager.all()
            return Q(**{f"{path}__in": parents.filter(parents.visibility(scope)).values("pk")})

    VisibleThroughQuerySet.__doc__ = f"Rows visible exactly as their {path.replace('__', '.')}."
    return VisibleThroughQuerySet
