"""The role-aware navigation: each app registers its menu group; the shell shows what applies.

An item is shown when the user holds one of its roles or, if it names a permission, has it. A
platform admin sees every item except a person's own pages (我的报名, 我的成长档案: they would
be empty or missing for someone who is not a student) and, without Django's staff flag, the
back office.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from chanchuang.core.choices import Role
from chanchuang.core.visibility import Scope, scope_of

EVERYONE = frozenset(Role.values)


@dataclass(frozen=True)
class MenuItem:
    """One link of the navigation."""

    label: str
    url_name: str
    icon: str
    roles: frozenset[str] = EVERYONE
    permission: str | None = None
    personal: bool = False  # the user's own things: only for holders of ``roles``
    back_office: bool = False  # Django's admin site: only for users with the staff flag

    def shown_to(self, user, scope: Scope) -> bool:
        """Whether this user sees the link."""
        if self.back_office:
            return user.is_staff
        if self.permission is not None:
            return user.has_perm(self.permission)
        if self.personal:
            return bool(self.roles & scope.roles)
        return scope.is_admin or bool(self.roles & scope.roles)


@dataclass(frozen=True)
class MenuGroup:
    """A titled group of links, placed by ``order``."""

    label: str
    order: int
    items: tuple[MenuItem, ...] = field(default_factory=tuple)


MENU: list[MenuGroup] = []


def register(group: MenuGroup) -> None:
    """Add an app's menu group (call from its AppConfig.ready)."""
    MENU.append(group)
    MENU.sort(key=lambda g: g.order)


def menu_for(user) -> list[dict]:
    """The groups and links this user sees, with URLs resolved."""
    scope = scope_of(user)
    groups = []
    for group in MENU:
        items = [
            {"label": item.label, "url": reverse(item.url_name), "icon": item.icon}
            for item in group.items
            if item.shown_to(user, scope)
        ]
        if items:
            groups.append({"label": group.label, "items": items})
    return groups


CAMPUS = frozenset({Role.SCHOOL_STAFF, Role.DEPARTMENT_STAFF, Role.MENTOR, Role.STUDENT})

CORE_MENU = [
    MenuGroup(_("School"), 10, (
        MenuItem(_("Departments"), "core:department_list", "building",
                 roles=CAMPUS | {Role.ENTERPRISE_MEMBER, Role.OBSERVER}),
        MenuItem(_("Majors"), "core:major_list", "certificate",
                 roles=CAMPUS | {Role.ENTERPRISE_MEMBER, Role.OBSERVER}),
        MenuItem(_("Classes"), "core:schoolclass_list", "users-group",
                 permission="core.add_schoolclass"),
        MenuItem(_("Students"), "core:student_list", "school", permission="core.add_student"),
    )),
    MenuGroup(_("Administration"), 90, (
        MenuItem(_("People and roles"), "core:user_list", "id-badge-2",
                 permission="core.add_membership"),
        MenuItem(_("Imports"), "core:importjob_list", "file-import",
                 permission="core.view_importjob"),
        MenuItem(_("Audit log"), "core:auditentry_list", "history",
                 permission="core.view_auditentry"),
        MenuItem(_("Back office"), "admin:index", "settings", back_office=True),
    )),
]
