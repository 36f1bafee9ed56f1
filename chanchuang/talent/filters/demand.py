"""Filters of talent demand; one definition serves the list page, the export and the API."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from chanchuang.core.filters import SearchFilterSet, visible
from chanchuang.core.models import Major, Organisation
from chanchuang.talent.models import Demand, Skill


class DemandFilterSet(SearchFilterSet):
    """Demands by post or description, enterprise, status, time frame, major, skill, origin and
    a year their window covers."""

    organisation = django_filters.ModelChoiceFilter(queryset=visible(Organisation),
                                                    label=_("enterprise"))
    major = django_filters.ModelChoiceFilter(queryset=visible(Major), field_name="majors",
                                             label=_("major"), distinct=True)
    skill = django_filters.ModelChoiceFilter(queryset=visible(Skill), field_name="skills",
                                             label=_("skill"), distinct=True)
    year = django_filters.NumberFilter(method="covers_year", label=_("year"))

    class Meta:
        model = Demand
        fields = ["q", "organisation", "status", "timeframe", "major", "skill", "origin",
                  "year"]

    def search(self, queryset, name, value):
        return queryset.filter(Q(post__icontains=value) | Q(description__icontains=value))

    def covers_year(self, queryset, name, value):
        return queryset.filter(year_from__lte=value, year_to__gte=value)
