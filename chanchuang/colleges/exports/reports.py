"""Export of the annual reports list: which college's report of which year stands where (the
reports themselves are their PDF and Word documents)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from chanchuang.colleges.choices import ReportStatus
from chanchuang.core.tabular.columns import Column
from chanchuang.core.tabular.exporting import Exporter


def _day(moment) -> str:
    """A moment as the local date it fell on (blank when it has not happened)."""
    return f"{timezone.localtime(moment):%Y-%m-%d}" if moment else ""


class AnnualReportExporter(Exporter):
    """Annual construction reports with their status and dates."""

    title = _("Annual construction reports")
    filename = "annual-reports"
    columns = [
        Column("year", _("year"), kind="int"),
        Column("college", _("industry college"), export=lambda r: r.college.name),
        Column("school", _("school"), export=lambda r: r.college.school.name),
        Column("status", _("status"), kind="choice", choices=ReportStatus),
        Column("built_at", _("built at"), export=lambda r: _day(r.built_at)),
        Column("submitted_at", _("submitted at"), export=lambda r: _day(r.submitted_at)),
        Column("received_at", _("received at"), export=lambda r: _day(r.received_at)),
    ]
