"""Export of the scenario library: the columns of its table, with the main parameters."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from chanchuang.carbon.choices import MarketRules
from chanchuang.carbon.models import Scenario
from chanchuang.core.tabular.columns import Column
from chanchuang.core.tabular.exporting import Exporter


def _field(name: str):
    return Scenario._meta.get_field(name).verbose_name


class ScenarioExporter(Exporter):
    """Library scenarios with their calendar, market rules, prices and companies."""

    title = _("scenario library")
    filename = "carbon-scenarios"
    columns = [
        Column("name", _field("name")),
        Column("market_rules", _field("market_rules"), kind="choice", choices=MarketRules),
        Column("years", _field("years"), kind="int"),
        Column("days_per_year", _field("days_per_year"), kind="int"),
        Column("compliance_days", _field("compliance_days"), kind="int"),
        Column("seconds_per_day", _field("seconds_per_day"), kind="int"),
        Column("opening_price", _field("opening_price"), export=lambda s: s.opening_price),
        Column("penalty_multiple", _field("penalty_multiple"), kind="int"),
        Column("profile_count", _("company profiles"), kind="int",
               export=lambda s: s.profile_count),
        Column("created_by", _field("created_by"),
               export=lambda s: str(s.created_by) if s.created_by_id else ""),
        Column("created_at", _field("created_at"),
               export=lambda s: f"{timezone.localtime(s.created_at):%Y-%m-%d %H:%M}"),
    ]
