"""Demo scenario of the innovation app: the 双创特训营 of the 双创协同教育中心 (the "人人成才"
pilot). Cohorts 1–3 ran in 2025 and 2026 from intake to demo day: applications alone or as teams,
two reviews each on the rubric, the published selection with a few declines moving the waitlist,
mentor choices and the mentor match, sessions with attendance, milestones with feedback, the
judges' scores and awards, and bootcamp credits for those who completed. Alumni then won
competitions, registered start-ups and showed their projects at the graduation exhibition.
Cohort 4 takes applications now (about 200 students), unreviewed, for staff to run its intake
in the browser. The people are fictional; state changes go through the services.

The services stamp what they write with the real time; the past cohorts' events are moved to
the dates they happened in the story (their audit entries too, and their notifications, read
long ago), so that lists and the audit log read in order.
"""

from __future__ import annotations

import datetime as dt
import io
import random
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.core.files.base import ContentFile
from django.db import connection
from django.db.models import Case, F, Prefetch, Value, When
from django.db.models.functions import Replace
from django.utils import timezone
from PIL import Image, ImageColor, ImageDraw

from chanchuang.core import services as core_services
from chanchuang.core.choices import Role
from chanchuang.core.formats import local_time
from chanchuang.core.identifiers import credit_code_check_character
from chanchuang.core.models import (
    AuditEntry,
    Department,
    MatchRun,
    Membership,
    Notification,
    School,
    Student,
    User,
)
from chanchuang.innovation.choices import (
    ApplicationStatus,
    AttendanceStatus,
    CheckInMethod,
    CohortPhase,
    CompetitionLevel,
    CreditCategory,
    QuestionKind,
    ReviewStatus,
)
from chanchuang.innovation.models import (
    Application,
    ApplicationMember,
    Attendance,
    Cohort,
    CohortMentor,
    Competition,
    Credit,
    CreditRule,
    Criterion,
    DepartmentQuota,
    Exhibition,
    Milestone,
    Programme,
    Question,
    Review,
    Reviewer,
    Session,
    ShowcaseItem,
    Startup,
    Submission,
    Team,
)
from chanchuang.innovation.services import cohort as running
from chanchuang.innovation.services import intake, records, showcase
from chanchuang.mentors.models import Mentor

SCHOOL_CODE = "4142099001"
PROGRAMME = "双创特训营"
DESCRIPTION = (
    "双创协同教育中心“人人成才”试点项目：面向全校学生的创新创业特训营，每期约十周，"
    "由双创客座教授和双创教学总监授课并一对一辅导团队，从发现问题、验证需求到做出原型，"
    "最后在路演日向评委展示。完成者获得双创学分，优秀项目推荐参加“互联网+”和“挑战杯”等赛事。"
)

C, L = CreditCategory, CompetitionLevel
CREDIT_RULES = [  # (category, level, award, credits)
    (C.BOOTCAMP, "", "", "2"),
    (C.COMPETITION, L.NATIONAL, "一等奖", "6"), (C.COMPETITION, L.NATIONAL, "二等奖", "5"),
    (C.COMPETITION, L.NATIONAL, "三等奖", "4"),
    (C.COMPETITION, L.PROVINCIAL, "一等奖", "4"), (C.COMPETITION, L.PROVINCIAL, "二等奖", "3"),
    (C.COMPETITION, L.PROVINCIAL, "三等奖", "2"),
    (C.RESEARCH, "", "", "2"), (C.CERTIFICATE, "", "", "1"), (C.STARTUP, "", "", "4"),
    (C.TRAINING, "", "", "0.5"),
]
NATIONAL = "中国国际大学生创新大赛"
HUBEI = "湖北省“互联网+”大学生创新创业大赛"
CHALLENGE = "“挑战杯”湖北省大学生创业计划竞赛"
COMPETITIONS = [(NATIONAL, L.NATIONAL, 2025), (HUBEI, L.PROVINCIAL, 2025),
                (HUBEI, L.PROVINCIAL, 2026), (CHALLENGE, L.PROVINCIAL, 2026)]

CRITERIA = [  # (name, what to look for, weight); every criterion is scored out of 10
    ("创新性", "想法是否新颖，是否抓住了真实存在的问题", 30),
    ("可行性", "技术、资源和时间上能否做成", 25),
    ("团队", "分工是否清楚，投入和能力是否互补", 20),
    ("市场", "用户是否清楚，是否有人愿意为它付费", 25),
]
STAGES = ["创意", "原型", "已有用户"]
QUESTIONS = [  # (prompt, kind, options)
    ("请介绍你的项目或想法：要解决什么问题、为谁解决、打算怎么做？", QuestionKind.LONG, ""),
    ("项目阶段", QuestionKind.CHOICE, "，".join(STAGES)),
]
# Reviewers besides mentor_chen and staff_wang: teachers of three departments (they do not
# review their own department's applicants). They never log in: no usable password.
TEACHERS = [("reviewer_sun", "孙立新", "新能源与电力学院"),
            ("reviewer_liang", "梁静怡", "艺术设计学院"),
            ("reviewer_zheng", "郑海涛", "电子商务学院")]
REVIEWER_BIAS = [0.0, -0.6, 0.4, -0.2, 0.3]  # mentor_chen, staff_wang, then the teachers

# The mentors offered to every cohort (the guest professors and teaching directors) and the
# teams each can take; which of them a department's teams want most.
OFFERED = [("陈朋", 3), ("邬振宇", 2), ("贺安琪", 2), ("朱雁秋", 3), ("汪悦然", 2), ("赵启航", 3)]
AFFINITY = {"新能源与电力学院": ["陈朋", "朱雁秋"], "环境工程学院": ["朱雁秋", "陈朋"],
            "餐饮与酒店管理学院": ["汪悦然", "陈朋"], "电子商务学院": ["赵启航", "陈朋"],
            "艺术设计学院": ["贺安琪", "朱雁秋"], "电子信息工程学院": ["邬振宇", "陈朋"]}
SESSIONS = [  # (topic, mentor, place); past cohorts skip the seventh
    ("开营：设计思维与问题发现", "朱雁秋", "创新创业学院报告厅"),
    ("用户访谈与需求验证", "陈朋", "众创空间路演厅"),
    ("商业模式画布", "陈朋", "众创空间路演厅"),
    ("从原型到最小可行产品", "邬振宇", "电子信息工程学院创客实验室"),
    ("品牌定位与视觉表达", "贺安琪", "艺术设计学院工作坊"),
    ("数字营销与直播电商", "赵启航", "电子商务学院直播实训室"),
    ("门店运营与成本测算", "汪悦然", "餐饮与酒店管理学院实训餐厅"),
    ("财务测算与融资路演", "朱雁秋", "众创空间路演厅"),
]
MILESTONES = [
    ("商业计划书初稿", "用一页纸说清楚目标用户、要解决的问题、方案和收入来源。"),
    ("原型与用户反馈", "做出可以演示的原型，并至少访谈十位目标用户。"),
    ("路演材料", "八分钟路演PPT和一分钟项目视频。"),
]

