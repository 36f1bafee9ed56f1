"""Filters of the report jobs (the list page, its export and the API)."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from chanchuang.core.filters import SearchFilterSet
from chanchuang.insights.models import ReportJob


class ReportJobFilterSet(SearchFilterSet):
    """Jobs by report, year and status; the search box reads who asked for them."""

    year = django_filters.NumberFilter(label=_("year"))

    class Meta:
        model = ReportJob
        fields = ["q", "kind", "year", "status"]

    def search(self, queryset, name, value):
        return queryset.filter(Q(requested_by__real_name__icontains=value)
                               | Q(requested_by__name_pinyin__icontains=value))
