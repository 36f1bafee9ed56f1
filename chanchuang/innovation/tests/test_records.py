"""The innovation record: the conversion table, "only the highest credit of a project counts",
a student's record page and its isolation, the PDF and workbook (logged), the staff list and
its export, recording and removing credits, the credits import, start-ups."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from chanchuang.core.models import AuditEntry, ImportJob
from chanchuang.core.services import DomainError
from chanchuang.core.tests.factories import credit_code
from chanchuang.core.tests.workbooks import import_through_pages, one_sheet
from chanchuang.innovation.models import Credit, CreditRule, Project, Startup
from chanchuang.innovation.services import records

IMPORT_HEADERS = ["学号", "类别", "名称", "竞赛", "奖项", "日期", "学分"]


@pytest.fixture
def table(world):
    """The school's conversion table: competitions by level and award, certificates by award,
    start-up practice."""
    world.credit_rule  # noqa: B018 — competition, provincial, 一等奖: 4
    for category, level, award, credits in [
        ("competition", "provincial", "", 3), ("competition", "", "", 1),
        ("competition", "national", "一等奖", 6), ("certificate", "", "高级工", 2),
        ("startup", "", "", 3),
    ]:
        CreditRule.objects.create(school=world.school, category=category, level=level,
                                  award=award, credits=credits)


def _project(world, *students, title="阳台光伏") -> Project:
    project = Project.objects.create(school=world.school, title=title)
    project.students.set(students or [world.student_liu])
    return project


def _credit(world, title, credits, *, project=None, earned_on=dt.date(2026, 5, 1),
            category="competition", student=None):
    return records.record_credit(actor=world.staff_wang, student=student or world.student_liu,
                                 category=category, title=title, earned_on=earned_on,
                                 credits=Decimal(credits), project=project)


def _one_project_credits(world, title: str) -> None:
    """student_liu's two credits of one project: ``title`` (3, counts) and 大创项目 (2, does not:
    the same project has a higher one)."""
    solar = _project(world)
    _credit(world, title, 3, project=solar)
    _credit(world, "大创项目", 2, project=solar, category="research",
            earned_on=dt.date(2025, 6, 1))


# --- The conversion table and the totals -----------------------------------------------------


@pytest.mark.parametrize(("level", "award", "expected"), [
    ("provincial", "一等奖", 4),    # the line for the level and the award
    ("provincial", " 一等奖 ", 4),  # typed with spaces
    ("provincial", "二等奖", 3),    # no line for that award: the level's line
    ("school", "一等奖", 1),        # no line for the level: the category's line
    ("national", "一等奖", 6),
])
def test_the_conversion_table_gives_the_most_specific_line(world, table, today, level, award,
                                                           expected):
    world.competition.level = level
    world.competition.save()
    credit = records.record_credit(actor=world.staff_wang, student=world.student_liu,
                                   category="competition", title="“互联网+”",
                                   earned_on=dt.date(2026, 10, 20), award=award,
                                   competition=world.competition)
    assert credit.credits == expected
    assert credit.award == award.strip()


def test_a_line_the_table_has_no_rule_for_is_refused_in_chinese(world, table, today):
    with pytest.raises(DomainError, match="学分认定表中没有对应项，请填写学分。"):
        records.record_credit(actor=world.staff_wang, student=world.student_liu,
                              category="training", title="创业培训",
                              earned_on=dt.date(2026, 10, 1))
    with pytest.raises(DomainError, match="日期：获得学分后才能登记。"):
        _credit(world, "未来的奖", 2, earned_on=dt.date(2027, 1, 1))
    assert not Credit.objects.exists()


def test_the_same_line_twice_is_refused(world, today):
    _credit(world, "国赛三等奖", 3)
    with pytest.raises(DomainError, match="该学生的档案中已有这一项。"):
        _credit(world, "国赛三等奖", 3)
    assert Credit.objects.count() == 1


def test_only_the_highest_credit_of_a_project_counts(world, today):
    solar = _project(world)
    national = _credit(world, "国赛三等奖", 3, project=solar)
    research = _credit(world, "大创项目", 2, project=solar, category="research",
                       earned_on=dt.date(2025, 6, 1))
    certificate = _credit(world, "电工高级工", 2, category="certificate",
                          earned_on=dt.date(2025, 3, 1))
    tie = _project(world, title="预制菜")
    first = _credit(world, "校赛一等奖", "1.5", project=tie, earned_on=dt.date(2026, 3, 1))
    second = _credit(world, "院赛一等奖", "1.5", project=tie, earned_on=dt.date(2026, 4, 1))

    record = records.record_of(world.student_liu)
    counts = {line.pk: line.counts for line in record.lines}
    assert counts == {national.pk: True, research.pk: False, certificate.pk: True,
                      first.pk: True, second.pk: False}  # a tie: the first recorded counts
    assert record.total == Decimal("6.5")
    assert record.by_category == {"competition": Decimal("4.5"), "certificate": Decimal(2)}
    assert record.by_year == {2026: Decimal("4.5"), 2025: Decimal(2)}
    assert [(year.year, len(year.lines), year.total) for year in record.years] == [
        (2026, 3, Decimal("4.5")), (2025, 2, Decimal(2))]
    assert record.category_totals == [("竞赛", Decimal("4.5")), ("技能证书", Decimal(2))]


# --- The record page, its isolation and its documents ----------------------------------------


@pytest.mark.parametrize(("who", "whose", "status"), [
    ("student_user", "student_liu", 200),  # their own
    ("student_user", "student_ma", 404),   # another student's
    ("dept_zhou", "student_liu", 200),     # a student of their department
    ("dept_zhou", "student_ma", 404),      # a student of another department
    ("staff_wang", "student_ma", 200),
    ("staff_far", "student_liu", 404),     # another school's staff
    ("hr_li", "student_liu", 404),
    ("mentor_chen", "student_liu", 404),
    ("observer_hubei", "student_liu", 404),
])
def test_a_record_is_seen_by_staff_department_staff_and_the_student_only(client, world, who,
                                                                          whose, status):
    world.credit_liu, world.credit_ma  # noqa: B018
    client.force_login(getattr(world, who))
    response = client.get(reverse("innovation:student_record", args=[getattr(world, whose).pk]))
    assert response.status_code == status
    if status == 200:
        assert "省赛一等奖" in response.content.decode()


def test_the_record_page_groups_by_year_marks_lines_not_counted_and_lists_start_ups(
        client, world, today):
    _one_project_credits(world, "国赛三等奖")
    Startup.objects.create(school=world.school, name="阳台光伏科技有限公司",
                           credit_code=credit_code(11),
                           registered_on=dt.date(2026, 9, 1)).founders.set([world.student_liu])
    client.force_login(world.student_user)
    page = client.get(reverse("innovation:student_record",
                              args=[world.student_liu.pk])).content.decode()
    assert page.index('<h3 class="card-title">2026</h3>') < page.index(
        '<h3 class="card-title">2025</h3>')
    assert "不计入：同一项目已计入更高学分" in page
    assert "学分合计" in page and '<strong class="h3">3.0</strong>' in page
    assert "阳台光伏科技有限公司" in page
    assert "登记学分" not in page and "/delete/" not in page  # a student records nothing


def test_my_record_takes_a_student_to_their_own_page(client, world):
    client.force_login(world.student_user)
    response = client.get(reverse("innovation:my_record"))
    assert response["Location"] == reverse("innovation:student_record",
                                           args=[world.student_liu.pk])
    client.force_login(world.staff_wang)
    assert client.get(reverse("innovation:my_record")).status_code == 404


@pytest.mark.cjk_fonts
def test_the_record_pdf_carries_the_student_the_lines_and_the_totals(client, world, today):
    _one_project_credits(world, "国赛三等奖")
    client.force_login(world.student_user)
    response = client.get(reverse("innovation:student_record_pdf",
                                  args=[world.student_liu.pk]))
    assert response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    compact = text.replace(" ", "").replace("\n", "")
    assert "双创成长档案" in compact
    for expected in ("江城职业技术学院", "刘欣怡", "2025000001", "电力系统自动化技术",
                     "国赛三等奖", "大创项目", "不计入", "学分合计", "2026年11月29日"):
        assert expected in compact, expected
    entry = AuditEntry.objects.get(action="exported")
    assert (entry.actor, entry.object_id, entry.data["format"], entry.data["rows"]) == (
        world.student_user, str(world.student_liu.pk), "pdf", 2)


def test_the_record_workbook_has_the_lines_which_count_and_the_totals(client, world, today):
    _one_project_credits(world, "=HYPERLINK(\"http://x\")")
    client.force_login(world.dept_zhou)
    response = client.get(reverse("innovation:student_record_xlsx",
                                  args=[world.student_liu.pk]))
    rows = [[c.value for c in row] for row in load_workbook(io.BytesIO(response.content))
            .active.iter_rows()]
    assert rows[0] == ["双创成长档案", *[None] * 6]
    assert rows[3][:2] == ["学号", "2025000001"]
    lines = {row[2]: (row[5], row[6]) for row in rows[8:10]}
    assert lines == {"'=HYPERLINK(\"http://x\")": (3, "是"),  # formula neutralised
                     "大创项目": (2, "否（同一项目另有更高学分）")}
    assert ["学分合计", 3] in [row[:2] for row in rows]
    entry = AuditEntry.objects.get(action="exported")
    assert (entry.actor, entry.data["format"], entry.school) == (world.dept_zhou, "xlsx",
                                                                 world.school)


# --- The staff list, its export, recording and removing ---------------------------------------


def _rows(response) -> list[list]:
    sheet = load_workbook(io.BytesIO(response.content)).active
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def test_the_credit_list_filters_by_student_category_and_year(client, world, today):
    world.credit_liu, world.credit_ma, world.credit_far  # noqa: B018
    _credit(world, "电工高级工", 2, category="certificate", earned_on=dt.date(2025, 3, 1))
    client.force_login(world.staff_wang)
    url = reverse("innovation:credit_list")

    def titles(**query):
        return [row[4] for row in _rows(client.get(url, {**query, "export": "xlsx"}))[1:]]

    assert sorted(titles()) == ["电工高级工", "省赛一等奖", "省赛一等奖"]  # not the far one
    assert titles(q="liuxin", category="certificate") == ["电工高级工"]
    assert titles(q="2025000002") == ["省赛一等奖"]
    assert titles(year=2025) == ["电工高级工"]
    client.force_login(world.dept_zhou)  # the first department: student_liu only
    assert sorted(titles()) == ["电工高级工", "省赛一等奖"]


def test_the_credit_export_has_the_import_columns_and_is_logged(client, world):
    world.credit_liu  # noqa: B018
    client.force_login(world.staff_wang)
    rows = _rows(client.get(reverse("innovation:credit_list"), {"export": "xlsx"}))
    assert rows[0] == ["学号", "姓名", "二级学院", "类别", "名称", "竞赛", "奖项", "日期", "学分"]
    assert rows[1][:5] == ["2025000001", "刘欣怡", "新能源与电力学院", "竞赛", "省赛一等奖"]
    entry = AuditEntry.objects.get(action="exported")
    assert entry.content_type.model == "credit" and entry.data["rows"] == 1


def test_staff_record_a_credit_the_table_decides_and_bad_input_changes_nothing(client, world,
                                                                              table, today):
    client.force_login(world.staff_wang)
    url = reverse("innovation:credit_add")
    form = {"student": world.student_ma.pk, "category": "competition", "title": "省赛一等奖",
            "earned_on": "2026-10-20", "competition": world.competition.pk, "award": "一等奖"}
    response = client.post(url, form)
    assert response["Location"] == reverse("innovation:student_record",
                                           args=[world.student_ma.pk])
    credit = Credit.objects.get()
    assert (credit.credits, credit.recorded_by) == (4, world.staff_wang)

    page = client.post(url, {**form, "category": "training", "title": "培训",
                             "competition": ""}).content.decode()
    assert "学分认定表中没有对应项，请填写学分。" in page
    # Bootcamp lines come with a completed cohort: not offered, and refused when posted.
    assert 'value="bootcamp"' not in client.get(url).content.decode()
    page = client.post(url, {**form, "category": "bootcamp", "title": "特训营"}).content.decode()
    assert "is-invalid" in page
    assert Credit.objects.count() == 1


def test_staff_remove_a_credit_and_it_is_audited(client, world):
    credit = world.credit_liu
    client.force_login(world.dept_zhou)
    assert client.post(reverse("innovation:credit_delete", args=[credit.pk])).status_code == 403
    client.force_login(world.staff_wang)
    response = client.post(reverse("innovation:credit_delete", args=[credit.pk]))
    assert response["Location"] == reverse("innovation:student_record",
                                           args=[world.student_liu.pk])
    assert not Credit.objects.exists()
    assert AuditEntry.objects.filter(action="deleted", object_id=str(credit.pk)).exists()


def test_the_api_records_a_credit_and_gives_the_record_with_what_counts(client, world, table,
                                                                       today):
    client.force_login(world.staff_wang)
    response = client.post("/api/v1/credits", {
        "student_id": world.student_liu.pk, "category": "certificate", "title": "电工高级工",
        "earned_on": "2026-06-01", "award": "高级工"}, content_type="application/json")
    assert response.status_code == 201 and response.json()["credits"] == "2.0"
    refused = client.post("/api/v1/credits", {
        "student_id": world.student_liu.pk, "category": "training", "title": "培训",
        "earned_on": "2026-06-01"}, content_type="application/json")
    assert refused.status_code == 400
    assert refused.json()["detail"] == "学分认定表中没有对应项，请填写学分。"
    solar = _project(world)
    _credit(world, "国赛三等奖", 3, project=solar)
    _credit(world, "大创项目", 2, project=solar, category="research")
    client.force_login(world.student_user)
    record = client.get(f"/api/v1/students/{world.student_liu.pk}/innovation-record").json()
    assert record["total"] == "5.0" and record["by_category"] == {
        "certificate": "2.0", "competition": "3.0"}
    assert {line["title"]: line["counts"] for line in record["lines"]} == {
        "电工高级工": True, "国赛三等奖": True, "大创项目": False}
    assert client.get(f"/api/v1/students/{world.student_ma.pk}/innovation-record") \
        .status_code == 404
    client.force_login(world.dept_zhou)  # follows the records, records nothing
    assert client.post("/api/v1/credits", {
        "student_id": world.student_liu.pk, "category": "certificate", "title": "焊工",
        "earned_on": "2026-06-01", "credits": "1"},
        content_type="application/json").status_code == 403


# --- The credits import ----------------------------------------------------------------------


def _workbook(rows: list[list]) -> bytes:
    return one_sheet("双创学分", IMPORT_HEADERS, rows)


def _import(client, content: bytes, capture) -> ImportJob:
    return import_through_pages(client, "credits", content, capture)


GOOD_ROWS = [
    ["2025000001", "竞赛", "“互联网+”省赛一等奖", "“互联网+”大学生创新创业大赛", "一等奖",
     "2026-10-20", None],
    ["2025000002", "竞赛", "“互联网+”省赛二等奖", "2026 “互联网+”大学生创新创业大赛", "二等奖",
     "2026/10/20", None],
    ["2025000001", "技能证书", "电工高级工", None, "高级工", dt.date(2026, 6, 1), None],
    ["2025000002", "培训", "创业培训", None, None, "2026年9月1日", 0.5],
]


def test_a_good_file_writes_every_row_and_the_same_file_again_changes_nothing(
        client, world, table, today, django_capture_on_commit_callbacks):
    world.competition  # noqa: B018 — provincial, 2026
    client.force_login(world.staff_wang)
    list_page = client.get(reverse("innovation:credit_list")).content.decode()
    assert reverse("core:import_start", args=["credits"]) in list_page
    job = _import(client, _workbook(GOOD_ROWS), django_capture_on_commit_callbacks)
    assert job.status == "done", job.errors
    written = {(c.student.student_no, c.title): (c.credits, c.competition_id, c.recorded_by)
               for c in Credit.objects.select_related("student")}
    assert written == {
        ("2025000001", "“互联网+”省赛一等奖"): (4, world.competition.pk, world.staff_wang),
        ("2025000002", "“互联网+”省赛二等奖"): (3, world.competition.pk, world.staff_wang),
        ("2025000001", "电工高级工"): (2, None, world.staff_wang),
        ("2025000002", "创业培训"): (Decimal("0.5"), None, world.staff_wang),
    }
    again = _import(client, _workbook(GOOD_ROWS), django_capture_on_commit_callbacks)
    assert again.status == "done"
    assert again.summary["sheets"][0]["unchanged"] == 4 and Credit.objects.count() == 4


def test_a_file_with_two_bad_rows_reports_both_in_chinese_and_writes_nothing(
        client, world, table, today, django_capture_on_commit_callbacks):
    rows = [*GOOD_ROWS,
            ["2099999999", "竞赛", "省赛一等奖", None, "一等奖", "2026-10-20", None],  # row 6
            ["2025000001", "培训", "创业培训", None, None, "2026-09-01", None]]       # row 7
    world.competition  # noqa: B018
    client.force_login(world.staff_wang)
    job = _import(client, _workbook(rows), django_capture_on_commit_callbacks)
    assert job.status == "invalid"
    assert [(e["row"], e["column"], e["message"]) for e in job.errors] == [
        (6, "学号", "“2099999999”不在本校的名单中，请检查拼写或先添加。"),
        (7, "学分", "学分认定表中没有对应项，请填写学分。"),
    ]
    assert not Credit.objects.exists()


def test_the_import_refuses_another_schools_student_a_future_date_and_repeats(
        client, world, table, today, django_capture_on_commit_callbacks):
    rows = [["2025000003", "竞赛", "远方的奖", None, None, "2026-10-20", 1],      # row 2
            ["2025000001", "竞赛", "明年的奖", None, None, "2027-01-01", 1],      # row 3
            ["2025000001", "技能证书", "电工高级工", None, "高级工", "2026-06-01", None],
            ["2025000001", "技能证书", "电工高级工", None, "高级工", "2026-06-01", None],
            ["2025000001", "特训营", "第4期", None, None, "2026-06-01", 2]]     # row 6
    client.force_login(world.staff_wang)
    job = _import(client, _workbook(rows), django_capture_on_commit_callbacks)
    assert [(e["row"], e["column"]) for e in job.errors] == [
        (2, "学号"), (3, "日期"), (5, ""), (6, "类别")]
    assert not Credit.objects.exists()


# --- Start-ups -------------------------------------------------------------------------------


def test_a_start_up_with_a_wrong_credit_code_is_refused_in_chinese(client, world, table, today):
    client.force_login(world.staff_wang)
    form = {"name": "阳台光伏科技有限公司", "credit_code": "91420100MA4K12345X",
            "registered_on": "2026-09-01", "founders": [world.student_liu.pk],
            "funding": "50", "jobs": "6"}
    page = client.post(reverse("innovation:startup_add"), form).content.decode()
    assert "统一社会信用代码：校验码不正确，请核对。" in page
    assert not Startup.objects.exists() and not Credit.objects.exists()

    response = client.post(reverse("innovation:startup_add"), {
        **form, "credit_code": credit_code(12).lower()})
    startup = Startup.objects.get()
    assert response["Location"] == startup.get_absolute_url()
    assert startup.credit_code == credit_code(12)
    [credit] = Credit.objects.all()
    assert (credit.student, credit.category, credit.credits, credit.title) == (
        world.student_liu, "startup", 3, "创办阳台光伏科技有限公司")


def test_changing_founders_gives_and_takes_back_the_start_up_credit(client, world, table,
                                                                   today):
    startup = records.register_startup(
        actor=world.staff_wang, school=world.school, name="阳台光伏科技有限公司",
        credit_code=credit_code(13), registered_on=dt.date(2026, 9, 1),
        founders=[world.student_liu], project=None)
    client.force_login(world.staff_wang)
    client.post(reverse("innovation:startup_edit", args=[startup.pk]), {
        "name": startup.name, "credit_code": startup.credit_code,
        "registered_on": "2026-09-01", "founders": [world.student_ma.pk], "funding": "80",
        "jobs": "9"})
    assert [c.student for c in Credit.objects.filter(startup=startup)] == [world.student_ma]
    entry = AuditEntry.objects.filter(action="changed", object_id=str(startup.pk)).get()
    assert entry.changes["founders"] == [["刘欣怡（2025000001）"], ["马超（2025000002）"]]


def test_the_start_up_list_shows_the_totals_of_what_it_lists(client, world):
    world.startup  # noqa: B018 — funding 0, jobs 0
    Startup.objects.create(school=world.school, name="预制菜科技有限公司",
                           credit_code=credit_code(14), registered_on=dt.date(2025, 9, 1),
                           funding=Decimal("120.50"), jobs=12)
    client.force_login(world.student_user)
    page = client.get(reverse("innovation:startup_list")).content.decode()
    assert '<div class="h2 mb-0">2</div>' in page
    assert '<div class="h2 mb-0">120.50</div>' in page and '<div class="h2 mb-0">12</div>' in page
    filtered = client.get(reverse("innovation:startup_list"), {"year": 2026},
                          headers={"HX-Request": "true"}).content.decode()
    assert '<div class="h2 mb-0">1</div>' in filtered and "预制菜" not in filtered
