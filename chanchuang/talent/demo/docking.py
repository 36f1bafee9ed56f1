"""Demo data of the talent app: docking. Five docking activities of the main school over the
past year (the new-energy meeting that led to the carbon-neutrality industry college, the
carbon-accounting forum, the catering college's industry meeting, the e-commerce live-streaming
meeting and the semiconductor testing meeting), with their attendees (fictional people),
outcomes and follow-ups: one overdue, one done, open ones owned by staff_wang, dept_zhou and
hr_li so that their home pages show them. Built through the services, so each enterprise's
partner timeline shows the activity too."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from chanchuang.core.models import Department, Major, Organisation, School, User
from chanchuang.partners.models import Agreement
from chanchuang.talent.choices import DockingKind
from chanchuang.talent.models import DockingEvent
from chanchuang.talent.services import docking as services

POWER = "华电建设集团赣江电力建设有限公司"
INSTITUTE = "江城新能源研究院有限公司"
CATERING = "百味餐饮集团（中国）有限公司"
XINGWEI = "兴味餐饮管理有限公司"
YUNLIAN = "云链智慧商业集团有限公司"
QIANFAN = "千帆网络科技有限公司"
XINCE = "芯测半导体检测科技有限公司"
CEREMONY = dt.date(2026, 6, 24)

# (title, kind, days before today (None: before the ceremony), location, enterprises,
#  departments, majors, attendees, outcome, resulting agreement title or "",
#  follow-ups: (action, owner username, due: days from today, done note or None))
EVENTS = [
    ("新能源企业与电力专业对接会", DockingKind.ENTERPRISE_MAJOR, None, "新能源与电力学院会议室",
     [POWER, INSTITUTE], ["新能源与电力学院"], ["电力系统自动化技术", "光伏工程技术",
                                                "风力发电工程技术"],
     "向晓斌，华电建设集团赣江电力建设有限公司，副总经理\n"
     "李建华，华电建设集团赣江电力建设有限公司，人力资源部经理\n"
     "杨凯文，江城新能源研究院有限公司，院长助理\n"
     "周敏，新能源与电力学院，副院长\n"
     "王凯，学校产教融合办公室，科长",
     "双方确认新能源运维岗位每年需求约40人，重点为变电站巡检、光伏电站运维与储能系统调试；"
     "商定三方共建碳中和产业学院，由研究院开放储能实验平台，企业派6名工程师担任兼职教师；"
     "电力系统自动化技术专业人才培养方案增设“新能源场站运维”模块。",
     "共建碳中和产业学院协议",
     [("修订电力系统自动化技术人才培养方案（增设新能源场站运维模块）", "dept_zhou", -120,
       "方案已经专业建设委员会审议通过，2026级起执行。"),
      ("提供2027届新能源运维岗位需求清单（岗位、人数、技能要求）", "hr_li", 10, None)]),
    ("碳排放管理与核算专业产业对接座谈会", DockingKind.INDUSTRY_DEPARTMENT, 150,
     "环境工程学院报告厅", [INSTITUTE, POWER], ["环境工程学院"], ["碳排放管理与核算"],
     "杨凯文，江城新能源研究院有限公司，院长助理\n"
     "程立新，江城新能源研究院有限公司，碳资产管理部主任\n"
     "谢雨桐，华电建设集团赣江电力建设有限公司，安全环保部主管\n"
     "吴海燕，环境工程学院，院长",
     "企业反映碳排放核算员、碳资产管理助理岗位缺口明显，要求熟悉温室气体核算指南与MRV流程；"
     "研究院同意每学期开设两次碳市场实务讲座，并接收10名学生参与企业碳盘查项目。",
     "",
     [("对接研究院确定碳盘查实践项目的学生名单与时间安排", "staff_wang", -10, None)]),
    ("餐饮与酒店管理学院产业对接会", DockingKind.INDUSTRY_DEPARTMENT, 75, "实训楼二楼中餐实训室",
     [CATERING, XINGWEI], ["餐饮与酒店管理学院"], ["烹饪工艺与营养", "餐饮智能管理",
                                                   "酒店管理与数字化运营"],
     "赵成，百味餐饮集团（中国）有限公司，公共事务部总监\n"
     "孙丽华，兴味餐饮管理有限公司，运营总监\n"
     "何建国，餐饮与酒店管理学院，院长",
     "两家企业明年需中餐厨师、门店储备干部约60人；商定续签订单班协议前先联合修订课程标准，"
     "由企业开发“中央厨房标准化生产”实训项目。",
     "",
     [("起草2027级餐饮智能管理订单班续签方案", "staff_wang", 14, None)]),
    ("电商直播人才对接会", DockingKind.ENTERPRISE_MAJOR, 30, "电子商务学院直播实训基地",
     [YUNLIAN, QIANFAN], ["电子商务学院"], ["电子商务", "跨境电子商务"],
     "林晓峰，云链智慧商业集团有限公司，直播电商事业部经理\n"
     "韩梦琪，千帆网络科技有限公司，人力资源主管\n"
     "罗志强，电子商务学院，副院长",
     "企业需直播运营、短视频剪辑与数据分析岗位30余人；同意在学院直播实训基地开设企业真实账号"
     "运营项目，学生按班组轮岗。",
     "",
     [("与企业确认直播实训基地真实账号运营项目的合作细则", "staff_wang", 21, None)]),
    ("集成电路测试岗位对接会", DockingKind.ENTERPRISE_MAJOR, 200, "电子信息工程学院会议室",
     [XINCE], ["电子信息工程学院"], ["集成电路技术", "电子信息工程技术"],
     "邬刚毅，芯测半导体检测科技有限公司，创始人\n"
     "郑文博，电子信息工程学院，专业带头人",
     "企业介绍芯片测试工程师岗位能力要求，同意捐赠两台测试设备并举办开放日。",
     "",
     []),
]


def seed() -> str:
    """Create the docking activities if they are not there yet; return a one-line summary."""
    school = School.objects.get(code="4142099001")
    if DockingEvent.objects.filter(school=school).exists():
        return f"{DockingEvent.objects.filter(school=school).count()} docking activities " \
               "(already there)"
    today = timezone.localdate()
    staff = User.objects.get(username="staff_wang")
    follow_ups = 0
    for (title, kind, days_ago, location, enterprises, departments, majors, attendees,
         outcome, agreement_title, actions) in EVENTS:
        held_on = CEREMONY - dt.timedelta(days=70) if days_ago is None \
            else today - dt.timedelta(days=days_ago)
        agreement = Agreement.objects.filter(school=school, title=agreement_title).first() \
            if agreement_title else None
        event = services.record_docking_event(
            actor=staff, school=school, kind=kind, title=title, held_on=held_on,
            location=location,
            organisations=Organisation.objects.filter(school=school, name__in=enterprises),
            departments=Department.objects.filter(school=school, name__in=departments),
            majors=Major.objects.filter(school=school, name__in=majors),
            attendees=attendees, outcome=outcome, agreement=agreement)
        for action, owner, due_in, done in actions:
            follow_up = services.add_follow_up(
                actor=staff, event=event, action=action,
                owner=User.objects.get(username=owner),
                due_on=max(held_on, today + dt.timedelta(days=due_in)))
            if done is not None:
                services.complete_follow_up(actor=follow_up.owner, follow_up=follow_up,
                                            note=done)
            follow_ups += 1
    return f"{len(EVENTS)} docking activities, {follow_ups} follow-ups"
