"""Demo data of the talent app: a year of talent demand from the demo partners, each written as
a real recruitment ad (岗位职责 + 任职要求), for the demo majors, spread over this year, next
year and later, some already filled. Enterprise members declare their own organisation's
(hr_li for the power construction company, hr_zhao for the catering group); staff_wang
declares the others'. The skills are those the school's dictionary suggests from each
description, all kept as if the person confirmed them. Idempotent: a demand already there
(same enterprise and post) is left alone."""

from __future__ import annotations

from chanchuang.core.models import Major, Organisation, School, User
from chanchuang.talent.choices import DemandStatus
from chanchuang.talent.choices import TimeFrame as T
from chanchuang.talent.models import Demand, Skill
from chanchuang.talent.queries.demand import suggester_for
from chanchuang.talent.services import demand as services

POWER = "华电建设集团赣江电力建设有限公司"
INSTITUTE = "江城新能源研究院有限公司"
CATERING = "百味餐饮集团（中国）有限公司"
COMMERCE = "云链智慧商业集团有限公司"
CHIPS = "芯测半导体检测科技有限公司"
HOME = "安居家居实业（湖北）有限公司"
XINGWEI = "兴味餐饮管理有限公司"
QIANFAN = "千帆网络科技有限公司"
SUBAI = "素白造物文化创意有限公司"
DECLARERS = {POWER: "hr_li", CATERING: "hr_zhao"}
# What each enterprise's ads say about pay and benefits (appended to its descriptions).
BENEFITS = {
    POWER: (
        "薪酬福利：五险二金，项目津贴及野外补贴，提供食宿，带薪年休假，定期安排职称培训与技能鉴"
        "定。"),
    INSTITUTE: (
        "薪酬福利：五险一金，双休，年度体检，参与省级科研项目，优秀者可申报研究院人才公寓。"),
    CATERING: (
        "薪酬福利：五险一金，包吃包住，节日福利，储备干部晋升通道，每年两次调薪机会。"),
    XINGWEI: (
        "薪酬福利：五险一金，员工餐，月休四天，满一年享带薪年假，技能等级晋升另有补贴。"),
    COMMERCE: (
        "薪酬福利：五险一金，弹性工作，绩效奖金与项目提成，完善的新人带教和内部讲师培养体系。"),
    CHIPS: (
        "薪酬福利：五险一金，倒班补贴，免费班车与宿舍，入职即签劳动合同，提供系统的岗前培训。"),
    HOME: (
        "薪酬福利：五险一金，作品提成，周末单休或大小周，员工购买家居产品享内部折扣。"),
    QIANFAN: (
        "薪酬福利：五险一金，双休，免费零食下午茶，导师一对一带教，表现优秀者可转为正式员工。"),
    SUBAI: (
        "薪酬福利：五险一金，双休，项目奖金，参与非遗文创展会与设计比赛，团队氛围轻松。"),
}

