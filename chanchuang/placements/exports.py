"""Exports of the placements app: the plan's placements in the layout of the national
internship public service platform (全国大学生实习公共服务平台), with the insurance columns the
provincial supervision asks for."""

from django.utils.translation import gettext_lazy as _

from chanchuang.core.tabular.columns import Column
from chanchuang.core.tabular.exporting import Exporter, export_response


def _year(day) -> str:
    """The school year a date falls in, e.g. 2026-2027."""
    start = day.year if day.month >= 9 else day.year - 1
    return f"{start}-{start + 1}"


class NationalReportExporter(Exporter):
    """One row per placement, in the national platform's field order."""

    title = _("Internship records")
    filename = "internship-records"
    columns = [
        Column("student_no", "学号", as_text=True, export=lambda p: p.student.student_no),
        Column("name", "姓名", export=lambda p: p.student.user.real_name),
        Column("enrolment_year", "入学年份", export=lambda p: p.student.enrolment_year),
        Column("department", "院系", export=lambda p: p.student.department.name),
        Column("class", "班级", export=lambda p: p.student.school_class.name
               if p.student.school_class_id else ""),
        Column("major", "专业", export=lambda p: p.student.major.name),
        Column("major_code", "专业国标代码", as_text=True, export=lambda p: p.student.major.code),
        Column("school_year", "学年", export=lambda p: _year(p.start_date)),
        Column("course", "课程名称", export=lambda p: p.position.plan.name),
        Column("supervisor", "校内指导老师",
               export=lambda p: p.supervisor.real_name if p.supervisor else ""),
        Column("kind", "实习类型", export=lambda p: "岗位实习"),
        Column("organised", "组织形式", export=lambda p: "集中"),
        Column("mode", "实习方式", export=lambda p: "现场"),
        Column("organisation", "单位名称", export=lambda p: p.position.organisation.name),
        Column("credit_code", "单位统一社会信用代码", as_text=True,
               export=lambda p: p.position.organisation.credit_code),
        Column("region", "地区代码", as_text=True,
               export=lambda p: p.position.organisation.region_id or ""),
        Column("address", "详细地址", export=lambda p: p.position.location),
        Column("post", "岗位", export=lambda p: p.position.title),
        Column("start", "开始日期", export=lambda p: p.start_date),
        Column("end", "结束日期", export=lambda p: p.end_date),
        Column("mentor", "企业指导师傅", export=lambda p: p.mentor_name),
        Column("insured", "是否购买保险", export=lambda p: "是" if p.insurance_id else "否"),
        Column("policy", "保单号", as_text=True,
               export=lambda p: p.insurance.number if p.insurance_id else ""),
        Column("payer", "出资方",
               export=lambda p: p.insurance.get_payer_display() if p.insurance_id else ""),
        Column("tripartite", "是否签订三方协议",
               export=lambda p: "是" if p.tripartite_agreement_id else "否"),
        Column("stipend", "实习报酬（元/月）", export=lambda p: p.position.stipend),
        Column("status", "状态", export=lambda p: p.get_status_display()),
    ]


def national_report(request, plan, placements):
    """The plan's placements as the national platform's workbook (logged like every export)."""
    return export_response(request, NationalReportExporter(), placements, file_format="xlsx",
                           school_id=plan.school_id)
