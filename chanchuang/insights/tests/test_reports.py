"""Reports handed upward: each national layout's columns against the field lists of
``../shared/DOMAIN.md`` (written out here, so a dropped or renamed column fails), the rows each
layout carries from the cast's records, the annual partnership report as PDF and Word with the
narrative and every registered figure, the job's lifecycle (queued → done, failure → failed with
a message, one build at a time), logged downloads, the pages, the API and pinned query counts."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from html import unescape

import pytest
from django.urls import reverse
from django.utils import translation
from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader

from chanchuang.colleges.choices import ContributionKind, ContributionStatus
from chanchuang.colleges.tests import factories as cf
from chanchuang.core.models import AuditEntry
from chanchuang.core.services import DomainError
from chanchuang.core.tests.querycounts import assert_list_queries
from chanchuang.insights import kpis
from chanchuang.insights.choices import JobStatus, ReportKind
from chanchuang.insights.models import PartnershipNarrative, ReportJob
from chanchuang.insights.queries import reports as queries
from chanchuang.insights.services import reports as services
from chanchuang.mentors.tests import factories as mf

# DOMAIN.md, "Reporting upward", national internship platform: the record fields, in order.
INTERNSHIP_FIELDS = ["学号", "姓名", "入学年份", "院系", "班级", "专业", "学年", "课程名称",
                     "课程代码", "学分", "校内指导老师", "实习类型", "组织形式", "实习方式",
                     "单位名称", "单位统一社会信用代码", "地区代码", "详细地址", "岗位", "起止日期"]
# The graduate-destination export with national codes (DOMAIN.md fixes the codes and groups;
# the columns are the brief's list).
DESTINATION_FIELDS = ["学号", "姓名", "性别", "院系", "专业代码", "专业", "毕业年份",
                      "毕业去向代码", "毕业去向", "去向类别", "单位名称", "统一社会信用代码",
                      "单位所在地区代码", "岗位", "合同起始日期", "证明材料", "核验状态"]
# 高职 status data, school–enterprise cooperation table: partner enterprises, partner credit
# code and start month, order-class students, co-developed courses and textbooks, enterprise
# part-time teachers, interns hosted, equipment donated (万元), graduates hired,
# technical-service income (万元/year), staff training delivered (人天).
STATUS_FIELDS = ["合作企业名称", "统一社会信用代码", "合作起始年月", "订单班学生数",
                 "共建课程数", "共建教材数", "企业兼职教师数", "接收实习学生数",
                 "捐赠设备值（万元）", "接收毕业生就业数", "技术服务到款额（万元/年）",
                 "为企业培训员工（人天）"]


def _build(world, kind: str, year: int = 2026) -> ReportJob:
    job = services.request(actor=world.staff_wang, school=world.school, kind=kind, year=year)
    return services.build(job.pk)


def _sheets(job: ReportJob):
    job.file.open("rb")
    book = load_workbook(io.BytesIO(job.file.read()))
    main, note = book.worksheets
    rows = [list(row) for row in main.iter_rows(values_only=True)]
    notes = "\n".join(str(cell) for row in note.iter_rows(values_only=True) for cell in row
                      if cell is not None)
    return rows[0], rows[1:], notes


def pdf_text(content: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def docx_text(document) -> str:
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


# --- Layouts -----------------------------------------------------------------------------------

def test_the_internship_export_has_the_national_columns_and_one_row_per_placement(world):
    world.placement_liu  # noqa: B018 -- 2026-09-07 to 2027-01-15 at enterprise A
    world.placement_far  # noqa: B018 -- the other school's: not listed
    job = _build(world, ReportKind.INTERNSHIPS)
    header, rows, notes = _sheets(job)
    assert header == INTERNSHIP_FIELDS
    [row] = rows
    cell = dict(zip(header, row, strict=True))
    student, position = world.student_liu, world.position_a
    assert cell["学号"] == student.student_no and cell["姓名"] == student.user.real_name
    assert cell["入学年份"] == student.enrolment_year and cell["专业"] == world.major.name
    assert cell["院系"] == student.department.name
    assert cell["学年"] == "2026-2027" and cell["实习方式"] == "现场"
    assert cell["单位名称"] == world.enterprise_a.name == position.organisation.name
    assert cell["单位统一社会信用代码"] == (world.enterprise_a.credit_code or None)
    assert cell["岗位"] == "运维技术员" and cell["起止日期"] == "2026-09-07至2027-01-15"
    for gap in ("课程名称", "课程代码", "学分", "实习类型", "组织形式"):
        assert cell[gap] is None  # no source: left blank …
        assert gap in notes  # … and named on the note sheet
    assert job.data_as_of is not None and world.school.name in notes


def test_a_cancelled_placement_or_another_year_is_not_exported(world):
    placement = world.placement_liu
    placement.status = "cancelled"
    placement.save()
    assert list(queries.internship_rows(world.school, 2026)) == []
    assert list(queries.internship_rows(world.school, 2025)) == []


def test_the_destination_export_carries_national_codes_and_groups(world):
    world.destination_liu, world.destination_ma, world.destination_far  # noqa: B018
    header, rows, notes = _sheets(_build(world, ReportKind.DESTINATIONS))
    assert header == DESTINATION_FIELDS
    by_number = {row[0]: dict(zip(header, row, strict=True)) for row in rows}
    assert set(by_number) == {world.student_liu.student_no, world.student_ma.student_no}
    liu = by_number[world.student_liu.student_no]
    assert liu["毕业去向代码"] == "11" and liu["毕业去向"] == "签劳动合同形式就业"
    assert liu["去向类别"] == "协议和合同就业" and liu["核验状态"] == "核验通过"
    assert liu["专业代码"] == world.major.code and liu["毕业年份"] == 2026
    assert liu["合同起始日期"] == "2026-07-01"
    ma = by_number[world.student_ma.student_no]
    assert ma["毕业去向代码"] == "70" and ma["去向类别"] == "待就业" and ma["核验状态"] == "缺失"
    assert "证明材料" in notes  # how the platform fills it


def test_the_status_data_table_counts_what_a_partner_did(world):
    college = world.college  # enterprise A's industry college, on agreement_a (2026–2028)
    world.college_programme  # noqa: B018 -- A's order class: student_liu
    for kind, amount in ((ContributionKind.COURSE, "32"),
                         (ContributionKind.TEXTBOOK, None),
                         (ContributionKind.EQUIPMENT, "12.5"),
                         (ContributionKind.TRAINING, "30")):
        cf.contribution(college=college, organisation=world.enterprise_a, kind=kind,
                        amount=amount, status=ContributionStatus.CONFIRMED)
    service = cf.contribution(college=college, organisation=None, kind=ContributionKind.SERVICE,
                              amount="8", status=ContributionStatus.CONFIRMED)
    service.client = world.enterprise_a  # the school served A: it counts for A
    service.save()
    cf.contribution(college=college, organisation=world.enterprise_a,
                    kind=ContributionKind.COURSE, status=ContributionStatus.RECORDED)  # unconfirmed
    world.appointment_a  # noqa: B018 -- mentor_a of A, appointed 2026-06-24
    gone = mf.mentor(school=world.school, name="钱工", organisation=world.enterprise_a)
    # An appointment over before 2026 does not count.
    mf.appointment(mentor=gone, start=dt.date(2024, 1, 1), end=dt.date(2025, 6, 30))
    world.placement_liu, world.destination_liu, world.destination_ma  # noqa: B018
    header, rows, notes = _sheets(_build(world, ReportKind.STATUS_DATA))
    assert header == STATUS_FIELDS
    [row] = rows
    assert row == [world.enterprise_a.name, world.enterprise_a.credit_code or None, "2026-01",
                   1, 1, 1, 1, 1, 12.5, 1, 8, 30]
    assert "订单班学生数" in notes and "接收毕业生就业数" in notes


def test_a_partner_without_a_signed_agreement_in_the_year_is_not_listed(world):
    world.agreement_a  # noqa: B018 -- 2026 to 2028
    assert [row.organisation for row in queries.partner_rows(world.school, 2026)] == \
        [world.enterprise_a]
    assert queries.partner_rows(world.school, 2025) == []
    assert queries.partner_rows(world.other_school, 2026) == []


# --- The annual partnership report -------------------------------------------------------------

def test_the_annual_report_builds_a_pdf_and_a_word_document(world, monkeypatch):
    PartnershipNarrative.objects.create(
        school=world.school, year=2026, summary="本年度新签合作协议十二份。",
        achievements="共建课程三门。", problems="兼职教师不足。", plans="扩大订单班规模。")
    world.destination_liu, world.destination_ma  # noqa: B018
    # The report takes whatever the registry holds: a figure registered by another module.
    extra = kpis.Kpi("test_partners", "测试合作企业数", "测试板块", kpis.Unit.COUNT,
                     lambda piece: {world.school.pk: 7 if piece.year == 2026 else 5})
    monkeypatch.setitem(kpis.KPIS, extra.key, extra)
    job = _build(world, ReportKind.ANNUAL)
    with translation.override("zh-hans"):
        rate_label = "".join(str(kpis.KPIS["employment_rate"].label).split())
    assert job.status == JobStatus.DONE and job.progress == 100 and job.finished_at
    job.file.open("rb")
    content = job.file.read()
    assert content.startswith(b"%PDF")
    document = Document(io.BytesIO(job.docx.read()))
    assert len(document.inline_shapes) >= 1  # the charts, as pictures
    for text in (pdf_text(content), docx_text(document)):
        squeezed = "".join(text.split())
        assert "2026年产教融合年度报告" in squeezed
        assert "本年度新签合作协议十二份。" in squeezed and "扩大订单班规模。" in squeezed
        assert rate_label in squeezed and "50.0%（1/2）" in squeezed  # a KPI, this year
        assert "测试合作企业数" in squeezed  # the figure registered elsewhere, with last year
        assert "协议和合同就业" in squeezed  # a breakdown's categories
    table = next(t for t in document.tables if "测试合作企业数" in docx_text_table(t))
    row = next(r for r in table.rows if r.cells[1].text == "测试合作企业数")
    assert [c.text for c in row.cells] == ["测试板块", "测试合作企业数", "7", "5"]


def docx_text_table(table) -> str:
    return "\n".join(cell.text for row in table.rows for cell in row.cells)


def test_the_annual_report_builds_without_a_narrative(world):
    job = _build(world, ReportKind.ANNUAL, year=2025)
    assert job.status == JobStatus.DONE
    assert "（未填写）" in "".join(docx_text(Document(io.BytesIO(job.docx.read()))).split())


# --- The job ------------------------------------------------------------------------------------

def test_a_request_queues_a_job_and_the_worker_builds_it(
        client, world, django_capture_on_commit_callbacks):
    world.destination_liu  # noqa: B018
    client.force_login(world.staff_wang)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("insights:reportjob_build"),
                               {"kind": ReportKind.DESTINATIONS, "year": "2026"})
    job = ReportJob.objects.get(school=world.school, kind=ReportKind.DESTINATIONS, year=2026)
    assert response.status_code == 302 and response["Location"] == job.get_absolute_url()
    assert job.status == JobStatus.DONE and job.progress == 100 and job.file
    assert job.requested_by == world.staff_wang and job.data_as_of <= job.finished_at
    assert AuditEntry.objects.filter(action="insights.report.requested",
                                     actor=world.staff_wang).count() == 1
    assert AuditEntry.objects.filter(action="insights.report.built").count() == 1
    page = client.get(job.get_absolute_url()).content.decode()
    assert reverse("insights:reportjob_file", args=[job.pk]) in page
    assert "every 2s" not in page


def test_the_build_reports_its_progress(world, monkeypatch):
    seen = []
    original = services._progress

    def spy(job_id, percent, message="", **fields):
        seen.append(percent)
        original(job_id, percent, message, **fields)

    monkeypatch.setattr(services, "_progress", spy)
    _build(world, ReportKind.STATUS_DATA)
    assert seen == [10, 40, 75]  # and 100 when done


def test_a_failed_build_says_so(world, monkeypatch):
    def broken(school, year):
        raise RuntimeError("disk full")

    monkeypatch.setattr(queries, "destination_rows", broken)
    job = _build(world, ReportKind.DESTINATIONS)
    assert job.status == JobStatus.FAILED and not job.file and job.finished_at
    assert "生成失败" in job.message
    assert not AuditEntry.objects.filter(action="insights.report.built").exists()


def test_one_build_of_a_report_and_year_at_a_time(client, world):
    first = services.request(actor=world.staff_wang, school=world.school,
                             kind=ReportKind.INTERNSHIPS, year=2026)
    with pytest.raises(DomainError, match="正在生成"):
        services.request(actor=world.staff_wang, school=world.school,
                         kind=ReportKind.INTERNSHIPS, year=2026)
    client.force_login(world.staff_wang)
    response = client.post(reverse("insights:reportjob_build"),
                           {"kind": ReportKind.INTERNSHIPS, "year": "2026"})
    assert response.status_code == 200 and "正在生成" in unescape(response.content.decode())
    assert ReportJob.objects.filter(kind=ReportKind.INTERNSHIPS).count() == 1
    # Another year, or another report, is a build of its own.
    services.request(actor=world.staff_wang, school=world.school,
                     kind=ReportKind.INTERNSHIPS, year=2025)
    ReportJob.objects.filter(pk=first.pk).update(status=JobStatus.DONE)
    services.request(actor=world.staff_wang, school=world.school,
                     kind=ReportKind.INTERNSHIPS, year=2026)
    assert ReportJob.objects.filter(kind=ReportKind.INTERNSHIPS).count() == 3


def test_a_bad_request_is_refused_and_nothing_is_written(client, world):
    with pytest.raises(DomainError, match="年份：2000至"):
        services.request(actor=world.staff_wang, school=world.school,
                         kind=ReportKind.ANNUAL, year=1999)
    with pytest.raises(DomainError, match="报告"):
        services.request(actor=world.staff_wang, school=world.school, kind="nonsense",
                         year=2026)
    client.force_login(world.staff_wang)
    response = client.post(reverse("insights:reportjob_build"), {"kind": "nonsense",
                                                                  "year": "2026"})
    assert response.status_code == 200
    assert not ReportJob.objects.exists()
    assert not AuditEntry.objects.filter(action="insights.report.requested").exists()


def test_a_job_under_way_is_polled_and_reloads_when_done(client, world):
    job = world.report_job
    ReportJob.objects.filter(pk=job.pk).update(status=JobStatus.RUNNING, progress=40,
                                               message="正在读取记录…")
    client.force_login(world.staff_wang)
    page = client.get(job.get_absolute_url()).content.decode()
    assert 'hx-trigger="every 2s"' in page and "40%" in page and "正在读取记录" in page
    status = client.get(reverse("insights:reportjob_status", args=[job.pk]))
    assert status.status_code == 200 and "HX-Refresh" not in status
    ReportJob.objects.filter(pk=job.pk).update(status=JobStatus.DONE)
    status = client.get(reverse("insights:reportjob_status", args=[job.pk]))
    assert status["HX-Refresh"] == "true"


def test_downloading_a_list_of_people_is_logged(client, world):
    world.destination_liu  # noqa: B018
    job = _build(world, ReportKind.DESTINATIONS)
    client.force_login(world.staff_wang)
    response = client.get(reverse("insights:reportjob_file", args=[job.pk]))
    assert response.status_code == 200
    load_workbook(io.BytesIO(b"".join(response.streaming_content)))  # it opens
    [entry] = AuditEntry.objects.filter(action="insights.report.downloaded")
    assert entry.actor == world.staff_wang and entry.data["file"] == "file"
    [export] = AuditEntry.objects.filter(action="exported")
    assert export.data["rows"] == 1 and "real_name" in export.data["personal_fields"]
    client.force_login(world.staff_far)
    assert client.get(reverse("insights:reportjob_file", args=[job.pk])).status_code == 404
    assert AuditEntry.objects.filter(action="insights.report.downloaded").count() == 1


# --- Narrative ----------------------------------------------------------------------------------

def test_staff_write_a_years_narrative(client, world):
    client.force_login(world.staff_wang)
    url = reverse("insights:narrative_edit", args=[2026])
    assert client.get(url).status_code == 200
    response = client.post(url, {"summary": "总体情况。", "achievements": "成效。",
                                 "problems": "问题。", "plans": "计划。"})
    assert response.status_code == 302
    narrative = PartnershipNarrative.objects.get(school=world.school, year=2026)
    assert narrative.summary == "总体情况。" and narrative.plans == "计划。"
    response = client.post(url, {"summary": "改过的总体情况。", "achievements": "",
                                 "problems": "", "plans": ""})
    narrative.refresh_from_db()
    assert narrative.summary == "改过的总体情况。"
    assert PartnershipNarrative.objects.filter(school=world.school).count() == 1
    # Another school's staff write their own school's, never this one.
    client.force_login(world.staff_far)
    client.post(f"{url}?school={world.school.pk}", {"summary": "外校", "achievements": "",
                                                    "problems": "", "plans": ""})
    narrative.refresh_from_db()
    assert narrative.summary == "改过的总体情况。"
    assert PartnershipNarrative.objects.get(school=world.other_school).summary == "外校"


# --- Pages, API, query counts ------------------------------------------------------------------

def test_the_list_shows_the_schools_builds_with_their_files(client, world):
    done, far = world.report_job_done, world.report_job_far
    client.force_login(world.staff_wang)
    page = client.get(reverse("insights:reportjob_list")).content.decode()
    assert reverse("insights:reportjob_file", args=[done.pk]) in page
    assert done.get_absolute_url() in page and far.get_absolute_url() not in page
    assert reverse("insights:reportjob_build") in page


def test_the_api_lists_reads_and_queues(client, world, django_capture_on_commit_callbacks):
    world.report_job, world.report_job_far  # noqa: B018
    client.force_login(world.staff_wang)
    listed = client.get("/api/v1/insights/report-jobs").json()["items"]
    assert [item["id"] for item in listed] == [world.report_job.pk]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/api/v1/insights/report-jobs",
                               {"kind": ReportKind.STATUS_DATA, "year": 2026},
                               content_type="application/json")
    assert response.status_code == 201 and response.json()["status"] == JobStatus.QUEUED
    job = ReportJob.objects.get(pk=response.json()["id"])
    assert job.status == JobStatus.DONE  # built once the request committed
    read = client.get(f"/api/v1/insights/report-jobs/{job.pk}").json()
    assert read["status"] == JobStatus.DONE and read["file_url"].endswith("/file/")
    response = client.post("/api/v1/insights/report-jobs", {"kind": "x", "year": 2026},
                           content_type="application/json")
    assert response.status_code == 400 and "报告" in response.json()["detail"]


def _grow(world):
    def grow(n: int) -> None:
        for _ in range(n):
            ReportJob.objects.create(school=world.school, kind=ReportKind.ANNUAL, year=2026,
                                     requested_by=world.staff_wang, status=JobStatus.DONE,
                                     progress=100)
    return grow


def test_the_job_list_runs_a_pinned_number_of_queries(client, world):
    client.force_login(world.staff_wang)
    assert_list_queries(client, reverse("insights:reportjob_list"), None, grow=_grow(world))


def test_the_api_job_list_runs_a_pinned_number_of_queries(client, world):
    client.force_login(world.staff_wang)
    assert_list_queries(client, "/api/v1/insights/report-jobs", None, grow=_grow(world))


def test_the_demo_writes_this_years_narrative_once(world):
    from django.utils import timezone

    from chanchuang.insights.demo import reports as demo

    world.staff_wang  # noqa: B018 -- the demo school's staff (the world's school has its code)
    assert "no report built" in demo.seed()
    narrative = PartnershipNarrative.objects.get(school=world.school,
                                                 year=timezone.localdate().year)
    assert narrative.summary.count("。") >= 3 and narrative.plans
    assert "already there" in demo.seed()
    assert not ReportJob.objects.exists()


def test_amounts_are_cells_people_read():
    assert queries.amount(Decimal("12.50")) == Decimal("12.5")
    assert queries.amount(Decimal("8.00")) == 8 and queries.amount(None) == 0
    assert queries.academic_year(dt.date(2026, 3, 1)) == "2025-2026"
