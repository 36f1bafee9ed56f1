"""Filters of the innovation record: credits, the conversion table, competitions, start-ups.
One definition serves the list page, its export and the API."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from chanchuang.core.filters import SearchFilterSet
from chanchuang.core.pinyin import name_search
from chanchuang.innovation.models import Competition, Credit, CreditRule, Startup


class CreditFilterSet(SearchFilterSet):
    """Credits by student (name, pinyin or number) or title, category and year."""

    year = django_filters.NumberFilter(field_name="earned_on", lookup_expr="year",
                                       label=_("year"))

    class Meta:
        model = Credit
        fields = ["q", "category", "year"]

    def search(self, queryset, name, value):
        return queryset.filter(
            name_search(value, name_field="student__user__real_name",
                        prefix="student__user__")
            | Q(student__student_no__startswith=value.strip())
            | Q(title__icontains=value))


class CreditRuleFilterSet(django_filters.FilterSet):
    """Lines of the conversion table by category and level."""

    class Meta:
        model = CreditRule
        fields = ["category", "level"]


class CompetitionFilterSet(SearchFilterSet):
    """Competitions by name, level and year."""

    class Meta:
        model = Competition
        fields = ["q", "level", "year"]

    def search(self, queryset, name, value):
        return queryset.filter(name__icontains=value)


class StartupFilterSet(SearchFilterSet):
    """Start-ups by name (characters or pinyin) or credit code, and the year registered."""

    year = django_filters.NumberFilter(field_name="registered_on", lookup_expr="year",
                                       label=_("year registered"))

    class Meta:
        model = Startup
        fields = ["q", "year"]

    def search(self, queryset, name, value):
        return queryset.filter(name_search(value, name_field="name")
                               | Q(credit_code=value.strip().upper()))
