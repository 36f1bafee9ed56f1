"""Uploaded workbooks cannot take the worker down: sheets past the caps are refused before
anything is allocated, the reader runs in a memory-limited child, and a job whose worker died is
failed (at the worker's start-up and by run_daily) with a message to upload again."""

import datetime as dt
import io
import os
import socket
import subprocess
import zipfile
from xml.sax.saxutils import escape

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone

from chanchuang.core.models import ImportJob, Student
from chanchuang.core.tabular import jobs, reading
from chanchuang.core.tabular.reading import ReaderStopped, open_workbook
from chanchuang.core.tests.test_imports import HEADERS, student_rows, upload

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _cell(ref: str, value) -> str:
    if isinstance(value, int | float):
        return f'<c r="{ref}"><v>{value}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(str(value))}</t></is></c>'


def _column(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def workbook(rows: dict[int, dict[int, object]], *, dimension: str | None = None,
             sheet: str = "学生", prolog: str = "") -> bytes:
    """A minimal .xlsx built by hand: one sheet with the given cells (row → column → value)."""
    cells = "".join(
        f'<row r="{r}">' + "".join(_cell(f"{_column(c)}{r}", v)
                                   for c, v in sorted(row.items())) + "</row>"
        for r, row in sorted(rows.items()))
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", (
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/vnd.openxml'
            'formats-package.relationships+xml"/><Default Extension="xml" ContentType='
            '"application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application'
            '/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override '
            'PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.worksheet+xml"/></Types>'))
        archive.writestr("_rels/.rels", (
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            f'package/2006/relationships"><Relationship Id="rId1" Type="{RELS}/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>'))
        archive.writestr("xl/workbook.xml", (
            f'<?xml version="1.0"?><workbook xmlns="{MAIN}" xmlns:r="{RELS}"><sheets>'
            f'<sheet name="{sheet}" sheetId="1" r:id="rId1"/></sheets></workbook>'))
        archive.writestr("xl/_rels/workbook.xml.rels", (
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            f'package/2006/relationships"><Relationship Id="rId1" Type="{RELS}/worksheet" '
            'Target="worksheets/sheet1.xml"/></Relationships>'))
        archive.writestr("xl/worksheets/sheet1.xml", (
            f'<?xml version="1.0"?>{prolog}<worksheet xmlns="{MAIN}">{dim}<sheetData>{cells}'
            '</sheetData></worksheet>'))
    return out.getvalue()


def roster(world, students: int = 3, **last_cell) -> dict[int, dict[int, object]]:
    """The students sheet: headers and ``students`` valid rows (plus, e.g., a far cell)."""
    rows = {1: dict(enumerate(HEADERS, start=1))}
    for offset, values in enumerate(student_rows(world, students)):
        rows[2 + offset] = {c: v for c, v in enumerate(values, start=1) if v != ""}
    for ref, value in last_cell.items():
        row, column = ref.split("_")
        rows.setdefault(int(row), {})[int(column)] = value
    return rows


def _refused(staff, content: bytes) -> str:
    students = Student.objects.count()
    response = staff.run(upload, staff, content)
    assert response.status_code == 200  # the form again, with the message
    assert not ImportJob.objects.exists()
    assert Student.objects.count() == students
    return response.content.decode()


# --- Sheets past the caps are refused before anything is allocated ---------------------------


@pytest.mark.parametrize("cells", [
    {1048576: {16384: "x"}},
    {1: {1: "学号"}, 1048576: {16384: "x"}},  # calamine alone asks for 512 GiB for this one
])
def test_a_sheet_reaching_xfd1048576_is_refused(staff, world, cells):
    content = workbook(cells)
    assert len(content) < 6 * 1024
    page = _refused(staff, content)
    assert "工作表「学生」有 1048576 行，超过上限 200000 行" in page


def test_the_same_cell_without_row_numbers_is_refused_too(staff, world):
    content = workbook({1: {16384: "x"}})  # one row, column XFD
    assert "工作表「学生」有 16384 列，超过上限 200 列" in _refused(staff, content)


@pytest.mark.parametrize(("dimension", "message"), [
    ("A1:K1048576", "工作表「学生」有 1048576 行，超过上限 200000 行"),
    ("A1:XFD1", "工作表「学生」有 16384 列，超过上限 200 列"),
    ("A1:GR199999", "工作表「学生」的范围有 39999800 个单元格（行 × 列），超过上限 10000000 个"),
])
def test_a_huge_declared_dimension_is_refused(staff, world, dimension, message):
    content = workbook(roster(world), dimension=dimension)
    assert message in _refused(staff, content)


def test_a_doctype_with_entities_is_refused(staff, world):
    laughs = ('<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>')
    content = workbook({1: {1: "x"}}, prolog=laughs)
    assert "含有文档类型声明" in _refused(staff, content)


