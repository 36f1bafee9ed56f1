"""Per-object permissions of the colleges app (rules predicates over the user's scope and the
object's own foreign keys; which organisations belong to a college, and who may book a
resource, are checked by the services, which can query)."""

import rules

from chanchuang.colleges.choices import BookingStatus, ContributionStatus, ReportStatus
from chanchuang.core.choices import Role
from chanchuang.core.rules import (
    holds_role,
    is_enterprise_member,
    is_observer,
    is_platform_admin,
    manages_school,
    works_at_school,
)
from chanchuang.core.visibility import scope_of


@rules.predicate
def contributed_by_own_organisation(user, contribution=None) -> bool:
    """The contribution is recorded for the user's own organisation."""
    if contribution is None:
        return bool(scope_of(user).organisation_ids)
    return contribution.organisation_id in scope_of(user).organisation_ids


@rules.predicate
def is_unconfirmed(user, contribution=None) -> bool:
    """The contribution has not been confirmed (a confirmed one counts and stays as it is)."""
    return contribution is None or contribution.status != ContributionStatus.CONFIRMED


@rules.predicate
def owns_resource(user, resource=None) -> bool:
    """The user speaks for the resource's owner: school staff of a resource the school owns,
    an enterprise member of the organisation that owns it."""
    if resource is None:
        return False
    resource = getattr(resource, "resource", resource)
    scope = scope_of(user)
    if resource.owner_id is None:
        return resource.college.school_id in scope.staff_schools
    return resource.owner_id in scope.organisation_ids


@rules.predicate
def may_ask_for_bookings(user, obj=None) -> bool:
    """Staff, department staff, enterprise members, mentors and students ask for bookings (the
    booking service checks that they belong to the resource's college)."""
    return bool(scope_of(user).roles & {Role.SCHOOL_STAFF, Role.DEPARTMENT_STAFF,
                                          Role.ENTERPRISE_MEMBER, Role.MENTOR, Role.STUDENT})


@rules.predicate
def booked_it(user, booking=None) -> bool:
    """The user asked for the booking."""
    return booking is not None and booking.booked_by_id == user.pk


@rules.predicate
def holds_slot(user, booking=None) -> bool:
    """The booking is awaiting approval or approved (so it can still be cancelled)."""
    return booking is None or booking.status in (BookingStatus.PENDING, BookingStatus.APPROVED)


@rules.predicate
def owns_decision(user, decision=None) -> bool:
    """The user owns the decision."""
    return decision is not None and decision.owner_id == user.pk


@rules.predicate
def is_draft_report(user, report=None) -> bool:
    """The report has not been submitted yet."""
    return report is None or report.status == ReportStatus.DRAFT


@rules.predicate
def awaits_receipt(user, report=None) -> bool:
    """The report was submitted and the province has not acknowledged it yet."""
    return report is not None and report.status == ReportStatus.SUBMITTED


# Industry colleges, their members and programmes: everyone reads what visible_to lets them;
# school staff set them up.
rules.add_perm("colleges.list_colleges", is_platform_admin | holds_role(
    Role.SCHOOL_STAFF, Role.DEPARTMENT_STAFF, Role.ENTERPRISE_MEMBER, Role.MENTOR, Role.STUDENT,
    Role.OBSERVER))
rules.add_perm("colleges.view_programme_students", is_platform_admin | works_at_school)
for model in ("industrycollege", "collegemember", "collegeprogramme", "council", "councilseat",
              "meeting", "decision", "meetingpaper", "target", "annualreport"):
    rules.add_perm(f"colleges.add_{model}", manages_school)
    rules.add_perm(f"colleges.change_{model}", manages_school)
    rules.add_perm(f"colleges.delete_{model}", manages_school)

# Governance papers: the college's insiders (staff, department staff, member enterprises).
rules.add_perm("colleges.view_governance", is_platform_admin | works_at_school
               | is_enterprise_member)
rules.add_perm("colleges.complete_decision", manages_school | owns_decision)

# Co-developed work: staff record any; an enterprise member its own organisation's, until
# staff confirm it.
rules.add_perm("colleges.view_contributions", is_platform_admin | works_at_school
               | is_enterprise_member)
rules.add_perm("colleges.add_contribution", manages_school | is_enterprise_member)
rules.add_perm("colleges.change_contribution",
               manages_school | (contributed_by_own_organisation & is_unconfirmed))
rules.add_perm("colleges.delete_contribution",
               is_unconfirmed & (manages_school | contributed_by_own_organisation))
rules.add_perm("colleges.confirm_contribution", manages_school)
rules.add_perm("colleges.import_contributions", manages_school)

# Indicators: the scorecard is read by everyone who sees the college's figures.
rules.add_perm("colleges.view_scorecard", is_platform_admin | works_at_school
               | is_enterprise_member | is_observer)

# Shared resources: staff, or the owner's members, describe them; people of the college book.
rules.add_perm("colleges.add_sharedresource", manages_school | is_enterprise_member)
rules.add_perm("colleges.change_sharedresource", manages_school | owns_resource)
rules.add_perm("colleges.delete_sharedresource", manages_school)
rules.add_perm("colleges.add_booking", is_platform_admin | may_ask_for_bookings)
rules.add_perm("colleges.decide_booking", is_platform_admin | owns_resource)
rules.add_perm("colleges.cancel_booking", holds_slot & (is_platform_admin | booked_it
                                                        | owns_resource))
rules.add_perm("colleges.record_use", is_platform_admin | owns_resource)
rules.add_perm("colleges.view_booker", is_platform_admin | booked_it | owns_resource
               | works_at_school)

# Annual reports: staff write, build and submit them; the province acknowledges receipt.
rules.add_perm("colleges.build_report", manages_school)
rules.add_perm("colleges.submit_report", manages_school & is_draft_report)
rules.add_perm("colleges.receive_report", is_observer & awaits_receipt)

# --- resources: who opens the catalogue and the calendars (the people who book), who reads the
# utilisation (staff, department staff, the enterprises that share).
rules.add_perm("colleges.view_resources", is_platform_admin | may_ask_for_bookings)
rules.add_perm("colleges.view_utilisation", is_platform_admin | works_at_school
               | is_enterprise_member)