# Project ideas by department: (title, one-line summary).
PROJECTS = {
    "新能源与电力学院": [
        ("校园光伏车棚智能运维小程序", "用手机巡检光伏车棚，自动提醒清洗和报修"),
        ("风机叶片无人机巡检服务", "用无人机拍摄和图像识别发现风机叶片裂纹"),
        ("储能电池健康度监测盒", "给小型储能柜加装低成本的电池健康监测"),
        ("宿舍楼电动车安全充电桩", "定时断电、防过充的电动自行车充电桩"),
        ("村级光伏电站收益看板", "帮村集体看懂光伏电站每天发了多少电、挣了多少钱"),
        ("家庭用电能效诊断服务", "上门检测家电能耗，给出省电方案"),
        ("校园微电网仿真实训平台", "让学生在电脑上练习微电网调度"),
        ("农光互补大棚设计", "光伏板下种植喜阴作物，提高土地收益"),
        ("充电站排队预约助手", "帮电动车主预约充电桩，减少排队"),
        ("变电站巡检记录电子化", "用平板替代纸质巡检表，巡检数据自动汇总"),
        ("退役光伏组件回收拆解", "退役光伏板的铝框、玻璃和硅片分类回收"),
        ("便携式太阳能应急电源", "露营和应急用的折叠式太阳能电源"),
        ("山区线路覆冰预警装置", "监测山区输电线路覆冰并提前预警"),
        ("社区屋顶光伏共享平台", "居民共同投资屋顶光伏并分享发电收益"),
        ("风电场噪声监测公示屏", "监测风电场周边噪声，向村民公开数据"),
    ],
    "环境工程学院": [
        ("校园碳足迹计算器", "学生记录出行和饮食，算出自己的碳足迹"),
        ("社区碳普惠积分平台", "垃圾分类、绿色出行可以换积分和礼品"),
        ("食堂餐厨垃圾就地堆肥箱", "食堂餐厨垃圾就地变成有机肥"),
        ("便携式河道水质检测仪", "村民也能用的河道水质快速检测"),
        ("旧衣物回收再生工作室", "旧衣回收、分拣和再设计"),
        ("校园雨水花园改造", "用雨水花园收集和净化屋面雨水"),
        ("实验室废液智能回收柜", "自动称重、分类登记的实验室废液回收柜"),
        ("碳资产管理实训沙盘", "模拟企业碳配额买卖的教学沙盘"),
        ("校园快递循环包装箱", "快递站的可循环包装箱，押金扫码归还"),
        ("乡镇污水站托管运维", "为乡镇小型污水处理站提供托管运维"),
        ("新宿舍甲醛检测与治理", "新装修宿舍的甲醛检测和治理服务"),
        ("咖啡渣再利用", "把咖啡渣做成除味包和花肥"),
        ("城市噪声地图小程序", "众包采集城市噪声数据，画成地图"),
        ("秸秆生物炭制备", "把秸秆制成改良土壤的生物炭"),
        ("企业低碳团建策划", "为企业策划植树、骑行等低碳主题团建"),
    ],
    "餐饮与酒店管理学院": [
        ("乡村民宿数字化管家", "帮乡村民宿做线上预订和入住管理"),
        ("非遗楚菜研学体验课", "面向中小学生的楚菜制作研学课程"),
        ("食堂剩菜减量智能秤", "称重提醒，减少食堂浪费"),
        ("社区老年助餐配送", "为社区老人提供软食助餐和配送"),
        ("热干面标准化快餐店", "标准化出品、十分钟出餐的热干面小店"),
        ("湖北本地茶新式茶饮", "用恩施玉露、青砖茶做新式茶饮"),
        ("酒店客房智能清洁排班", "按入住情况自动排布客房清洁任务"),
        ("校园烘焙工坊", "学生自产自销的烘焙小店"),
        ("家庭宴会策划服务", "为家庭策划生日宴、谢师宴"),
        ("小餐馆探店视频代运营", "帮街边小餐馆拍探店短视频"),
        ("药食同源养生轻食", "用药食同源食材做的轻食套餐"),
        ("小餐馆半成品冷链配送", "为小餐馆配送标准化半成品"),
        ("亲子烹饪课堂", "周末亲子烘焙与烹饪课"),
        ("湖北小吃数字菜谱库", "记录湖北各地小吃的标准化菜谱"),
    ],
    "电子商务学院": [
        ("楚文化文创跨境小店", "把楚文化文创产品卖到海外电商平台"),
        ("校园二手闲置交易平台", "毕业季二手物品线上交易和上门回收"),
        ("乡镇快递共同配送", "多家快递在乡镇合并最后一公里配送"),
        ("本地商家短视频带货", "为本地商家拍短视频、做直播带货"),
        ("社区团购团长培训", "培训社区宝妈成为团购团长"),
        ("校园跑腿配送小程序", "学生兼职跑腿，送餐送快递"),
        ("直播间虚拟主播", "用虚拟形象做夜间直播"),
        ("土特产品牌包装与网店", "给家乡土特产做品牌、包装和网店"),
        ("跨境电商选品数据工具", "用公开数据帮小卖家选品"),
        ("教材循环书店", "旧教材回收、消毒和低价再售"),
        ("网店夜间客服外包", "为网店提供夜间客服服务"),
        ("实体店私域社群运营", "帮实体小店做会员社群和复购"),
        ("小仓库拣货路径优化", "用算法缩短小仓库的拣货路线"),
        ("宠物用品订阅盒", "按月配送宠物零食和用品"),
    ],
    "艺术设计学院": [
        ("乡村墙绘美育服务", "为乡村学校和村落绘制墙绘、开美育课"),
        ("校园导视系统再设计", "让新生不再迷路的校园导视设计"),
        ("汉绣纹样数字图案库", "非遗汉绣纹样的数字化和授权"),
        ("原创插画周边工作室", "原创插画周边的设计和销售"),
        ("小店品牌视觉设计服务", "为小店设计标志、包装和门头"),
        ("适老化家居改造设计", "为老人家庭做防滑、扶手和照明改造设计"),
        ("江城老街手绘明信片", "手绘江城老街和老字号的明信片"),
        ("企业展厅低成本展陈", "用模块化展具为小企业布置展厅"),
        ("竹编工艺现代家居", "用竹编工艺做现代灯具和收纳"),
        ("碳中和主题儿童绘本", "给孩子讲碳中和的原创绘本"),
        ("校园地标文创雪糕", "校园地标造型的文创雪糕"),
        ("婚礼视觉定制", "婚礼请柬和现场视觉设计"),
        ("陶艺体验工作室", "周末陶艺体验课和定制陶器"),
    ],
    "电子信息工程学院": [
        ("实验室设备预约物联网系统", "扫码预约设备，自动记录使用时长"),
        ("光伏电池片缺陷视觉检测", "用机器视觉检测电池片隐裂"),
        ("老人跌倒检测手环", "检测跌倒并自动呼叫家属"),
        ("智慧教室能耗监控", "教室无人时自动关灯关空调"),
        ("开源芯片测试治具", "低成本、可复用的芯片测试治具"),
        ("宿舍用电安全监测插座", "识别违规电器并自动断电"),
        ("农业大棚温湿度监控", "手机查看大棚环境，远程开窗通风"),
        ("校园失物招领小程序", "拍照登记，自动匹配失物和失主"),
        ("智能垃圾分类提示箱", "识别垃圾类别并语音提示投放"),
        ("废旧电路板元器件回收", "拆解废旧电路板，回收可用元器件"),
        ("车间设备预测性维护", "用振动传感器提前发现设备故障"),
        ("盲人出行辅助眼镜", "识别障碍物并语音提示"),
        ("无人机植保服务队", "为农户提供无人机打药服务"),
        ("少儿机器人编程课", "面向小学生的机器人编程课"),
        ("老人家庭网络上门服务", "为老人家庭排查网络和手机故障"),
    ],
}
GENERAL_PROJECTS = [
    ("大学生心理树洞小程序", "匿名倾诉、同伴支持和心理老师转介"),
    ("校园共享雨伞", "宿舍楼和教学楼之间的共享雨伞"),
    ("自习室座位预约", "图书馆和自习室的座位预约与签到"),
    ("校园活动票务平台", "社团活动的报名、售票和签到"),
    ("职教生技能家教", "职校生上门教中学生实用技能"),
    ("校园夜跑陪跑社群", "组织夜跑、记录里程的运动社群"),
]
WHY = [
    "身边的同学和老师都遇到过这个问题，我们做了三十多份问卷，确认需求真实存在。",
    "我们在实习时发现企业也在找类似的办法，愿意先试用。",
    "这个想法来自专业课的课程设计，老师鼓励我们继续做下去。",
    "家里有人从事相关行业，我们了解其中的难处。",
    "我们在社会实践中走访了十几户人家，发现现有的办法又贵又麻烦。",
]
HOPE = [
    "希望在特训营里学会写商业计划书和路演。",
    "希望得到导师在市场和融资方面的指导。",
    "希望把原型做出来，找到第一批用户。",
    "希望认识其他学院的同学，补齐团队的短板。",
    "希望了解创业的真实过程，再决定要不要毕业后创业。",
]
NO_IDEA = [
    "我还没有成熟的项目，想先学习创新方法，在营里找到志同道合的队友。",
    "我对创业很感兴趣，但不知道从哪里开始，想系统地学一学。",
    "我有几个零散的想法，希望在导师帮助下挑出一个值得做的。",
]
TEAM_WORDS = ["追光", "零碳", "青禾", "星火", "拾味", "云帆", "墨染",
              "芯动", "知行", "破晓", "向阳", "匠心", "逐梦", "青鸟",
              "微光", "新叶", "踏浪", "凌云", "橙意", "北斗", "繁星",
              "晨曦", "火种", "木棉", "麦田", "楚风", "江豚", "萤火",
              "山海", "潮汐", "南风", "青柠", "鲲鹏", "启明", "远帆",
              "栖木", "小满", "谷雨", "听澜", "知更"]
