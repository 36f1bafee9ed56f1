"""Tables of talent demand."""

import django_tables2 as tables
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from chanchuang.talent.choices import DemandStatus
from chanchuang.talent.models import Demand

STATUS_COLOURS = {DemandStatus.OPEN: "green", DemandStatus.FILLED: "blue",
                  DemandStatus.WITHDRAWN: "secondary"}


def demand_badge(demand: Demand) -> str:
    """A demand's status as a coloured badge."""
    return format_html('<span class="badge bg-{}-lt">{}</span>', STATUS_COLOURS[demand.status],
                       demand.get_status_display())


def window_text(demand: Demand) -> str:
    """The years a demand covers: 2027 or 2028–2029."""
    if demand.year_from == demand.year_to:
        return str(demand.year_from)
    return f"{demand.year_from}–{demand.year_to}"


class DemandTable(tables.Table):
    """Demands with their enterprise, head count, window, skills and status."""

    post = tables.Column(pgettext_lazy("demand", "post"), linkify=True)
    window = tables.Column(_("years"), empty_values=(), order_by=("year_from", "year_to"))
    skills = tables.Column(_("skills wanted"), empty_values=(), orderable=False)

    class Meta:
        model = Demand
        fields = ["post", "organisation", "headcount", "timeframe", "window", "skills",
                  "origin", "status"]

    def render_window(self, record):
        return window_text(record)

    def render_skills(self, record):
        return format_html_join("", '<span class="badge bg-azure-lt me-1">{}</span>',
                                ((row.skill.name,) for row in record.demand_skills.all()))

    def render_status(self, record):
        return demand_badge(record)
