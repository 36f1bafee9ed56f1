"""Tables of intake."""

import django_tables2 as tables
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from chanchuang.innovation.choices import ApplicationStatus
from chanchuang.innovation.models import Application

STATUS_COLOURS = {
    ApplicationStatus.SUBMITTED: "secondary", ApplicationStatus.WITHDRAWN: "dark",
    ApplicationStatus.SELECTED: "cyan", ApplicationStatus.WAITLISTED: "yellow",
    ApplicationStatus.REJECTED: "red", ApplicationStatus.ACCEPTED: "green",
    ApplicationStatus.DECLINED: "orange",
}


def status_badge(application: Application) -> str:
    """An application's status as a coloured Tabler badge."""
    return format_html('<span class="badge bg-{}-lt">{}</span>',
                       STATUS_COLOURS[application.status], application.get_status_display())


class ApplicationTable(tables.Table):
    """Applications with their applicant, team size, scores and rank."""

    applicant = tables.Column(accessor="lead", verbose_name=_("applicant"),
                              order_by="lead__user__name_pinyin",
                              linkify=lambda record: record.get_absolute_url())
    department = tables.Column(accessor="lead__department", verbose_name=_("department"))
    team_name = tables.Column(default="—")
    size = tables.Column(verbose_name=_("team size"))
    cohort = tables.Column(order_by="cohort__number")

    class Meta:
        model = Application
        fields = ["applicant", "department", "team_name", "size", "cohort", "status",
                  "raw_score", "score", "rank"]

    def render_applicant(self, record):
        return str(record.lead)

    def render_status(self, record):
        return status_badge(record)