TEAM_SUFFIXES = ["团队", "工作室", "小队", "创客队"]
REVIEW_COMMENTS = {
    "high": ["想法新颖，团队分工清楚，建议尽快做出原型验证。", "需求调研扎实，有望做成真正的产品。",
             "团队专业背景互补，市场切入点清楚。"],
    "mid": ["方向可行，但目标用户还不够清楚，建议补充市场调研。",
            "有一定创新，可行性论证还需加强。", "建议先聚焦一个细分场景，把需求验证做透。"],
    "low": ["想法尚在早期，可行性论证不足。", "与现有产品差异不明显，建议再想想用户为什么选你。",
            "团队投入时间存疑，建议先做小范围尝试。"],
}
SUBMISSIONS = [
    "完成了《{title}》商业计划书初稿：明确了目标用户和收入模式，附竞品分析。",
    "“{title}”的原型已经可以演示，访谈了{n}位目标用户，并据此调整了功能优先级。",
    "路演PPT和一分钟项目视频已上传，讲述了“{title}”从发现问题到验证需求的过程。",
]
SUBMISSIONS_WITHOUT_PROJECT = [
    "完成了设计思维练习，整理了三个备选想法的用户画像。",
    "对选定的想法做了纸面原型，访谈了{n}位同学。",
    "路演PPT已上传，介绍了自己在特训营中的选题和收获。",
]
FEEDBACK = [
    "思路清楚。建议把目标用户再收窄一些，先服务好一小群人。",
    "收入测算偏乐观，请补充成本明细和三种情形的测算。",
    "用户访谈做得扎实，下一步把访谈结论和功能对应起来。",
    "原型完成度不错，注意演示时先讲用户的痛点再讲功能。",
    "竞品分析还不够，请补充两个直接竞品和一个替代方案。",
    "团队分工明确，建议每周固定一次复盘。",
]
PITCH_COMMENTS = ["表达清晰，数据扎实。", "市场规模估计偏乐观。", "建议补充竞品分析。",
                  "原型完成度高。", "团队配合默契。", "商业模式还需打磨。", "问题抓得准。"]

# The past cohorts: number, intake window, selection published on, session days, demo day,
# last day, capacity, about how many applicants, enrolment years that could apply.
PAST = [
    (1, (dt.date(2025, 2, 17), dt.date(2025, 2, 28)), dt.date(2025, 3, 6),
     [dt.date(2025, 3, 14), dt.date(2025, 3, 21), dt.date(2025, 3, 28), dt.date(2025, 4, 11),
      dt.date(2025, 4, 18), dt.date(2025, 4, 25), dt.date(2025, 5, 9)],
     dt.date(2025, 5, 16), dt.date(2025, 5, 23), 20, 32, (2024,)),
    (2, (dt.date(2025, 9, 15), dt.date(2025, 9, 26)), dt.date(2025, 10, 10),
     [dt.date(2025, 10, 17), dt.date(2025, 10, 24), dt.date(2025, 10, 31), dt.date(2025, 11, 7),
      dt.date(2025, 11, 14), dt.date(2025, 11, 21), dt.date(2025, 11, 28)],
     dt.date(2025, 12, 5), dt.date(2025, 12, 12), 22, 36, (2024, 2025)),
    (3, (dt.date(2026, 8, 31), dt.date(2026, 9, 9)), dt.date(2026, 9, 12),
     [dt.date(2026, 9, 18), dt.date(2026, 9, 25), dt.date(2026, 10, 9), dt.date(2026, 10, 13),
      dt.date(2026, 10, 16), dt.date(2026, 10, 23), dt.date(2026, 10, 27)],
     dt.date(2026, 10, 30), dt.date(2026, 10, 31), 24, 40, (2024, 2025)),
]
DROPOUTS = {1: 1, 2: 2, 3: 1}  # students per past cohort who miss too many sessions


@dataclass(frozen=True)
class Star:
    """A team the story follows after its cohort: it wins, competes, founds a company."""

    key: str
    cohort: int
    department: str
    size: int
    team_name: str
    title: str
    summary: str
    with_liu: bool = False


STARS = [
    Star("solar", 1, "新能源与电力学院", 3, "追光者团队", "户用光伏板清洗机器人",
         "为农村屋顶光伏提供低成本的自动清洗服务，发电量平均提升8%"),
    Star("meal", 1, "餐饮与酒店管理学院", 2, "拾味工作室", "低脂减盐营养学生餐",
         "按营养师配方做的平价学生套餐，已在两所中学试点"),
    Star("live", 2, "电子商务学院", 3, "青禾助农团队", "县域农产品直播助农工作室",
         "帮农户在直播间卖本地农产品，已合作三个乡镇", with_liu=True),
    Star("blindbox", 2, "艺术设计学院", 3, "楚纹工作室", "楚文化文创盲盒",
         "以楚漆器纹样设计的文创盲盒，在博物馆商店和网店销售"),
    Star("prepared", 2, "餐饮与酒店管理学院", 2, "楚味研选团队", "楚菜预制菜社区团购",
         "把家常楚菜做成预制菜，通过社区团购送进千家万户"),
    Star("carbon", 3, "环境工程学院", 3, "碳衡团队", "中小企业碳排放核算代理",
         "为小微企业编制碳排放报告，对接碳资产管理服务"),
    Star("upcycle", 3, "艺术设计学院", 2, "旧物新生工作室", "旧物改造环保家居",
         "把旧家具翻新和再设计，做成有故事的环保家居"),
]


