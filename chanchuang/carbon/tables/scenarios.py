"""Tables of the scenario library."""

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from chanchuang.carbon.models import Scenario


def calendar_text(scenario: Scenario) -> str:
    """"2 × 6": compliance years × trading days a year."""
    return f"{scenario.years} × {scenario.days_per_year}"


class ScenarioTable(tables.Table):
    """Library scenarios: name, market rules, calendar, pace, companies, who created them."""

    name = tables.Column(linkify=("carbon:scenario_detail", {"pk": tables.A("pk")}))
    calendar = tables.Column(_("years × trading days"), empty_values=(),
                             order_by=("years", "days_per_year"))
    profile_count = tables.Column(_("company profiles"))
    created_at = tables.DateTimeColumn(format="Y-m-d H:i")

    class Meta:
        model = Scenario
        fields = ["name", "market_rules", "calendar", "seconds_per_day", "profile_count",
                  "created_by", "created_at"]

    def render_calendar(self, record):
        return calendar_text(record)
