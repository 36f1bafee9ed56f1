"""Talent demand from Excel: a good file writes every row (skills named, or suggested from the
description when the cell is empty; majors by code; the window from the time frame) and the
same file again changes nothing; a file with bad rows reports each with its row number in
Chinese and writes nothing; the export has the import's columns."""

import io

from django.urls import reverse
from openpyxl import load_workbook

from chanchuang.core.models import AuditEntry, ImportJob
from chanchuang.core.tests.workbooks import import_through_pages, one_sheet
from chanchuang.talent.models import Demand
from chanchuang.talent.services.demand import current_year

HEADERS = ["企业名称", "岗位", "人数", "需求时间", "专业代码", "技能", "薪资下限", "薪资上限",
           "岗位描述"]


def _workbook(rows: list[list]) -> bytes:
    return one_sheet("人才需求", HEADERS, rows)


def _import(client, content: bytes, capture) -> ImportJob:
    return import_through_pages(client, "demands", content, capture)


def _good(world):
    a, b = world.enterprise_a, world.enterprise_b
    return [
        [a.name, "变电运维技术员", 5, "明年", world.major.code, "PLC编程、安全用电", 5000, 8000,
         "负责变电站巡检。"],
        [b.credit_code or b.name, "中餐厨师", 3, "今年", None, None, None, None,
         "负责热菜档口，熟悉可编程控制器者优先。"],
        [a.name, "储能工程师", 2, "两到三年", None, None, 7000, None, ""],
    ]


def test_a_good_file_writes_every_row_and_again_changes_nothing(
        client, world, django_capture_on_commit_callbacks):
    world.skill, world.skill_safety  # noqa: B018 — PLC编程 (可编程控制器), 电气安全操作 (安全用电)
    client.force_login(world.staff_wang)
    page = client.get(reverse("talent:demand_list")).content.decode()
    assert reverse("core:import_start", args=["demands"]) in page
    job = _import(client, _workbook(_good(world)), django_capture_on_commit_callbacks)
    assert job.status == "done", job.errors
    year = current_year()
    rows = {d.post: (d.organisation, d.headcount, d.year_from, d.year_to,
                     sorted((r.skill.name, r.suggested) for r in d.demand_skills.all()),
                     [m.code for m in d.majors.all()])
            for d in Demand.objects.all()}
    assert rows == {
        "变电运维技术员": (world.enterprise_a, 5, year + 1, year + 1,
                      [("PLC编程", False), ("电气安全操作", False)], [world.major.code]),
        "中餐厨师": (world.enterprise_b, 3, year, year, [("PLC编程", True)], []),
        "储能工程师": (world.enterprise_a, 2, year + 2, year + 3, [], []),
    }
    assert AuditEntry.objects.filter(action="talent.demand.imported").count() == 1
    again = _import(client, _workbook(_good(world)), django_capture_on_commit_callbacks)
    assert again.status == "done" and again.summary["sheets"][0]["unchanged"] == 3
    assert Demand.objects.count() == 3


def test_bad_rows_are_each_reported_with_their_row_number_and_nothing_is_written(
        client, world, django_capture_on_commit_callbacks):
    world.skill  # noqa: B018
    client.force_login(world.staff_wang)
    a = world.enterprise_a.name
    job = _import(client, _workbook([
        [a, "变电运维技术员", 5, "明年", None, "PLC编程", None, None, ""],
        ["不存在的公司", "岗位", 1, "今年", None, None, None, None, ""],
        [a, "运维", 0, "明年", "999999", "PLC编程、量子纠缠", 9000, 5000, ""],
        [a, "调度", 2, "后年", None, None, None, None, ""],
    ]), django_capture_on_commit_callbacks)
    assert job.status == "invalid"
    by_row = {}
    for error in job.errors:
        by_row.setdefault(error["row"], []).append(error["message"])
    assert set(by_row) == {3, 4, 5}
    messages = " ".join(by_row[4])
    assert "999999" in messages and "量子纠缠" in messages and "上限低于下限" in messages
    assert "后年" in " ".join(by_row[5])
    assert Demand.objects.count() == 0


def test_the_export_has_the_import_columns(client, world):
    world.demand_a  # noqa: B018
    client.force_login(world.staff_wang)
    response = client.get(reverse("talent:demand_list"), {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0][:9] == ["企业名称", "岗位", "人数", "需求时间", "专业代码", "所需技能",
                                          "月薪下限（元）", "月薪上限（元）", "岗位描述"]
    assert rows[1][0] == world.enterprise_a.name
    assert "PLC编程" in rows[1][5]
