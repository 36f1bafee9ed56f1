"""Filters of the carbon app's lists (one definition for each page, its export and the API):
the scenario library and the sessions."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from chanchuang.carbon.models import Scenario, Simulation
from chanchuang.core.filters import SearchFilterSet


class ScenarioFilterSet(SearchFilterSet):
    """Filter library scenarios by name or description, and by market rules."""

    class Meta:
        model = Scenario
        fields = ["q", "market_rules"]

    def search(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(description__icontains=value))


class SimulationFilterSet(SearchFilterSet):
    """Sessions by state; the search box reads their names and classes."""

    class Meta:
        model = Simulation
        fields = ["q", "state"]

    def search(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value)
                               | Q(school_class__name__icontains=value))


SimulationFilterSet.base_filters["state"].label = _("state")
