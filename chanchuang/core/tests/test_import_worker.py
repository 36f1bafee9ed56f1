"""Imports through the real database task backend and its worker, as `make run` runs them."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from chanchuang.core.models import ImportJob, Student
from chanchuang.core.tests.test_imports import filled, student_rows, template

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend",
                                  "QUEUES": ["default"]}}


def test_the_worker_checks_and_imports_and_the_page_follows(client, world, database_tasks):
    client.force_login(world.staff_wang)
    content = filled(template(client), student_rows(world, 30))
    client.post(reverse("core:import_start", args=["roster"]),
                {"file": SimpleUploadedFile("roster.xlsx", content), "mode": "upsert"})
    job = ImportJob.objects.get()
    assert job.status == "checking"
    page = client.get(job.get_absolute_url(), HTTP_HX_REQUEST="true").content.decode()
    assert 'hx-trigger="every 1s"' in page and "正在逐行检查" in page  # the page polls

    call_command("db_worker", batch=True, stdout=io.StringIO(), stderr=io.StringIO())
    job.refresh_from_db()
    assert job.status == "ready" and job.progress_done == job.progress_total > 0
    page = client.get(job.get_absolute_url(), HTTP_HX_REQUEST="true").content.decode()
    assert "every 1s" not in page and "确认导入" in page

    client.post(reverse("core:importjob_confirm", args=[job.pk]))
    call_command("db_worker", batch=True, stdout=io.StringIO(), stderr=io.StringIO())
    job.refresh_from_db()
    assert job.status == "done"
    assert Student.objects.filter(student_no__startswith="2026").count() == 30
