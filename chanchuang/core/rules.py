"""Per-object permissions of the core app, as ``rules`` predicates over the user's scope.

Visibility (``visible_to``) decides what a user may see at all; these predicates decide what
they may do to an object they can see. Predicates read only the cached scope and the object's
own foreign keys, so checking them for every row of a list costs no query.
"""

from __future__ import annotations

import rules

from chanchuang.core.visibility import scope_of


@rules.predicate
def is_platform_admin(user) -> bool:
    """The user administers the whole platform."""
    return scope_of(user).is_admin


@rules.predicate
def is_school_staff(user, obj=None) -> bool:
    """The user is staff of the object's school (of any school when there is no object)."""
    staff = scope_of(user).staff_schools
    return bool(staff) if obj is None else obj.school_id in staff


@rules.predicate
def is_department_staff(user, obj=None) -> bool:
    """The user is staff of the object's department (of any department when no object)."""
    departments = scope_of(user).department_ids
    return bool(departments) if obj is None else obj.department_id in departments


@rules.predicate
def works_at_school(user, obj=None) -> bool:
    """School staff or department staff of the object's school (of any school when there is
    no object): the people who run a school's programmes."""
    scope = scope_of(user)
    schools = scope.staff_schools | scope.department_schools
    return bool(schools) if obj is None else obj.school_id in schools


@rules.predicate
def is_enterprise_member(user, obj=None) -> bool:
    """An enterprise member (of any organisation: which one is checked by ``visible_to`` or
    the services)."""
    return bool(scope_of(user).organisation_ids)


@rules.predicate
def is_the_person(user, obj=None) -> bool:
    """The object is the user, or the user's own student record."""
    return obj is not None and user.pk == getattr(obj, "user_id", obj.pk)


@rules.predicate
def is_observer(user) -> bool:
    """The user is a provincial observer."""
    return bool(scope_of(user).observer_provinces)


def holds_role(*roles: str) -> rules.Predicate:
    """A predicate: the user holds at least one of ``roles``."""
    wanted = set(roles)

    def check(user) -> bool:
        return bool(wanted & scope_of(user).roles)

    return rules.Predicate(check, name=f"holds_role({', '.join(sorted(wanted))})")


manages_school = is_platform_admin | is_school_staff
manages_department = manages_school | is_department_staff

for model in ("department", "major", "organisation", "membership"):
    rules.add_perm(f"core.add_{model}", manages_school)
    rules.add_perm(f"core.change_{model}", manages_school)
    rules.add_perm(f"core.delete_{model}", manages_school)

rules.add_perm("core.add_schoolclass", manages_department)
rules.add_perm("core.change_schoolclass", manages_department)
rules.add_perm("core.delete_schoolclass", manages_department)

rules.add_perm("core.add_student", manages_department)
rules.add_perm("core.change_student", manages_department)
rules.add_perm("core.delete_student", manages_school)

# Personal data: shown unmasked only to those whose work needs it, and to the person.
rules.add_perm("core.view_phone", manages_department | is_the_person)
rules.add_perm("core.view_id_number", manages_school | is_the_person)

rules.add_perm("core.view_auditentry", manages_school)

# Imports (object: the school imported into) and their jobs.
rules.add_perm("core.import_roster", manages_school)
rules.add_perm("core.view_importjob", manages_school)
