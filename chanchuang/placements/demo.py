"""Demo scenario of the placements app: the 2024 cohort of the e-commerce department (about 330
students) alternates between school and enterprise; 40 positions at the demo enterprises, every
student's choices and the enterprises' rankings filled in, round 1 matched and published, and
the first placements confirmed (three-party agreements, insurance) with logs in progress, and
round 2 open for the students round 1 left. Beside it, a class of the power-automation major
on a term at the power company, its interns' logs waiting for sign-off and three behind."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from django.utils import timezone

from chanchuang.core import services as core_services
from chanchuang.core.models import Department, Organisation, School, SchoolClass, User
from chanchuang.mentors.models import Mentor
from chanchuang.partners.choices import IN_FORCE
from chanchuang.partners.models import Agreement
from chanchuang.placements import services
from chanchuang.placements.choices import BlockKind, InsurancePayer, Track
from chanchuang.placements.models import (
    InsurancePolicy,
    Placement,
    PlanBlock,
    Position,
    Preference,
    TrainingPlan,
)

PLAN_NAME = "2024级电子商务学院校企交替培养（2026—2027学年）"
BLOCKS = [
    (BlockKind.SCHOOL, "秋季在校学段", dt.date(2026, 9, 1), dt.date(2026, 10, 30)),
    (BlockKind.ENTERPRISE, "企业实践一", dt.date(2026, 11, 2), dt.date(2027, 1, 15)),
    (BlockKind.SCHOOL, "春季在校学段", dt.date(2027, 2, 22), dt.date(2027, 3, 31)),
    (BlockKind.ENTERPRISE, "企业实践二", dt.date(2027, 4, 1), dt.date(2027, 4, 30)),
]
# (enterprise, [(title, track, seats)]) — 40 positions in all.
POSITIONS = [
    (
        "云链智慧商业集团有限公司",
        [
            ("直播电商运营助理", Track.EMPLOYMENT, 10),
            ("社群运营专员", Track.EMPLOYMENT, 8),
            ("商品数据分析助理", Track.EMPLOYMENT, 6),
            ("跨境店铺运营", Track.EMPLOYMENT, 8),
            ("智慧零售门店见习店长", Track.APPRENTICESHIP, 6),
            ("仓配调度助理", Track.EMPLOYMENT, 8),
            ("客户服务专员", Track.EMPLOYMENT, 10),
            ("内容策划助理", Track.EMPLOYMENT, 6),
        ],
    ),
    (
        "千帆网络科技有限公司",
        [
            ("短视频剪辑助理", Track.EMPLOYMENT, 8),
            ("新媒体运营", Track.EMPLOYMENT, 8),
            ("SEO/SEM 优化助理", Track.EMPLOYMENT, 6),
            ("小程序运营", Track.EMPLOYMENT, 6),
            ("电商美工", Track.APPRENTICESHIP, 8),
            ("用户增长助理", Track.EMPLOYMENT, 6),
            ("直播场控", Track.EMPLOYMENT, 6),
        ],
    ),
    (
        "百味餐饮集团（中国）有限公司",
        [
            ("外卖平台运营", Track.EMPLOYMENT, 10),
            ("会员营销助理", Track.EMPLOYMENT, 8),
            ("门店数字化运营", Track.APPRENTICESHIP, 10),
            ("供应链采购助理", Track.EMPLOYMENT, 6),
            ("储备店长", Track.APPRENTICESHIP, 12),
        ],
    ),
    (
        "兴味餐饮管理有限公司",
        [
            ("线上订单运营", Track.EMPLOYMENT, 6),
            ("品牌推广助理", Track.EMPLOYMENT, 6),
            ("中央厨房物流助理", Track.EMPLOYMENT, 6),
        ],
    ),
    (
        "安居家居实业（湖北）有限公司",
        [
            ("家居电商运营", Track.EMPLOYMENT, 8),
            ("直播助播", Track.EMPLOYMENT, 8),
            ("售后客服", Track.EMPLOYMENT, 8),
            ("物流跟单", Track.EMPLOYMENT, 6),
            ("VR 展厅运营", Track.EMPLOYMENT, 4),
        ],
    ),
    (
        "素白造物文化创意有限公司",
        [
            ("文创产品电商运营", Track.EMPLOYMENT, 6),
            ("视觉设计助理", Track.APPRENTICESHIP, 6),
            ("IP 衍生品策划", Track.EMPLOYMENT, 4),
        ],
    ),
    (
        "星桥创客孵化器有限公司",
        [
            ("创业项目孵化（电商方向）", Track.INCUBATION, 10),
            ("创业项目孵化（内容方向）", Track.INCUBATION, 8),
            ("孵化器运营助理", Track.EMPLOYMENT, 4),
        ],
    ),
    (
        "芯测半导体检测科技有限公司",
        [("检测业务线上销售助理", Track.EMPLOYMENT, 6), ("样品物流协调", Track.EMPLOYMENT, 4)],
    ),
    (
        "湖北省大学生就业创业指导中心",
        [("就业服务平台运营见习", Track.EMPLOYMENT, 6), ("创业服务专员见习", Track.INCUBATION, 4)],
    ),
    (
        "湖北省职业教育创新创业协会",
        [("会员服务助理", Track.EMPLOYMENT, 4), ("赛事运营助理", Track.EMPLOYMENT, 4)],
    ),
]
LOG_TEXT = [
    "熟悉了岗位流程和团队分工，跟随导师完成了店铺日常数据的整理与复盘，学会使用后台报表。",
    "独立负责两场直播的排品和脚本准备，复盘时发现转化率低的原因在于讲解节奏，已调整。",
    "参与了月度促销活动的策划，撰写了活动文案，协助客服处理售后问题，提升了沟通能力。",
]


def seed() -> str:
    """Create the placements scenario if it is not there yet; return a one-line summary."""
    school = School.objects.get(code="4142099001")
    if TrainingPlan.objects.filter(school=school, name=PLAN_NAME).exists():
        return "training plan already there"
    staff = User.objects.get(username="staff_wang")
    department = Department.objects.get(school=school, name="电子商务学院")
    plan = TrainingPlan.objects.create(
        school=school, name=PLAN_NAME, department=department, enrolment_year=2024
    )
    for kind, title, start, end in BLOCKS:
        PlanBlock.objects.create(plan=plan, kind=kind, title=title, start_date=start, end_date=end)
    positions = _positions(plan, school)

    now = timezone.now()
    selection = services.open_round(
        actor=staff,
        plan=plan,
        choices_deadline=now + dt.timedelta(days=1),
        rankings_deadline=now + dt.timedelta(days=2),
        max_choices=5,
    )
    rng = random.Random(2026)
    weights = [1 / (rank + 1) for rank in range(len(positions))]  # a few popular positions
    students = list(plan.students().select_related("user"))
    for student in students:
        picks: list[Position] = []
        while len(picks) < 5:
            choice = rng.choices(positions, weights)[0]
            if choice not in picks:
                picks.append(choice)
        services.set_choices(
            actor=student.user, selection=selection, student=student, positions=picks
        )
    for index, position in enumerate(positions):
        if index % 4 == 0:  # a quarter of the positions are left to the school's ranking
            continue
        applicants = list(
            Preference.objects.filter(round=selection, position=position).select_related("student")
        )
        rng.shuffle(applicants)
        applicants.sort(key=lambda p: -float(p.student.grade_point or 0) + rng.random())
        ranks = {p.student_id: rank for rank, p in enumerate(applicants, start=1)}
        hr = User.objects.filter(memberships__organisation=position.organisation).first()
        services.set_rankings(
            actor=hr or staff, selection=selection, position=position, ranks=ranks
        )
    services.rank_by_grade(actor=staff, selection=selection)
    # The demo closes its round early: its choices and rankings were filed just now.
    selection = services.start_match(actor=staff, selection=selection, early=True)
    core_services.execute_match(selection.run_id)
    selection.refresh_from_db()
    placements = services.publish_round(actor=staff, selection=selection)

    policy = InsurancePolicy.objects.create(
        school=school,
        number="PICC-HB-2026-118",
        insurer="中国人民财产保险股份有限公司湖北省分公司",
        payer=InsurancePayer.SCHOOL,
        start_date=dt.date(2026, 11, 1),
        end_date=dt.date(2027, 5, 31),
    )
    confirmed = _confirm_some(staff, placements[:60], policy)
    _logs(confirmed, rng)
    # Round 2 takes the students round 1 left, for the seats it left: choices open for a week.
    services.open_round(actor=staff, plan=plan, choices_deadline=now + dt.timedelta(days=7),
                        rankings_deadline=now + dt.timedelta(days=10), max_choices=5)
    power = _power_internships(staff, school)
    return (
        f"plan of {len(students)} students, {len(positions)} positions, "
        f"{len(placements)} placed, {len(confirmed)} confirmed, round 2 open; "
        f"{power} interns of the power class at the power company"
    )


def _positions(plan: TrainingPlan, school: School) -> list[Position]:
    made = []
    for name, posts in POSITIONS:
        organisation = Organisation.objects.get(school=school, name=name)
        agreement = (
            Agreement.objects.filter(
                parties__organisation=organisation, status__in=IN_FORCE
            )
            .order_by("-start_date")
            .first()
        )
        for title, track, seats in posts:
            made.append(
                Position.objects.create(
                    plan=plan,
                    organisation=organisation,
                    agreement=agreement,
                    title=title,
                    track=track,
                    seats=seats,
                    location="湖北省武汉市",
                    working_hours="09:00—17:30，周一至周五",
                    post_headcount=seats * 6,
                    stipend=Decimal(2800),
                    probation_wage=Decimal(3200),
                )
            )
    return made


def _confirm_some(staff, placements: list[Placement], policy,
                  signed_on: dt.date = dt.date(2026, 10, 28)) -> list[Placement]:
    """Three-party agreements and insurance for the first placements, then confirmation. An
    enterprise's mentor in the school's pool with an e-mail is named the interns' enterprise
    mentor (the sign-off link goes there); the others are a generic one."""
    mentors = {m.organisation_id: m for m in Mentor.objects.filter(
        school=policy.school, organisation__isnull=False).exclude(email="")}
    confirmed = []
    for placement in placements:
        mentor = mentors.get(placement.position.organisation_id)
        placement.insurance = policy
        placement.mentor_name = mentor.name if mentor else "企业导师"
        placement.mentor_email = mentor.email if mentor else ""
        placement.save(update_fields=["insurance", "mentor_name", "mentor_email"])
        services.record_tripartite(actor=staff, placement=placement, signed_on=signed_on)
        confirmed.append(services.confirm(actor=staff, placement=placement))
    return confirmed


POWER = "华电建设集团赣江电力建设有限公司"
POWER_PLAN = "2024级电力系统自动化技术2401班岗位实习（华电建设）"
POWER_POSTS = [("变电站运维实习生", 4), ("光伏电站巡检实习生", 4)]
POWER_CLASS = "电力系统自动化技术2401班"


def _power_internships(staff, school: School) -> int:
    """Eight of the 2024 power-automation class on a term at the power company that began five
    weeks ago (the dates move with today): most write their weekly log, three have fallen
    behind, and each intern's latest log waits for the company's sign-off."""
    today = timezone.localdate()
    start, end = today - dt.timedelta(days=35), today + dt.timedelta(days=90)
    plan = TrainingPlan.objects.create(
        school=school, name=POWER_PLAN,
        school_class=SchoolClass.objects.get(school=school, name=POWER_CLASS))
    PlanBlock.objects.create(plan=plan, kind=BlockKind.ENTERPRISE, title="变电运维实习",
                             start_date=start, end_date=end)
    organisation = Organisation.objects.get(school=school, name=POWER)
    positions = [
        Position.objects.create(
            plan=plan, organisation=organisation, title=title, track=Track.EMPLOYMENT,
            seats=seats, location="江西省南昌市", working_hours="08:30—17:30，周一至周五",
            post_headcount=40, stipend=Decimal(3000), probation_wage=Decimal(3500))
        for title, seats in POWER_POSTS]
    policy = InsurancePolicy.objects.create(
        school=school, number="PICC-HB-2026-131",
        insurer="中国人民财产保险股份有限公司湖北省分公司", payer=InsurancePayer.SCHOOL,
        start_date=start, end_date=end)
    placements = [
        Placement.objects.create(student=student, position=positions[index % len(positions)],
                                 start_date=start, end_date=end)
        for index, student in enumerate(plan.students().order_by("student_no")[:8])]
    confirmed = _confirm_some(staff, placements, policy, signed_on=start - dt.timedelta(days=3))
    rng = random.Random("power")
    for index, placement in enumerate(confirmed):
        weeks = (today - start).days // 7 - (3 if index >= 5 else 0)  # three fell behind
        for week in range(weeks):
            period = start + dt.timedelta(days=7 * week)
            log = services.submit_log(actor=placement.student.user, placement=placement,
                                      period_start=period,
                                      period_end=period + dt.timedelta(days=6),
                                      content=rng.choice(POWER_LOG_TEXT))
            if week < weeks - 1:  # the latest waits for the company
                services.sign_off(logs=[log], approved=True, signer=None,
                                  signer_name=placement.mentor_name)
    return len(confirmed)


POWER_LOG_TEXT = [
    "跟随师傅完成220kV变电站日常巡视，学习了倒闸操作票的填写与安全措施。",
    "参加光伏电站组件清洗与逆变器巡检，记录了故障告警并协助排查接线问题。",
    "学习继电保护装置的定值核对流程，参与了一次班组安全技术交底会。",
]


def _logs(placements: list[Placement], rng: random.Random) -> None:
    """Weekly logs since the enterprise block began, most signed off."""
    today = timezone.localdate()
    for placement in placements:
        week = placement.start_date
        while week + dt.timedelta(days=6) < today:
            if rng.random() < 0.85:
                log = services.submit_log(
                    actor=placement.student.user,
                    placement=placement,
                    period_start=week,
                    period_end=week + dt.timedelta(days=6),
                    content=rng.choice(LOG_TEXT),
                )
                if rng.random() < 0.7:
                    services.sign_off(
                        logs=[log], approved=True, signer=None, signer_name=placement.mentor_name
                    )
            week += dt.timedelta(days=7)
