"""Filters of graduate destinations; one definition serves the list page, its export and the
API. The dashboard drills down here with ``graduation_year``, ``department``, ``group``,
``verification`` and ``in_province=true``: keep those names."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from chanchuang.core.filters import SearchFilterSet, visible
from chanchuang.core.models import Department, Major
from chanchuang.insights.choices import DestinationCode, DestinationGroup, Verification
from chanchuang.insights.models import GraduateDestination


class GraduateDestinationFilterSet(SearchFilterSet):
    """Destinations by graduate (name or student number) or employer, graduation year,
    department, major, code, group, verification, in province and partner."""

    graduation_year = django_filters.NumberFilter(label=_("graduation year"))
    department = django_filters.ModelChoiceFilter(queryset=visible(Department),
                                                  label=_("department"))
    major = django_filters.ModelChoiceFilter(queryset=visible(Major), label=_("major"),
                                             widget=forms.Select(attrs={"data-search": "true"}))
    code = django_filters.ChoiceFilter(choices=DestinationCode.choices, label=_("destination"))
    group = django_filters.ChoiceFilter(choices=DestinationGroup.choices,
                                        label=_("destination group"))
    verification = django_filters.ChoiceFilter(choices=Verification.choices,
                                               label=_("verification"))
    in_province = django_filters.BooleanFilter(label=_("in the school's province"))
    is_partner = django_filters.BooleanFilter(label=_("partner enterprise"))

    class Meta:
        model = GraduateDestination
        fields = ["q", "graduation_year", "department", "major", "code", "group",
                  "verification", "in_province", "is_partner"]

    def search(self, queryset, name, value):
        return queryset.filter(Q(student__user__real_name__icontains=value)
                               | Q(student__student_no__startswith=value)
                               | Q(employer_name__icontains=value))
