"""Demo of shared resources: ten resources of the 碳中和产业学院 (the school's labs, the power
company's training bases, the institute's test benches and course) with the autumn semester 2026
of bookings: weekly series of the order class and the enterprise, single bookings, one booking
awaiting the power company's approval, the use of past slots recorded (but for the last week,
left for the owners' to-dos). Bookings go through the services, each made as of a moment before
its slot (the demo replays the semester), and are approved by the owner's side."""

from __future__ import annotations

import datetime as dt
from contextlib import contextmanager
from unittest import mock

from django.utils import timezone

from chanchuang.colleges.choices import Attendance, BookingStatus, ResourceKind
from chanchuang.colleges.models import Booking, IndustryCollege, SharedResource
from chanchuang.colleges.queries.resources import may_book
from chanchuang.colleges.services import resources as services
from chanchuang.core.demo import MAIN_SCHOOL
from chanchuang.core.models import Organisation, User
from chanchuang.core.services import create_object
from chanchuang.partners.demo import INSTITUTE, POWER

COLLEGE = "碳中和产业学院"
TERM_START, TERM_END = dt.date(2026, 9, 7), dt.date(2027, 1, 15)
# Bookings whose slot ended before this stay without their use recorded (the owners' to-do).
RECORD_UNTIL = dt.date(2026, 11, 30)

# name, kind, owner (None: the school), location, capacity, opens, closes, open days,
# needs approval, rules, description
RESOURCES = [
    ("碳排放核算实验室", ResourceKind.LAB, None, "实训楼A301", 40, 8, 18, "12345", True,
     "进入实验室须穿实验服；仪器使用后登记。", "配备温室气体排放监测仪与核算工作站20套。"),
    ("智能微电网实训室", ResourceKind.LAB, None, "实训楼A205", 36, 8, 18, "12345", True,
     "须在指导教师在场时操作。", "含光伏、储能、负荷模拟的微电网实训平台。"),
    ("电力系统继电保护实验室", ResourceKind.LAB, None, "实训楼B102", 30, 8, 18, "12345", True,
     "", "继电保护测试仪与二次回路实训屏。"),
    ("碳资产管理仿真软件", ResourceKind.SOFTWARE, None, "机房C401（60个授权）", 60, 8, 21,
     "1234567", True, "授权仅限教学使用。", "碳配额分配、交易与履约全流程仿真。"),
    ("能源管理学术报告厅", ResourceKind.VENUE, None, "图书馆一楼", 200, 8, 21, "1234567",
     False, "活动结束后恢复桌椅。", "可容纳200人的报告厅，配投影与同声传译设备。"),
    ("光伏发电实训基地", ResourceKind.BASE, POWER, "赣江电建新能源产业园光伏电站", 30, 8, 17,
     "12345", True, "进入电站须佩戴安全帽，听从现场安全员指挥。",
     "2兆瓦屋顶光伏电站，可开展组件巡检、逆变器运维实训。"),
    ("风电运维实训塔架", ResourceKind.BASE, POWER, "赣江电建实训中心", 12, 8, 17, "12345",
     True, "登高作业须持证并系安全带。", "真实尺寸风机机舱与塔筒，登高与检修实训。"),
    ("储能系统测试平台", ResourceKind.EQUIPMENT, INSTITUTE, "新能源研究院2号楼", 8, 9, 17,
     "12345", False, "测试数据归研究院与学校共享。", "锂电池储能系统充放电与热管理测试台。"),
    ("氢能与燃料电池实验台", ResourceKind.EQUIPMENT, INSTITUTE, "新能源研究院3号楼", 6, 9, 17,
     "1234", False, "须经安全培训后使用。", "质子交换膜燃料电池性能测试平台。"),
    ("碳足迹核算在线课程", ResourceKind.COURSE, INSTITUTE, "线上（研究院课程平台）", 100, 8, 22,
     "1234567", False, "", "产品碳足迹核算方法与案例，16学时。"),
]

# resource, booked by, purpose, weekday (1 = Monday), from, to (hours), people
SERIES = [
    ("碳排放核算实验室", "staff_wang", "碳资产管理订单班：碳排放核算实训", 2, 14, 16, 38),
    ("光伏发电实训基地", "staff_wang", "订单班光伏运维现场教学", 4, 9, 12, 30),
    ("智能微电网实训室", "dept_zhou", "电力系统自动化技术专业实训", 3, 8, 10, 34),
    ("储能系统测试平台", "mentor_chen", "储能系统测试课题指导", 5, 14, 16, 6),
    ("碳资产管理仿真软件", "hr_li", "企业员工碳交易业务培训", 1, 19, 21, 25),
]
# resource, booked by, purpose, day, from, to, people
SINGLES = [
    ("能源管理学术报告厅", "staff_wang", "产业学院理事会年度会议", dt.date(2026, 10, 16), 9, 12,
     80),
    ("风电运维实训塔架", "mentor_chen", "风电登高安全体验课", dt.date(2026, 10, 22), 9, 11, 12),
    ("电力系统继电保护实验室", "hr_li", "企业新员工继电保护培训", dt.date(2026, 11, 12), 9, 17,
     20),
    ("氢能与燃料电池实验台", "dept_zhou", "氢能技术讲座配套演示", dt.date(2026, 11, 19), 14, 16,
     6),
    ("碳足迹核算在线课程", "student_liu", "碳足迹核算自学", dt.date(2026, 12, 10), 19, 21, 1),
]
# The booking waiting for the power company's approval (hr_li's to-do).
PENDING = ("光伏发电实训基地", "mentor_chen", "双创团队光伏组件检测", dt.date(2026, 12, 16), 14,
           17, 6)
