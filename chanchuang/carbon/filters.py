"""Filters of the carbon app's lists: the scenario library (one definition for the page and
its export)."""

from django.db.models import Q

from chanchuang.carbon.models import Scenario
from chanchuang.core.filters import SearchFilterSet


class ScenarioFilterSet(SearchFilterSet):
    """Filter library scenarios by name or description, and by market rules."""

    class Meta:
        model = Scenario
        fields = ["q", "market_rules"]

    def search(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(description__icontains=value))
