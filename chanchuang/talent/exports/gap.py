"""Exports of the gap: the data of each chart of the gap page (per major, per skill, the heat
map, the Sankey), and the demands and students behind a number."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from chanchuang.core.tabular.columns import Column
from chanchuang.core.tabular.exporting import Exporter


def _key(name: str):
    return lambda row: row[name]


class MajorGapExporter(Exporter):
    """Per major: demand, students graduating, the gap, partners."""

    title = gettext_lazy("gap per major")
    filename = "gap-majors"
    columns = [
        Column("code", gettext_lazy("major code"), export=lambda m: m.code),
        Column("name", gettext_lazy("major"), export=lambda m: m.name),
        Column("demand", gettext_lazy("demand (head count)"), export=lambda m: m.demand),
        Column("supply", gettext_lazy("graduating students"), export=lambda m: m.supply),
        Column("gap", gettext_lazy("gap"), export=lambda m: m.gap),
        Column("partners", gettext_lazy("partners with demand"),
               export=lambda m: m.partner_count),
        Column("enrolled", gettext_lazy("students in school"), export=lambda m: m.enrolled),
    ]


class SkillGapExporter(Exporter):
    """Per skill: demand, evidenced, taught, the gap."""

    title = gettext_lazy("gap per skill")
    filename = "gap-skills"
    columns = [
        Column("name", gettext_lazy("skill"), export=lambda s: s.name),
        Column("demand", gettext_lazy("demand (head count)"), export=lambda s: s.demand),
        Column("evidenced", gettext_lazy("graduates with evidence"),
               export=lambda s: s.evidenced),
        Column("taught", gettext_lazy("taught, not yet evidenced"), export=lambda s: s.taught),
        Column("gap", gettext_lazy("gap"), export=lambda s: s.gap),
        Column("partners", gettext_lazy("partners with demand"),
               export=lambda s: s.partner_count),
    ]


class HeatExporter(Exporter):
    """The heat map's cells: skill, partner, head count."""

    title = gettext_lazy("skills by partner")
    filename = "gap-skills-partners"
    columns = [
        Column("skill", gettext_lazy("skill"), export=_key("skill")),
        Column("partner", gettext_lazy("enterprise"), export=_key("partner")),
        Column("headcount", gettext_lazy("head count"), export=_key("headcount")),
    ]


class SankeyExporter(Exporter):
    """The Sankey's links: major, industry, head count."""

    title = gettext_lazy("majors to industries")
    filename = "gap-majors-industries"
    columns = [
        Column("major", gettext_lazy("major"), export=_key("major")),
        Column("industry", gettext_lazy("industry"), export=_key("industry")),
        Column("headcount", gettext_lazy("head count"), export=_key("headcount")),
    ]


def heat_rows(found) -> list[dict]:
    return [{"skill": skill.name, "partner": partner.name, "headcount": partner.headcount}
            for skill in found.skills for partner in skill.partners]


def sankey_rows(found) -> list[dict]:
    return [{"major": s, "industry": t, "headcount": v} for s, t, v in found.industry_links]


class DemandBehindExporter(Exporter):
    """The demands behind a figure."""

    title = gettext_lazy("demands behind the gap")
    filename = "gap-demands"
    columns = [
        Column("organisation", gettext_lazy("enterprise"), export=lambda d: d.organisation.name),
        Column("post", gettext_lazy("post"), export=lambda d: d.post),
        Column("headcount", gettext_lazy("head count"), export=lambda d: d.headcount),
        Column("year_from", gettext_lazy("from year"), export=lambda d: d.year_from),
        Column("year_to", gettext_lazy("to year"), export=lambda d: d.year_to),
        Column("majors", gettext_lazy("majors wanted"),
               export=lambda d: "、".join(m.name for m in d.majors.all())),
    ]


class StudentBehindExporter(Exporter):
    """The students behind a supply figure."""

    title = gettext_lazy("students behind the gap")
    filename = "gap-students"
    columns = [
        Column("student_no", gettext_lazy("student number"), as_text=True,
               export=lambda s: s.student_no),
        Column("name", gettext_lazy("full name"), export=lambda s: s.user.real_name),
        Column("major", gettext_lazy("major"), export=lambda s: s.major.name),
        Column("school_class", gettext_lazy("class"),
               export=lambda s: s.school_class.name if s.school_class_id else ""),
        Column("enrolment_year", gettext_lazy("enrolment year"),
               export=lambda s: s.enrolment_year),
        Column("graduates", gettext_lazy("expected graduation"),
               export=lambda s: s.enrolment_year + s.major.duration_years),
    ]
