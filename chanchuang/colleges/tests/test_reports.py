"""Annual construction reports: one per college and year, the narrative of a draft, the build
(a background task) with the PDF and Word texts extracted, submission to the province (its
observers told), receipt, who sees what, to-dos, the API and pinned query counts."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from html import unescape

import pytest
from django.urls import reverse
from docx import Document
from pypdf import PdfReader

from chanchuang.colleges.choices import ContributionKind, ContributionStatus, ReportStatus
from chanchuang.colleges.models import AnnualReport
from chanchuang.colleges.services import indicators as indicator_services
from chanchuang.colleges.services import reports as services
from chanchuang.colleges.tests import factories as cf
from chanchuang.colleges.todos import reports_to_receive, reports_to_submit
from chanchuang.core.models import AuditEntry, Notification
from chanchuang.core.services import DomainError
from chanchuang.core.tests.querycounts import assert_list_queries
from chanchuang.core.visibility import scope_of


def pdf_text(content: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def docx_text(content: bytes) -> str:
    document = Document(io.BytesIO(content))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def _built(world, report=None):
    report = report or world.report
    cf.contribution(college=world.college, organisation=world.enterprise_a,
                    kind=ContributionKind.COURSE, status=ContributionStatus.CONFIRMED,
                    title="碳排放核算实务", day=dt.date(report.year, 3, 1))
    indicator_services.set_targets(actor=world.staff_wang, college=world.college,
                                   year=report.year, values={"courses": Decimal(4)})
    return services.build(report.pk)


def test_building_writes_a_pdf_and_a_word_document_with_the_narrative_and_tables(world):
    report = _built(world)
    assert report.built_at and not report.building and report.build_progress == 100
    for text in (pdf_text(report.pdf.read()), docx_text(report.docx.read())):
        squeezed = "".join(text.split())
        assert "碳中和产业学院2026年度建设报告" in squeezed
        assert "年度建设总体情况" in squeezed  # the narrative staff wrote
        assert "建设指标完成情况" in squeezed and "共建课程数" in squeezed  # the tables
        assert "遴选指标得分" in squeezed and "校企合作情况（状态数据）" in squeezed
        assert "华电建设集团赣江电力建设有限公司" in squeezed
    assert AuditEntry.objects.filter(action="colleges.report.built").count() == 1


def test_the_build_button_queues_the_task_and_the_page_shows_the_documents(
        client, world, django_capture_on_commit_callbacks):
    client.force_login(world.staff_wang)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("colleges:annualreport_build", args=[world.report.pk]))
    assert response.status_code == 302
    world.report.refresh_from_db()
    assert world.report.pdf and world.report.docx and not world.report.building
    page = client.get(world.report.get_absolute_url()).content.decode()
    assert reverse("colleges:annualreport_pdf", args=[world.report.pk]) in page
    pdf = client.get(reverse("colleges:annualreport_pdf", args=[world.report.pk]))
    assert pdf["Content-Type"] == "application/pdf"
    assert "年度建设报告" in pdf_text(b"".join(pdf.streaming_content))
    docx = client.get(reverse("colleges:annualreport_docx", args=[world.report.pk]))
    assert docx["Content-Type"].endswith("wordprocessingml.document")
    assert "年度建设报告" in docx_text(b"".join(docx.streaming_content))


def test_a_build_under_way_is_polled_and_not_queued_twice(client, world):
    AnnualReport.objects.filter(pk=world.report.pk).update(building=True, build_progress=40)
    client.force_login(world.staff_wang)
    page = client.get(world.report.get_absolute_url()).content.decode()
    assert 'hx-trigger="every 1s"' in page and "40%" in page
    with pytest.raises(DomainError, match="正在生成"):
        services.request_build(actor=world.staff_wang, report=world.report)
    AnnualReport.objects.filter(pk=world.report.pk).update(building=False)
    status = client.get(reverse("colleges:annualreport_status", args=[world.report.pk]))
    assert status["HX-Refresh"] == "true"  # done: the page reloads


def test_a_report_is_submitted_only_once_built_and_the_observers_are_told(world):
    with pytest.raises(DomainError, match="请先按当前内容生成报告"):
        services.submit(actor=world.staff_wang, report=world.report)
    report = services.submit(actor=world.staff_wang, report=_built(world))
    assert report.status == ReportStatus.SUBMITTED and report.submitted_by == world.staff_wang
    [told] = Notification.objects.filter(user=world.observer_hubei)
    assert "请签收" in told.title and told.url == report.get_absolute_url()
    with pytest.raises(DomainError):
        services.submit(actor=world.staff_wang, report=report)


def test_changing_the_text_makes_the_documents_stale(client, world):
    report = _built(world)
    client.force_login(world.staff_wang)
    response = client.post(reverse("colleges:annualreport_edit", args=[report.pk]),
                           {"summary": "新的总体情况。", "achievements": "", "problems": "",
                            "plans": ""})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.summary == "新的总体情况。" and report.built_at is None and report.pdf
    with pytest.raises(DomainError, match="请先按当前内容生成报告"):
        services.submit(actor=world.staff_wang, report=report)


def test_one_report_per_college_and_year(client, world):
    world.report  # noqa: B018 -- 2026
    client.force_login(world.staff_wang)
    url = reverse("colleges:annualreport_add")
    response = client.post(url, {"college": world.college.pk, "year": "2026"})
    assert response.status_code == 200
    assert "该产业学院本年度已有建设报告" in unescape(response.content.decode())
    response = client.post(url, {"college": world.college.pk, "year": "2019"})
    assert "2019年不在本产业学院的存续年份内" in unescape(response.content.decode())
    response = client.post(url, {"college": world.college_far.pk, "year": "2025"})
    assert response.status_code == 200  # a foreign college is not a choice
    assert AnnualReport.objects.filter(college=world.college).count() == 1
    response = client.post(url, {"college": world.college.pk, "year": "2025",
                                 "summary": "总体情况"})
    assert response.status_code == 302
    assert AnnualReport.objects.get(college=world.college, year=2025).summary == "总体情况"


def test_a_submitted_report_can_no_longer_be_edited(client, world):
    client.force_login(world.staff_wang)
    report = world.report_submitted
    assert client.get(reverse("colleges:annualreport_edit", args=[report.pk])).status_code == 403
    page = client.get(report.get_absolute_url()).content.decode()
    assert reverse("colleges:annualreport_edit", args=[report.pk]) not in page


def test_the_observer_receives_submitted_reports_of_their_province_only(client, world):
    client.force_login(world.observer_hubei)
    assert client.get(world.report.get_absolute_url()).status_code == 404  # a draft
    page = unescape(client.get(world.report_submitted.get_absolute_url()).content.decode())
    assert "签收" in page
    response = client.post(reverse("colleges:annualreport_receive",
                                   args=[world.report_submitted.pk]))
    assert response.status_code == 302
    world.report_submitted.refresh_from_db()
    assert world.report_submitted.status == ReportStatus.RECEIVED
    assert world.report_submitted.received_by == world.observer_hubei
    client.force_login(world.staff_wang)  # staff cannot acknowledge for the province
    other = AnnualReport.objects.create(college=world.college, year=2027,
                                        status=ReportStatus.SUBMITTED)
    assert client.post(reverse("colleges:annualreport_receive",
                               args=[other.pk])).status_code == 403


def test_the_observers_first_to_do_is_the_report_awaiting_receipt(world):
    world.report_far  # noqa: B018 -- the other school, same province: also theirs
    world.report_submitted  # noqa: B018
    world.report  # noqa: B018 -- a draft: not theirs to see
    observer = world.observer_hubei
    todos = reports_to_receive(observer, scope_of(observer))
    assert {t.url for t in todos} == {world.report_submitted.get_absolute_url(),
                                      world.report_far.get_absolute_url()}
    assert all("签收" in t.what for t in todos)
    assert reports_to_receive(world.staff_wang, scope_of(world.staff_wang)) == []


def test_staff_are_reminded_of_last_years_report_until_it_is_submitted(world, today):
    staff = world.staff_wang
    world.college  # noqa: B018 -- founded 2025: last year's report is due
    [todo] = reports_to_submit(staff, scope_of(staff))
    assert "2025" in todo.what and todo.due == dt.date(2026, 3, 31)
    assert todo.url.endswith(f"?college={world.college.pk}&year=2025")
    draft = AnnualReport.objects.create(college=world.college, year=2025)
    [todo] = reports_to_submit(staff, scope_of(staff))
    assert todo.url == draft.get_absolute_url()
    AnnualReport.objects.filter(pk=draft.pk).update(status=ReportStatus.SUBMITTED)
    assert reports_to_submit(staff, scope_of(staff)) == []
    assert reports_to_submit(world.staff_far, scope_of(world.staff_far)) == []
    assert reports_to_submit(world.hr_li, scope_of(world.hr_li)) == []


def test_the_api_lists_creates_and_moves_reports(client, world, django_capture_on_commit_callbacks):
    world.report_far  # noqa: B018
    world.report  # noqa: B018
    client.force_login(world.staff_wang)
    listed = client.get("/api/v1/annual-reports").json()["items"]
    assert [(r["college_id"], r["year"]) for r in listed] == [(world.college.pk, 2026)]
    response = client.post("/api/v1/annual-reports", {"college_id": world.college.pk,
                                                      "year": 2025, "summary": "概况"},
                           content_type="application/json")
    assert response.status_code == 201
    report_id = response.json()["id"]
    response = client.post(f"/api/v1/annual-reports/{report_id}/submit")
    assert response.status_code == 400 and "生成报告" in response.json()["detail"]
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(f"/api/v1/annual-reports/{report_id}/build").status_code == 200
    assert client.get(f"/api/v1/annual-reports/{report_id}").json()["has_docx"] is True
    assert client.post(f"/api/v1/annual-reports/{report_id}/submit").json()["status"] == \
        ReportStatus.SUBMITTED
    response = client.post("/api/v1/annual-reports", {"college_id": world.college_far.pk,
                                                      "year": 2025},
                           content_type="application/json")
    assert response.status_code == 400  # a college out of sight is named as missing
    client.force_login(world.observer_hubei)
    assert client.post(f"/api/v1/annual-reports/{report_id}/receive").json()["status"] == \
        ReportStatus.RECEIVED


class Growth:
    """One more submitted report of each school, each call."""

    def __init__(self, world) -> None:
        self.world = world
        self.year = 2030

    def __call__(self, n: int) -> None:
        for _ in range(n):
            self.year += 1
            for college in (self.world.college, self.world.college_far):
                AnnualReport.objects.create(college=college, year=self.year,
                                            status=ReportStatus.SUBMITTED)


# Session, user, memberships, the count and the page of reports (with their college and
# school), the college filter's choices, the unread notifications.
@pytest.mark.parametrize(("who", "pinned"), [("staff_wang", 7), ("observer_hubei", 7)])
def test_the_report_list_runs_a_fixed_number_of_queries(client, world, who, pinned):
    client.force_login(getattr(world, who))
    assert_list_queries(client, reverse("colleges:annualreport_list"), pinned,
                        grow=Growth(world))


def test_the_report_api_list_runs_a_fixed_number_of_queries(client, world):
    client.force_login(world.staff_wang)
    assert_list_queries(client, "/api/v1/annual-reports", None, grow=Growth(world))


def test_the_demo_submits_last_years_report_for_the_observer_to_receive(world, today):
    from chanchuang.colleges.demo import reports as demo

    world.college  # noqa: B018 -- the demo college of the school (江城, code 4142099001)
    summary = demo.seed()
    assert summary == "targets for 2025, 2026; annual report 2025 submitted"
    report = AnnualReport.objects.get(college=world.college, year=2025)
    assert report.pdf and report.docx and report.status == ReportStatus.SUBMITTED
    assert "碳中和产业学院2025年度建设报告" in "".join(pdf_text(report.pdf.read()).split())
    observer = world.observer_hubei
    [todo] = reports_to_receive(observer, scope_of(observer))
    assert todo.url == report.get_absolute_url()
    assert demo.seed() == "annual report 2025 submitted"  # idempotent
