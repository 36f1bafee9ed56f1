"""State changes of the annual construction reports: narrative edits, the build (a background
task writing the PDF and the Word document, with its progress), submission to the province
(whose observers are told) and the province's acknowledgement of receipt."""

from __future__ import annotations

import logging

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from chanchuang.colleges.choices import ReportStatus
from chanchuang.colleges.models import AnnualReport
from chanchuang.core import audit
from chanchuang.core.choices import Role
from chanchuang.core.models import User
from chanchuang.core.services import DomainError, notify, notify_all, save_form

logger = logging.getLogger("chanchuang.colleges")

NARRATIVE = ("summary", "achievements", "problems", "plans")


def save_narrative(*, actor: User, form) -> AnnualReport:
    """Create a report or change its narrative (a draft only). A change makes the documents
    built before it stale: the report is built again before it can be submitted."""
    report = form.instance
    if not report._state.adding:
        stored = AnnualReport.objects.get(pk=report.pk)
        if stored.status != ReportStatus.DRAFT:
            raise DomainError(_("Only a draft report can be changed; this one is %(status)s.")
                              % {"status": stored.get_status_display()})
        if any(getattr(stored, name) != getattr(report, name) for name in NARRATIVE):
            report.built_at = None
    return save_form(actor=actor, form=form)


def request_build(*, actor: User, report: AnnualReport) -> AnnualReport:
    """Queue the building of a draft report's PDF and Word document (a background task, once
    this transaction commits); its page shows the progress."""
    with transaction.atomic():
        # Two clicks at once must queue one build.
        report = AnnualReport.objects.select_for_update().get(pk=report.pk)
        if report.status != ReportStatus.DRAFT:
            raise DomainError(_("Only a draft report is built; this one is %(status)s.")
                              % {"status": report.get_status_display()})
        if report.building:
            raise DomainError(_("The report is already being built."))
        report.building, report.build_progress, report.build_message = True, 0, ""
        report.save(update_fields=["building", "build_progress", "build_message"])
        audit.record(actor=actor, action="colleges.report.build_requested", obj=report,
                     data={"year": report.year})
        transaction.on_commit(lambda: _enqueue(report.pk))
    return report


def _enqueue(report_id: int) -> None:
    from chanchuang.colleges import tasks

    tasks.build_annual_report.enqueue(report_id)


def _progress(report_id: int, percent: int, message: str = "") -> None:
    """Record how far a build has got (outside any transaction, so the page sees it)."""
    AnnualReport.objects.filter(pk=report_id).update(build_progress=percent,
                                                     build_message=message[:300])


def build(report_id: int) -> AnnualReport:
    """Build a report's documents from its narrative and the records as they are now: the
    figures, then the PDF, then the Word document, each step reported as progress. A failure
    leaves the report as it was, with the reason in its build message."""
    from chanchuang.colleges import documents
    from chanchuang.colleges.queries.indicators import scorecard

    report = AnnualReport.objects.select_related("college__school").get(pk=report_id)
    with translation.override("zh-hans"):
        try:
            _progress(report.pk, 10, _("Computing the indicators…"))
            card = scorecard(report.college, report.year, None)
            _progress(report.pk, 40, _("Writing the PDF…"))
            pdf = documents.render_report_pdf(report, card)
            _progress(report.pk, 75, _("Writing the Word document…"))
            docx = documents.render_report_docx(report, card)
        except Exception:  # the build must end in a state the page can show
            logger.exception("annual report %s failed to build", report_id)
            AnnualReport.objects.filter(pk=report_id).update(
                building=False, build_progress=0,
                build_message=_("The build failed; please try again or tell the platform's "
                                "administrator."))
            return AnnualReport.objects.get(pk=report_id)
        name = f"{report.college.school.code}-{report.college_id}-{report.year}"
        with transaction.atomic():
            report = AnnualReport.objects.select_for_update().get(pk=report_id)
            report.pdf.save(f"{name}.pdf", ContentFile(pdf), save=False)
            report.docx.save(f"{name}.docx", ContentFile(docx), save=False)
            report.building, report.build_progress, report.build_message = False, 100, ""
            report.built_at = timezone.now()
            report.save(update_fields=["pdf", "docx", "building", "build_progress",
                                       "build_message", "built_at"])
            audit.record(actor=None, action="colleges.report.built", obj=report,
                         data={"year": report.year, "pdf_bytes": len(pdf),
                               "docx_bytes": len(docx)})
    return report


def observers_of(report: AnnualReport):
    """The provincial observers of the report's school's province."""
    return User.objects.filter(
        is_active=True, memberships__role=Role.OBSERVER,
        memberships__province_id=report.college.school.province_id).distinct()


def submit(*, actor: User, report: AnnualReport) -> AnnualReport:
    """Submit a built draft to the province (报送省级); its observers are told."""
    with transaction.atomic():
        # Submitting while a build or another submission runs must not pass twice.
        report = AnnualReport.objects.select_for_update().select_related(
            "college__school").get(pk=report.pk)
        if report.status != ReportStatus.DRAFT:
            raise DomainError(_("This report is already %(status)s.")
                              % {"status": report.get_status_display()})
        if report.building or report.built_at is None or not report.pdf or not report.docx:
            raise DomainError(_("Build the report (生成报告) with its current text before "
                                "submitting it."))
        before = audit.snapshot(report)
        report.status = ReportStatus.SUBMITTED
        report.submitted_at, report.submitted_by = timezone.now(), actor
        report.save(update_fields=["status", "submitted_at", "submitted_by"])
        audit.record(actor=actor, action="colleges.report.submitted", obj=report,
                     before=before, after=audit.snapshot(report))
        notify_all(users=observers_of(report),
                   title=_("%(report)s submitted for receipt") % {"report": report},
                   body=_("%(school)s submitted it; please acknowledge receipt.")
                   % {"school": report.college.school.name},
                   url=report.get_absolute_url())
    return report


def receive(*, actor: User, report: AnnualReport) -> AnnualReport:
    """Acknowledge receipt of a submitted report for the province (签收); the staff who
    submitted it are told."""
    with transaction.atomic():
        report = AnnualReport.objects.select_for_update().get(pk=report.pk)
        if report.status != ReportStatus.SUBMITTED:
            raise DomainError(_("Only a submitted report can be received; this one is "
                                "%(status)s.") % {"status": report.get_status_display()})
        before = audit.snapshot(report)
        report.status = ReportStatus.RECEIVED
        report.received_at, report.received_by = timezone.now(), actor
        report.save(update_fields=["status", "received_at", "received_by"])
        audit.record(actor=actor, action="colleges.report.received", obj=report,
                     before=before, after=audit.snapshot(report))
        if report.submitted_by_id:
            notify(user=report.submitted_by, title=_("%(report)s received by the province")
                   % {"report": report}, url=report.get_absolute_url())
    return report

