"""Filters of intake."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from chanchuang.core.filters import SearchFilterSet, visible
from chanchuang.core.models import Department
from chanchuang.core.pinyin import name_search
from chanchuang.innovation.models import Application, Cohort


class ApplicationFilterSet(SearchFilterSet):
    """Applications by applicant (name, pinyin or number), team or project; cohort, status and
    the lead's department."""

    cohort = django_filters.ModelChoiceFilter(queryset=visible(Cohort, "programme"),
                                              label=_("cohort"))
    department = django_filters.ModelChoiceFilter(queryset=visible(Department),
                                                  field_name="lead__department",
                                                  label=_("department"))

    class Meta:
        model = Application
        fields = ["q", "cohort", "status", "department"]

    def search(self, queryset, name, value):
        return queryset.filter(
            name_search(value, name_field="lead__user__real_name", prefix="lead__user__")
            | Q(lead__student_no__startswith=value)
            | Q(team_name__icontains=value)
            | Q(project__title__icontains=value))
