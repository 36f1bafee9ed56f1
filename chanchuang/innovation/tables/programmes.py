"""Tables of programmes and cohorts."""

import django_tables2 as tables
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext

from chanchuang.innovation.choices import CohortPhase
from chanchuang.innovation.models import Cohort, Programme

PHASE_COLOURS = {
    CohortPhase.DRAFT: "secondary", CohortPhase.OPEN: "green", CohortPhase.REVIEWING: "yellow",
    CohortPhase.SELECTED: "cyan", CohortPhase.RUNNING: "blue", CohortPhase.FINISHED: "dark",
}


def phase_badge(cohort: Cohort) -> str:
    """A cohort's phase as a coloured Tabler badge; one still open after its closing time says
    applications are closed (reviewers are assigned next), not that it takes applications."""
    if cohort.phase == CohortPhase.OPEN and timezone.now() >= cohort.applications_close_at:
        return format_html('<span class="badge bg-orange-lt">{}</span>',
                           pgettext("cohort phase", "Applications closed"))
    return format_html('<span class="badge bg-{}-lt">{}</span>', PHASE_COLOURS[cohort.phase],
                       cohort.get_phase_display())


class ProgrammeTable(tables.Table):
    """Programmes."""

    name = tables.Column(linkify=True)

    class Meta:
        model = Programme
        fields = ["name", "description"]


class CohortTable(tables.Table):
    """Cohorts with their dates, intake window and applicants."""

    cohort = tables.Column(empty_values=(), verbose_name=_("cohort"), order_by="-number",
                           linkify=lambda record: record.get_absolute_url())
    applications_close_at = tables.DateTimeColumn(format="Y-m-d H:i")
    applicants = tables.Column(verbose_name=_("applicants"))

    class Meta:
        model = Cohort
        fields = ["cohort", "phase", "starts_on", "ends_on", "applications_close_at",
                  "capacity", "applicants"]

    def render_cohort(self, record):
        return str(record)

    def render_phase(self, record):
        return phase_badge(record)
