"""Import jobs: upload and check (a preview or every bad row), then confirm and import, each
step a background task that reports its progress on the job.

A step records which worker process is on the job and keeps saying so (``heartbeat_at``); a
job whose worker died (killed, out of memory) is failed with a message by
``recover_stalled_jobs``, which the task worker runs when it starts and ``run_daily`` runs too.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from chanchuang.core import audit
from chanchuang.core.choices import ImportMode, ImportStatus
from chanchuang.core.models import ImportJob, School, User
from chanchuang.core.services import DomainError
from chanchuang.core.tabular.reading import ReaderStopped, UnreadableFile, check_upload
from chanchuang.core.tabular.registry import IMPORT_KINDS, import_kind
from chanchuang.core.uploads import WORKBOOK

logger = logging.getLogger(__name__)

# A worker that has not said it is alive for this long is taken for dead even on another host
# (a step reports at least every 20 s while reading and every 2,000 rows while checking; only
# the final write of a very large import is silent, and it takes minutes, not half an hour).
STALE_AFTER = dt.timedelta(minutes=30)
RUNNING = (ImportStatus.CHECKING, ImportStatus.IMPORTING)


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
        ImportJob.objects.filter(pk=job_id).update(progress_done=done, progress_total=total,
                                                   heartbeat_at=timezone.now())
    return report


def _heartbeat(job_id: int):
    def beat() -> None:
        ImportJob.objects.filter(pk=job_id).update(heartbeat_at=timezone.now())
    return beat


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
        create_only=job.mode == ImportMode.CREATE, progress=_progress(job.pk),
        heartbeat=_heartbeat(job.pk)),
        ImportStatus.DONE)


def kind_plan(kind, stream, job: ImportJob):
    """Plan a job's workbook (no writes)."""
    from chanchuang.core.tabular.importing import plan_workbook

    return plan_workbook(kind, stream, school=job.school, actor=job.created_by,
                         create_only=job.mode == ImportMode.CREATE, progress=_progress(job.pk),
                         heartbeat=_heartbeat(job.pk))


def _finish(job: ImportJob, step, success: ImportStatus) -> None:
    """Run a step on the job's file and record its outcome on the job."""
    ImportJob.objects.filter(pk=job.pk).update(worker=worker_id(), heartbeat_at=timezone.now())
    try:
        with job.file.open("rb") as stream:
            plan = step(stream)
    except ReaderStopped as exc:  # the reading child died: the worker did not
        job.status, job.message = ImportStatus.FAILED, str(exc)
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


def _process_start(pid: int) -> str:
    """When process ``pid`` started (clock ticks since boot, from /proc), "" where unknown:
    with the pid it names one process even after the pid is reused."""
    try:
        stat = open(f"/proc/{pid}/stat", "rb").read()  # noqa: SIM115 - one read of a tiny file
    except OSError:
        return ""
    return stat.rsplit(b")", 1)[-1].split()[19].decode()


def worker_id() -> str:
    """This process, as host:pid:start (what a job records about the worker on it)."""
    pid = os.getpid()
    return f"{socket.gethostname()}:{pid}:{_process_start(pid)}"[:120]


def _worker_gone(worker: str, heartbeat_at: dt.datetime | None, now: dt.datetime) -> bool:
    """Whether the worker that claimed a job is gone: silent for STALE_AFTER, or (on this
    host) its process no longer exists."""
    if heartbeat_at is None or now - heartbeat_at > STALE_AFTER:
        return True
    host, _sep, rest = worker.partition(":")
    pid, _sep, started = rest.partition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return False  # another machine's worker: only its silence tells
    if not os.path.exists("/proc/self/stat"):
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            return True
        except PermissionError:
            return False
        return False
    return _process_start(int(pid)) != started


def recover_stalled_jobs() -> int:
    """Fail every checking or importing job whose worker died, saying to upload again; a job
    still queued (no worker yet) is left to its worker. Returns how many were failed."""
    now = timezone.now()
    candidates = ImportJob.objects.filter(status__in=RUNNING).exclude(worker="") \
        .values_list("pk", "worker", "heartbeat_at", "status")
    recovered = 0
    message = _("The import stopped because the background worker ended while working on it "
                "(for example it ran out of memory); nothing was written. Upload the file "
                "again.")
    for pk, worker, heartbeat_at, status in candidates:
        if not _worker_gone(worker, heartbeat_at, now):
            continue
        with transaction.atomic():
            # The worker may have come back to life and finished the job since we read it:
            # update only if the job is still exactly as we judged it.
            changed = ImportJob.objects.filter(
                pk=pk, status=status, worker=worker, heartbeat_at=heartbeat_at,
            ).update(status=ImportStatus.FAILED, message=message, finished_at=now)
            if changed:
                job = ImportJob.objects.get(pk=pk)
                audit.record(actor=None, action="core.import.stalled", obj=job,
                             before={"status": status},
                             after={"status": ImportStatus.FAILED},
                             data={"via": "recovery", "worker": worker})
                recovered += changed
                logger.warning("import job %s failed: its worker %s is gone", pk, worker)
    return recovered
