"""Demo destinations of the insights app: the demo college's graduates of this year and last
year (current year from ``queries.destinations.current_year``), each with a destination.

The two cohorts (enrolled three years before they graduate) are added to the roster the way
the core demo adds its classes (one class per major, seeded so that a second run draws the same
people), graduated once their graduation summer has passed. Their destinations go through the
destination import's planner and writer — the same path as the school's Excel list, so the
derived fields (registered employer, partner, placement host, in province) are what the
services derive — and are audited as one import by the demo's staff member.

What the outcome chain's flags find here: about nine in ten employed, most by agreement or
contract, some start-ups, some further study (专升本), a few awaiting employment; about 70%
verified, some self-reported, some with the evidence missing; about three quarters in the
province. One implausible employer — an outsourcing firm that is not a registered
organisation — takes about 40% of this year's e-commerce class, and one "start-up" names no
registered company (no credit code, evidence missing). Some employers are partners, and a few
graduates of last year had their internship at the company that hired them (completed
placements at the demo positions, when the placements demo has them). All names are
fictional."""

from __future__ import annotations

import datetime as dt
import random

from django.db import transaction
from django.utils import timezone

from chanchuang.core import audit
from chanchuang.core import demo as core_demo
from chanchuang.core.choices import Role, StudentStatus
from chanchuang.core.identifiers import credit_code_check_character
from chanchuang.core.models import Membership, Organisation, School, Student, User
from chanchuang.core.tabular.importing import ImportContext
from chanchuang.insights.choices import (
    GROUP_OF_CODE,
    UNEMPLOYED_GROUPS,
    DestinationCode,
    EvidenceKind,
    Verification,
)
from chanchuang.insights.imports import DestinationImport, DestinationSheet
from chanchuang.insights.models import GraduateDestination
from chanchuang.insights.queries.destinations import current_year
from chanchuang.placements.choices import PlacementStatus
from chanchuang.placements.models import Placement, Position

STAFF = "staff_wang"
# The class of this year's graduates where one outsourcing firm hires about 40%.
IMPLAUSIBLE_MAJOR = "530701"  # 电子商务
IMPLAUSIBLE_SHARE = 0.4

# (code, weight): ≈ 91% employed; most by agreement or contract; 专升本 is common.
CODE_WEIGHTS = [
    ("11", 42), ("10", 20), ("12", 7), ("271", 1), ("46", 1), ("502", 1), ("503", 1),
    ("512", 1), ("519", 1), ("75", 2), ("76", 5), ("801", 9), ("85", 1), ("70", 5), ("71", 2),
    ("72", 1),
]
STUDY_SCHOOLS = [("湖北工程学院", "420900"), ("武汉轻工大学", "420100"),
                 ("湖北文理学院", "420600"), ("江汉大学", "420100"),
                 ("长江大学", "421000"), ("湖南工程学院", "430300")]
ABROAD_SCHOOLS = [("马来西亚理科大学", "")]
# Employers that are not registered organisations of the school: (name, region, post).
OTHER_EMPLOYERS = [
    ("武汉楚能电气安装工程有限公司", "420100", "电气安装技术员"),
    ("襄阳汉江绿能科技有限公司", "420600", "光伏运维工程师"),
    ("宜昌三峡环境检测有限公司", "420500", "环境检测员"),
    ("荆州鸿运酒店管理有限公司", "421000", "前厅主管"),
    ("武汉光谷云仓物流有限公司", "420100", "仓储管理员"),
    ("武汉江滩文化传媒有限公司", "420100", "视觉设计师"),
    ("孝感华中精密电子有限公司", "420900", "电子装配技术员"),
    ("黄石东楚餐饮管理有限公司", "420200", "厨师"),
    ("十堰车城智能制造有限公司", "420300", "设备维护员"),
    ("深圳南山跨境电商有限公司", "440300", "跨境运营专员"),
    ("广州珠江数码科技有限公司", "440100", "售后技术支持"),
    ("杭州钱塘数字科技有限公司", "330100", "测试工程师"),
    ("苏州工业园区精工科技有限公司", "320500", "质检员"),
]
IMPLAUSIBLE_EMPLOYER = ("鑫程人力资源外包服务有限公司", "420100", "电商运营专员")
PHANTOM_STARTUP = "星火电商工作室"
STARTUPS = ["创客{}科技有限公司", "{}文化创意工作室有限公司", "{}餐饮管理有限公司"]
GRASSROOTS = {"46": ("中国人民解放军某部", ""), "502": ("湖北省三支一扶计划", "420100"),
              "503": ("大学生志愿服务西部计划", "650100"), "512": ("湖北省选调生", "420100"),
              "519": ("湖北省社区服务岗位", "420100"), "271": ("江城职业技术学院", "420100")}


