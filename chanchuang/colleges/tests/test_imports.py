"""Co-developed work from Excel: a good file writes every row (confirmed, handed to the ledger)
and the same file again changes nothing; a file with bad rows reports each with its row number
in Chinese and writes nothing; only staff import; the export has the import's columns."""

import io

from django.urls import reverse
from openpyxl import load_workbook

from chanchuang.colleges.imports import COLUMNS
from chanchuang.colleges.models import Contribution
from chanchuang.core.models import AuditEntry, ImportJob
from chanchuang.core.tests.workbooks import import_through_pages, one_sheet

HEADERS = ["产业学院", "类别", "名称", "贡献方", "日期", "数量/金额", "作者", "出版社",
           "服务对象", "说明"]


def _workbook(rows: list[list]) -> bytes:
    return one_sheet("共建成果", HEADERS, rows)


def _import(client, content: bytes, capture) -> ImportJob:
    return import_through_pages(client, "contributions", content, capture)


def _good(world):
    world.college  # noqa: B018 — the school's college, with enterprise A
    a = world.enterprise_a.name
    return [
        ["碳中和产业学院", "共建课程", "碳排放核算实务", a, "2026-03-01", 48,
         "王凯（学校）、李建华（企业）", None, None, None],
        ["碳中和产业学院", "共建教材", "碳资产管理实务", "学校", "2026/04/01", None, "王凯（学校）",
         "中国电力出版社", None, None],
        ["碳中和产业学院", "技术服务项目", "碳盘查服务", "学校", "2026-05-01", 12.5, None, None, a,
         "园区企业碳盘查"],
        ["碳中和产业学院", "员工培训", "碳管理员培训", a, "2026年6月1日", 20, None, None, None,
         None],
    ]


def test_a_good_file_writes_every_row_and_again_changes_nothing(
        client, world, django_capture_on_commit_callbacks):
    client.force_login(world.staff_wang)
    page = client.get(reverse("colleges:contribution_list")).content.decode()
    assert reverse("core:import_start", args=["contributions"]) in page
    job = _import(client, _workbook(_good(world)), django_capture_on_commit_callbacks)
    assert job.status == "done", job.errors
    rows = {(c.kind, c.title, c.organisation, str(c.amount), c.status)
            for c in Contribution.objects.all()}
    assert rows == {
        ("course", "碳排放核算实务", world.enterprise_a, "48.00", "confirmed"),
        ("textbook", "碳资产管理实务", None, "None", "confirmed"),
        ("service", "碳盘查服务", None, "12.50", "confirmed"),
        ("training", "碳管理员培训", world.enterprise_a, "20.00", "confirmed"),
    }
    assert AuditEntry.objects.filter(action="colleges.contribution.imported").count() == 1
    again = _import(client, _workbook(_good(world)), django_capture_on_commit_callbacks)
    assert again.status == "done" and again.summary["sheets"][0]["unchanged"] == 4
    assert Contribution.objects.count() == 4


def test_bad_rows_are_each_reported_with_their_row_number_and_nothing_is_written(
        client, world, django_capture_on_commit_callbacks):
    b = world.enterprise_b.name
    rows = [*_good(world),
            ["碳中和产业学院", "共建课程", "早于成立", "学校", "2025-08-01", 10, "王凯（学校）",
             None, None, None],                                                       # row 6
            ["碳中和产业学院", "技术服务项目", "没有收入", "学校", "2026-05-01", None, None,
             None, b, None],                                                          # row 7
            ["碳中和产业学院", "捐赠设备", "非成员设备", b, "2026-05-01", 30, None, None, None,
             None],                                                                   # row 8
            ["远方产业学院", "共建课程", "别校课程", "学校", "2026-05-01", 10, "某某", None,
             None, None]]                                                             # row 9
    client.force_login(world.staff_wang)
    job = _import(client, _workbook(rows), django_capture_on_commit_callbacks)
    assert job.status == "invalid"
    assert [(e["row"], e["column"]) for e in job.errors] == [
        (6, "日期"), (7, "数量/金额"), (8, "贡献方"), (9, "产业学院")]
    assert "不在产业学院的存续期内" in job.errors[0]["message"]
    assert not Contribution.objects.exists()


def test_only_staff_import_and_the_export_has_the_import_columns(client, world):
    world.contribution_school  # noqa: B018
    client.force_login(world.hr_li)
    assert client.get(reverse("core:import_start", args=["contributions"])).status_code == 403
    client.force_login(world.staff_wang)
    response = client.get(reverse("colleges:contribution_list") + "?export=xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    headers = [cell.value for cell in next(sheet.iter_rows(max_row=1))]
    assert headers[:len(COLUMNS)] == [
        "产业学院", "类别", "名称", "贡献方", "日期", "数量/金额", "作者", "专业核心课", "实践课",
        "出版社", "ISBN", "聘任", "服务对象", "说明"]
    assert AuditEntry.objects.filter(action="exported").exists()
