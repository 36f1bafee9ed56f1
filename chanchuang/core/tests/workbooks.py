"""Helpers of every app's import tests: a one-sheet workbook in memory, and an import run
through the pages as staff run it (upload, then confirm once the preview is ready)."""

from __future__ import annotations

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from chanchuang.core.models import ImportJob


def one_sheet(title: str, headers: list[str], rows: list[list]) -> bytes:
    """An .xlsx file with one sheet named ``title``: the headers, then the rows."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def import_through_pages(client, kind: str, content: bytes, capture) -> ImportJob:
    """Upload ``content`` as an import of ``kind`` and confirm it when its preview is ready
    (``capture`` is pytest-django's ``django_capture_on_commit_callbacks``, so the background
    task runs); returns the job as it ended."""
    with capture(execute=True):
        response = client.post(reverse("core:import_start", args=[kind]), {
            "file": SimpleUploadedFile(f"{kind}.xlsx", content), "mode": "upsert"})
    assert response.status_code == 302, response.content.decode()[:2000]
    job = ImportJob.objects.latest("pk")
    if job.status == "ready":
        with capture(execute=True):
            client.post(reverse("core:importjob_confirm", args=[job.pk]))
        job.refresh_from_db()
    return job