NO_SHOWS = {dt.date(2026, 10, 28), dt.date(2026, 11, 19)}


@contextmanager
def _as_of(moment: dt.datetime):
    """Replay a request made at ``moment`` (before its slot)."""
    with mock.patch("django.utils.timezone.now", return_value=moment):
        yield


def _local(day: dt.date, hour: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=timezone.get_current_timezone())


def _first(weekday: int) -> dt.date:
    return TERM_START + dt.timedelta(days=(weekday - TERM_START.isoweekday()) % 7)


def _deciders(resources, users) -> dict:
    """Who approves each resource's bookings: staff_wang for the school's, hr_li for the power
    company's (the institute's need no approval)."""
    return {name: users["staff_wang"] if r.owner_id is None else users["hr_li"]
            for name, r in resources.items()}


def seed() -> str:
    """Create the shared resources and their semester of bookings if not there yet."""
    college = IndustryCollege.objects.filter(name=COLLEGE,
                                             school__code=MAIN_SCHOOL["code"]).first()
    if college is None:
        return ""
    if college.resources.exists():
        return f"{college.resources.count()} shared resources (already there)"
    users = {u.username: u for u in User.objects.filter(username__in=[
        "staff_wang", "dept_zhou", "hr_li", "mentor_chen", "student_liu"])}
    staff = users["staff_wang"]
    resources = {}
    for (name, kind, owner, location, capacity, opens, closes, days, approval, rules,
         description) in RESOURCES:
        organisation = Organisation.objects.filter(school=college.school, name=owner).first() \
            if owner else None
        resources[name] = create_object(actor=staff, obj=SharedResource(
            college=college, kind=kind, name=name, owner=organisation, location=location,
            capacity=capacity, opens_at=dt.time(opens), closes_at=dt.time(closes),
            open_days=days, needs_approval=approval, rules=rules, description=description))
    deciders = _deciders(resources, users)
    made = 0
    with _as_of(_local(TERM_START - dt.timedelta(days=7), 10)):
        for name, who, purpose, weekday, start, end, people in SERIES:
            if who not in users or not may_book(users[who], resources[name]):
                continue
            series = services.book_weekly(
                actor=users[who], resource=resources[name], purpose=purpose,
                first_day=_first(weekday), last_day=TERM_END, starts=dt.time(start),
                ends=dt.time(end), people=people, free_only=True)
            first = series.bookings.first()
            if first.status == BookingStatus.PENDING:
                services.approve(actor=deciders[name], booking=first, whole_series=True,
                                 note="同意，请按规定使用。")
            made += series.bookings.count()
    for name, who, purpose, day, start, end, people in SINGLES:
        if who not in users or not may_book(users[who], resources[name]):
            continue
        with _as_of(_local(day - dt.timedelta(days=5), 10)):
            booking = services.book(actor=users[who], resource=resources[name],
                                    purpose=purpose, starts_at=_local(day, start),
                                    ends_at=_local(day, end), people=people)
            if booking.status == BookingStatus.PENDING:
                services.approve(actor=deciders[name], booking=booking)
        made += 1
    name, who, purpose, day, start, end, people = PENDING
    with _as_of(min(timezone.now(), _local(day - dt.timedelta(days=3), 10))):
        services.book(actor=users[who], resource=resources[name], purpose=purpose,
                      starts_at=_local(day, start), ends_at=_local(day, end), people=people)
    made += 1
    recorded = 0
    for booking in Booking.objects.filter(
            resource__college=college, status=BookingStatus.APPROVED,
            ends_at__lte=min(timezone.now(), _local(RECORD_UNTIL, 0))).select_related(
            "resource__college"):
        day = timezone.localtime(booking.starts_at).date()
        decider = deciders[booking.resource.name]
        services.record_use(actor=decider, booking=booking,
                            attendance=Attendance.NO_SHOW if day in NO_SHOWS
                            else Attendance.ATTENDED)
        recorded += 1
    return (f"{len(resources)} shared resources, {made} bookings (1 awaiting approval), "
            f"use recorded for {recorded}")
