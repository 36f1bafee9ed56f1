"""Per-object permissions of the mentors app."""

import rules

from chanchuang.core.choices import Role
from chanchuang.core.rules import holds_role, is_platform_admin, manages_school
from chanchuang.core.visibility import scope_of
from chanchuang.mentors.choices import AppointmentStatus


@rules.predicate
def is_the_mentor(user, obj=None) -> bool:
    """The object is the user's own mentor record (or its appointment or activity)."""
    if obj is None:
        return False
    mentor = getattr(obj, "mentor", obj)
    return mentor.user_id is not None and mentor.user_id == user.pk


@rules.predicate
def works_with_mentors(user, obj=None) -> bool:
    """School staff or department staff (of the object's school)."""
    scope = scope_of(user)
    schools = scope.staff_schools | scope.department_schools
    return bool(schools) if obj is None else obj.school_id in schools


@rules.predicate
def is_proposed(user, obj=None) -> bool:
    """The appointment is still a proposal (only proposals can be changed)."""
    return obj is None or obj.status == AppointmentStatus.PROPOSED


rules.add_perm("mentors.list_mentors", is_platform_admin | holds_role(
    Role.SCHOOL_STAFF, Role.DEPARTMENT_STAFF, Role.ENTERPRISE_MEMBER, Role.MENTOR, Role.STUDENT))
for model in ("mentor", "appointmenttitle"):
    rules.add_perm(f"mentors.add_{model}", manages_school)
    rules.add_perm(f"mentors.change_{model}", manages_school)
rules.add_perm("mentors.delete_mentor", manages_school)
rules.add_perm("mentors.add_appointment", manages_school)
rules.add_perm("mentors.change_appointment", manages_school & is_proposed)
rules.add_perm("mentors.manage_appointment", manages_school)
rules.add_perm("mentors.view_phone", manages_school | is_the_mentor)
rules.add_perm("mentors.print_letter", manages_school | is_the_mentor)
@rules.predicate
def colleague_of(user, obj=None) -> bool:
    """The mentor works for the user's organisation."""
    return obj is not None and getattr(obj, "mentor", obj).organisation_id in scope_of(
        user).organisation_ids


rules.add_perm("mentors.view_records", is_platform_admin | works_with_mentors | is_the_mentor
               | colleague_of)
rules.add_perm("mentors.record_activity", is_platform_admin | works_with_mentors | is_the_mentor)
