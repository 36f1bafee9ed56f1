"""Export of talent demand: the columns its import reads (so an exported file can be corrected
and imported again), with the window, origin and status."""

from django.utils.translation import gettext_lazy as _

from chanchuang.core.tabular.columns import Column
from chanchuang.core.tabular.exporting import Exporter
from chanchuang.talent.choices import DemandOrigin, DemandStatus
from chanchuang.talent.imports import demand as imports
from chanchuang.talent.tables.demand import window_text


class DemandExporter(Exporter):
    """Talent demand, as the import's sheet, with its years, origin and status."""

    title = imports.DemandSheet.title
    filename = "talent-demand"
    columns = [*imports.COLUMNS,
               Column("window", _("years"), export=window_text),
               Column("origin", _("origin"), kind="choice", choices=DemandOrigin),
               Column("status", _("status"), kind="choice", choices=DemandStatus)]