def _credit_code(seed: str, region: str) -> str:
    rng = random.Random(seed)
    body = "91" + (region or "420100") + "".join(
        rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(9))
    return body + credit_code_check_character(body)


def _cohorts(school: School, years: list[int]) -> list[Student]:
    """The classes graduating in ``years`` (one per major, enrolled three years before),
    added the way the core demo adds its own; those whose graduation summer has passed are
    graduated. Returns every student of those cohorts."""
    majors = core_demo.departments_and_majors(school, core_demo.MAIN_DEPARTMENTS)
    existing = set(Student.objects.filter(school=school).values_list("student_no", flat=True))
    users: list[User] = []
    students: list[Student] = []
    today = timezone.localdate()
    for year in years:
        enrolled = year - 3
        if enrolled in core_demo.ENROLMENT_YEARS:
            continue  # the core demo's own cohort, in its final year
        for serial, major in enumerate(majors, start=1):
            core_demo.add_class(school, major, serial, enrolled, 1, core_demo.STUDENTS_PER_CLASS,
                             existing, users, students)
        if today >= dt.date(year, 7, 1):
            for student in students:
                if student.enrolment_year == enrolled:
                    student.status = StudentStatus.GRADUATED
    User.objects.bulk_create(users, batch_size=500)
    for student in students:
        student.user_id = student.user.pk
    Student.objects.bulk_create(students, batch_size=500)
    Membership.objects.bulk_create(
        [Membership(user_id=s.user_id, role=Role.STUDENT, school=school) for s in students],
        batch_size=500)
    cohorts = [year - 3 for year in years]
    return list(Student.objects.filter(school=school, enrolment_year__in=cohorts)
                .select_related("major", "school_class").order_by("student_no"))


def _row(student: Student, year: int, rng: random.Random, registered: list[Organisation],
         implausible: bool) -> dict:
    """One graduate's destination as the import's values."""
    if implausible:
        name, region, post = IMPLAUSIBLE_EMPLOYER
        return {"code": DestinationCode.LABOUR_CONTRACT, "employer_name": name,
                "employer_credit_code": _credit_code(name, region), "employer_region": region,
                "post": post, "contract_start": dt.date(year, 7, 1),
                "evidence_kind": EvidenceKind.CONTRACT,
                "verification": Verification.SELF_REPORTED if rng.random() < 0.8
                else Verification.MISSING}
    codes, weights = zip(*CODE_WEIGHTS, strict=True)
    code = rng.choices(codes, weights)[0]
    group = GROUP_OF_CODE[code]
    row: dict = {"code": code, "employer_name": "", "employer_credit_code": "",
                 "employer_region": "", "post": "", "contract_start": None, "evidence_kind": ""}
    if code in ("10", "11", "12"):
        if rng.random() < 0.45 and registered:
            organisation = rng.choice(registered)
            row.update(employer_name=organisation.name,
                       employer_credit_code=organisation.credit_code if rng.random() < 0.8
                       else "", post=rng.choice(["技术员", "助理工程师", "运营专员", "储备干部"]))
        else:
            name, region, post = rng.choice(OTHER_EMPLOYERS)
            row.update(employer_name=name, employer_credit_code=_credit_code(name, region),
                       employer_region=region, post=post)
        row.update(contract_start=dt.date(year, rng.choice((6, 7, 8)), 1),
                   evidence_kind=EvidenceKind.CONTRACT)
    elif code in GRASSROOTS:
        name, region = GRASSROOTS[code]
        row.update(employer_name=name, employer_region=region, evidence_kind=EvidenceKind.OTHER)
    elif code == "75":
        name = rng.choice(STARTUPS).format(student.user.real_name[-1] + rng.choice("源达嘉润"))
        row.update(employer_name=name, employer_credit_code=_credit_code(name, "420100"),
                   employer_region="420100", post="创始人", evidence_kind=EvidenceKind.LICENCE)
    elif code == "76":
        row.update(post=rng.choice(["自媒体运营", "独立设计师", "电商主播"]),
                   evidence_kind=EvidenceKind.OTHER)
    elif code in ("801", "802"):
        name, region = rng.choice(STUDY_SCHOOLS)
        row.update(employer_name=name, employer_region=region,
                   evidence_kind=EvidenceKind.ADMISSION)
    elif code == "85":
        name, region = rng.choice(ABROAD_SCHOOLS)
        row.update(employer_name=name, evidence_kind=EvidenceKind.ADMISSION)
    roll = rng.random()
    if group in UNEMPLOYED_GROUPS:
        row["verification"] = Verification.SELF_REPORTED if roll < 0.6 else Verification.MISSING
    elif roll < 0.72:
        row["verification"] = Verification.VERIFIED
    elif roll < 0.9:
        row["verification"] = Verification.SELF_REPORTED
    else:
        row.update(verification=Verification.MISSING, evidence_kind="")
    if row["verification"] == Verification.MISSING:
        row["evidence_kind"] = ""
    return row