@dataclass
class Plan:
    """One application to make: its students (lead first), team, project and quality."""

    students: list[Student]
    team_name: str = ""
    title: str = ""
    summary: str = ""
    stage: str = "创意"
    quality: float = 6.0
    star: Star | None = None
    at: dt.datetime | None = None
    extra: dict = field(default_factory=dict)


class Clock:
    """Moves what the services write (audit entries, notifications) to the moment it happened
    in the story: ``at(moment)`` claims everything written since the previous call (one query),
    ``flush()`` rewrites the claimed rows' times in one update per table; notifications of the
    past as read."""

    def __init__(self) -> None:
        self._start = self._last()
        self._marks: list[tuple[int, int, dt.datetime]] = []

    @staticmethod
    def _last() -> tuple[int, int]:
        quote = connection.ops.quote_name
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT (SELECT MAX(id) FROM {quote(AuditEntry._meta.db_table)}), "
                           f"(SELECT MAX(id) FROM {quote(Notification._meta.db_table)})")
            audit, notes = cursor.fetchone()
        return audit or 0, notes or 0

    def at(self, moment: dt.datetime) -> None:
        self._marks.append((*self._last(), moment))

    def flush(self) -> None:
        for model, index, fields in [(AuditEntry, 0, ["created_at"]),
                                     (Notification, 1, ["created_at", "read_at"])]:
            whens, previous = [], self._start[index]
            for *last, moment in self._marks:
                if last[index] > previous:
                    whens.append(When(pk__gt=previous, pk__lte=last[index], then=Value(moment)))
                    previous = last[index]
            if whens:
                when = Case(*whens, default=F("created_at"))
                model.objects.filter(pk__gt=self._start[index], pk__lte=previous).update(
                    **dict.fromkeys(fields, when))
        self._start, self._marks = self._last(), []


def _at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


