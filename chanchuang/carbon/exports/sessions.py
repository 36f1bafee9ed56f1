"""Export of the sessions' list (the whole record of one session is its workbook, see
``exports.results``)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from chanchuang.carbon.choices import SessionState
from chanchuang.core.tabular.columns import Column
from chanchuang.core.tabular.exporting import Exporter


class SimulationExporter(Exporter):
    """Sessions with their class, state, size and dates."""

    title = _("simulation sessions")
    filename = "simulation-sessions"
    columns = [
        Column("name", _("name")),
        Column("school_class", _("class"),
               export=lambda s: s.school_class.name if s.school_class else ""),
        Column("state", _("state"), kind="choice", choices=SessionState),
        Column("company_count", _("companies"), kind="int"),
        Column("participant_count", _("participants"), kind="int"),
        Column("instructor", _("instructor"), export=lambda s: s.instructor.real_name),
        Column("join_code", _("join code")),
        Column("created_at", _("created"),
               export=lambda s: f"{timezone.localtime(s.created_at):%Y-%m-%d %H:%M}"),
    ]
