"""Filters of the placements app."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from chanchuang.core.filters import SearchFilterSet, visible
from chanchuang.core.models import Organisation
from chanchuang.core.pinyin import name_search
from chanchuang.placements.models import InsurancePolicy, Placement, Position, TrainingPlan


class TrainingPlanFilterSet(SearchFilterSet):
    """Plans by name and enrolment year."""

    class Meta:
        model = TrainingPlan
        fields = ["q", "enrolment_year"]

    def search(self, queryset, name, value):
        return queryset.filter(name__icontains=value)


class PositionFilterSet(SearchFilterSet):
    """Positions by title, plan, enterprise, track and status."""

    plan = django_filters.ModelChoiceFilter(queryset=visible(TrainingPlan),
                                            label=_("training plan"))
    organisation = django_filters.ModelChoiceFilter(queryset=visible(Organisation),
                                                    label=_("enterprise"))

    class Meta:
        model = Position
        fields = ["q", "plan", "organisation", "track", "status"]

    def search(self, queryset, name, value):
        return queryset.filter(Q(title__icontains=value) | Q(organisation__name__icontains=value))


class PlacementFilterSet(SearchFilterSet):
    """Placements by student (name, pinyin or number), plan, enterprise and status."""

    plan = django_filters.ModelChoiceFilter(queryset=visible(TrainingPlan),
                                            field_name="position__plan", label=_("training plan"))
    organisation = django_filters.ModelChoiceFilter(
        queryset=visible(Organisation), field_name="position__organisation",
        label=_("enterprise"))

    class Meta:
        model = Placement
        fields = ["q", "plan", "organisation", "status"]

    def search(self, queryset, name, value):
        return queryset.filter(
            name_search(value, name_field="student__user__real_name", prefix="student__user__")
            | Q(student__student_no__startswith=value.strip()))


class InsurancePolicyFilterSet(SearchFilterSet):
    """Policies by number or insurer."""

    class Meta:
        model = InsurancePolicy
        fields = ["q", "payer"]

    def search(self, queryset, name, value):
        return queryset.filter(Q(number__icontains=value) | Q(insurer__icontains=value))
