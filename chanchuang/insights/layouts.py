"""The layouts of the reports handed upward, as data: each national field list in its order
(the column titles are the national names, written as the receiving platform spells them, so
they are data, not interface text), and for each column whether the platform has a source for
it. A column without a source is kept in its place and left blank; the workbook's note sheet
lists the gaps with the reason (``../shared/DOMAIN.md``, "Reporting upward")."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from chanchuang.insights.choices import ReportKind


@dataclass(frozen=True)
class Field:
    """One column of a national layout: its national title and, when the platform records
    nothing for it, why the cell stays blank (``gap``)."""

    title: str
    gap: str | Promise = ""
    # How the platform fills it where it is not read straight off a record.
    how: str | Promise = ""


@dataclass(frozen=True)
class Layout:
    """A national layout: the sheet's title and its columns in order."""

    kind: str
    sheet: str
    fields: tuple[Field, ...]

    @property
    def titles(self) -> list[str]:
        return [field.title for field in self.fields]

    @property
    def gaps(self) -> list[Field]:
        return [field for field in self.fields if field.gap]

    def index(self, title: str) -> int:
        return self.titles.index(title)


NO_COURSE = _("The platform records internships as placements at a position, not as a course "
              "of the teaching plan: fill it from the academic affairs system.")

# 全国大学生实习公共服务平台 (教高厅函〔2023〕1号): the internship record.
INTERNSHIPS = Layout(ReportKind.INTERNSHIPS, "实习记录", (
    Field("学号"), Field("姓名"), Field("入学年份"), Field("院系"), Field("班级"), Field("专业"),
    Field("学年", how=_("From the start date: an internship starting from September belongs to "
                       "that year's academic year (2026-2027), before September to the one "
                       "before.")),
    Field("课程名称", gap=NO_COURSE), Field("课程代码", gap=NO_COURSE),
    Field("学分", gap=NO_COURSE),
    Field("校内指导老师", how=_("The placement's school supervisor.")),
    Field("实习类型", gap=_("The platform does not classify placements as 认识/专业/生产/毕业 "
                        "internships; choose the type per plan on the national platform.")),
    Field("组织形式", gap=_("The platform does not record whether a placement was arranged "
                        "centrally (集中) or found by the student (分散).")),
    Field("实习方式", how=_("Every placement is a position at an enterprise: on site (现场).")),
    Field("单位名称"), Field("单位统一社会信用代码"),
    Field("地区代码", how=_("The enterprise's region (administrative division code); blank when "
                        "its record has none.")),
    Field("详细地址", how=_("The position's workplace location.")),
    Field("岗位"),
    Field("起止日期", how=_("Start and end date of the placement.")),
))

# 毕业去向 (教学厅函〔2021〕19号): the graduate-destination list with national codes. DOMAIN.md
# fixes the codes and groups, not the column list; these are the columns the national graduate
# employment monitoring system reads for a graduate's destination record (student, major with its
# catalogue code, the code with its national name and group, the employer with its credit code
# and region code, the post, the contract start, the proof and how far it is verified).
DESTINATIONS = Layout(ReportKind.DESTINATIONS, "毕业去向", (
    Field("学号"), Field("姓名"), Field("性别"), Field("院系"), Field("专业代码"), Field("专业"),
    Field("毕业年份"), Field("毕业去向代码"), Field("毕业去向"),
    Field("去向类别", how=_("The national group of the code (协议和合同就业, 灵活就业, 升学, "
                        "待就业, 暂不就业).")),
    Field("单位名称"), Field("统一社会信用代码"), Field("单位所在地区代码"), Field("岗位"),
    Field("合同起始日期"),
    Field("证明材料", how=_("The kind of proof on file; blank when none is uploaded.")),
    Field("核验状态"),
))

# 高职 status data (人才培养工作状态数据), school–enterprise cooperation table: one row per
# partner enterprise of the year.
STATUS_DATA = Layout(ReportKind.STATUS_DATA, "校企合作", (
    Field("合作企业名称", how=_("Enterprises that are a party to one of the school's agreements "
                          "(signed, in force, expired, renewed or terminated) running during "
                          "the year.")),
    Field("统一社会信用代码"),
    Field("合作起始年月", how=_("The start month of the enterprise's earliest agreement with the "
                          "school.")),
    Field("订单班学生数", how=_("Students of the enterprise's order classes (industry college "
                          "programmes) started by the year.")),
    Field("共建课程数", how=_("Confirmed co-developed courses of the year (industry college "
                         "records).")),
    Field("共建教材数", how=_("Confirmed co-developed textbooks of the year (industry college "
                         "records).")),
    Field("企业兼职教师数", how=_("Mentors from the enterprise with an approved appointment "
                           "running during the year.")),
    Field("接收实习学生数", how=_("Students whose placement at one of the enterprise's positions "
                           "started in the year (cancelled ones excepted).")),
    Field("捐赠设备值（万元）", how=_("Confirmed equipment donations of the year (industry college "
                              "records).")),
    Field("接收毕业生就业数", how=_("Graduates of the year whose employer on their destination is "
                             "the enterprise, counted as employed.")),
    Field("技术服务到款额（万元/年）", how=_("Confirmed technical-service projects of the year, "
                                  "counted for the client (industry college records).")),
    Field("为企业培训员工（人天）", how=_("Confirmed staff training of the year (industry college "
                                 "records).")),
))

LAYOUTS: dict[str, Layout] = {layout.kind: layout
                              for layout in (INTERNSHIPS, DESTINATIONS, STATUS_DATA)}
