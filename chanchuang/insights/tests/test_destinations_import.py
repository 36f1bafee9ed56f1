"""The school's destination list from Excel: a good file writes every row (codes by number,
name or legacy code; regions by code or name; employers derived) and the same file again
changes nothing, a corrected row updates the graduate's record; a file with bad rows reports
each with its row number in Chinese and writes nothing."""

import datetime as dt

import pytest
from django.urls import reverse

from chanchuang.core.choices import StudentStatus
from chanchuang.core.models import AuditEntry, ImportJob
from chanchuang.core.tests import factories as f
from chanchuang.core.tests.workbooks import import_through_pages, one_sheet
from chanchuang.insights.models import GraduateDestination

HEADERS = ["学号", "毕业年份", "去向代码", "用人单位", "统一社会信用代码", "单位所在地区", "岗位",
           "合同起始日期", "证明类型", "核验状态"]


def _workbook(rows: list[list]) -> bytes:
    return one_sheet("毕业去向", HEADERS, rows)


def _import(client, content: bytes, capture) -> ImportJob:
    return import_through_pages(client, "destinations", content, capture)


@pytest.fixture
def graduates(world):
    return [f.StudentFactory(school_class=world.school_class, enrolment_year=2023,
                             status=StudentStatus.GRADUATED, student_no=f"20230000{n}")
            for n in range(1, 5)]


def _good(world, graduates):
    a = world.enterprise_a
    return [
        [graduates[0].student_no, 2026, "11", a.name, a.credit_code, "420100", "运维技术员",
         dt.date(2026, 7, 1), "就业协议或劳动合同", "核验通过"],
        [graduates[1].student_no, 2026, "境内升学", "湖北工程学院", None, "湖北省孝感市", None,
         None, "录取通知书", None],
        [graduates[2].student_no, 2026, "80", "江汉大学", None, None, None, None, None, None],
        [graduates[3].student_no, 2026, "70", None, None, None, None, None, None, None],
    ]


def test_a_good_file_writes_every_row_and_again_changes_nothing(
        client, world, graduates, django_capture_on_commit_callbacks):
    world.agreement_a  # noqa: B018 — enterprise A is a partner
    client.force_login(world.staff_wang)
    page = client.get(reverse("insights:destination_list")).content.decode()
    assert reverse("core:import_start", args=["destinations"]) in page
    job = _import(client, _workbook(_good(world, graduates)),
                  django_capture_on_commit_callbacks)
    assert job.status == "done", job.errors
    rows = {d.student.student_no: (d.code, d.group, d.employer, d.is_partner, d.in_province,
                                   d.verification, d.verified_by)
            for d in GraduateDestination.objects.select_related("student")}
    assert rows == {
        graduates[0].student_no: ("11", "contract", world.enterprise_a, True, True, "verified",
                                  world.staff_wang),
        graduates[1].student_no: ("801", "study", None, False, True, "self", None),
        graduates[2].student_no: ("801", "study", None, False, False, "missing", None),
        graduates[3].student_no: ("70", "seeking", None, False, False, "missing", None),
    }
    assert AuditEntry.objects.filter(action="insights.destinations.imported").count() == 1
    again = _import(client, _workbook(_good(world, graduates)),
                    django_capture_on_commit_callbacks)
    assert again.status == "done" and again.summary["sheets"][0]["unchanged"] == 4
    # Re-importing a graduate updates their record.
    changed = _good(world, graduates)
    changed[3] = [graduates[3].student_no, 2026, "签劳动合同形式就业", "未登记的公司", None,
                  "440300", "店员", None, None, None]
    third = _import(client, _workbook(changed), django_capture_on_commit_callbacks)
    assert third.status == "done" and third.summary["sheets"][0]["update"] == 1
    updated = GraduateDestination.objects.get(student=graduates[3])
    assert (updated.code, updated.group, updated.employer_name, updated.in_province) == (
        "11", "contract", "未登记的公司", False)
    assert GraduateDestination.objects.count() == 4


def test_bad_rows_are_each_reported_with_their_row_number_and_nothing_is_written(
        client, world, graduates, django_capture_on_commit_callbacks):
    pupil = f.StudentFactory(school_class=world.school_class, enrolment_year=2026,
                             student_no="2026000001")
    client.force_login(world.staff_wang)
    job = _import(client, _workbook([
        [graduates[0].student_no, 2026, "11", "某公司", None, None, None, None, None, None],
        [graduates[1].student_no, 2026, "99", "某公司", "91420100MA4K0000XA", "火星", None,
         "明年", None, None],
        [graduates[2].student_no, 2026, "11", None, None, None, None, None, None, None],
        ["9999999999", 2026, "70", None, None, None, None, None, None, None],
        [pupil.student_no, 2026, "70", None, None, None, None, None, None, None],
        [graduates[0].student_no, 2026, "70", None, None, None, None, None, None, None],
    ]), django_capture_on_commit_callbacks)
    assert job.status == "invalid"
    by_row: dict[int, list[str]] = {}
    for error in job.errors:
        by_row.setdefault(error["row"], []).append(error["message"])
    assert set(by_row) == {3, 4, 5, 6, 7}
    row3 = " ".join(by_row[3])
    assert "99" in row3 and "校验码不正确" in row3 and "火星" in row3 and "明年" in row3
    assert "用人单位" in " ".join(by_row[4])
    assert "9999999999" in " ".join(by_row[5])
    assert "只有毕业生" in " ".join(by_row[6])
    assert "第 2 行" in " ".join(by_row[7]) or "2" in " ".join(by_row[7])
    assert GraduateDestination.objects.count() == 0
