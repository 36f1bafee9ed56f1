"""Per-object permissions of the placements app."""

import rules

from chanchuang.core.rules import is_platform_admin, manages_school
from chanchuang.core.visibility import scope_of
from chanchuang.placements.choices import EvaluatorSide

# The permission each side evaluates a placement with.
EVALUATE_AS = {EvaluatorSide.ENTERPRISE: "placements.evaluate_as_enterprise",
               EvaluatorSide.SCHOOL: "placements.evaluate_as_school"}


@rules.predicate
def works_on_placements(user, obj=None) -> bool:
    """School staff, or department staff of the object's school."""
    scope = scope_of(user)
    schools = scope.staff_schools | scope.department_schools
    return bool(schools) if obj is None else obj.school_id in schools


@rules.predicate
def supervises_student(user, placement=None) -> bool:
    """Department staff of the placement's student (the school supervisor's side)."""
    scope = scope_of(user)
    return bool(scope.department_ids) if placement is None else \
        placement.department_id in scope.department_ids


@rules.predicate
def is_host(user, obj=None) -> bool:
    """An enterprise member of the position's (or placement's) organisation."""
    organisations = scope_of(user).organisation_ids
    if obj is None:
        return bool(organisations)
    position = getattr(obj, "position", obj)
    return position.organisation_id in organisations


@rules.predicate
def is_the_student(user, placement=None) -> bool:
    """The placement is the user's own."""
    return placement is not None and placement.student.user_id == user.pk


@rules.predicate
def is_student(user) -> bool:
    """The user studies at a school."""
    return bool(scope_of(user).student_schools)


rules.add_perm("placements.view_plans", is_platform_admin | works_on_placements | is_host
               | is_student)
rules.add_perm("placements.add_trainingplan", manages_school)
rules.add_perm("placements.change_trainingplan", manages_school)
rules.add_perm("placements.delete_trainingplan", manages_school)
rules.add_perm("placements.add_position", manages_school | is_host)
rules.add_perm("placements.change_position", manages_school | is_host)
rules.add_perm("placements.delete_position", manages_school | is_host)
rules.add_perm("placements.run_round", manages_school)
rules.add_perm("placements.choose", is_student)
rules.add_perm("placements.rank", manages_school | is_host)
rules.add_perm("placements.view_placements", is_platform_admin | works_on_placements | is_host
               | is_student)
rules.add_perm("placements.manage_placement", manages_school)
rules.add_perm("placements.write_log", is_the_student)
rules.add_perm("placements.view_guardian_consent",
               is_platform_admin | works_on_placements | is_the_student)
rules.add_perm("placements.sign_off", manages_school | is_host)
rules.add_perm("placements.evaluate_as_enterprise", is_host)
rules.add_perm("placements.evaluate_as_school", manages_school | supervises_student)
rules.add_perm("placements.view_exceptions", is_platform_admin | works_on_placements)
rules.add_perm("placements.add_insurancepolicy", manages_school)
rules.add_perm("placements.change_insurancepolicy", manages_school)
rules.add_perm("placements.delete_insurancepolicy", manages_school)

