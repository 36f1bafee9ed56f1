"""Permissions of the insights app (rules predicates over the user's scope and the object's own
foreign keys).

- The dashboard and the outcome chain: school staff (the whole school) and department staff
  (their department); the records behind a figure by ``visible_to``.
- Graduate destinations: school staff and the graduate's department staff record them; school
  staff (the employment office) verify the evidence; a graduate sees their own.
- Reports handed upward: school staff.
- The provincial view: observers of the province (aggregates only) and platform admins.
"""

import rules

from chanchuang.core.rules import (
    is_observer,
    is_platform_admin,
    manages_department,
    manages_school,
    works_at_school,
)

runs_school = is_platform_admin | works_at_school

rules.add_perm("insights.view_dashboard", runs_school)
rules.add_perm("insights.view_chain", runs_school)

rules.add_perm("insights.view_destinations", runs_school)
rules.add_perm("insights.add_graduatedestination", manages_department)
rules.add_perm("insights.change_graduatedestination", manages_department)
rules.add_perm("insights.delete_graduatedestination", manages_school)
rules.add_perm("insights.import_destinations", manages_school)
rules.add_perm("insights.verify_destination", manages_school)

rules.add_perm("insights.view_reports", manages_school)
rules.add_perm("insights.build_report", manages_school)
rules.add_perm("insights.change_partnershipnarrative", manages_school)

rules.add_perm("insights.view_province", is_platform_admin | is_observer)


# --- destinations ------------------------------------------------------------------------------
from chanchuang.core.visibility import scope_of  # noqa: E402
from chanchuang.insights.choices import Verification  # noqa: E402


@rules.predicate
def is_the_graduate(user, obj=None) -> bool:
    """The destination is the user's own (any student, when there is no object)."""
    if obj is None:
        return bool(scope_of(user).student_schools)
    return obj.student.user_id == user.pk


@rules.predicate
def not_verified(user, obj=None) -> bool:
    """The destination's evidence is not verified yet (a graduate may not undo a verdict)."""
    return obj is None or obj.verification != Verification.VERIFIED


# A graduate self-reports their own evidence until it is verified; the staff who record
# destinations upload it too. Either way it is self-reported until school staff verify it.
rules.add_perm("insights.upload_destination_evidence",
               manages_department | (is_the_graduate & not_verified))
rules.add_perm("insights.view_own_destination", is_the_graduate)
