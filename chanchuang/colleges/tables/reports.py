"""Tables of the annual reports."""

import django_tables2 as tables
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from chanchuang.colleges.choices import ReportStatus
from chanchuang.colleges.models import AnnualReport

STATUS_COLOURS = {ReportStatus.DRAFT: "secondary", ReportStatus.SUBMITTED: "yellow",
                  ReportStatus.RECEIVED: "green"}


def status_badge(report: AnnualReport) -> str:
    """A report's status as a coloured Tabler badge."""
    return format_html('<span class="badge bg-{}-lt">{}</span>', STATUS_COLOURS[report.status],
                       report.get_status_display())


class AnnualReportTable(tables.Table):
    """Reports by college and year, with their status and when they were submitted."""

    year = tables.Column(linkify=True)
    college = tables.Column(order_by=("college__name",))
    school = tables.Column(accessor="college__school", verbose_name=_("school"),
                           order_by=("college__school__name",))
    status = tables.Column()
    submitted_at = tables.DateTimeColumn(format="Y-m-d")
    received_at = tables.DateTimeColumn(format="Y-m-d")

    class Meta:
        model = AnnualReport
        fields = ["year", "college", "school", "status", "built_at", "submitted_at",
                  "received_at"]

    def render_status(self, record):
        return status_badge(record)

    def render_built_at(self, value):
        return value.strftime("%Y-%m-%d") if value else "—"
