"""Export of the graduate-destination list: the columns its import reads (so an exported file
can be corrected and imported again), then the graduate's name (personal: logged, masked for
anyone who may not see the record), department, major, group and what is derived of the
employer. The national-layout export is a report job (``ReportKind.DESTINATIONS``)."""

from django.utils.translation import gettext_lazy as _

from chanchuang.core.tabular.columns import Column
from chanchuang.core.tabular.exporting import Exporter
from chanchuang.insights import imports
from chanchuang.insights.choices import DestinationGroup


def _yes(value: bool) -> str:
    return str(_("yes")) if value else str(_("no"))


class GraduateDestinationExporter(Exporter):
    """Graduate destinations, as the import's sheet, with the graduate and the derived
    fields."""

    title = imports.DestinationSheet.title
    filename = "graduate-destinations"
    columns = [
        *imports.COLUMNS,
        Column("name", _("name"), export=lambda d: d.student.user.real_name,
               personal_permission="insights.view_destinations"),
        Column("department", _("department"), export=lambda d: d.department.name),
        Column("major", _("major"), export=lambda d: d.major.name),
        Column("group", _("destination group"), kind="choice", choices=DestinationGroup),
        Column("employer", _("registered organisation"),
               export=lambda d: d.employer.name if d.employer_id else ""),
        Column("is_partner", _("partner enterprise"), export=lambda d: _yes(d.is_partner)),
        Column("is_placement_host", _("hosted the graduate's placement"),
               export=lambda d: _yes(d.is_placement_host)),
        Column("in_province", _("in the school's province"),
               export=lambda d: _yes(d.in_province)),
    ]
