"""Filters of the annual reports (the list page, its export and the API)."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from chanchuang.colleges.models import AnnualReport, IndustryCollege
from chanchuang.core.filters import SearchFilterSet, visible


class AnnualReportFilterSet(SearchFilterSet):
    """Reports by college, year and status; the search box reads the college's name."""

    college = django_filters.ModelChoiceFilter(queryset=visible(IndustryCollege))
    year = django_filters.NumberFilter(label=_("year"))

    class Meta:
        model = AnnualReport
        fields = ["q", "college", "year", "status"]

    def search(self, queryset, name, value):
        return queryset.filter(Q(college__name__icontains=value)
                               | Q(college__school__name__icontains=value))