class Scenario:
    """Everything the seed shares: the school, its people, the pools of students and ideas."""

    def __init__(self, school: School) -> None:
        self.school = school
        self.rng = random.Random(2026)
        self.clock = Clock()
        self.staff = User.objects.get(username="staff_wang")
        self.chen = User.objects.get(username="mentor_chen")
        self.departments = {d.name: d for d in Department.objects.filter(school=school)}
        self.mentors = {m.name: m for m in Mentor.objects.filter(school=school)
                        .select_related("user")}
        self.students: dict[tuple[str, int], list[Student]] = defaultdict(list)
        for student in (Student.objects.filter(school=school).select_related(
                "user", "department").order_by("student_no")):
            self.students[(student.department.name, student.enrolment_year)].append(student)
        self.liu = Student.objects.select_related("user", "department").get(
            user__username="student_liu")
        self.teachers = [self._teacher(*row) for row in TEACHERS]
        self.reviewers = [(self.chen, None), (self.staff, None),
                          *[(user, self.departments[dept]) for user, dept in self.teachers]]
        self.judges = [self.chen, self.staff, self.teachers[0][0]]
        self.programme = Programme.objects.create(school=school, name=PROGRAMME,
                                                  description=DESCRIPTION)
        self.alumni: set[int] = set()  # students who completed a cohort
        self.star_teams: dict[str, Team] = {}

    def _teacher(self, username: str, name: str, department: str) -> tuple[User, str]:
        user = User.objects.create(username=username, real_name=name,
                                   password=make_password(None))
        Membership.objects.create(user=user, role=Role.MENTOR, school=self.school)
        return user, department

    # --- Applicants and their ideas ---------------------------------------------------------

    def plans(self, number: int, years: tuple[int, ...], applicants: int, team_share: float,
              project_share: float, taken: set[int]) -> list[Plan]:
        """Applications of about ``applicants`` students of the given enrolment years, the
        cohort's stars first; nobody in ``taken`` applies."""
        rng, used = self.rng, set(taken)
        ideas = {dept: rng.sample(rows, len(rows)) for dept, rows in PROJECTS.items()}
        general = rng.sample(GENERAL_PROJECTS, len(GENERAL_PROJECTS))
        names = rng.sample([w + s for w in TEAM_WORDS for s in TEAM_SUFFIXES],
                           len(TEAM_WORDS) * len(TEAM_SUFFIXES))
        plans = []
        for star in (s for s in STARS if s.cohort == number):
            pool = [s for year in years for s in self.students[(star.department, year)]
                    if s.pk not in used and s.pk != self.liu.pk]
            members = rng.sample(pool, star.size - (1 if star.with_liu else 0))
            if star.with_liu:
                members.insert(0, self.liu)
            used.update(s.pk for s in members)
            plans.append(Plan(members, star.team_name, star.title, star.summary,
                              rng.choice(STAGES[1:]), 9.0, star))
        count = sum(len(p.students) for p in plans)
        departments = list(PROJECTS)
        while count < applicants:
            department = rng.choice(departments)
            size = rng.choices([2, 3, 4], [45, 35, 20])[0] if rng.random() < team_share else 1
            students = []
            for _seat in range(size):
                home = department if not students or rng.random() < 0.8 else \
                    rng.choice(departments)
                pool = [s for year in years for s in self.students[(home, year)]
                        if s.pk not in used and s.pk != self.liu.pk]
                student = rng.choice(pool)
                used.add(student.pk)
                students.append(student)
            plan = Plan(students, quality=min(8.6, max(3.5, rng.gauss(6.3, 1.1))))
            if size > 1 or rng.random() < project_share:
                pool = ideas[department] or general
                if pool:
                    plan.title, plan.summary = pool.pop()
                    plan.stage = rng.choices(STAGES, [50, 35, 15])[0]
            if size > 1:
                plan.team_name = names.pop()
                if not plan.title:  # more teams than ideas: the team names its idea itself
                    plan.title, plan.summary = f"{plan.team_name}创意项目", "团队自拟的创新项目"
            plans.append(plan)
            count += size
        return plans

    def answers(self, questions: list[Question], plan: Plan) -> dict[str, str]:
        long, choice = questions
        rng = self.rng
        if plan.title:
            text = f"{plan.summary}。{rng.choice(WHY)}{rng.choice(HOPE)}"
        else:
            text = rng.choice(NO_IDEA) + rng.choice(HOPE)
        return {str(long.pk): text, str(choice.pk): plan.stage}

    # --- Set-up of a cohort ------------------------------------------------------------------

    def cohort(self, number: int, opens: dt.datetime, closes: dt.datetime,
               session_days: list[dt.date], demo_day: dt.date, ends_on: dt.date,
               capacity: int, mentoring: int = 1) -> Cohort:
        """A drafted cohort with everything staff set up: rubric, form, reviewers, mentors
        (each taking ``mentoring`` times their usual number of teams), judges, sessions and
        milestones."""
        cohort = Cohort.objects.create(
            programme=self.programme, number=number, starts_on=session_days[0], ends_on=ends_on,
            applications_open_at=opens, applications_close_at=closes, capacity=capacity,
            max_team_size=4, reviews_per_application=2, credits=Decimal(2), demo_day=demo_day)
        Criterion.objects.bulk_create([
            Criterion(cohort=cohort, name=name, description=about, weight=Decimal(weight),
                      max_score=10, position=position)
            for position, (name, about, weight) in enumerate(CRITERIA, start=1)])
        Question.objects.bulk_create([
            Question(cohort=cohort, prompt=prompt, kind=kind, options=options, position=position)
            for position, (prompt, kind, options) in enumerate(QUESTIONS, start=1)])
        Reviewer.objects.bulk_create([Reviewer(cohort=cohort, user=user, department=department)
                                      for user, department in self.reviewers])
        CohortMentor.objects.bulk_create([
            CohortMentor(cohort=cohort, mentor=self.mentors[name], capacity=capacity_ * mentoring)
            for name, capacity_ in OFFERED])
        cohort.judges.set(self.judges)
        topics = SESSIONS if len(session_days) == len(SESSIONS) else \
            SESSIONS[:6] + SESSIONS[7:]
        Session.objects.bulk_create([
            Session(cohort=cohort, topic=topic, mentor=self.mentors[mentor], place=place,
                    starts_at=_at(day, 14), ends_at=_at(day, 17))
            for day, (topic, mentor, place) in zip(session_days, topics, strict=True)])
        due = [session_days[2] + dt.timedelta(days=2), session_days[4] + dt.timedelta(days=2),
               demo_day - dt.timedelta(days=3)]
        Milestone.objects.bulk_create([
            Milestone(cohort=cohort, title=title, description=about, due_on=day)
            for day, (title, about) in zip(due, MILESTONES, strict=True)])
        return cohort

    def apply(self, cohort: Cohort, plans: list[Plan], latest: dt.datetime) -> None:
        """Every plan applies, in the order of its moment in the window (``latest`` at the
        latest); the applications carry that moment."""
        opens = cohort.applications_open_at
        span = (min(cohort.applications_close_at, latest) - opens).total_seconds()
        timing = random.Random(cohort.number)  # its own draws: the window's length varies
        for plan in plans:
            moment = opens + dt.timedelta(seconds=int(timing.random() * span))
            if not 8 <= timezone.localtime(moment).hour <= 22:  # students sleep at night
                moment = max(opens, moment - dt.timedelta(hours=10))
            plan.at = moment
        plans.sort(key=lambda p: p.at)
        submitted, questions = [], list(cohort.questions.all())
        for plan in plans:
            lead, *members = plan.students
            application = intake.apply(
                actor=lead.user, cohort=cohort, lead=lead, members=members,
                team_name=plan.team_name, project_title=plan.title, project_summary=plan.summary,
                answers=self.answers(questions, plan), now=plan.at)
            application.submitted_at = plan.at
            plan.extra["application"] = application
            submitted.append(application)
            self.clock.at(plan.at)
        Application.objects.bulk_update(submitted, ["submitted_at"])

    # --- A past cohort, from intake to completion --------------------------------------------

    def past(self, number, window, published, session_days, demo_day, ends_on, capacity,
             applicants, years) -> Cohort:
        opens, closes = _at(window[0], 9), _at(window[1], 17)
        cohort = self.cohort(number, opens, closes, session_days, demo_day, ends_on, capacity)
        intake.open_intake(actor=self.staff, cohort=cohort)
        self.clock.at(opens - dt.timedelta(days=3))
        plans = self.plans(number, years, applicants, team_share=0.35, project_share=0.75,
                           taken=self.alumni)
        self.apply(cohort, plans, closes)
        self._review(cohort, plans, window[1], published)
        self._select(cohort, plans, published)
        teams = self._mentors(cohort, published, session_days[0])
        running.start(actor=self.staff, cohort=cohort)
        self.clock.at(_at(session_days[0], 8, 30))
        self._sessions(cohort, teams, DROPOUTS[number])
        self._milestones(cohort, teams)
        self._demo_day(cohort, teams)
        outcome = running.finish(actor=self.staff, cohort=cohort)
        self.clock.at(_at(ends_on, 16))
        for member in ApplicationMember.objects.filter(
                application__team__in=[t for t in teams if t.award]).select_related(
                "application__team", "application__cohort"):
            running.set_completion(actor=self.staff, member=member,
                                   completed=bool(member.completed),
                                   award=member.application.team.award)
        self.clock.at(_at(ends_on + dt.timedelta(days=1), 10))
        self.alumni.update(ApplicationMember.objects.filter(
            cohort=cohort, completed=True).values_list("student_id", flat=True))
        cohort.outcome = outcome
        self.clock.flush()
        return cohort

    def _review(self, cohort: Cohort, plans: list[Plan], closed: dt.date,
                published: dt.date) -> None:
        quality = {p.extra["application"].pk: p.quality for p in plans}
        intake.assign_reviewers(actor=self.staff, cohort=cohort)
        assigned = _at(closed + dt.timedelta(days=1), 10)
        self.clock.at(assigned)
        criteria = list(cohort.criteria.all())
        bias = {user.pk: REVIEWER_BIAS[i] for i, (user, _d) in enumerate(self.reviewers)}
        days = max(1, (published - closed).days - 1)
        reviews = list(Review.objects.filter(application__cohort=cohort)
                       .select_related("reviewer", "application__cohort").order_by("pk"))
        when = {review.pk: _at(closed + dt.timedelta(days=1 + self.rng.randrange(days)),
                               self.rng.choice([19, 20, 21]))
                for review in reviews}  # each reviewer scores on an evening or two
        reviews.sort(key=lambda r: (when[r.pk], r.reviewer_id, r.pk))
        for index, review in enumerate(reviews):
            q = quality[review.application_id] + bias[review.reviewer_id]
            scores = {str(c.pk): max(1, min(10, round(self.rng.gauss(q, 0.8))))
                      for c in criteria}
            level = "high" if q >= 7.5 else "mid" if q >= 5.5 else "low"
            intake.submit_review(actor=review.reviewer, review=review, scores=scores,
                                 comment=self.rng.choice(REVIEW_COMMENTS[level]))
            review.assigned_at, review.submitted_at = assigned, when[review.pk]
            following = reviews[index + 1] if index + 1 < len(reviews) else None
            if following is None or (when[following.pk], following.reviewer_id) != \
                    (when[review.pk], review.reviewer_id):
                self.clock.at(when[review.pk])
        Review.objects.bulk_update(reviews, ["assigned_at", "submitted_at"])

    def _select(self, cohort: Cohort, plans: list[Plan], published: dt.date) -> None:
        """Publish the selection; one or two offers are declined and the waitlist moves up;
        every other offer is accepted. The offers then carry the story's dates."""
        intake.publish_selection(actor=self.staff, cohort=cohort)
        cohort.refresh_from_db()
        announced = _at(published, 18)
        self.clock.at(announced)
        first = list(cohort.applications.filter(status=ApplicationStatus.SELECTED)
                     .select_related("lead__user", "cohort").order_by("rank"))
        stars = {p.extra["application"].pk for p in plans if p.star}
        declining = self.rng.sample([a for a in first if a.pk not in stars],
                                    1 + cohort.number % 2)
        moved_at = announced + dt.timedelta(days=1, hours=2)
        moved = []
        for application in declining:
            moved += intake.decline_offer(actor=application.lead.user, application=application)
            self.clock.at(moved_at)
        later = {a.pk for a in moved}
        for application in cohort.applications.filter(
                status=ApplicationStatus.SELECTED).select_related("lead__user", "cohort"):
            intake.accept_offer(actor=application.lead.user, application=application)
            self.clock.at((moved_at if application.pk in later else announced)
                          + dt.timedelta(hours=self.rng.randrange(2, 40)))
        reply = dt.timedelta(days=cohort.reply_days)
        for application in Application.objects.filter(cohort=cohort, offered_at__isnull=False):
            offered = moved_at if application.pk in later else announced
            # The offer's notification names its reply-by time: the story's, too.
            Notification.objects.filter(
                url=application.get_absolute_url(),
                title__contains=local_time(application.reply_by)).update(title=Replace(
                    "title", Value(local_time(application.reply_by)),
                    Value(local_time(offered + reply))))
            application.offered_at, application.reply_by = offered, offered + reply
            application.save(update_fields=["offered_at", "reply_by"])

    def _mentors(self, cohort: Cohort, published: dt.date, first: dt.date) -> list[Team]:
        """Teams rank the mentors offered; the match runs; anyone left over is placed by hand."""
        teams = list(cohort.teams.select_related("application__lead__user",
                                                 "application__lead__department", "project")
                     .order_by("application__rank"))
        for team in teams:
            lead = team.application.lead
            running.choose_mentors(actor=lead.user, team=team, mentors=[
                self.mentors[n] for n in _mentor_choice(self.rng, lead.department.name)])
        self.clock.at(_at(published + dt.timedelta(days=2), 20))
        run = running.start_mentor_match(actor=self.staff, cohort=cohort, seed=cohort.number)
        matched_at = _at(published + dt.timedelta(days=3), 10)
        core_services.execute_match(run.pk)
        self.clock.at(matched_at)
        MatchRun.objects.filter(pk=run.pk).update(
            created_at=_at(published + dt.timedelta(days=2), 20), finished_at=matched_at,
            published_at=matched_at, verified_at=matched_at)
        teams = list(cohort.teams.select_related(
            "application__lead__user", "application__lead__department", "project",
            "mentor__user").prefetch_related(Prefetch(
                "application__members", ApplicationMember.objects.select_related(
                    "student__user", "student__department").order_by("pk")))
            .order_by("application__rank"))
        load = defaultdict(int)
        for team in teams:
            if team.mentor_id:
                load[team.mentor_id] += 1
        for team in teams:
            if team.mentor_id is None:
                room = [self.mentors[n] for n, cap in OFFERED if load[self.mentors[n].pk] < cap]
                mentor = room[0] if room else self.mentors["朱雁秋"]
                running.assign_mentor(actor=self.staff, team=team, mentor=mentor)
                load[mentor.pk] += 1
        self.clock.at(_at(first - dt.timedelta(days=1), 11))
        return teams

    def _sessions(self, cohort: Cohort, teams: list[Team], dropouts: int) -> None:
        """Students check in with the session code (a few late); staff or the session's mentor
        mark the absent and excused. A dropout misses three sessions and does not complete."""
        rng = self.rng
        sessions = list(cohort.sessions.select_related("mentor__user", "cohort"))
        students = [s for t in teams for s in _members(t)]
        keep = {s.pk for t in teams if t.project_id and t.project.title in _star_titles()
                for s in _members(t)}
        missing = {s.pk: set(rng.sample(range(len(sessions)), 3))
                   for s in rng.sample([s for s in students if s.pk not in keep], dropouts)}
        absences: dict[int, int] = defaultdict(int)
        for index, session in enumerate(sessions):
            marker = session.mentor.user if session.mentor and session.mentor.user else self.staff
            method = CheckInMethod.MENTOR if marker != self.staff else CheckInMethod.STAFF
            for student in students:
                status = AttendanceStatus.PRESENT
                if index in missing.get(student.pk, ()):
                    status = AttendanceStatus.ABSENT
                elif student.pk not in missing:
                    draw = rng.random()
                    if draw < 0.04 and not absences[student.pk]:
                        status = AttendanceStatus.ABSENT
                    elif draw < 0.08:
                        status = AttendanceStatus.EXCUSED
                    elif draw < 0.16:
                        status = AttendanceStatus.LATE
                if status in (AttendanceStatus.PRESENT, AttendanceStatus.LATE):
                    minutes = rng.randrange(16, 40) if status == AttendanceStatus.LATE \
                        else rng.randrange(-25, 10)
                    running.check_in(actor=student.user, session=session,
                                     code=session.check_in_code,
                                     now=session.starts_at + dt.timedelta(minutes=minutes))
                else:
                    absences[student.pk] += status == AttendanceStatus.ABSENT
                    running.mark_attendance(actor=marker, session=session, student=student,
                                            status=status, method=method)
            done = session.starts_at + dt.timedelta(minutes=20)
            Attendance.objects.filter(session=session).update(recorded_at=done)
            self.clock.at(done)

    def _milestones(self, cohort: Cohort, teams: list[Team]) -> None:
        """Teams hand in each milestone the day before it is due; their mentor comments (staff
        enter the comments of mentors without a login)."""
        rng = self.rng
        for index, milestone in enumerate(cohort.milestones.all()):
            handed_in = _at(milestone.due_on - dt.timedelta(days=1), 21)
            commented = _at(milestone.due_on + dt.timedelta(days=2), 10)
            submissions = []
            for team in teams:
                if rng.random() < 0.05 and index < 2:
                    continue  # a team that skipped a hand-in
                template = (SUBMISSIONS if team.project_id else SUBMISSIONS_WITHOUT_PROJECT)[index]
                content = template.format(title=team.project.title if team.project_id else "",
                                          n=rng.randrange(10, 31))
                author = rng.choice(_members(team)).user
                submissions.append(running.submit(
                    actor=author, milestone=milestone, team=team, content=content,
                    link=f"https://pan.jcvtc.example.cn/s/{rng.randrange(16**8):08x}"
                    if index else ""))
            self.clock.at(handed_in)
            for submission in submissions:
                team = submission.team
                mentor = team.mentor.user if team.mentor and team.mentor.user else self.staff
                running.give_feedback(actor=mentor, submission=submission,
                                      feedback=rng.choice(FEEDBACK))
            self.clock.at(commented)
            Submission.objects.filter(milestone=milestone).update(
                submitted_at=handed_in, feedback_at=commented)

    def _demo_day(self, cohort: Cohort, teams: list[Team]) -> None:
        """The judges score every pitch; the best teams win awards."""
        rng = self.rng
        quality = dict.fromkeys(_star_titles(), 9.0)
        means = {}
        for team in teams:
            base = 70 + (quality.get(team.project.title if team.project_id else "", 6.0)
                         - 6.0) * 7 + rng.gauss(0, 3)
            given = []
            for judge in self.judges:
                score = Decimal(str(round(min(98, max(55, base + rng.gauss(0, 2.5))), 1)))
                running.score_pitch(actor=judge, team=team, score=score,
                                    comment=rng.choice(PITCH_COMMENTS))
                given.append(score)
            means[team.pk] = sum(given) / len(given)
        self.clock.at(_at(cohort.demo_day, 16))
        ranked = sorted(teams, key=lambda t: -means[t.pk])
        awards = {ranked[0].pk: "一等奖", ranked[1].pk: "二等奖", ranked[2].pk: "二等奖"}
        creative = [t for t in ranked[3:] if t.project_id]
        if creative:
            awards[rng.choice(creative[:4]).pk] = "最佳创意奖"
        for team in teams:
            team.award = awards.get(team.pk, "")
            if team.project_id and team.project.title in _star_titles():
                self.star_teams[_star_key(team.project.title)] = team
        Team.objects.bulk_update(teams, ["award"])

    # --- Cohort 4: taking applications now ----------------------------------------------------

    def open_cohort(self, number: int) -> Cohort:
        now = timezone.now()
        today = timezone.localdate()
        opens = _at(today - dt.timedelta(days=7), 9)
        closes = _at(today + dt.timedelta(days=10), 17)
        first = timezone.localdate(closes) + dt.timedelta(days=14)
        session_days = [first + dt.timedelta(days=7 * week) for week in range(len(SESSIONS))]
        demo_day = session_days[-1] + dt.timedelta(days=7)
        cohort = self.cohort(number, opens, closes, session_days, demo_day,
                             demo_day + dt.timedelta(days=1), capacity=40,
                             mentoring=3)  # room for 45 teams: one for every seat
        DepartmentQuota.objects.bulk_create([
            DepartmentQuota(cohort=cohort, department=self.departments["电子商务学院"], seats=10),
            DepartmentQuota(cohort=cohort, department=self.departments["艺术设计学院"], seats=8)])
        intake.open_intake(actor=self.staff, cohort=cohort)
        self.clock.at(opens - dt.timedelta(hours=15))
        plans = self.plans(number, (2024, 2025, 2026), 200, team_share=0.22, project_share=0.45,
                           taken=self.alumni)
        self.apply(cohort, plans, now - dt.timedelta(minutes=5))
        self.clock.flush()
        return cohort

    # --- After the cohorts: competitions, start-ups, the showcase -----------------------------

    def competitions(self) -> None:
        competitions = {(name, year): Competition.objects.create(
            school=self.school, name=name, level=level, year=year)
            for name, level, year in COMPETITIONS}
        results = [  # (star, competition, year, award, date)
            ("solar", HUBEI, 2025, "一等奖", dt.date(2025, 7, 18)),
            ("solar", NATIONAL, 2025, "二等奖", dt.date(2025, 10, 24)),
            ("meal", HUBEI, 2025, "三等奖", dt.date(2025, 7, 18)),
            ("blindbox", CHALLENGE, 2026, "一等奖", dt.date(2026, 5, 29)),
            ("live", HUBEI, 2026, "二等奖", dt.date(2026, 7, 17)),
            ("prepared", HUBEI, 2026, "三等奖", dt.date(2026, 7, 17)),
        ]
        for key, name, year, award, day in results:
            team = self.star_teams[key]
            competition = competitions[(name, year)]
            for student in _members(team):
                records.record_credit(
                    actor=self.staff, student=student, category=C.COMPETITION,
                    title=f"{year}年{name}：{team.project.title}", earned_on=day, award=award,
                    competition=competition, project=team.project)
            self.clock.at(_at(day + dt.timedelta(days=3), 10))
        lead = _members(self.star_teams["meal"])[0]
        records.record_credit(actor=self.staff, student=lead, category=C.RESEARCH,
                              title="省级大学生创新创业训练计划项目（结题）：校园营养配餐调查",
                              earned_on=dt.date(2026, 6, 20))
        self.clock.at(_at(dt.date(2026, 6, 22), 10))
        certificates = {"电子商务学院": "1+X网店运营推广职业技能等级证书（中级）",
                        "新能源与电力学院": "1+X光伏电站运维职业技能等级证书（中级）",
                        "艺术设计学院": "1+X界面设计职业技能等级证书（中级）"}
        alumni = list(Student.objects.filter(pk__in=self.alumni).exclude(pk=self.liu.pk)
                      .select_related("department").order_by("student_no"))
        for student in self.rng.sample(alumni, 12):
            title = certificates.get(student.department.name)
            if title:
                records.record_credit(actor=self.staff, student=student,
                                      category=C.CERTIFICATE, title=title,
                                      earned_on=dt.date(2026, 1, 10))
        self.clock.at(_at(dt.date(2026, 1, 12), 10))
        founders = [s for key in ("solar", "prepared", "blindbox")
                    for s in _members(self.star_teams[key])]
        for student in founders:
            records.record_credit(actor=self.staff, student=student, category=C.TRAINING,
                                  title="SYB创业培训（结业）", earned_on=dt.date(2025, 12, 20))
        self.clock.at(_at(dt.date(2025, 12, 22), 10))

    def startups(self) -> list[Startup]:
        rows = [  # (star, company, registered on, funding 万元, jobs, founders, notes)
            ("solar", "江城洁光新能源科技有限公司", dt.date(2025, 11, 18), "50", 6, 3,
             "入驻星桥创客孵化器；获江城市大学生创业扶持资金。"),
            ("prepared", "江城楚味研选餐饮管理有限公司", dt.date(2026, 4, 8), "20", 9, 2,
             "与百味餐饮集团中央厨房合作生产。"),
            ("blindbox", "江城楚纹文化创意有限公司", dt.date(2026, 6, 30), "12", 4, 2,
             "产品进入省博物馆文创商店。"),
            ("carbon", "江城碳衡环境咨询有限公司", dt.date(2026, 11, 10), "8", 3, 2,
             "为十余家小微企业提供碳排放核算服务。"),
        ]
        made = []
        for key, name, day, funding, jobs, founders, notes in rows:
            team = self.star_teams[key]
            body = "91420100" + "".join(self.rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY")
                                        for _ in range(9))
            made.append(records.register_startup(
                actor=self.staff, school=self.school, name=name,
                credit_code=body + credit_code_check_character(body),
                registered_on=min(day, timezone.localdate()),
                founders=_members(team)[:founders], project=team.project,
                funding=Decimal(funding), jobs=jobs, notes=notes))
            self.clock.at(_at(min(day, timezone.localdate()) + dt.timedelta(days=5), 10))
        return made

    def showcase(self) -> list[ShowcaseItem]:
        exhibition = Exhibition.objects.create(
            school=self.school, name="2026届毕业设计展", held_on=dt.date(2026, 6, 12),
            place="艺术设计学院展厅",
            description="毕业设计展设双创项目专区，展出双创特训营的优秀项目。")
        rows = [  # (star, in the exhibition, summary, consented and published)
            ("solar", True, "一台沿光伏板自动行走的清洗机器人，用雨水和软毛刷清洁，"
             "已为六个村的屋顶光伏服务，获第十一届中国国际大学生创新大赛二等奖。", True),
            ("blindbox", True, "以楚漆器纹样为灵感的文创盲盒，一套十二款，"
             "获“挑战杯”湖北省大学生创业计划竞赛一等奖。", True),
            ("live", False, "同学们走进三个乡镇，帮农户在直播间卖柑橘、莲藕和茶叶，"
             "半年带动销售额三十余万元。", True),
            ("upcycle", False, "把学生宿舍和老小区淘汰的旧家具翻新、再设计，"
             "每件作品附有它原主人的故事。", False),
        ]
        items = []
        for index, (key, shown, summary, public) in enumerate(rows):
            team = self.star_teams[key]
            item = showcase.save_item(actor=self.staff, item=ShowcaseItem(
                school=self.school, project=team.project, title=team.project.title,
                summary=summary, exhibition=exhibition if shown else None,
                image=showcase.checked_image(_poster(index))))
            self.clock.at(_at(dt.date(2026, 5, 20), 10))
            if public:
                students = _members(team)
                consenting = self.liu if self.liu in students else students[0]
                showcase.consent(actor=consenting.user, item=item,
                                 display_names=[s.user.real_name for s in students])
                self.clock.at(_at(dt.date(2026, 5, 25), 21))
                showcase.publish(actor=self.staff, item=item)
                self.clock.at(_at(dt.date(2026, 6, 1), 9))
                ShowcaseItem.objects.filter(pk=item.pk).update(
                    consent_at=_at(dt.date(2026, 5, 25), 21), published_at=_at(
                        dt.date(2026, 6, 1), 9))
            items.append(item)
        return items


