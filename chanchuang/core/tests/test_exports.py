"""Exports: the page's filter, masking by role, formula neutralisation, and the audit log."""

import csv
import io

from django.urls import reverse
from openpyxl import load_workbook

from chanchuang.core.models import AuditEntry
from chanchuang.core.tabular.exporting import neutralise
from chanchuang.core.tests import factories as f


def _xlsx_rows(response) -> list[list]:
    sheet = load_workbook(io.BytesIO(response.content)).active
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def test_export_follows_the_filter_and_logs_rows_and_fields(client, world):
    client.force_login(world.staff_wang)
    response = client.get(reverse("core:student_list"), {"q": "liu", "export": "xlsx"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    rows = _xlsx_rows(response)
    assert rows[0][:3] == ["学号", "姓名", "性别"]
    assert [row[0] for row in rows[1:]] == ["2025000001"]
    assert rows[1][9] == "13812345678"  # school staff need the phone
    entry = AuditEntry.objects.get(action="exported")
    assert entry.actor == world.staff_wang and entry.school == world.school
    assert entry.data["rows"] == 1
    assert entry.data["filters"] == {"q": "liu"}
    assert set(entry.data["personal_fields"]) == {"phone", "id_number"}


def test_export_masks_what_the_role_may_not_see(client, world):
    client.force_login(world.dept_zhou)
    response = client.get(reverse("core:student_list"), {"export": "csv"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    liu = next(row for row in rows if row[0] == "2025000001")
    id_number = world.student_liu.user.id_number
    assert liu[9] == "13812345678"
    assert liu[10] == id_number[:3] + "*" * 11 + id_number[-4:]
    assert id_number not in response.content.decode("utf-8-sig")


def test_cells_a_spreadsheet_would_run_are_neutralised(client, world):
    f.StudentFactory(school_class=world.school_class, student_no="2025000099",
                     user=f.UserFactory(username="evil", real_name='=HYPERLINK("http://x","y")'))
    client.force_login(world.staff_wang)
    rows = _xlsx_rows(client.get(reverse("core:student_list"), {"export": "xlsx"}))
    evil = next(row for row in rows if row[0] == "2025000099")
    assert evil[1] == '\'=HYPERLINK("http://x","y")'
    for trigger in ("=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"):
        assert neutralise(trigger) == "'" + trigger
    assert neutralise("张三") == "张三" and neutralise(-1) == -1


def test_an_exported_roster_imports_back_unchanged(client, world,
                                                   django_capture_on_commit_callbacks):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from chanchuang.core.models import ImportJob

    client.force_login(world.staff_wang)
    exported = client.get(reverse("core:student_list"), {"export": "xlsx"}).content
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("core:import_start", args=["roster"]),
                    {"file": SimpleUploadedFile("back.xlsx", exported), "mode": "upsert"})
    job = ImportJob.objects.get()
    assert job.status == "ready", job.errors
    students = next(s for s in job.summary["sheets"] if s["name"] == "students")
    assert (students["create"], students["update"], students["unchanged"]) == (0, 0, 2)
