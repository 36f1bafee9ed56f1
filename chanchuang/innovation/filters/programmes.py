"""Filters of programmes and cohorts."""

import django_filters
from django.utils.translation import gettext_lazy as _

from chanchuang.core.filters import SearchFilterSet, visible
from chanchuang.innovation.models import Cohort, Programme


class ProgrammeFilterSet(SearchFilterSet):
    """Programmes by name."""

    class Meta:
        model = Programme
        fields = ["q"]

    def search(self, queryset, name, value):
        return queryset.filter(name__icontains=value)


class CohortFilterSet(SearchFilterSet):
    """Cohorts by programme and phase."""

    programme = django_filters.ModelChoiceFilter(queryset=visible(Programme),
                                                 label=_("programme"))

    class Meta:
        model = Cohort
        fields = ["q", "programme", "phase"]

    def search(self, queryset, name, value):
        return queryset.filter(programme__name__icontains=value)