POSTER_COLOURS = [("#0b6e4f", "#f2c14e"), ("#7a1f1f", "#e9b872"), ("#1d3557", "#e76f51"),
                  ("#3d405b", "#81b29a")]


def _poster(index: int) -> ContentFile:
    """A made-up picture for a demo showcase item: a diagonal two-colour field with a few
    circles (demo pictures carry no real photograph)."""
    first, second = (ImageColor.getrgb(c) for c in POSTER_COLOURS[index % len(POSTER_COLOURS)])
    width, height = 960, 540
    image = Image.new("RGB", (width, height), first)
    draw = ImageDraw.Draw(image)
    draw.polygon([(width * 0.35, 0), (width, 0), (width, height), (width * 0.6, height)],
                 fill=second)
    rng = random.Random(index)
    for _circle in range(5):
        x, y, r = rng.randrange(width), rng.randrange(height), rng.randrange(30, 120)
        draw.ellipse((x - r, y - r, x + r, y + r), outline=(255, 255, 255), width=6)
    out = io.BytesIO()
    image.save(out, "PNG")
    return ContentFile(out.getvalue(), name="poster.png")


def _members(team: Team) -> list[Student]:
    """The team's students, lead first."""
    return [m.student for m in team.application.members.all()]


def _mentor_choice(rng: random.Random, department: str) -> list[str]:
    """The three mentors a team ranks: mostly those its department's teams like."""
    names = [name for name, _capacity in OFFERED]
    liked = list(AFFINITY[department])
    others = rng.sample([n for n in names if n not in liked], len(names) - len(liked))
    return (liked + others)[:3] if rng.random() < 0.8 else rng.sample(names, 3)


