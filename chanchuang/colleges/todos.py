"""What the colleges app has waiting on the home page, one block per sub-concept (see
``core.todos``)."""

from __future__ import annotations

import datetime as dt

from django.db.models import OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from chanchuang.colleges.choices import (
    BookingStatus,
    ContributionStatus,
    DecisionStatus,
    ReportStatus,
)
from chanchuang.colleges.models import AnnualReport, Contribution, Decision, IndustryCollege
from chanchuang.colleges.queries import resources as resource_queries
from chanchuang.core import todos

# --- governance: decisions to carry out -------------------------------------------------------


@todos.register
def decision_todos(user, scope) -> list[todos.ToDo]:
    """Anyone who owns an open decision of a meeting (staff, an enterprise member, a council
    member's login): carry it out by its due date (overdue ones first)."""
    if not (scope.is_admin or scope.staff_schools or scope.department_ids
            or scope.organisation_ids):
        return []
    decisions = Decision.objects.visible_to(user).filter(
        owner=user, status=DecisionStatus.OPEN).select_related("meeting").order_by(
        "due_on", "pk")
    return [todos.ToDo(what=_("Carry out the decision: %(text)s") % {"text": decision.text},
                       detail=str(decision.meeting), due=decision.due_on,
                       url=decision.get_absolute_url(), icon="gavel")
            for decision in decisions]


# --- work: co-developed work to confirm, or returned for correction --------------------------


@todos.register
def contribution_todos(user, scope) -> list[todos.ToDo]:
    """School staff: work recorded by enterprises and awaiting confirmation (one to-do with
    the count). Whoever recorded work that staff returned: correct it."""
    found: list[todos.ToDo] = []
    if not (scope.staff_schools or scope.organisation_ids or scope.is_admin):
        return found
    visible = Contribution.objects.visible_to(user)
    waiting = todos.managed(visible, scope, "college__school_id")
    if waiting is not None:
        count = waiting.filter(status=ContributionStatus.RECORDED).count()
        if count:
            found.append(todos.ToDo(
                what=_("Confirm co-developed work: %(count)d awaiting") % {"count": count},
                detail=_("Recorded by member organisations, with their evidence."),
                url=reverse("colleges:contribution_list") + "?status=recorded",
                icon="clipboard-check"))
    returned = visible.filter(recorded_by=user, status=ContributionStatus.RETURNED)
    found += [todos.ToDo(what=_("Correct the returned work: %(title)s")
                         % {"title": contribution.title},
                         detail=contribution.review_note, url=contribution.get_absolute_url(),
                         icon="arrow-back-up")
              for contribution in returned]
    return found


# --- Annual reports ---------------------------------------------------------------------------

# The province collects the annual construction reports of the year just ended in the first
# quarter: a report is due on 31 March of the following year.
REPORT_DUE = (3, 31)


def report_due(year: int) -> dt.date:
    """When the report of ``year`` is due with the province."""
    return dt.date(year + 1, *REPORT_DUE)


@todos.register
def reports_to_receive(user, scope) -> list[todos.ToDo]:
    """A provincial observer: the reports of their province submitted and awaiting receipt
    (签收), oldest submission first."""
    if not scope.observer_provinces:
        return []
    waiting = AnnualReport.objects.visible_to(user).filter(
        status=ReportStatus.SUBMITTED,
        college__school__province_id__in=scope.observer_provinces).select_related(
        "college__school").order_by("submitted_at", "pk")
    return [todos.ToDo(what=_("Acknowledge receipt: %(report)s") % {"report": report},
                       detail=_("Submitted by %(school)s on %(day)s.") % {
                           "school": report.college.school.name,
                           "day": f"{timezone.localtime(report.submitted_at):%Y-%m-%d}"
                           if report.submitted_at else "—"},
                       due=report_due(report.year), url=report.get_absolute_url(),
                       icon="checks")
            for report in waiting]


@todos.register
def reports_to_submit(user, scope) -> list[todos.ToDo]:
    """School staff: from 1 January, each industry college of theirs that ran last year and has
    not submitted its report of last year (due 31 March), with its draft if there is one."""
    colleges = todos.managed(IndustryCollege.objects.visible_to(user), scope)
    if colleges is None:
        return []
    year = timezone.localdate().year - 1
    reports = AnnualReport.objects.filter(college=OuterRef("pk"), year=year)
    waiting = colleges.filter(founded_on__year__lte=year).filter(
        Q(closed_on__isnull=True) | Q(closed_on__year__gte=year)).annotate(
        report_id=Subquery(reports.values("pk")[:1]),
        report_status=Subquery(reports.values("status")[:1])).filter(
        Q(report_id__isnull=True) | Q(report_status=ReportStatus.DRAFT)).order_by("name", "pk")
    return [todos.ToDo(
        what=_("Submit the annual construction report %(year)s: %(college)s")
        % {"year": year, "college": college.name},
        detail=_("A draft is waiting to be built and submitted.") if college.report_id
        else _("No report yet."),
        due=report_due(year),
        url=reverse("colleges:annualreport_detail", args=[college.report_id])
        if college.report_id
        else f"{reverse('colleges:annualreport_add')}?college={college.pk}&year={year}",
        icon="report") for college in waiting]


# --- resources: shared resources and bookings ---------------------------------------------


@todos.register
def booking_todos(user, scope) -> list[todos.ToDo]:
    """The owner's side of shared resources (school staff for the school's own, enterprise
    members for their organisation's): bookings awaiting their approval, and approved slots
    that are over with no use recorded (one to-do per resource). One query."""
    if not (scope.staff_schools or scope.organisation_ids):
        return []
    items, unrecorded = [], {}
    for booking in resource_queries.owner_work(user).select_related(
            "resource", "booked_by").order_by("starts_at", "pk"):
        if booking.status == BookingStatus.APPROVED:
            unrecorded.setdefault(booking.resource_id, []).append(booking)
            continue
        items.append(todos.ToDo(
            what=_("Approve the booking of %(resource)s") % {"resource": booking.resource},
            detail=_("%(when)s · %(who)s: %(purpose)s") % {
                "when": timezone.localtime(booking.starts_at).strftime("%Y-%m-%d %H:%M"),
                "who": booking.booked_by, "purpose": booking.purpose},
            due=timezone.localtime(booking.starts_at).date(), url=booking.get_absolute_url(),
            icon="calendar-question"))
    for bookings in unrecorded.values():
        first = bookings[0]
        items.append(todos.ToDo(
            what=_("Record the use of %(resource)s") % {"resource": first.resource},
            detail=_("%(count)d slots over with no use recorded.") % {"count": len(bookings)},
            due=timezone.localtime(first.ends_at).date(), url=first.get_absolute_url(),
            icon="calendar-check"))
    return items
