"""State changes of the reports handed upward: the narrative staff write for a year's annual
partnership report, a request for a report (a job queued as a background task once the
transaction commits), the build itself (progress reported on the job; the files written; done
or failed with a reason people can read) and the logged download of a built file."""

from __future__ import annotations

import logging

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from chanchuang.core import audit
from chanchuang.core.models import AuditEntry, School, User
from chanchuang.core.services import DomainError, save_form
from chanchuang.insights.choices import JobStatus, ReportKind
from chanchuang.insights.models import PartnershipNarrative, ReportJob

logger = logging.getLogger("chanchuang.insights")

FIRST_YEAR = 2000


def years() -> list[int]:
    """The years a report may be about: newest first, from next year back to 2000."""
    return list(range(timezone.localdate().year + 1, FIRST_YEAR - 1, -1))


def save_narrative(*, actor: User, form) -> PartnershipNarrative:
    """Create or change a year's narrative of the annual partnership report (audited as a
    plain edit: the documents built before keep the text they were built with)."""
    return save_form(actor=actor, form=form)


def request(*, actor: User, school: School, kind: str, year: int) -> ReportJob:
    """Queue a build of a report of the school for a year (a background task, once this
    transaction commits); the job's page shows the progress. One build per report and year at
    a time: a second request while one is queued or building is refused."""
    if kind not in ReportKind.values:
        raise DomainError(_("Report: choose one of the reports offered."), field="kind")
    if year not in years():
        raise DomainError(_("Year: %(first)s to %(last)s.")
                          % {"first": FIRST_YEAR, "last": years()[0]}, field="year")
    with transaction.atomic():
        # Two clicks at once must queue one job: the school's row is the lock both wait on.
        School.objects.select_for_update().get(pk=school.pk)
        if ReportJob.objects.filter(school=school, kind=kind, year=year,
                                    status__in=[JobStatus.QUEUED, JobStatus.RUNNING]).exists():
            raise DomainError(_("This report of %(year)s is already being built; wait for it "
                                "to finish.") % {"year": year})
        job = ReportJob.objects.create(school=school, kind=kind, year=year, requested_by=actor)
        audit.record(actor=actor, action="insights.report.requested", obj=job,
                     data={"kind": kind, "year": year})
        transaction.on_commit(lambda: _enqueue(job.pk))
    return job


def _enqueue(job_id: int) -> None:
    from chanchuang.insights import tasks

    tasks.build_report.enqueue(job_id)


def _progress(job_id: int, percent: int, message: str = "", **fields) -> None:
    """Record how far a build has got (outside any transaction, so the page sees it)."""
    ReportJob.objects.filter(pk=job_id).update(progress=percent, message=message[:300],
                                               **fields)


def _files(job: ReportJob) -> tuple[bytes, bytes | None, int]:
    """Read the records and write the job's file(s): (main file, Word document or None, rows or
    figures written). ``data_as_of`` is set as the records are read."""
    from chanchuang.insights.documents import reports as documents
    from chanchuang.insights.layouts import LAYOUTS
    from chanchuang.insights.queries import reports as queries

    school, year = job.school, job.year
    as_of = timezone.now()
    _progress(job.pk, 40, _("Reading the records…"), data_as_of=as_of)
    if job.kind == ReportKind.ANNUAL:
        narrative = (PartnershipNarrative.objects.filter(school=school, year=year).first()
                     or PartnershipNarrative(school=school, year=year))
        figure_rows, breakdowns = queries.figures(school, year)
        data = documents.context(narrative, figure_rows, breakdowns, as_of)
        _progress(job.pk, 75, _("Writing the PDF and the Word document…"))
        return (documents.annual_pdf(data), documents.annual_docx(data),
                len(figure_rows) + len(breakdowns))
    rows = {ReportKind.INTERNSHIPS: queries.internship_rows,
            ReportKind.DESTINATIONS: queries.destination_rows,
            ReportKind.STATUS_DATA: queries.status_rows}[job.kind](school, year)
    content, count = documents.workbook(LAYOUTS[job.kind], rows, school=school, year=year,
                                        data_as_of=as_of)
    _progress(job.pk, 75, _("Writing the workbook…"))
    return content, None, count


def build(job_id: int) -> ReportJob:
    """Build a queued job's files from the records as they are now, reporting progress
    (10, 40, 75, 100). A failure marks the job failed with a reason people can read."""
    job = ReportJob.objects.select_related("school").get(pk=job_id)
    if job.status != JobStatus.QUEUED:  # a job runs once (a task delivered twice does nothing)
        return job
    with translation.override("zh-hans"):
        _progress(job.pk, 10, _("Starting…"), status=JobStatus.RUNNING)
        try:
            content, docx, count = _files(job)
        except Exception:  # the job must end in a state the page can show
            logger.exception("report job %s failed to build", job_id)
            _progress(job.pk, 0, _("The build failed; please try again or tell the platform's "
                                   "administrator."), status=JobStatus.FAILED,
                      finished_at=timezone.now())
            return ReportJob.objects.get(pk=job_id)
        name = f"{job.school.code}-{job.kind}-{job.year}-{job.pk}"
        extension = "pdf" if job.kind == ReportKind.ANNUAL else "xlsx"
        with transaction.atomic():
            job = ReportJob.objects.select_for_update().select_related("school").get(pk=job_id)
            job.file.save(f"{name}.{extension}", ContentFile(content), save=False)
            if docx is not None:
                job.docx.save(f"{name}.docx", ContentFile(docx), save=False)
            job.status, job.progress, job.message = JobStatus.DONE, 100, _("Done.")
            job.finished_at = timezone.now()
            job.save(update_fields=["file", "docx", "status", "progress", "message",
                                    "finished_at"])
            audit.record(actor=None, action="insights.report.built", obj=job,
                         data={"kind": job.kind, "year": job.year, "rows": count,
                               "bytes": len(content),
                               "data_as_of": job.data_as_of.isoformat()})
    return job


# The reports that list people by name: their downloads are exports of personal data.
PERSONAL = {ReportKind.INTERNSHIPS: ["student_no", "real_name"],
            ReportKind.DESTINATIONS: ["student_no", "real_name", "gender"]}


def record_download(*, actor: User, job: ReportJob, field: str) -> None:
    """Log the download of a built file; a layout listing people is also logged as an export
    of personal data (core's ``exported`` entry, which one filter finds with every other)."""
    with transaction.atomic():
        audit.record(actor=actor, action="insights.report.downloaded", obj=job,
                     data={"kind": job.kind, "year": job.year, "file": field})
        if job.kind in PERSONAL:
            built = AuditEntry.objects.filter(action="insights.report.built",
                                              object_id=str(job.pk)).values_list("data", flat=True)
            rows = next(iter(built), {}).get("rows", 0)
            audit.record_export(actor=actor, model=ReportJob, school_id=job.school_id, rows=rows,
                                fields=[job.kind], personal_fields=PERSONAL[job.kind],
                                filters={"year": job.year, "job": job.pk}, file_format="xlsx")