def _star_titles() -> set[str]:
    return {star.title for star in STARS}


def _star_key(title: str) -> str:
    return next(star.key for star in STARS if star.title == title)


def seed() -> str:
    """Create the innovation scenario if it is not there yet; return a one-line summary."""
    school = School.objects.get(code=SCHOOL_CODE)
    existing = Programme.objects.filter(school=school, name=PROGRAMME).first()
    if existing is not None:
        return f"{existing.cohorts.count()} cohorts of {PROGRAMME} (already there)"
    CreditRule.objects.bulk_create([
        CreditRule(school=school, category=category, level=level, award=award,
                   credits=Decimal(credits)) for category, level, award, credits in CREDIT_RULES])
    scenario = Scenario(school)
    past = [scenario.past(*row) for row in PAST]
    scenario.competitions()
    startups = scenario.startups()
    items = scenario.showcase()
    scenario.clock.flush()
    current = scenario.open_cohort(len(PAST) + 1)
    applicants = ApplicationMember.objects.filter(cohort=current).count()
    completed = sum(c.outcome["completed"] for c in past)
    not_completed = sum(c.outcome["not_completed"] for c in past)
    return (f"{len(past)} cohorts finished ({completed} completed, {not_completed} did not), "
            f"cohort {current.number} open with {applicants} applicants in "
            f"{current.applications.count()} applications, "
            f"{Credit.objects.filter(student__school=school).count()} credit lines, "
            f"{len(startups)} start-ups, {len(items)} showcase items "
            f"({sum(1 for i in items if i.consent_by_id)} published)")



