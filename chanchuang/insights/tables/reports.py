"""Tables of the report jobs."""

import django_tables2 as tables
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from chanchuang.insights.choices import JobStatus
from chanchuang.insights.models import ReportJob

STATUS_COLOURS = {JobStatus.QUEUED: "secondary", JobStatus.RUNNING: "blue",
                  JobStatus.DONE: "green", JobStatus.FAILED: "red"}


def status_badge(job: ReportJob) -> str:
    """A job's status as a coloured Tabler badge."""
    return format_html('<span class="badge bg-{}-lt">{}</span>', STATUS_COLOURS[job.status],
                       job.get_status_display())


def downloads(job: ReportJob) -> list[tuple[str, str]]:
    """The job's files as (label, URL): the report itself, then its Word document."""
    links = []
    if job.file:
        label = "PDF" if job.file.name.endswith(".pdf") else "Excel"
        links.append((label, reverse("insights:reportjob_file", args=[job.pk])))
    if job.docx:
        links.append((str(_("Word document")), reverse("insights:reportjob_docx", args=[job.pk])))
    return links


class ReportJobTable(tables.Table):
    """The school's report builds, newest first: report, year, status, progress, who, the
    date of the data, and the files."""

    requested_at = tables.DateTimeColumn(format="Y-m-d H:i", linkify=True)
    kind = tables.Column()
    year = tables.Column()
    school = tables.Column(order_by=("school__name",))
    status = tables.Column()
    progress = tables.Column()
    requested_by = tables.Column(order_by=("requested_by__name_pinyin",))
    data_as_of = tables.DateTimeColumn(format="Y-m-d H:i")
    files = tables.Column(empty_values=(), orderable=False, verbose_name=_("files"))

    class Meta:
        model = ReportJob
        fields = ["requested_at", "kind", "year", "school", "status", "progress",
                  "requested_by", "data_as_of"]

    def render_status(self, record):
        return status_badge(record)

    def render_progress(self, value):
        return f"{value}%"

    def render_requested_by(self, value):
        return value.real_name

    def render_data_as_of(self, value):
        return f"{timezone.localtime(value):%Y-%m-%d %H:%M}"

    def render_files(self, record):
        links = downloads(record)
        if not links:
            return "—"
        return format_html_join(" ", '<a href="{1}">{0}</a>', links)