def test_a_workbook_just_within_the_caps_is_accepted(staff, world):
    # 200,000 rows (the cap), the roster's 11 columns: everything after row 4 is empty.
    content = workbook(roster(world, **{"200000_11": ""}))
    response = staff.run(upload, staff, content)
    assert response.status_code == 302
    job = ImportJob.objects.get()
    assert job.status == "ready", job.message
    assert job.summary["sheets"][0]["create"] == 3
    assert job.worker == jobs.worker_id() and job.heartbeat_at is not None


def test_the_caps_are_inclusive_and_one_more_is_refused(staff, world, monkeypatch):
    monkeypatch.setattr(reading, "MAX_SHEET_ROWS", 6)
    assert staff.run(upload, staff, workbook(roster(world, **{"6_1": ""}))).status_code == 302
    ImportJob.objects.all().delete()
    page = _refused(staff, workbook(roster(world, **{"7_1": ""})))
    assert "工作表「学生」有 7 行，超过上限 6 行" in page


# --- The reader's child process, and its memory limit ------------------------------------------


def test_a_child_killed_by_the_memory_limit_fails_the_job(staff, world, settings):
    settings.WORKBOOK_MEMORY_LIMIT_MB = 256
    # Within every cap (100,000 rows × 100 columns = 10,000,000 cells), yet calamine needs
    # 320 MB for the rectangle: the child dies, the worker does not.
    content = workbook(roster(world, **{"100000_100": "x"}))
    response = staff.run(upload, staff, content)
    assert response.status_code == 302
    job = ImportJob.objects.get()
    assert job.status == "failed"
    assert "读取该工作簿所需内存超过 256 MB，已被中止；未写入任何数据" in job.message
    assert not Student.objects.filter(student_no__startswith="2026").exists()
    page = staff.get(job.get_absolute_url()).content.decode()
    assert "内存超过 256 MB" in page


def test_without_the_scan_the_memory_limit_still_stops_the_512_gb_sheet(monkeypatch):
    for cap in ("MAX_SHEET_ROWS", "MAX_SHEET_COLUMNS", "MAX_SHEET_CELLS"):
        monkeypatch.setattr(reading, cap, 10**12)  # as if the pre-scan let it through
    with pytest.raises(ReaderStopped, match="内存超过 2048 MB"):
        open_workbook(io.BytesIO(workbook({1: {1: "学号"}, 1048576: {16384: "x"}})))


def test_the_child_hands_back_only_plain_values(world):
    rows = roster(world, 1)
    sheets = open_workbook(io.BytesIO(workbook(rows)))
    assert [(sheet.name, sheet.row_count) for sheet in sheets] == [("学生", 2)]
    assert list(sheets[0].rows())[1][1][:2] == ["2026000001", "新生1"]


# --- Jobs whose worker died -----------------------------------------------------------------


def _dead_pid() -> int:
    child = subprocess.Popen(["true"])
    child.wait()
    return child.pid


def _job(world, *, worker: str, heartbeat_at, status="checking") -> ImportJob:
    return ImportJob.objects.create(
        school=world.school, kind="roster", created_by=world.staff_wang, status=status,
        file=ContentFile(workbook(roster(world)), name="roster.xlsx"),
        original_name="roster.xlsx",
        worker=worker, heartbeat_at=heartbeat_at)


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend",
                                  "QUEUES": ["default"]}}


@pytest.mark.django_db(transaction=True)
def test_the_worker_fails_at_start_up_the_jobs_of_a_dead_worker(world, database_tasks):
    host, now = socket.gethostname(), timezone.now()
    dead = _job(world, worker=f"{host}:{_dead_pid()}:123", heartbeat_at=now)
    reused = _job(world, worker=f"{host}:{os.getpid()}:1", heartbeat_at=now,
                  status="importing")  # our pid, but another process's start: pid reused
    alive = _job(world, worker=jobs.worker_id(), heartbeat_at=now)
    queued = _job(world, worker="", heartbeat_at=None)
    call_command("db_worker", batch=True, stdout=io.StringIO(), stderr=io.StringIO())
    for job in (dead, reused, alive, queued):
        job.refresh_from_db()
    assert (dead.status, reused.status) == ("failed", "failed")
    assert "后台任务进程在处理该导入时停止" in dead.message and "请重新上传文件" in dead.message
    assert dead.finished_at is not None
    assert (alive.status, queued.status) == ("checking", "checking")


def test_run_daily_fails_a_job_whose_worker_fell_silent(world):
    now = timezone.now()
    silent = _job(world, worker="elsewhere:4242:99", heartbeat_at=now - dt.timedelta(minutes=31))
    busy = _job(world, worker="elsewhere:4243:99", heartbeat_at=now - dt.timedelta(minutes=5))
    done = _job(world, worker="elsewhere:4244:99", status="done",
                heartbeat_at=now - dt.timedelta(days=1))
    out = io.StringIO()
    call_command("run_daily", stdout=out)
    assert "stalled imports: 1" in out.getvalue()
    for job in (silent, busy, done):
        job.refresh_from_db()
    assert (silent.status, busy.status, done.status) == ("failed", "checking", "done")
    assert "请重新上传文件" in silent.message
    call_command("run_daily", stdout=out)  # idempotent
    silent.refresh_from_db()
    assert silent.status == "failed"
