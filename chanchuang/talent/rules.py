"""Per-object permissions of the talent app (rules predicates over the user's scope and the
object's own foreign keys). An enterprise member sees its own demand and the supply as counts
by major and skill, never a student; staff and department staff see the students behind the
figures (department staff their department's, by ``visible_to``)."""

import rules

from chanchuang.core.choices import Role
from chanchuang.core.rules import (
    holds_role,
    is_enterprise_member,
    is_platform_admin,
    manages_school,
    works_at_school,
)
from chanchuang.core.visibility import scope_of
from chanchuang.talent.choices import CertificateStatus, DemandOrigin, DemandStatus


@rules.predicate
def speaks_for_organisation(user, obj=None) -> bool:
    """The user is a member of the object's organisation (a demand's enterprise)."""
    if obj is None:
        return bool(scope_of(user).organisation_ids)
    return obj.organisation_id in scope_of(user).organisation_ids


@rules.predicate
def is_declared_open_demand(user, demand=None) -> bool:
    """The demand was declared here and is still open (a position's demand changes with the
    position; a filled or withdrawn one stays as it was)."""
    return demand is None or (demand.origin == DemandOrigin.DECLARED
                              and demand.status == DemandStatus.OPEN)


@rules.predicate
def is_own_student_record(user, obj=None) -> bool:
    """The record (a certificate) is the user's own as a student."""
    if obj is None:
        return bool(scope_of(user).student_schools)
    return obj.student.user_id == user.pk


@rules.predicate
def supervises_student(user, obj=None) -> bool:
    """School staff of the student's school, or staff of the student's department."""
    scope = scope_of(user)
    if obj is None:
        return bool(scope.staff_schools or scope.department_ids)
    student = obj.student
    return student.school_id in scope.staff_schools or student.department_id in scope.department_ids


@rules.predicate
def awaits_check(user, certificate=None) -> bool:
    """The certificate has not been checked yet."""
    return certificate is None or certificate.status == CertificateStatus.CLAIMED


@rules.predicate
def owns_follow_up(user, follow_up=None) -> bool:
    """The user owns the follow-up."""
    return follow_up is not None and follow_up.owner_id == user.pk


@rules.predicate
def is_open_follow_up(user, follow_up=None) -> bool:
    """The follow-up is not done yet."""
    return follow_up is None or follow_up.done_at is None


# Skills and courses: the school's vocabulary, read by everyone who plans or declares against
# it; kept by school staff.
rules.add_perm("talent.view_vocabulary", is_platform_admin | works_at_school
               | is_enterprise_member)
for model in ("skill", "course", "programmeskill"):
    rules.add_perm(f"talent.add_{model}", manages_school)
    rules.add_perm(f"talent.change_{model}", manages_school)
    rules.add_perm(f"talent.delete_{model}", manages_school)
rules.add_perm("talent.import_vocabulary", manages_school)

# Demand: staff declare for any partner, an enterprise member for its own organisation.
rules.add_perm("talent.view_demands", is_platform_admin | works_at_school | is_enterprise_member)
rules.add_perm("talent.add_demand", manages_school | is_enterprise_member)
rules.add_perm("talent.change_demand",
               is_declared_open_demand & (manages_school | speaks_for_organisation))
rules.add_perm("talent.delete_demand",
               is_declared_open_demand & (manages_school | speaks_for_organisation))
rules.add_perm("talent.close_demand", manages_school | speaks_for_organisation)
rules.add_perm("talent.import_demands", manages_school)

# Supply: counts for whoever plans against them; the students behind them for the people who
# supervise them; a student's own skills for the student.
rules.add_perm("talent.view_supply", is_platform_admin | works_at_school | is_enterprise_member)
rules.add_perm("talent.view_students_behind", is_platform_admin | works_at_school)
rules.add_perm("talent.view_own_skills", holds_role(Role.STUDENT))
rules.add_perm("talent.import_grades", manages_school)
rules.add_perm("talent.add_certificate", manages_school | supervises_student
               | holds_role(Role.STUDENT))
rules.add_perm("talent.change_certificate",
               awaits_check & (is_platform_admin | supervises_student | is_own_student_record))
rules.add_perm("talent.delete_certificate",
               awaits_check & (is_platform_admin | supervises_student | is_own_student_record))
rules.add_perm("talent.check_certificate", awaits_check & (is_platform_admin
                                                          | supervises_student))
rules.add_perm("talent.import_certificates", manages_school)

# The gap: the same people as the supply; suggestions name partners and majors, so staff and
# department staff only.
rules.add_perm("talent.view_gap", is_platform_admin | works_at_school | is_enterprise_member)
rules.add_perm("talent.view_suggestions", is_platform_admin | works_at_school)

# Docking activities: staff and department staff record them; the enterprises that took part
# read them; a follow-up is done by its owner or staff.
rules.add_perm("talent.view_docking", is_platform_admin | works_at_school | is_enterprise_member)
rules.add_perm("talent.add_dockingevent", is_platform_admin | works_at_school)
rules.add_perm("talent.change_dockingevent", is_platform_admin | works_at_school)
rules.add_perm("talent.delete_dockingevent", manages_school)
rules.add_perm("talent.complete_follow_up",
               is_open_follow_up & (is_platform_admin | owns_follow_up | works_at_school))

# --- supply: who lists certificates (staff and department staff theirs, a student their own) -
rules.add_perm("talent.view_certificates", is_platform_admin | supervises_student
               | holds_role(Role.STUDENT))
