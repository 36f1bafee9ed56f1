"""Exports of intake."""

from django.utils.translation import gettext_lazy as _

from chanchuang.core.tabular.columns import Column
from chanchuang.core.tabular.exporting import Exporter
from chanchuang.innovation.choices import ApplicationStatus


class ApplicationExporter(Exporter):
    """Applications with their scores, rank and outcome."""

    title = _("Applications")
    filename = "applications"
    columns = [
        Column("cohort", _("cohort"), export=lambda a: str(a.cohort)),
        Column("student_no", _("student number"), export=lambda a: a.lead.student_no),
        Column("name", _("name"), export=lambda a: a.lead.user.real_name),
        Column("department", _("department"), export=lambda a: a.lead.department.name),
        Column("team_name", _("team name")),
        Column("size", _("team size"), export=lambda a: a.size),
        Column("project", _("project"), export=lambda a: a.project.title if a.project_id else ""),
        Column("raw_score", _("raw score")),
        Column("score", _("normalised score")),
        Column("rank", _("rank")),
        Column("status", _("status"), kind="choice", choices=ApplicationStatus),
    ]
