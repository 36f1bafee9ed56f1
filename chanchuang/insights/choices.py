"""Choices of the insights app: the national graduate-destination codes (毕业去向代码,
教学厅函〔2021〕19号) with their groups, the evidence of a destination and its verification,
and the kinds and states of report jobs."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class DestinationGroup(models.TextChoices):
    """The five groups the national statistics put destinations in."""

    CONTRACT = "contract", _("Agreement and contract employment")  # 协议和合同就业
    FLEXIBLE = "flexible", _("Flexible employment")  # 灵活就业
    FURTHER_STUDY = "study", _("Further study")  # 升学
    SEEKING = "seeking", _("Awaiting employment")  # 待就业
    NOT_SEEKING = "not_seeking", _("Not seeking employment for now")  # 暂不就业


class DestinationCode(models.TextChoices):
    """The national graduate-destination code (毕业去向代码); the labels are the national
    names. Legacy codes 50/51/77/80 are read on import and mapped (see ``LEGACY_CODES``)."""

    AGREEMENT = "10", _("Employment by signed employment agreement")  # 签就业协议形式就业
    LABOUR_CONTRACT = "11", _("Employment by signed labour contract")  # 签劳动合同形式就业
    OTHER_HIRE = "12", _("Employment by other forms of hiring")  # 其他录用形式就业
    RESEARCH_ASSISTANT = "271", _("Research or management assistant")  # 科研助理、管理助理
    CONSCRIPT = "46", _("Conscripted soldier")  # 应征义务兵
    THREE_SUPPORTS = "502", _("Three supports and one assistance")  # 三支一扶
    WESTERN_PLAN = "503", _("Western China plan")  # 西部计划
    SELECTED_GRADUATE = "512", _("Locally selected graduate")  # 地方选调生
    OTHER_GRASSROOTS = "519", _("Other local grassroots projects")  # 其他地方基层项目
    STARTUP = "75", _("Self-employed start-up")  # 自主创业
    FREELANCE = "76", _("Freelance")  # 自由职业
    DOMESTIC_STUDY = "801", _("Further study in China")  # 境内升学
    SECOND_DEGREE = "802", _("Second bachelor's degree")  # 第二学士学位
    ABROAD_STUDY = "85", _("Study abroad")  # 境外留学
    SEEKING = "70", _("Awaiting employment")  # 待就业
    PLANS_STUDY = "71", _("Not employed, preparing for further study")  # 不就业拟升学
    OTHER_NOT_SEEKING = "72", _("Other, not seeking employment for now")  # 其他暂不就业


GROUP_OF_CODE: dict[str, str] = {
    **dict.fromkeys(["10", "11", "12", "271", "46", "502", "503", "512", "519"],
                    DestinationGroup.CONTRACT),
    **dict.fromkeys(["75", "76"], DestinationGroup.FLEXIBLE),
    **dict.fromkeys(["801", "802", "85"], DestinationGroup.FURTHER_STUDY),
    "70": DestinationGroup.SEEKING,
    **dict.fromkeys(["71", "72"], DestinationGroup.NOT_SEEKING),
}

# Legacy codes still found in older lists, read as today's code.
LEGACY_CODES: dict[str, str] = {"50": "502", "51": "503", "77": "76", "80": "801"}

# The codes that count as employed (落实去向): all but awaiting and not seeking.
UNEMPLOYED_GROUPS = frozenset({DestinationGroup.SEEKING, DestinationGroup.NOT_SEEKING})

# Codes that name an employer (a contract, a hire, a start-up's company).
EMPLOYER_CODES = frozenset({"10", "11", "12", "271", "75"})


class EvidenceKind(models.TextChoices):
    """What proves a destination."""

    CONTRACT = "contract", _("Employment agreement or labour contract")
    LICENCE = "licence", _("Business licence of the start-up")
    ADMISSION = "admission", _("Admission letter")
    OTHER = "other", _("Other proof")


class Verification(models.TextChoices):
    """How far the staff have checked a destination's evidence."""

    VERIFIED = "verified", pgettext_lazy("destination evidence", "Verified")  # 核验通过
    SELF_REPORTED = "self", pgettext_lazy("destination evidence", "Self-reported")  # 自报
    MISSING = "missing", pgettext_lazy("destination evidence", "Missing")  # 缺失


class ReportKind(models.TextChoices):
    """The documents the college hands upward, each built as a background job."""

    ANNUAL = "annual", _("Annual school–enterprise partnership report")  # 产教融合年度报告
    INTERNSHIPS = "internships", _("Internship records (national platform layout)")
    DESTINATIONS = "destinations", _("Graduate destinations (national codes)")
    STATUS_DATA = "status_data", _("Status data: school–enterprise cooperation table")


class JobStatus(models.TextChoices):
    """Where a report job stands."""

    QUEUED = "queued", pgettext_lazy("report build", "Queued")
    RUNNING = "running", pgettext_lazy("report build", "Building")
    DONE = "done", pgettext_lazy("report build", "Done")
    FAILED = "failed", pgettext_lazy("report build", "Failed")
