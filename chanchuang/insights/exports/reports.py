"""Export of the report jobs' list: which report of which year was built when, by whom and from
which data (the reports themselves are their files)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from chanchuang.core.tabular.columns import Column
from chanchuang.core.tabular.exporting import Exporter
from chanchuang.insights.choices import JobStatus, ReportKind


def _moment(value) -> str:
    return f"{timezone.localtime(value):%Y-%m-%d %H:%M}" if value else ""


class ReportJobExporter(Exporter):
    """Report builds with their status and dates."""

    title = _("report builds")
    filename = "report-builds"
    columns = [
        Column("kind", _("report"), kind="choice", choices=ReportKind),
        Column("year", _("year"), kind="int"),
        Column("school", _("school"), export=lambda job: job.school.name),
        Column("status", _("status"), kind="choice", choices=JobStatus),
        Column("progress", _("progress (%)"), kind="int"),
        Column("requested_by", _("requested by"),
               export=lambda job: job.requested_by.real_name if job.requested_by else ""),
        Column("requested_at", _("requested at"), export=lambda job: _moment(job.requested_at)),
        Column("data_as_of", _("data as of"), export=lambda job: _moment(job.data_as_of)),
        Column("finished_at", _("finished at"), export=lambda job: _moment(job.finished_at)),
        Column("message", _("message")),
    ]
