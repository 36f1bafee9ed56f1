"""Demo of the colleges app: the 碳中和产业学院's yearly targets (2025 and 2026, as far as the
college existed) and last year's annual construction report, written, built (synchronously
here, by the same code the background task runs) and submitted to the province, where it
waits for the Hubei observer's receipt (签收, the first to-do on their home). Runs after
``colleges`` (which creates the college and its records); idempotent."""

from __future__ import annotations

from decimal import Decimal

from django.utils import timezone

from chanchuang.colleges.choices import ReportStatus
from chanchuang.colleges.models import AnnualReport, IndustryCollege, Target
from chanchuang.colleges.queries.indicators import years_of
from chanchuang.colleges.services import indicators as indicator_services
from chanchuang.colleges.services import reports as report_services
from chanchuang.core.models import School, User
from chanchuang.core.services import create_object

SCHOOL_CODE = "4142099001"
COLLEGE = "碳中和产业学院"
STAFF = "staff_wang"

# Targets per year, by indicator code (the second year builds on the first).
TARGETS = {
    2025: {"members": 3, "programmes": 1, "programme_students": 40, "order_students": 40,
           "majors": 2, "courses": 2, "core_courses": 1, "practice_share": 30, "textbooks": 1,
           "teachers": 5, "teacher_hours": 120, "teachers_per_programme": 5, "bases": 2,
           "bases_per_programme": 3, "equipment_value": 50, "service_projects": 1,
           "service_income": 10, "training_days": 40, "interns": 20, "hires": 5, "meetings": 1,
           "decisions_on_time": 80},
    2026: {"members": 4, "programmes": 3, "programme_students": 120, "order_students": 80,
           "majors": 3, "courses": 6, "core_courses": 3, "practice_share": 30, "textbooks": 2,
           "teachers": 15, "teacher_hours": 400, "teachers_per_programme": 5, "bases": 6,
           "bases_per_programme": 3, "equipment_value": 150, "service_projects": 3,
           "service_income": 60, "training_days": 120, "interns": 60, "hires": 20,
           "meetings": 2, "decisions_on_time": 90},
}

NARRATIVE = {
    "summary": (
        "产业学院由学校联合华电建设集团赣江电力建设有限公司、新能源研究院共同组建，"
        "实行理事会领导下的院长负责制，围绕“双碳”目标服务区域新能源与电力产业。\n"
        "本年度完成理事会组建和章程审议，开设碳资产管理订单班，"
        "校企共同制定人才培养方案，首批学生进入企业开展认识实习。"),
    "achievements": (
        "校企共建碳排放核算实务等课程，企业工程师担任兼职教师并承担实践教学。\n"
        "依托企业光伏电站建成校外实训基地，实现“教学—实训—就业”一体化。"),
    "problems": (
        "企业兼职教师数量尚未达到每个项目不少于5名的要求；"
        "实践课程在专业核心课程中的比例仍需提高。"),
    "plans": (
        "下一年度新增现代学徒制班和微专业各1个，共建核心课程3门、教材2部；"
        "扩大企业员工培训规模，推动技术服务项目落地。"),
}


def _college() -> IndustryCollege | None:
    school = School.objects.filter(code=SCHOOL_CODE).first()
    if school is None:
        return None
    return IndustryCollege.objects.filter(school=school, name=COLLEGE).first()


def seed() -> str:
    """Targets and last year's submitted report of the demo college ("" without it)."""
    college = _college()
    staff = User.objects.filter(username=STAFF).first()
    if college is None or staff is None:
        return ""
    years = years_of(college)
    set_years = []
    for year, values in TARGETS.items():
        if year in years and not Target.objects.filter(college=college, year=year).exists():
            indicator_services.set_targets(actor=staff, college=college, year=year, values={
                code: Decimal(value) for code, value in values.items()})
            set_years.append(year)
    year = max(timezone.localdate().year - 1, years[0])
    report = AnnualReport.objects.filter(college=college, year=year).first()
    if report is None:
        report = create_object(actor=staff, obj=AnnualReport(college=college, year=year,
                                                             **NARRATIVE))
    if report.status == ReportStatus.DRAFT:
        if report.built_at is None:
            report = report_services.build(report.pk)
        report = report_services.submit(actor=staff, report=report)
    targets = f"targets for {', '.join(map(str, set_years))}; " if set_years else ""
    return f"{targets}annual report {report.year} {report.status}"
