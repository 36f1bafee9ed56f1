"""The roster import: template, checks, preview, atomic and idempotent writes, the API."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from chanchuang.core.models import (
    AuditEntry,
    Department,
    ImportJob,
    Major,
    SchoolClass,
    Student,
    User,
)
from chanchuang.core.tests.factories import id_number

HEADERS = ["学号", "姓名", "性别", "二级学院", "专业", "班级", "入学年份", "出生日期", "状态",
           "手机号", "身份证号"]


def template(client) -> bytes:
    response = client.get(reverse("core:import_template", args=["roster"]))
    assert response.status_code == 200
    return response.content


def filled(content: bytes, rows: list[list], sheet: str = "学生") -> bytes:
    """The template with rows typed under the sample row, as staff would."""
    workbook = load_workbook(io.BytesIO(content))
    worksheet = workbook[sheet]
    for offset, row in enumerate(rows):
        for column, value in enumerate(row, start=1):
            worksheet.cell(row=4 + offset, column=column, value=value)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def student_rows(world, n: int, start: int = 1) -> list[list]:
    return [[f"2026{start + i:06d}", f"新生{start + i}", "女" if i % 2 else "男", "",
             world.major.code, world.school_class.name, 2026, "2008-05-01", "在读",
             f"139{start + i:08d}", id_number(start + i, )] for i in range(n)]


def upload(client, content: bytes, name="roster.xlsx", mode="upsert", capture=None):
    data = {"file": SimpleUploadedFile(name, content), "mode": mode}
    response = client.post(reverse("core:import_start", args=["roster"]), data)
    return response


def _import(staff, content, mode="upsert") -> ImportJob:
    response = staff.run(upload, staff, content, mode=mode)
    assert response.status_code == 302, response.content.decode()[:2000]
    job = ImportJob.objects.latest("pk")
    if job.status == "ready":
        staff.run(staff.post, reverse("core:importjob_confirm", args=[job.pk]))
        job.refresh_from_db()
    return job


def test_template_has_titles_notes_sample_and_the_schools_dropdowns(staff, world):
    workbook = load_workbook(io.BytesIO(template(staff)))
    assert workbook.sheetnames[:4] == ["二级学院", "专业", "班级", "学生"]
    sheet = workbook["学生"]
    assert [c.value for c in sheet[1]] == HEADERS
    assert sheet["A2"].value == "必填"
    assert sheet["A3"].value == "2025010001"
    lists = workbook["选项"]
    assert lists.sheet_state == "hidden"
    values = {c.value for col in lists.iter_cols() for c in col}
    assert {"新能源与电力学院", "430105 电力系统自动化技术", "电力自动化2501班"} <= values
    assert "建筑工程学院" not in values  # another school's department
    formulas = {dv.formula1 for dv in sheet.data_validations.dataValidation}
    assert '"男,女"' in formulas
    assert any("选项" in f for f in formulas)


def test_fifty_students_with_two_mistakes_then_fixed(staff, world):
    rows = student_rows(world, 50)
    rows[9][4] = "999999"          # row 13: an unknown major
    rows[29][9] = "1390000"        # row 33: not a phone number
    job = _import(staff, filled(template(staff), rows))
    assert job.status == "invalid"
    assert [(e["row"], e["column"]) for e in job.errors] == [(13, "专业"), (33, "手机号")]
    assert "“999999”不在本校的名单中" in job.errors[0]["message"]
    assert job.errors[1]["message"] == "手机号：请输入以 1 开头的 11 位手机号码。"
    page = staff.get(job.get_absolute_url()).content.decode()
    assert "第 13 行" in page and "第 33 行" in page and "2 处问题需要修改" in page
    assert Student.objects.count() == 3  # nothing written

    rows[9][4] = world.major.code
    rows[29][9] = "13900000030"
    job = _import(staff, filled(template(staff), rows))
    assert job.status == "done", job.errors
    assert Student.objects.filter(student_no__startswith="2026").count() == 50
    new = Student.objects.get(student_no="2026000001")
    assert new.user.username == "2026000001" and not new.user.has_usable_password()
    assert new.department == world.department  # taken from the major
    assert new.user.name_pinyin == "xinsheng1"
    listing = staff.get(reverse("core:student_list"), {"q": "xinsheng"}).content.decode()
    assert "新生1" in listing


def test_each_kind_of_bad_row_is_reported(staff, world):
    rows = student_rows(world, 6)
    rows[0][1] = ""                          # row 4: required cell missing
    rows[1][4] = "123456"                    # row 5: unknown major
    rows[2][0] = rows[3][0]                  # row 6 duplicates row 7's number
    rows[4][7] = "2008/13/45"                # row 8: not a date
    rows[5][9] = "12345"                     # row 9: not a phone
    job = _import(staff, filled(template(staff), rows))
    found = {(e["row"], e["column"]): e["message"] for e in job.errors}
    assert found[(4, "姓名")] == "此项必填。"
    assert (5, "专业") in found
    assert found[(7, "学号")] == "“2026000004”已出现在第 6 行。"
    assert found[(8, "出生日期")] == "“2008/13/45”不是日期，请写成 2006-09-01 的形式。"
    assert (9, "手机号") in found
    assert Student.objects.count() == 3


def test_the_upload_page_names_the_sheets_and_the_preview_lists_the_rows(staff, world):
    page = staff.get(reverse("core:import_start", args=["roster"])).content.decode()
    assert "二级学院、专业、班级、学生。" in page
    # each import mode is one Tabler check row, its label beside the radio (not wrapped under it)
    assert page.count('<label class="form-check" for="id_mode_') == 2
    response = staff.run(upload, staff, filled(template(staff), student_rows(world, 3)))
    preview = staff.get(response.url).content.decode()
    assert "尚未写入任何数据" in preview
    for number in ("2026000001", "2026000002", "2026000003"):
        assert number in preview  # the rows themselves, not only their count


def test_every_bad_cell_of_a_row_is_reported_at_once(staff, world):
    rows = student_rows(world, 2)
    rows[1][7] = "2008-13-45"                # row 5: not a date …
    rows[1][9] = "1391234"                   # … and not a phone either
    rows[1][10] = "420101199001011230"       # … and an ID number whose check character is wrong
    students = Student.objects.count()
    job = _import(staff, filled(template(staff), rows))
    assert job.status == "invalid"
    bad = sorted(e["column"] for e in job.errors if e["row"] == 5)
    assert bad == ["出生日期", "手机号", "身份证号"]
    assert Student.objects.count() == students


def test_create_only_refuses_a_number_already_registered(staff, world):
    rows = student_rows(world, 2)
    rows[1][0] = world.student_liu.student_no
    job = _import(staff, filled(template(staff), rows), mode="create")
    assert [(e["row"], e["message"]) for e in job.errors] == [
        (5, f"“{world.student_liu.student_no}”已在系统中登记。")]


def test_importing_the_same_file_twice_changes_nothing(staff, world):
    content = filled(template(staff), student_rows(world, 5))
    first = _import(staff, content)
    assert first.summary["sheets"][3]["create"] == 5
    users, audits = User.objects.count(), AuditEntry.objects.count()
    second = _import(staff, content)
    assert second.status == "done"
    assert [s["create"] + s["update"] for s in second.summary["sheets"]] == [0, 0, 0, 0]
    assert second.summary["sheets"][3]["unchanged"] == 5
    assert User.objects.count() == users
    assert AuditEntry.objects.count() == audits + 1  # only the import's own entry


def test_a_changed_row_is_updated_and_audited_with_before_and_after(staff, world):
    content = filled(template(staff), [[
        world.student_liu.student_no, "刘欣悦", "女", "", world.major.code,
        world.school_class.name, 2025, "2006-03-15", "休学", "13812345678",
        world.student_liu.user.id_number]])
    job = staff.run(upload, staff, content)
    job = ImportJob.objects.latest("pk")
    assert job.status == "ready"
    changes = {(c["column"], c["before"], c["after"]) for c in job.summary["sheets"][3]["changes"]}
    assert changes == {("姓名", "刘欣怡", "刘欣悦"), ("状态", "在读", "休学")}
    staff.run(staff.post, reverse("core:importjob_confirm", args=[job.pk]))
    world.student_liu.refresh_from_db()
    assert world.student_liu.status == "suspended"
    entry = AuditEntry.objects.get(object_id=str(world.student_liu.pk), action="changed")
    assert entry.changes == {"real_name": ["刘欣怡", "刘欣悦"], "status": ["enrolled", "suspended"]}


def test_a_bad_row_at_2500_writes_nothing(staff, world):
    rows = student_rows(world, 2600)
    rows[2496][2] = "未知"  # Excel row 2,500
    job = _import(staff, filled(template(staff), rows))
    assert job.status == "invalid"
    assert [(e["row"], e["column"]) for e in job.errors] == [(2500, "性别")]
    assert Student.objects.count() == 3 and User.objects.filter(
        username__startswith="2026").count() == 0


def test_one_workbook_brings_departments_majors_classes_and_students(staff, world):
    content = template(staff)
    content = filled(content, [["智能制造学院", "07"]], sheet="二级学院")
    content = filled(content, [["460301", "机电一体化技术", "智能制造学院", "高职专科", 3]],
                     sheet="专业")
    content = filled(content, [["机电2601班", "460301 机电一体化技术", 2026]], sheet="班级")
    content = filled(content, [["2026100001", "王一", "男", "", "460301", "机电2601班", 2026,
                                "", "", "", ""]])
    job = _import(staff, content)
    assert job.status == "done", job.errors
    student = Student.objects.get(student_no="2026100001")
    assert student.school_class == SchoolClass.objects.get(name="机电2601班")
    assert student.major == Major.objects.get(code="460301")
    assert student.department == Department.objects.get(name="智能制造学院")


def test_a_single_sheet_file_is_recognised_by_its_headers(staff, world):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Sheet1"
    sheet.append(HEADERS)
    sheet.append(student_rows(world, 1)[0])
    out = io.BytesIO()
    workbook.save(out)
    job = _import(staff, out.getvalue())
    assert job.status == "done", job.errors
    assert Student.objects.filter(student_no="2026000001").exists()


def test_an_id_number_typed_as_a_number_is_explained(staff, world):
    rows = student_rows(world, 1)
    rows[0][10] = 110105194912310021  # Excel keeps only 15 digits of it
    job = _import(staff, filled(template(staff), rows))
    assert "设为文本格式" in job.errors[0]["message"]


@pytest.mark.parametrize(("content", "message"), [
    (b"name,phone\n", "不是 Excel .xlsx 工作簿"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "另存为 .xlsx"),
])
def test_wrong_content_is_refused_before_it_is_stored(staff, world, content, message):
    response = upload(staff, content, name="students.xlsx")
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ImportJob.objects.exists()


def test_a_zip_bomb_is_refused_before_it_is_opened(staff, world):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (50 * 1024 * 1024))
    response = upload(staff, out.getvalue())
    assert "出于安全考虑已拒绝" in response.content.decode()
    assert not ImportJob.objects.exists()


def test_only_school_staff_may_import(client, world):
    client.force_login(world.dept_zhou)
    assert client.get(reverse("core:import_start", args=["roster"])).status_code == 403
    assert client.get(reverse("core:import_template", args=["roster"])).status_code == 403


def test_the_api_uploads_polls_and_reports_rows(staff, world):
    rows = student_rows(world, 3)
    rows[1][2] = "未知"
    content = filled(template(staff), rows)
    response = staff.run(staff.post, "/api/v1/imports",
                         {"kind": "roster", "file": SimpleUploadedFile("r.xlsx", content)})
    assert response.status_code == 201, response.content
    job_id = response.json()["id"]
    status = staff.get(f"/api/v1/imports/{job_id}").json()
    assert status["status"] == "invalid" and status["error_count"] == 1
    report = staff.get(f"/api/v1/imports/{job_id}/errors").json()
    assert report == [{"sheet": "学生", "row": 5, "column": "性别",
                       "message": "“未知”不是以下之一：男、女。"}]

    rows[1][2] = "女"
    response = staff.run(staff.post, "/api/v1/imports", {
        "kind": "roster", "file": SimpleUploadedFile("r.xlsx", filled(template(staff), rows))})
    job_id = response.json()["id"]
    assert staff.get(f"/api/v1/imports/{job_id}").json()["status"] == "ready"
    confirmed = staff.run(staff.post, f"/api/v1/imports/{job_id}/confirm")
    assert confirmed.status_code == 200
    assert staff.get(f"/api/v1/imports/{job_id}").json()["status"] == "done"
    assert Student.objects.filter(student_no__startswith="2026").count() == 3


def test_blank_cells_leave_stored_values_alone(staff, world):
    liu = world.student_liu
    content = filled(template(staff), [[liu.student_no, liu.user.real_name, "女", "",
                                        world.major.code, "", 2025, "", "", "", ""]])
    job = _import(staff, content)
    assert job.status == "done"
    assert job.summary["sheets"][3]["unchanged"] == 1
    liu.refresh_from_db()
    assert liu.user.phone == "13812345678" and liu.school_class == world.school_class


def test_a_failure_while_writing_leaves_a_clear_error_and_no_rows(staff, world, monkeypatch):
    from chanchuang.core import imports

    def broken_write(self, plans):
        Student.objects.bulk_create([])  # the transaction is open…
        raise RuntimeError("disk full")   # …and something goes wrong half-way

    monkeypatch.setattr(imports.ClassSheet, "write", broken_write)
    content = filled(template(staff), [["新班2601", world.major.code, 2026]], sheet="班级")
    content = filled(content, student_rows(world, 3))
    job = _import(staff, content)
    assert job.status == "failed"
    assert "未写入任何数据" in job.message and "RuntimeError" in job.message
    assert not SchoolClass.objects.filter(name="新班2601").exists()
    assert not Student.objects.filter(student_no__startswith="2026").exists()
