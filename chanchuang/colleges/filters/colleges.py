"""Filters of industry colleges and their programmes."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from chanchuang.colleges.models import CollegeProgramme, IndustryCollege
from chanchuang.core.filters import SearchFilterSet, visible


class IndustryCollegeFilterSet(SearchFilterSet):
    """Colleges by name or member organisation."""

    class Meta:
        model = IndustryCollege
        fields = ["q"]

    def search(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value)
                               | Q(members__organisation__name__icontains=value)).distinct()


class CollegeProgrammeFilterSet(SearchFilterSet):
    """Programmes by name, college and kind."""

    college = django_filters.ModelChoiceFilter(queryset=visible(IndustryCollege),
                                               label=_("industry college"))

    class Meta:
        model = CollegeProgramme
        fields = ["q", "college", "kind", "start_year"]

    def search(self, queryset, name, value):
        return queryset.filter(name__icontains=value)