def _hosts(graduates: dict[int, dict], school: School, year: int) -> int:
    """Completed internships of last year's graduates at the demo positions of the company
    that then hired them (a few), so that the placement-host flag has something to show."""
    positions = {}
    for position in Position.objects.filter(plan__school=school).order_by("pk"):
        positions.setdefault(position.organisation.name, position)
    made = 0
    for student_id, row in graduates.items():
        position = positions.get(row["employer_name"])
        if position is None or row["year"] != year or made >= 12:
            continue
        Placement.objects.get_or_create(
            student_id=student_id, position=position,
            defaults={"status": PlacementStatus.COMPLETED, "start_date": dt.date(year, 1, 4),
                      "end_date": dt.date(year, 5, 31)})
        made += 1
    return made


def seed() -> str:
    """Create the two graduation years of destinations if they are not there yet."""
    school = School.objects.filter(code=core_demo.MAIN_SCHOOL["code"]).first()
    actor = User.objects.filter(username=STAFF).first()
    if school is None or actor is None:
        return ""
    this_year = current_year()
    years = [this_year - 1, this_year]
    if GraduateDestination.objects.filter(school=school, graduation_year__in=years).exists():
        return ""
    with transaction.atomic():
        students = _cohorts(school, years)
        registered = list(Organisation.objects.filter(school=school).order_by("name"))
        rows: dict[int, dict] = {}
        implausible_class = [s for s in students if s.major.code == IMPLAUSIBLE_MAJOR
                             and s.enrolment_year == this_year - 3]
        hired = {s.pk for s in implausible_class[:round(len(implausible_class)
                                                          * IMPLAUSIBLE_SHARE)]}
        for student in students:
            year = student.enrolment_year + 3
            rng = random.Random(f"destination-{student.student_no}")
            rows[student.pk] = {**_row(student, year, rng, registered, student.pk in hired),
                                "year": year, "student": student}
        phantom = next(s for s in students if s.enrolment_year == this_year - 3
                       and s.pk not in hired and s.major.code != IMPLAUSIBLE_MAJOR)
        rows[phantom.pk].update(code=DestinationCode.STARTUP, employer_name=PHANTOM_STARTUP,
                                employer_credit_code="", employer_region="420100",
                                post="创始人", evidence_kind="",
                                verification=Verification.MISSING)
        hosts = _hosts(rows, school, this_year - 1)
        written = _write(school, actor, rows)
    return (f"{written} graduate destinations of {years[0]} and {years[1]} "
            f"({hosts} hired where they interned)")


def _write(school: School, actor: User, rows: dict[int, dict]) -> int:
    """Plan every row with the import's sheet and write them in one go, audited as an
    import."""
    kind = DestinationImport()
    context: ImportContext = kind.context(school, actor)
    sheet = DestinationSheet(context)
    present = {column.field for column in sheet.columns}
    plans = []
    regions = context.lookups["regions"]
    for row in rows.values():
        values = {
            "student_no": row["student"].student_no, "graduation_year": row["year"],
            "code": str(row["code"]), "employer_name": row["employer_name"] or None,
            "employer_credit_code": row["employer_credit_code"] or None,
            "employer_region": regions.get(row["employer_region"]) if row["employer_region"]
            else None,
            "post": row["post"] or None, "contract_start": row["contract_start"],
            "evidence_kind": row["evidence_kind"] or None,
            "verification": str(row["verification"]),
        }
        plans.append(sheet.build(values, present))
    sheet.write(plans)
    audit.record(actor=actor, action=kind.audit_action, school_id=school.pk,
                 model=GraduateDestination,
                 data={"kind": kind.name, "destinations": {"create": len(plans)}, "demo": True})
    return len(plans)
