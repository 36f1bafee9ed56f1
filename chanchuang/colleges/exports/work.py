"""Export of co-developed work: the columns its import reads, so an exported file can be
corrected and imported again."""

from django.utils.translation import gettext_lazy as _

from chanchuang.colleges import imports
from chanchuang.colleges.choices import (
    ContributionStatus,
)
from chanchuang.core.tabular.columns import Column
from chanchuang.core.tabular.exporting import Exporter


class ContributionExporter(Exporter):
    """Co-developed work, as the import's sheet, with its status."""

    title = imports.ContributionSheet.title
    filename = "co-developed-work"
    columns = [*imports.COLUMNS,
               Column("status", _("status"), kind="choice", choices=ContributionStatus)]
