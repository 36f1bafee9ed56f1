"""Tables of the simulation sessions."""

import django_tables2 as tables
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from chanchuang.carbon.choices import SessionState
from chanchuang.carbon.models import Simulation

STATE_COLOURS = {SessionState.DRAFT: "secondary", SessionState.RUNNING: "green",
                 SessionState.PAUSED: "yellow", SessionState.FINISHED: "blue"}


def state_badge(simulation: Simulation) -> str:
    return format_html('<span class="badge bg-{}-lt">{}</span>',
                       STATE_COLOURS[simulation.state], simulation.get_state_display())


class SimulationTable(tables.Table):
    """Sessions, newest first: name (to its console or floor), class, state, companies and
    participants, instructor, created."""

    name = tables.Column(linkify=("carbon:console", {"pk": tables.A("pk")}))
    school_class = tables.Column(order_by=("school_class__name",))
    state = tables.Column()
    company_count = tables.Column(verbose_name=_("companies"))
    participant_count = tables.Column(verbose_name=_("participants"))
    instructor = tables.Column(order_by=("instructor__name_pinyin",))
    created_at = tables.DateTimeColumn(format="Y-m-d H:i")

    class Meta:
        model = Simulation
        fields = ["name", "school_class", "state", "company_count", "participant_count",
                  "instructor", "created_at"]

    def render_state(self, record):
        return state_badge(record)

    def render_instructor(self, value):
        return value.real_name