# (enterprise, post, head count, time frame, major codes, pay from, pay to, filled, description)
DEMANDS = [
    (POWER, "变电运维技术员", 8, T.THIS_YEAR, ["430105"], 5500, 8000, True,
     "岗位职责：1. 负责110kV/220kV变电站运维，按规程完成设备巡视、倒闸操作和缺陷记录；2. 配合检"
     "修班组开展继电保护装置定检与传动试验；3. 做好两票三制执行和安全工器具管理。任职要求：电力"
     "系统自动化技术相关专业，了解继电保护原理，能适应倒班及野外作业，具备良好的沟通表达和团队"
     "协作能力，持电工证者优先。"),
    (POWER, "继电保护调试员", 42, T.NEXT_YEAR, ["430105"], 6000, 9000, False,
     "岗位职责：参与新建变电站二次系统安装调试，完成继电保护装置单体调试、整组试验及定值核对，"
     "编制调试报告；配合业主完成验收消缺。任职要求：电力系统自动化技术专业，熟悉继电保护与自动"
     "装置，能看懂二次图纸，熟练使用办公软件，吃苦耐劳，服从项目部统一安排，可接受全国范围出差"
     "。"),
    (POWER, "PLC编程工程师（火电辅控）", 3, T.NEXT_YEAR, ["430105", "460301"], 7000, 10000, False,
     "岗位职责：1. 负责电厂化水、输煤等辅控系统的PLC编程与组态，完成逻辑修改和联调；2. 处理DCS"
     "及PLC系统现场故障，编写技术文档。任职要求：电气自动化、机电一体化等相关专业，熟悉西门子、"
     "施耐德可编程控制器，具备一定的英文资料阅读能力，有较强的团队协作精神，能适应现场驻场工作"
     "。"),
    (POWER, "光伏电站运维工程师", 6, T.LATER, ["430301"], 6500, 9500, False,
     "岗位职责：负责集团新能源公司所属集中式及分布式光伏电站运维，完成逆变器、箱变、汇流箱的日"
     "常巡检和故障处理；统计发电量，分析电站运行数据，提出提效建议；落实电站安全生产责任。任职"
     "要求：光伏工程技术、电力系统自动化技术专业，熟悉光伏电站运维流程，具备安全用电知识，能适"
     "应驻站值班。"),
    (POWER, "电气施工员", 10, T.THIS_YEAR, ["430105", "440301"], 5000, 7500, True,
     "岗位职责：1. 负责输变电工程电气安装的现场施工组织、技术交底和质量检查；2. 编制施工日志、"
     "签证资料；3. 协调分包队伍，落实现场安全文明施工。任职要求：电力系统自动化技术或建筑工程技"
     "术相关专业，能识读电气施工图，熟练使用办公软件，具备良好的沟通表达能力，能接受项目所在地"
     "长期驻场。"),
    (POWER, "碳资产管理专员", 2, T.LATER, ["420807"], 6000, 9000, False,
     "岗位职责：协助集团开展所属火电企业碳排放核算与年度排放报告编制，跟踪全国碳市场配额清缴，"
     "参与碳资产管理及CCER项目开发；整理企业能源消耗台账。任职要求：碳排放管理与核算、环境工程"
     "技术相关专业，了解碳排放核算方法学，会使用Excel进行数据分析，工作细致，具备团队协作意识。"),
    (INSTITUTE, "碳排放核算助理", 4, T.THIS_YEAR, ["420807"], 5000, 7000, True,
     "岗位职责：1. 参与重点排放单位碳盘查现场工作，收集活动水平数据与排放因子；2. 协助编写碳排"
     "放核算报告与核查资料；3. 维护碳排放数据库。任职要求：碳排放管理与核算、环境监测技术等专业"
     "，熟悉温室气体核算指南，会用Python或Excel处理数据，沟通表达能力强，能接受短期出差。"),
    (INSTITUTE, "环境监测技术员", 15, T.NEXT_YEAR, ["420801", "420802"], 4800, 6800, False,
     "岗位职责：负责废气、废水、噪声及土壤的现场环境监测与采样，按标准方法完成实验室前处理和分"
     "析，填写原始记录并参与监测报告编制；维护采样设备。任职要求：环境监测技术、环境工程技术专"
     "业，持采样上岗证者优先，熟悉常用监测仪器，工作严谨，具备团队协作精神，能适应野外作业。"),
    (INSTITUTE, "储能系统测试工程师", 3, T.LATER, ["430301", "510101"], 7000, 11000, False,
     "岗位职责：1. 参与储能变流器与电池管理系统的功能测试、性能测试，编写测试用例与测试报告；2."
     " 搭建测试平台，使用Python编写自动化测试脚本；3. 跟踪问题闭环。任职要求：光伏工程技术、电"
     "子信息工程技术等相关专业，了解电力电子与储能原理，熟练使用办公软件，学习能力强，具备良好"
     "的沟通表达能力。"),
    (INSTITUTE, "风电场运维技术员", 4, T.LATER, ["430302"], 6000, 8500, False,
     "岗位职责：负责风电机组定期维护与故障处理，完成变桨、偏航、齿轮箱等系统的巡检与维修；记录"
     "运行数据，配合开展技改项目；严格执行登高作业安全规程。任职要求：风力发电工程技术、机电一"
     "体化技术专业，身体健康，能适应高空作业和驻场，了解PLC编程者优先，具备团队协作能力。"),
    (CATERING, "中餐厨师（热菜）", 12, T.THIS_YEAR, ["540202"], 4500, 7000, True,
     "岗位职责：1. 负责门店热菜档口的中式烹调，按标准菜谱保证出品口味、分量和速度；2. 做好原料"
     "验收、切配和成本控制；3. 严格执行食品安全管理制度，保持档口卫生。任职要求：烹饪工艺与营养"
     "专业，持中式烹调师证书者优先，能适应餐饮行业早晚班，吃苦耐劳，有团队协作精神。"),
    (CATERING, "中央厨房品控专员", 3, T.NEXT_YEAR, ["540202", "540203"], 5000, 6500, False,
     "岗位职责：负责中央厨房原料、半成品和成品的品质检验，执行HACCP体系，建立食品安全追溯台账；"
     "参与新品标准化研发和营养成分测算。任职要求：烹饪工艺与营养、餐饮智能管理等相关专业，了解"
     "食品安全法规，会使用办公软件制作报表，工作认真细致，具备良好的沟通表达能力。"),
    (CATERING, "门店储备经理", 50, T.NEXT_YEAR, ["540203", "540111"], 5500, 8000, False,
     "岗位职责：1. 参加集团储备干部培养计划，轮岗学习前厅服务、后厨管理与门店运营；2. 协助店长"
     "完成排班、库存盘点与成本分析；3. 处理顾客投诉，维护会员关系。任职要求：餐饮智能管理、酒店"
     "管理与数字化运营专业，沟通表达能力强，具备团队协作意识，熟练使用办公软件，能接受全国门店"
     "调配。"),
    (CATERING, "酒店前厅接待", 6, T.THIS_YEAR, ["540111"], 4000, 5500, False,
     "岗位职责：负责集团旗下酒店的前台接待工作，办理宾客入住、退房及结账手续，解答宾客咨询，处"
     "理预订与投诉；维护酒店管理系统客史档案。任职要求：酒店管理与数字化运营专业，形象气质佳，"
     "普通话标准，具备良好的沟通表达能力和英语会话能力，熟悉酒店前厅服务流程者优先。"),
    (CATERING, "团餐营养配餐员", 4, T.LATER, ["540202"], 4500, 6000, False,
     "岗位职责：为学校及企业团餐项目制定周菜单，进行营养配餐与成本核算，指导厨房按量生产；收集"
     "就餐反馈并持续改进。任职要求：烹饪工艺与营养专业，持营养配餐员证书优先，掌握中式烹调基础"
     "，会使用Excel，沟通表达能力良好，有团队协作精神。"),
    (XINGWEI, "面点师", 5, T.THIS_YEAR, ["540202"], 4200, 6000, True,
     "岗位职责：负责中式面点及早餐产品的制作，按标准完成和面、制馅、成型与蒸煮；做好原料保管和"
     "设备清洁，确保食品安全。任职要求：烹饪工艺与营养相关专业，熟悉中式面点制作工艺，了解中式"
     "烹调基本功，能适应早班，踏实肯干，具备团队协作能力。"),
    (XINGWEI, "外卖平台运营专员", 2, T.NEXT_YEAR, ["530701", "540203"], 4500, 6500, False,
     "岗位职责：1. 负责美团、饿了么等外卖平台店铺的日常运营，策划满减与新品活动；2. 监控订单、"
     "评分与差评，分析经营数据并提出优化方案；3. 制作菜品图片与海报。任职要求：电子商务、餐饮智"
     "能管理专业，熟悉外卖平台规则，会用Photoshop做简单平面设计，熟练使用Excel，沟通表达能力强"
     "。"),
    (COMMERCE, "直播电商运营", 8, T.THIS_YEAR, ["530701"], 5000, 9000, True,
     "岗位职责：1. 负责抖音、快手直播间的直播电商运营，策划直播脚本、选品排品和福利机制；2. 复"
     "盘直播数据，优化投放ROI；3. 协助主播控场，维护粉丝社群。任职要求：电子商务相关专业，熟悉"
     "直播带货玩法与平台规则，会使用Excel做数据分析，抗压能力强，具备良好的团队协作和沟通表达能"
     "力。"),
    (COMMERCE, "跨境电商运营助理", 30, T.NEXT_YEAR, ["530702"], 5000, 8000, False,
     "岗位职责：负责亚马逊、速卖通店铺的跨境电商运营，完成产品上架、Listing优化和站内广告投放；"
     "跟踪物流与库存，处理海外买家邮件。任职要求：跨境电子商务、商务英语相关专业，英语读写流利"
     "，熟悉跨境电商运营流程，熟练使用办公软件，具备良好的沟通表达能力。"),
    (COMMERCE, "仓储主管助理", 4, T.NEXT_YEAR, ["530802"], 4800, 6500, False,
     "岗位职责：1. 协助仓储主管完成入库、上架、拣货、出库全流程管理，使用WMS系统维护库位与库存"
     "数据；2. 组织月度盘点，分析差异原因；3. 优化仓储作业流程，提升发货时效。任职要求：现代物"
     "流管理专业，熟悉仓储管理流程，熟练使用Excel，具备团队协作意识和现场管理能力。"),
    (COMMERCE, "电商数据分析专员", 3, T.LATER, ["530701", "510201"], 6000, 9000, False,
     "岗位职责：搭建店铺经营数据看板，跟踪流量、转化与复购指标，输出周报和专题分析；为直播电商"
     "运营和商品团队提供数据支持。任职要求：电子商务、计算机应用技术专业，熟练使用Excel和SQL，"
     "会用Python或Power BI者优先，逻辑清晰，具备良好的沟通表达能力。"),
    (COMMERCE, "跨境物流专员", 3, T.LATER, ["530802", "530702"], 5000, 7000, False,
     "岗位职责：负责跨境包裹的订舱、报关与头程物流跟踪，对接海外仓完成仓储管理与库存调拨；核对"
     "物流账单，处理异常件。任职要求：现代物流管理、跨境电子商务专业，了解国际物流与报关流程，"
     "熟练使用办公软件，英语良好，工作细致，具备团队协作精神。"),
    (CHIPS, "芯片测试技术员", 10, T.THIS_YEAR, ["510103", "510101"], 5500, 8000, True,
     "岗位职责：1. 负责ATE测试机台的日常操作与芯片测试，完成上料、测试、分选和数据记录；2. 处理"
     "测试过程中的常见异常，配合工程师进行良率分析；3. 执行洁净室管理规范。任职要求：集成电路技"
     "术、电子信息工程技术专业，了解半导体基础知识，能适应倒班，工作认真细致，有团队协作精神。"),
    (CHIPS, "测试程序开发工程师", 12, T.NEXT_YEAR, ["510103", "510201"], 8000, 12000, False,
     "岗位职责：负责芯片测试程序开发与调试，编写测试向量，完成新产品导入；使用Python编写数据处"
     "理脚本，分析测试数据，优化测试时间。任职要求：集成电路技术、计算机应用技术专业，熟悉芯片"
     "测试流程，掌握C语言或Python编程，具备良好的英文文档阅读和沟通表达能力。"),
    (CHIPS, "失效分析助理工程师", 2, T.LATER, ["510103"], 7000, 10000, False,
     "岗位职责：协助完成芯片失效分析，包括外观检查、X-Ray、开封及电性测试，整理分析报告；维护实"
     "验室设备台账。任职要求：集成电路技术、电子信息工程技术专业，了解芯片测试及封装工艺，动手"
     "能力强，熟练使用办公软件，具备团队协作能力。"),
    (CHIPS, "设备维护技术员", 20, T.NEXT_YEAR, ["460301", "510101"], 5500, 7500, False,
     "岗位职责：负责测试分选设备和自动化产线的日常保养与故障维修，参与PLC编程调试和设备改造；记"
     "录设备履历，备品备件管理。任职要求：机电一体化技术、电子信息工程技术专业，能读懂电气图纸"
     "，了解可编程控制器，具备安全用电知识，能适应倒班。"),
    (HOME, "家居平面设计师", 3, T.THIS_YEAR, ["550102", "550101"], 5000, 8000, True,
     "岗位职责：1. 负责品牌画册、产品海报、电商详情页和展会物料的平面设计；2. 配合市场部完成新"
     "品视觉方案；3. 管理设计素材库。任职要求：视觉传达设计、艺术设计专业，精通Photoshop、Illus"
     "trator等设计软件，具有良好的审美和创意能力，沟通表达能力强，请附作品集。"),
    (HOME, "全屋定制设计师", 5, T.NEXT_YEAR, ["550105"], 5500, 9000, False,
     "岗位职责：负责门店客户的全屋定制方案设计，上门量尺，使用酷家乐完成效果图与生产图纸；跟进"
     "订单生产及安装交付。任职要求：环境艺术设计专业，熟悉板式家具结构与工艺，会使用CAD和3D建模"
     "软件，具备良好的沟通表达能力和团队协作精神。"),
    (HOME, "家居电商运营", 2, T.LATER, ["530701"], 5000, 8000, False,
     "岗位职责：负责天猫、京东家居旗舰店的日常运营，策划大促活动，优化商品详情页；跟进直播带货"
     "合作，分析经营数据。任职要求：电子商务专业，熟悉电商平台规则，会用Photoshop处理图片，熟练"
     "使用Excel，沟通表达能力强。"
     "有家居或大件商品运营经验者优先。"),
    (QIANFAN, "前端开发实习生", 4, T.NEXT_YEAR, ["510201"], 4500, 7000, False,
     "岗位职责：参与公司电商中台前端页面开发，使用JavaScript与Vue完成组件开发和接口联调；修复线"
     "上缺陷，编写开发文档。任职要求：计算机应用技术专业，掌握HTML、CSS和JavaScript，了解Git，"
     "具备良好的团队协作和沟通表达能力。"),
    (QIANFAN, "Java后端开发", 3, T.LATER, ["510201"], 7000, 12000, False,
     "岗位职责：负责订单、库存等后端服务的Java开发与维护，设计数据库表结构，编写单元测试；参与"
     "系统性能优化。任职要求：计算机应用技术相关专业，熟悉Java、Spring Boot和MySQL，了解Python"
     "者优先，具备良好的团队协作意识。"),
    (SUBAI, "文创产品设计师", 2, T.THIS_YEAR, ["550101", "550102"], 4500, 7000, False,
     "岗位职责：负责非遗主题文创产品的创意设计与打样，完成包装与平面设计，跟进供应商生产；参与"
     "展会布展。任职要求：艺术设计、视觉传达设计专业，熟练使用Photoshop和Illustrator，对传统文"
     "化有兴趣，具备良好的沟通表达能力。"),
    (SUBAI, "新媒体视觉设计", 2, T.NEXT_YEAR, ["550102"], 4500, 6500, False,
     "岗位职责：负责公众号、小红书等新媒体平台的视觉设计，制作推文配图、短视频封面和直播间背景"
     "；配合直播电商运营完成活动视觉。任职要求：视觉传达设计专业，掌握平面设计软件与剪辑软件，"
     "审美在线，具备团队协作精神。"
     "请投递简历时附上近一年的作品集链接。"),
    (POWER, "安全员", 8, T.NEXT_YEAR, ["430105", "440301"], 5500, 7500, False,
     "岗位职责：负责项目施工现场安全检查与隐患排查，组织班前安全交底和应急演练，监督特种作业持"
     "证上岗；整理安全台账。任职要求：建筑工程技术、电力系统自动化技术专业，持安全员证者优先，"
     "熟悉电力建设安全工作规程和安全用电要求，沟通表达能力强，熟练使用办公软件。"),
]


