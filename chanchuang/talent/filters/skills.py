"""Filters of the skill dictionary and courses; one definition serves the list, the export
and the API."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from chanchuang.core.filters import SearchFilterSet, visible
from chanchuang.core.models import Department, Major
from chanchuang.talent.models import Course, Skill


class SkillFilterSet(SearchFilterSet):
    """Skills by name or synonym, and category."""

    class Meta:
        model = Skill
        fields = ["q", "category"]

    def search(self, queryset, name, value):
        value = value.strip()
        return queryset.filter(Q(name__icontains=value) | Q(synonyms__icontains=value)
                               | Q(description__icontains=value))


class CourseFilterSet(SearchFilterSet):
    """Courses by code or name, department, major and skill."""

    department = django_filters.ModelChoiceFilter(queryset=visible(Department),
                                                  label=_("department"))
    major = django_filters.ModelChoiceFilter(queryset=visible(Major), field_name="majors",
                                             label=_("major"))
    skill = django_filters.ModelChoiceFilter(queryset=visible(Skill), field_name="skills",
                                             label=_("skill"))

    class Meta:
        model = Course
        fields = ["q", "department", "major", "skill"]

    def search(self, queryset, name, value):
        return queryset.filter(Q(code__istartswith=value.strip()) | Q(name__icontains=value))
