"""Filters of the carbon app (the list pages, their exports and the API)."""

from django.utils.translation import gettext_lazy as _

from chanchuang.carbon.models import Simulation
from chanchuang.core.filters import SearchFilterSet


class SimulationFilterSet(SearchFilterSet):
    """Sessions by state; the search box reads their names and classes."""

    class Meta:
        model = Simulation
        fields = ["q", "state"]

    def search(self, queryset, name, value):
        return queryset.filter(name__icontains=value) | queryset.filter(
            school_class__name__icontains=value)


SimulationFilterSet.base_filters["state"].label = _("state")