def seed() -> str:
    """Create the demo demand if it is not there yet; return a one-line summary."""
    school = School.objects.get(code="4142099001")
    organisations = {o.name: o for o in Organisation.objects.filter(school=school)}
    majors = {m.code: m for m in Major.objects.filter(school=school)}
    people = {u.username: u for u in User.objects.filter(
        username__in=["staff_wang", *DECLARERS.values()])}
    existing = set(Demand.objects.filter(school=school).values_list("organisation__name",
                                                                    "post"))
    suggester = suggester_for(school.pk)
    skills = Skill.objects.filter(school=school).in_bulk()
    added = 0
    for (name, post, headcount, timeframe, codes, pay_min, pay_max, filled,
         description) in DEMANDS:
        if (name, post) in existing or name not in organisations:
            continue
        actor = people.get(DECLARERS.get(name, "staff_wang")) or people["staff_wang"]
        description = f"{description}{BENEFITS.get(name, '')}"
        found = [skills[s.skill_id] for s in suggester.suggest(f"{post}\n{description}")
                 if s.skill_id in skills]
        demand = services.declare_demand(
            actor=actor, organisation=organisations[name], post=post, headcount=headcount,
            timeframe=timeframe, majors=[majors[c] for c in codes if c in majors],
            suggested_skills=found, pay_min=pay_min, pay_max=pay_max, description=description)
        if filled:
            services.close_demand(actor=actor, demand=demand, status=DemandStatus.FILLED)
        added += 1
    demands = Demand.objects.filter(school=school)
    return (f"{demands.count()} talent demands ({added} added, "
            f"{demands.filter(status=DemandStatus.FILLED).count()} filled)")
