"""Filters of the gap's drill-downs: the demands and the students behind a number of the gap
page (horizon, major or any major, skill, organisation, department, industry college; for
students, evidenced or taught). One definition serves the list, its export and the links."""

from __future__ import annotations

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from chanchuang.colleges.models import IndustryCollege
from chanchuang.core.filters import SearchFilterSet, visible
from chanchuang.core.models import Department, Major, Organisation, Student
from chanchuang.core.pinyin import name_search
from chanchuang.talent.models import Demand, Skill
from chanchuang.talent.queries import gap as queries


def _noop(queryset, name, value):
    return queryset  # applied together in ``filter_queryset``


class _BehindFilterSet(SearchFilterSet):
    """The fields both drill-downs share; ``filter_queryset`` applies them together, as the
    gap counts them."""

    horizon = django_filters.ChoiceFilter(choices=queries.HORIZON_CHOICES, label=_("Horizon"),
                                          method=_noop)
    department = django_filters.ModelChoiceFilter(queryset=visible(Department),
                                                  label=_("department"), method=_noop)
    college = django_filters.ModelChoiceFilter(queryset=visible(IndustryCollege),
                                               label=_("industry college"), method=_noop)
    major = django_filters.ModelChoiceFilter(queryset=visible(Major), label=_("major"),
                                             method=_noop)
    skill = django_filters.ModelChoiceFilter(queryset=visible(Skill), label=_("skill"),
                                             method=_noop)

    def search(self, queryset, name, value):
        return queryset  # applied in ``filter_queryset``

    def majors(self, data) -> object | None:
        """The majors the department or the college narrows to (None: no narrowing)."""
        if data.get("department") is None and data.get("college") is None:
            return None
        majors = Major.objects.all()
        if data.get("department") is not None:
            majors = majors.filter(department=data["department"])
        if data.get("college") is not None:
            majors = majors.filter(industry_colleges=data["college"])
        return majors

    @staticmethod
    def horizon_in(data):
        return queries.horizon_of(data["horizon"]) if data.get("horizon") else None


class DemandBehindFilterSet(_BehindFilterSet):
    """The open demands behind a demand figure."""

    organisation = django_filters.ModelChoiceFilter(queryset=visible(Organisation),
                                                    label=_("enterprise"), method=_noop)
    any_major = django_filters.BooleanFilter(label=_("Any major"), method=_noop)

    class Meta:
        model = Demand
        fields = ["q", "horizon", "department", "college", "major", "any_major", "skill",
                  "organisation"]

    def filter_queryset(self, queryset):
        data = self.form.cleaned_data
        demands = queries.demands_behind(
            queryset, horizon=self.horizon_in(data), major=data.get("major"),
            skill=data.get("skill"), organisation=data.get("organisation"),
            any_major=bool(data.get("any_major")), majors=self.majors(data))
        if data.get("q"):
            demands = demands.filter(Q(post__icontains=data["q"])
                                     | Q(organisation__name__icontains=data["q"]))
        return demands


class StudentBehindFilterSet(_BehindFilterSet):
    """The students behind a supply figure."""

    supply = django_filters.ChoiceFilter(choices=queries.SUPPLY_CHOICES, label=_("supply"),
                                         method=_noop)

    class Meta:
        model = Student
        fields = ["q", "horizon", "department", "college", "major", "skill", "supply"]

    def filter_queryset(self, queryset):
        data = self.form.cleaned_data
        students = queries.students_behind(
            queryset, horizon=self.horizon_in(data), major=data.get("major"),
            majors=self.majors(data), skill=data.get("skill"), supply=data.get("supply"))
        if data.get("q"):
            students = students.filter(
                name_search(data["q"], name_field="user__real_name", prefix="user__")
                | Q(student_no__startswith=data["q"].strip()))
        return students
