"""Demo reports of the insights app: this year's narrative of the demo college's annual
school–enterprise partnership report (产教融合年度报告), written through the narrative form and
its service as staff_wang. No report is built here: the files are built by the background
worker when staff click 生成报告 in the report centre (the build reads the records as they are
then). The school and the people are fictional; idempotent."""

from __future__ import annotations

from django.utils import timezone

from chanchuang.core.models import School, User
from chanchuang.insights.forms.reports import NarrativeForm
from chanchuang.insights.models import PartnershipNarrative
from chanchuang.insights.services import reports as services

SCHOOL_CODE = "4142099001"
STAFF = "staff_wang"

NARRATIVE = {
    "summary": (
        "本年度学校坚持“校企协同、产教融合”办学思路，新签和续签校企合作协议十余份，"
        "合作企业覆盖新能源、电力工程、现代物流和电子商务等重点产业。"
        "学校依托碳中和产业学院和校企交替培养计划，组织学生赴合作企业开展岗位实习，"
        "实习岗位与专业对口率稳步提升。"
        "毕业生去向落实率保持在较高水平，留省就业比例较上年有所提高。"),
    "achievements": (
        "校企共同开发碳排放核算实务、光伏电站运维等课程，企业工程师担任兼职教师，"
        "承担实践教学和毕业设计指导任务。"
        "双创特训营邀请企业导师全程参与项目辅导，孵化学生创业团队并入驻众创空间。"
        "合作企业捐赠实训设备并共建校外实训基地，实现“教学—实训—就业”一体化。"
        "学校为合作企业开展员工技能培训，服务企业技术改造项目。"),
    "problems": (
        "部分合作协议的履约记录不够及时，承诺事项与实际交付之间仍有差距。"
        "少数毕业生去向缺少就业协议或劳动合同等证明材料，核验工作需要加强。"
        "企业兼职教师的稳定性不足，参与课程建设的深度有待提高。"),
    "plans": (
        "下一年度将建立协议履约季度检查机制，按月更新承诺事项的交付情况。"
        "完善毕业去向核验流程，确保每条去向记录都有相应证明材料。"
        "扩大订单班和现代学徒制班规模，新增共建课程和教材，"
        "并推动技术服务项目在合作企业落地，提升服务区域产业的能力。"),
}


def seed() -> str:
    """Write this year's narrative if it is not there yet; return a one-line summary."""
    school = School.objects.filter(code=SCHOOL_CODE).first()
    staff = User.objects.filter(username=STAFF).first()
    if school is None or staff is None:
        return ""
    year = timezone.localdate().year
    if PartnershipNarrative.objects.filter(school=school, year=year).exists():
        return f"annual partnership report narrative {year} (already there)"
    form = NarrativeForm(NARRATIVE, instance=PartnershipNarrative(school=school, year=year),
                         user=staff)
    if not form.is_valid():  # pragma: no cover - the text above fits the form
        raise ValueError(form.errors.as_text())
    services.save_narrative(actor=staff, form=form)
    return f"annual partnership report narrative {year} (no report built: staff build them)"
