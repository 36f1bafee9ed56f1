"""Demo of the colleges app: the 碳中和产业学院 founded at the signing ceremony on the three-party
agreement (the school, the power-construction company and the new-energy institute), with the
majors it serves, its council and management committee with two meetings and their decisions,
an order class and an apprenticeship class with their students, and a year (2026) of
co-developed work — mostly confirmed, some awaiting confirmation (one recorded by the company's
hr_li), one returned. Everything goes through the services; the people are fictional."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from chanchuang.colleges.choices import ContributionKind as K
from chanchuang.colleges.choices import CouncilKind, CouncilPost, ProgrammeKind
from chanchuang.colleges.models import CollegeProgramme, Council, Decision, IndustryCollege
from chanchuang.colleges.services import colleges, governance, work
from chanchuang.core.models import Major, Organisation, School, Student, User
from chanchuang.core.services import create_object
from chanchuang.mentors.models import Appointment
from chanchuang.partners.models import Agreement

CEREMONY = dt.date(2026, 6, 24)
NAME = "碳中和产业学院"
POWER = "华电建设集团赣江电力建设有限公司"
INSTITUTE = "江城新能源研究院有限公司"
MAJORS = ["420807", "430301", "430105"]  # 碳排放管理与核算, 光伏工程技术, 电力系统自动化技术
TERM_END = dt.date(2029, 6, 23)
# A small real PDF, the evidence an enterprise attaches.
EVIDENCE = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids"
            b"[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 9 9]>>"
            b"endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")

# (council kind, name, [(name, party or None, job title, post, login)])
COUNCILS = [
    (CouncilKind.COUNCIL, "碳中和产业学院理事会", [
        ("周立国", None, "学校党委书记", CouncilPost.CHAIR, None),
        ("向晓斌", POWER, "总工程师", CouncilPost.VICE_CHAIR, None),
        ("杨凯", INSTITUTE, "院长", CouncilPost.VICE_CHAIR, None),
        ("王凯", None, "校企合作处处长", CouncilPost.SECRETARY_GENERAL, "staff_wang"),
        ("李建华", POWER, "人力资源部经理", CouncilPost.MEMBER, "hr_li"),
    ]),
    (CouncilKind.COMMITTEE, "碳中和产业学院管理委员会", [
        ("王凯", None, "校企合作处处长", CouncilPost.DIRECTOR, "staff_wang"),
        ("杜明远", POWER, "碳资产管理部经理", CouncilPost.DEPUTY_DIRECTOR, None),
        ("杨凯文", INSTITUTE, "院长助理", CouncilPost.MEMBER, None),
        ("周敏", None, "新能源与电力学院副院长", CouncilPost.MEMBER, "dept_zhou"),
    ]),
]

# (kind, title, party, date, amount, extra fields)
WORK = [
    (K.COURSE, "碳排放核算实务", POWER, dt.date(2026, 9, 1), "48",
     {"authors": "王凯（学校）、杜明远（企业）", "is_core_course": True}),
    (K.COURSE, "新能源电站运行与维护", POWER, dt.date(2026, 9, 1), "64",
     {"authors": "周敏（学校）、向晓斌（企业）", "is_core_course": True,
      "is_practice_course": True}),
    (K.COURSE, "碳交易市场概论", INSTITUTE, dt.date(2026, 9, 8), "32",
     {"authors": "杨凯文（研究院）、王凯（学校）"}),
    (K.TEXTBOOK, "碳资产管理实务", POWER, dt.date(2026, 8, 20), None,
     {"authors": "王凯（学校）、杜明远（企业）", "publisher": "中国电力出版社",
      "isbn": "9787519876543"}),
    (K.TEXTBOOK, "光伏电站运维技术", INSTITUTE, dt.date(2026, 10, 10), None,
     {"authors": "杨凯（研究院）、周敏（学校）", "publisher": "化学工业出版社"}),
    (K.TEACHER, "向晓斌：新能源电站运行与维护", POWER, dt.date(2026, 11, 30), "36",
     {"mentor": "向晓斌"}),
    (K.TEACHER, "杜明远：碳排放核算实务", POWER, dt.date(2026, 11, 30), "24",
     {"mentor": "杜明远"}),
    (K.BASE, "华电赣江光伏电站实践教学基地", POWER, dt.date(2026, 7, 15), "40", {}),
    (K.BASE, "碳计量检测实训中心", INSTITUTE, dt.date(2026, 9, 20), "30", {}),
    (K.SERVICE, "园区企业碳盘查服务", None, dt.date(2026, 10, 28), "12.5",
     {"client": "芯测半导体检测科技有限公司"}),
    (K.SERVICE, "分布式光伏电站能效诊断", None, dt.date(2026, 8, 5), "8", {"client": POWER}),
    (K.TRAINING, "企业员工碳排放管理员培训", None, dt.date(2026, 7, 20), "60", {}),
    (K.EQUIPMENT, "碳排放在线监测设备", INSTITUTE, dt.date(2026, 9, 12), "35", {}),
    (K.EQUIPMENT, "光伏组件测试平台", POWER, dt.date(2026, 7, 28), "48", {}),
]
# Recorded and awaiting confirmation: staff's own draft, and hr_li's with evidence.
WAITING_STAFF = (K.TRAINING, "教师碳管理企业实践", POWER, dt.date(2026, 11, 16), "20", {})
WAITING_HR = (K.TRAINING, "电站运维骨干教师跟岗培训", POWER, dt.date(2026, 11, 23), "15", {})
RETURNED_HR = (K.BASE, "华电检修实训车间", POWER, dt.date(2026, 11, 2), "20", {})


def _org(school: School, name: str | None) -> Organisation | None:
    return Organisation.objects.get(school=school, name=name) if name else None


def _fields(school: School, extra: dict) -> dict:
    fields = {key: value for key, value in extra.items() if key not in ("mentor", "client")}
    if "mentor" in extra:
        fields["appointment"] = Appointment.objects.filter(
            school=school, mentor__name=extra["mentor"], status__in=work.APPOINTED).first()
    if "client" in extra:
        fields["client"] = _org(school, extra["client"])
    return fields


def _record(actor, college, school, row, *, confirm: bool, evidence: bool = False):
    kind, title, party, day, amount, extra = row
    return work.record_contribution(
        actor=actor, college=college, kind=kind, title=title, organisation=_org(school, party),
        happened_on=day, amount=Decimal(amount) if amount else None,
        evidence=SimpleUploadedFile("证明材料.pdf", EVIDENCE) if evidence else None,
        confirm=confirm, **_fields(school, extra))


def _programme(actor, college, school, power, *, kind, name, major_code, size):
    major = Major.objects.get(school=school, code=major_code)
    programme = create_object(actor=actor, obj=CollegeProgramme(
        college=college, kind=kind, name=name, major=major, partner=power, start_year=2025,
        places=30))
    students = Student.objects.filter(school=school, major=major, enrolment_year=2025) \
        .order_by("student_no")[:size]
    colleges.add_students(actor=actor, programme=programme, students=students)
    return programme


def seed() -> str:
    """Create the college scenario if it is not there yet; return a one-line summary."""
    school = School.objects.get(code="4142099001")
    if IndustryCollege.objects.filter(school=school, name=NAME).exists():
        return f"{NAME} (already there)"
    staff = User.objects.get(username="staff_wang")
    hr = User.objects.get(username="hr_li")
    agreement = Agreement.objects.get(school=school, title="共建碳中和产业学院协议")
    college = colleges.found_college(
        actor=staff, school=school, name=NAME, founded_on=CEREMONY, founding_agreement=agreement,
        dean=staff, majors=Major.objects.filter(school=school, code__in=MAJORS),
        description="学校与华电建设集团赣江电力建设有限公司、江城新能源研究院有限公司三方共建，"
                    "面向电力行业“双碳”转型，培养碳资产管理、新能源电站运维人才。")
    power = _org(school, POWER)

    programmes = [
        _programme(staff, college, school, power, kind=ProgrammeKind.ORDER_CLASS,
                   name="碳资产管理订单班", major_code="420807", size=26),
        _programme(staff, college, school, power, kind=ProgrammeKind.APPRENTICESHIP,
                   name="新能源电站运维现代学徒制班", major_code="430301", size=24),
    ]

    today = timezone.localdate()
    councils = {}
    for kind, name, seats in COUNCILS:
        council = create_object(actor=staff, obj=Council(
            college=college, kind=kind, name=name,
            charter="依据三方共建协议设立，审议产业学院发展规划、年度计划与重大事项。"))
        councils[kind] = council
        for person, party, job_title, post, login in seats:
            governance.add_seat(actor=staff, council=council, name=person,
                                organisation=_org(school, party), job_title=job_title,
                                post=post, term_start=CEREMONY, term_end=TERM_END,
                                user=User.objects.get(username=login) if login else None)
    first = governance.record_meeting(
        actor=staff, council=councils[CouncilKind.COUNCIL], title="理事会成立大会暨第一次会议",
        held_on=CEREMONY, place="学校学术报告厅",
        agenda="一、审议产业学院章程；二、选举理事长、副理事长；三、审议2026年建设计划。",
        minutes="会议审议通过了产业学院章程和2026年建设计划，明确三方分工。")
    second = governance.record_meeting(
        actor=staff, council=councils[CouncilKind.COMMITTEE],
        title="管理委员会2026年第一次会议", held_on=dt.date(2026, 9, 18), place="实训楼A301",
        agenda="一、订单班与学徒制班开班情况；二、实训基地建设进度；三、企业教师聘任。",
        minutes="两个班已开班；光伏电站实践教学基地已挂牌；企业教师授课安排确定。")
    governance.add_paper(actor=staff, meeting=first,
                         upload=SimpleUploadedFile("理事会会议纪要.pdf", EVIDENCE),
                         description="签字版会议纪要")
    done = [
        (first, "制定产业学院2026年建设计划", staff, dt.date(2026, 7, 31)),
        (first, "组建校企混编教学团队", hr, dt.date(2026, 8, 31)),
        (second, "完成实践教学基地挂牌", staff, dt.date(2026, 10, 15)),
    ]
    for meeting, text, owner, due in done:
        decision = governance.add_decision(actor=staff, meeting=meeting, text=text,
                                           owner=owner, due_on=due)
        governance.complete_decision(actor=owner, decision=decision, outcome="已按期完成。")
        # The service stamps today; in the story it was done a few days before it was due.
        Decision.objects.filter(pk=decision.pk).update(done_on=due - dt.timedelta(days=3))
    governance.add_decision(actor=staff, meeting=second, text="编制产业学院年度建设报告",
                            owner=staff, due_on=max(today, second.held_on) + dt.timedelta(days=10))
    governance.add_decision(actor=staff, meeting=second, text="提供2027年企业教师授课计划",
                            owner=hr, due_on=max(today, second.held_on) + dt.timedelta(days=20))

    for row in WORK:
        _record(staff, college, school, row, confirm=True)
    _record(staff, college, school, WAITING_STAFF, confirm=False)
    _record(hr, college, school, WAITING_HR, confirm=False, evidence=True)
    returned = _record(hr, college, school, RETURNED_HR, confirm=False, evidence=True)
    work.return_contribution(actor=staff, contribution=returned,
                             note="请补充基地挂牌照片和实训工位数量说明。")
    students = sum(p.students.count() for p in programmes)
    return (f"{NAME}: {len(programmes)} programmes with {students} students, 2 councils, "
            f"2 meetings, {len(WORK) + 3} records of co-developed work")