REVIEWER_USERNAMES = ["mentor_chen", "staff_wang", *[username for username, *_rest in TEACHERS]]


def play_others(*, leave_to: str = "staff_wang", leave: int = 3) -> str:
    """For trying the demo's 4th cohort alone: the other people do their part of the step the
    cohort is at, through the same services as their pages. In review, the demo's reviewers
    score what they were given (with their usual harshness), except ``leave`` of
    ``leave_to``'s reviews, left to score by hand; once selected, the teams without mentor
    choices rank three mentors. Run again, it only does what is still undone."""
    school = School.objects.get(code=SCHOOL_CODE)
    cohort = Cohort.objects.filter(programme__school=school, programme__name=PROGRAMME).exclude(
        phase=CohortPhase.FINISHED).order_by("-number").first()
    if cohort is not None and cohort.phase == CohortPhase.REVIEWING:
        return _play_reviewers(cohort, leave_to, leave)
    if cohort is not None and cohort.phase in (CohortPhase.SELECTED, CohortPhase.RUNNING):
        return _play_teams(cohort)
    return "nothing to play: close the 4th cohort's applications and assign reviewers first"


def _play_reviewers(cohort: Cohort, leave_to: str, leave: int) -> str:
    # The person trying the demo keeps ``leave`` of their reviews and hands the rest to the
    # other reviewers (as a reviewer short of time would): nothing is scored in their name.
    person = User.objects.filter(username=leave_to).first()
    if person is not None:
        intake.hand_over_reviews(actor=None, cohort=cohort, reviewer=person, keep=leave)
    criteria = list(cohort.criteria.all())
    bias = dict(zip(REVIEWER_USERNAMES, REVIEWER_BIAS, strict=True))
    pending = list(Review.objects.filter(application__cohort=cohort, status=ReviewStatus.ASSIGNED)
                   .exclude(reviewer__username=leave_to)
                   .select_related("reviewer", "application__cohort", "application__lead")
                   .order_by("pk"))
    kept = Review.objects.filter(application__cohort=cohort, status=ReviewStatus.ASSIGNED,
                                 reviewer__username=leave_to).count()
    scored = 0
    for review in pending:
        lead = review.application.lead.student_no  # seeds that do not hang on row ids
        rng = random.Random(f"{lead}-{review.reviewer.username}")
        quality = random.Random(lead).gauss(6.3, 1.1) + (
            0.8 if review.application.project_id else 0) + bias.get(review.reviewer.username, 0)
        level = "high" if quality >= 7.5 else "mid" if quality >= 5.5 else "low"
        intake.submit_review(
            actor=review.reviewer, review=review,
            scores={str(c.pk): max(1, min(c.max_score, round(rng.gauss(quality, 0.8))))
                    for c in criteria},
            comment=rng.choice(REVIEW_COMMENTS[level]))
        scored += 1
    return (f"{cohort}: {scored} reviews scored by the demo's reviewers, "
            f"{kept} left to {leave_to}")


def _play_teams(cohort: Cohort) -> str:
    mentors = {m.name: m for m in Mentor.objects.filter(school=cohort.school_id)}
    teams = list(cohort.teams.filter(mentor_choices__isnull=True).select_related(
        "application__lead__user", "application__lead__department").order_by("pk"))
    offered = [name for name, _capacity in OFFERED]
    for team in teams:  # the liked mentors first, then every other one: nobody is left over
        lead = team.application.lead
        first = _mentor_choice(random.Random(lead.student_no), lead.department.name)
        running.choose_mentors(actor=lead.user, team=team, mentors=[
            mentors[n] for n in first + [n for n in offered if n not in first]])
    return f"{cohort}: {len(teams)} teams ranked their mentors; run the mentor match next"
