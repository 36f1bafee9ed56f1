"""Demo scenario of the mentors app: the guest professors (双创客座教授) and teaching directors
(双创教学总监) appointed at the signing ceremony, enterprise mentors of the carbon-neutrality
industry college (filling the power company's mentor commitment), and their activities. The
people are fictional; everything goes through the services."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from chanchuang.core.models import Organisation, School, Tag, User
from chanchuang.mentors import services
from chanchuang.mentors.choices import ActivityKind
from chanchuang.mentors.models import AppointmentTitle, Mentor
from chanchuang.partners.models import Agreement

CEREMONY = dt.date(2026, 6, 24)
TERM_END = dt.date(2029, 6, 23)
POWER = "华电建设集团赣江电力建设有限公司"

# (name, organisation or None for the college, job title, title code, expertise, bio, login)
MENTORS = [
    ("陈朋", "星桥创客孵化器有限公司", "创始人", "guest_professor", ["创业孵化", "商业模式"],
     "学校优秀校友，毕业后创办商务服务公司，现运营创客孵化器，累计孵化学生团队30余个。",
     "mentor_chen"),
    ("邬振宇", "芯测半导体检测科技有限公司", "创始人", "guest_professor", ["集成电路", "技术创业"],
     "芯片测试设备创业者，主张“先学好技术再创业”。", None),
    ("贺安琪", "素白造物文化创意有限公司", "创始人", "guest_professor", ["文化创意", "品牌设计"],
     "文创品牌创始人，带领团队完成多项校企联合设计项目。", None),
    ("朱雁秋", None, "双创教育学院院长", "teaching_director", ["创新创业教育", "课程设计"],
     "长期从事创新创业课程体系设计与师资培训。", None),
    ("汪悦然", "百味餐饮集团（中国）有限公司", "区域项目总经理", "teaching_director",
     ["连锁经营", "门店管理"], "负责集团华中区域新店拓展与管培生培养。", None),
    ("赵启航", "云链智慧商业集团有限公司", "职业教育研究院副院长", "teaching_director",
     ["数字商业", "直播电商"], "研究数字商业人才标准，主持多门在线课程建设。", None),
    ("向晓斌", POWER, "总工程师", "enterprise_mentor", ["碳交易", "电力工程"],
     "主持多项新能源电站建设项目，负责产业学院实训基地建设。", None),
    ("杜明远", POWER, "碳资产管理部经理", "enterprise_mentor", ["碳交易", "碳资产管理"],
     "负责集团碳排放核算与碳配额交易。", None),
]
# The e-mail the school has for a mentor: it names them as the enterprise mentor of interns.
EMAILS = {"陈朋": "chenpeng@xingqiao.example.cn"}
ACTIVITIES = [  # (mentor, kind, title, date, hours)
    ("陈朋", ActivityKind.LECTURE, "从校友到创业者：避免简单粗暴的创业", dt.date(2026, 6, 24), "2"),
    ("陈朋", ActivityKind.MENTORING, "第三期特训营项目辅导", dt.date(2026, 9, 18), "3"),
    ("陈朋", ActivityKind.JUDGING, "第三期特训营路演评审", dt.date(2026, 10, 30), "4"),
    ("陈朋", ActivityKind.MENTORING, "2025年创业团队辅导", dt.date(2025, 11, 5), "6"),
    ("朱雁秋", ActivityKind.WORKSHOP, "设计思维工作坊", dt.date(2026, 9, 12), "6"),
    ("朱雁秋", ActivityKind.LECTURE, "双创课程体系建设研讨", dt.date(2026, 7, 8), "2"),
    ("汪悦然", ActivityKind.LECTURE, "连锁门店的精益运营", dt.date(2026, 10, 15), "2"),
    ("向晓斌", ActivityKind.LECTURE, "碳交易市场与电力企业", dt.date(2026, 10, 22), "2"),
    ("杜明远", ActivityKind.WORKSHOP, "碳排放核算实训", dt.date(2026, 11, 6), "4"),
]


def seed() -> str:
    """Create the mentors scenario if it is not there yet; return a one-line summary."""
    school = School.objects.get(code="4142099001")
    if Mentor.objects.filter(school=school).exists():
        return f"{Mentor.objects.filter(school=school).count()} mentors (already there)"
    staff = User.objects.get(username="staff_wang")
    college_agreement = Agreement.objects.get(school=school, title="共建碳中和产业学院协议")
    mentors = {}
    for name, organisation, job_title, code, expertise, bio, login in MENTORS:
        mentor = Mentor.objects.create(
            school=school, name=name, job_title=job_title, bio=bio,
            organisation=Organisation.objects.get(school=school, name=organisation)
            if organisation else None,
            user=User.objects.get(username=login) if login else None,
            email=EMAILS.get(name, ""),
            availability="每月两次，工作日晚间" if code != "enterprise_mentor" else "实训周全程",
        )
        mentor.expertise.set([Tag.objects.get_or_create(school=school, name=tag)[0]
                              for tag in expertise])
        mentors[name] = mentor
        appointment = services.propose(
            actor=staff, mentor=mentor, title=AppointmentTitle.objects.get(code=code),
            start_date=CEREMONY, end_date=TERM_END,
            duties="参与双创特训营授课、项目辅导与路演评审。" if code != "enterprise_mentor"
            else "指导碳中和产业学院学生实训与岗位实习。",
            agreement=college_agreement if organisation == POWER else None)
        services.approve(actor=staff, appointment=appointment)
    for name, kind, title, day, hours in ACTIVITIES:
        services.record_activity(actor=staff, mentor=mentors[name], kind=kind, title=title,
                                 happened_on=day, hours=Decimal(hours))
    # An older appointment that ran out, and a proposal waiting for approval.
    expired = services.propose(
        actor=staff, mentor=mentors["陈朋"], title=AppointmentTitle.objects.get(
            code="enterprise_mentor"),
        start_date=dt.date(2023, 9, 1), end_date=dt.date(2025, 8, 31),
        duties="指导电子商务专业学生创业实践。")
    services.approve(actor=staff, appointment=expired)
    services.refresh_statuses()
    services.propose(actor=staff, mentor=mentors["杜明远"],
                     title=AppointmentTitle.objects.get(code="guest_professor"),
                     start_date=dt.date(2027, 1, 1), end_date=dt.date(2029, 12, 31),
                     duties="开设碳资产管理专题讲座。")
    return f"{len(mentors)} mentors, {len(ACTIVITIES)} activities"
