"""Export of docking activities: the filtered list with who took part and what came of it."""

from django.utils.translation import gettext_lazy as _

from chanchuang.core.tabular.columns import Column
from chanchuang.core.tabular.exporting import Exporter
from chanchuang.talent.choices import DockingKind


def _names(objects) -> str:
    return "、".join(str(obj) for obj in objects)


class DockingEventExporter(Exporter):
    """Docking activities, one row each."""

    title = _("docking activities")
    filename = "docking-activities"
    columns = [
        Column("held_on", _("held on")),
        Column("kind", _("kind"), kind="choice", choices=DockingKind),
        Column("title", _("title")),
        Column("location", _("location")),
        Column("organisations", _("enterprises"),
               export=lambda e: _names(e.organisations.all())),
        Column("departments", _("departments"), export=lambda e: _names(e.departments.all())),
        Column("majors", _("majors"), export=lambda e: _names(e.majors.all())),
        Column("attendees", _("attendees")),
        Column("outcome", _("outcome")),
        Column("agreement", _("resulting agreement"),
               export=lambda e: e.agreement.title if e.agreement_id else ""),
        Column("open_count", _("open follow-ups"), export=lambda e: e.open_count),
    ]
