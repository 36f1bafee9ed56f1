"""Import jobs: upload and check (a preview or every bad row), then confirm and import, each
step a background task that reports its progress on the job."""

from __future__ import annotations

import logging

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from chanchuang.core.choices import ImportMode, ImportStatus
from chanchuang.core.models import ImportJob, School, User
from chanchuang.core.services import DomainError
from chanchuang.core.tabular.reading import UnreadableFile, check_upload
from chanchuang.core.tabular.registry import IMPORT_KINDS, import_kind
from chanchuang.core.uploads import WORKBOOK

logger = logging.getLogger(__name__)


def start_import(*, actor: User, school: School, kind: str, upload: UploadedFile,
                 mode: ImportMode = ImportMode.UPSERT) -> ImportJob:
    """Check the upload is a safe .xlsx, store it, and queue the check of its rows."""
    import_kind(kind)
    if not actor.has_perm(IMPORT_KINDS[kind].permission, school):
        raise DomainError(_("You may not run this import."))
    try:
        check_upload(upload, upload.size)
    except UnreadableFile as exc:
        raise DomainError(str(exc), field="file") from None
    checked = WORKBOOK.accept(upload, field="file")  # a generated name, a safe display name
    with transaction.atomic():
        job = ImportJob.objects.create(school=school, kind=kind, mode=mode, created_by=actor,
                                       file=checked, original_name=checked.display_name)
        transaction.on_commit(lambda: _enqueue("check", job.pk))
    return job


def confirm_import(*, actor: User, job: ImportJob) -> ImportJob:
    """Queue the import of a checked job; only a job ready to import can be confirmed."""
    with transaction.atomic():
        # Two clicks on "import" must not start two imports: lock the job row.
        job = ImportJob.objects.select_for_update().get(pk=job.pk)
        if job.status != ImportStatus.READY:
            raise DomainError(_("This file is not ready to import (status: %(status)s).")
                              % {"status": job.get_status_display()})
        job.status = ImportStatus.IMPORTING
        job.progress_done = 0
        job.save(update_fields=["status", "progress_done"])
        transaction.on_commit(lambda: _enqueue("run", job.pk))
    return job


def _enqueue(step: str, job_id: int) -> None:
    from chanchuang.core import tasks

    (tasks.check_import if step == "check" else tasks.run_import).enqueue(job_id)


def _progress(job_id: int):
    def report(done: int, total: int) -> None:
        ImportJob.objects.filter(pk=job_id).update(progress_done=done, progress_total=total)
    return report


def check_job(job_id: int) -> None:
    """Read every row and report what the import would do, or every bad row. Writes no data."""
    job = ImportJob.objects.select_related("school", "created_by").get(pk=job_id)
    kind = import_kind(job.kind)
    _finish(job, lambda stream: kind_plan(kind, stream, job), ImportStatus.READY)


def run_job(job_id: int) -> None:
    """Re-check against the current data and write everything in one transaction, or nothing."""
    from chanchuang.core.tabular.importing import apply_workbook

    job = ImportJob.objects.select_related("school", "created_by").get(pk=job_id)
    kind = import_kind(job.kind)
    _finish(job, lambda stream: apply_workbook(
        kind, stream, school=job.school, actor=job.created_by, job=job,
        create_only=job.mode == ImportMode.CREATE, progress=_progress(job.pk)),
        ImportStatus.DONE)


def kind_plan(kind, stream, job: ImportJob):
    """Plan a job's workbook (no writes)."""
    from chanchuang.core.tabular.importing import plan_workbook

    return plan_workbook(kind, stream, school=job.school, actor=job.created_by,
                         create_only=job.mode == ImportMode.CREATE, progress=_progress(job.pk))


def _finish(job: ImportJob, step, success: ImportStatus) -> None:
    """Run a step on the job's file and record its outcome on the job."""
    try:
        with job.file.open("rb") as stream:
            plan = step(stream)
    except UnreadableFile as exc:
        job.status, job.message = ImportStatus.INVALID, str(exc)
    except Exception as exc:  # the job must end in a state the page can show
        logger.exception("import job %s failed", job.pk)
        job.status = ImportStatus.FAILED
        job.message = _("The import stopped because of an unexpected error; nothing was "
                        "written. (%(error)s)") % {"error": exc.__class__.__name__}
    else:
        job.summary = plan.summary()
        job.errors = [error.as_dict() for error in plan.errors]
        if plan.ok:
            job.status, job.message = success, ""
        else:
            job.status = ImportStatus.INVALID
            job.message = "" if plan.errors else _("The file has no rows to import.")
    job.refresh_from_db(fields=["progress_total"])  # the step reported it as it went
    job.progress_done = job.progress_total
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "message", "summary", "errors", "progress_done",
                            "finished_at"])
