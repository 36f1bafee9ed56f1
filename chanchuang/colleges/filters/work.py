"""Filters of co-developed work."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from chanchuang.colleges.models import Contribution, IndustryCollege
from chanchuang.core.filters import SearchFilterSet, visible
from chanchuang.core.models import Organisation


class ContributionFilterSet(SearchFilterSet):
    """Contributions by title or authors, college, kind, party, status and year."""

    college = django_filters.ModelChoiceFilter(queryset=visible(IndustryCollege),
                                               label=_("industry college"))
    organisation = django_filters.ModelChoiceFilter(queryset=visible(Organisation),
                                                    label=_("contributed by"))
    year = django_filters.NumberFilter(field_name="happened_on", lookup_expr="year",
                                       label=_("year"))

    class Meta:
        model = Contribution
        fields = ["q", "college", "kind", "organisation", "status", "year"]

    def search(self, queryset, name, value):
        return queryset.filter(Q(title__icontains=value) | Q(authors__icontains=value))
