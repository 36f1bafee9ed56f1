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
