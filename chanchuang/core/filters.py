"""Filters of the core app; one definition serves the list page, the export and the API."""

from __future__ import annotations

import django_filters
from django import forms
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from chanchuang.core import audit_actions
from chanchuang.core.choices import RegionLevel, Role
from chanchuang.core.models import (
    AuditEntry,
    Department,
    ImportJob,
    Major,
    Organisation,
    Region,
    SchoolClass,
    Student,
    User,
)
from chanchuang.core.pinyin import name_search


def visible(model, *related: str):
    """Choices for a filter: the rows of ``model`` the requesting user may see (with the
    ``related`` rows their labels show, fetched in the same query)."""

    def queryset(request):
        if request is None:
            return model.objects.none()
        rows = model.objects.visible_to(request.user)
        return rows.select_related(*related) if related else rows

    return queryset


class SearchFilterSet(django_filters.FilterSet):
    """A filterset with a free-text ``q`` box; subclasses say what it searches."""

    q = django_filters.CharFilter(label=_("Search"), method="search")

    def search(self, queryset, name, value):
        raise NotImplementedError


class DepartmentFilterSet(SearchFilterSet):
    """Filter departments by name or code."""

    class Meta:
        model = Department
        fields = ["q"]

    def search(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(code__icontains=value))


class MajorFilterSet(SearchFilterSet):
    """Filter majors by name or code, department and level."""

    department = django_filters.ModelChoiceFilter(queryset=visible(Department),
                                                  label=_("department"))

    class Meta:
        model = Major
        fields = ["q", "department", "level"]

    def search(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(code__startswith=value))


class SchoolClassFilterSet(SearchFilterSet):
    """Filter classes by name, major and enrolment year."""

    major = django_filters.ModelChoiceFilter(queryset=visible(Major), label=_("major"))

    class Meta:
        model = SchoolClass
        fields = ["q", "major", "enrolment_year"]

    def search(self, queryset, name, value):
        return queryset.filter(name__icontains=value)


class OrganisationFilterSet(SearchFilterSet):
    """Filter organisations by name (characters or pinyin), kind, industry and province."""

    province = django_filters.ModelChoiceFilter(
        queryset=Region.objects.filter(level=RegionLevel.PROVINCE), label=_("province"),
        method="in_province",
    )

    class Meta:
        model = Organisation
        fields = ["q", "kind", "industry", "province"]

    def search(self, queryset, name, value):
        return queryset.filter(name_search(value, name_field="name")
                               | Q(credit_code=value.upper()))

    def in_province(self, queryset, name, value):
        return queryset.filter(region__code__startswith=value.code[:2])


class StudentFilterSet(SearchFilterSet):
    """Filter students by name (characters or pinyin) or number, and by their place in school."""

    department = django_filters.ModelChoiceFilter(queryset=visible(Department),
                                                  label=_("department"))
    major = django_filters.ModelChoiceFilter(queryset=visible(Major), label=_("major"))
    school_class = django_filters.ModelChoiceFilter(queryset=visible(SchoolClass),
                                                    label=_("class"))

    class Meta:
        model = Student
        fields = ["q", "department", "major", "school_class", "enrolment_year", "gender",
                  "status"]

    def search(self, queryset, name, value):
        return queryset.filter(
            name_search(value, name_field="user__real_name", prefix="user__")
            | Q(student_no__startswith=value.strip())
        )


class UserFilterSet(SearchFilterSet):
    """Filter people by name (characters or pinyin) or login name, and by role."""

    role = django_filters.ChoiceFilter(choices=Role.choices, field_name="memberships__role",
                                       label=_("role"), distinct=True)

    class Meta:
        model = User
        fields = ["q", "role", "is_active"]

    def search(self, queryset, name, value):
        return queryset.filter(name_search(value, name_field="real_name")
                               | Q(username__istartswith=value.strip()))


class AuditEntryFilterSet(SearchFilterSet):
    """Filter the audit log by who, which named action (grouped by app), object type and
    period."""

    action = django_filters.ChoiceFilter(choices=audit_actions.grouped_choices, label=_("action"),
                                         widget=forms.Select(attrs={"data-search": "true"}))
    since = django_filters.DateFilter(field_name="created_at", lookup_expr="date__gte",
                                      label=_("from"))
    until = django_filters.DateFilter(field_name="created_at", lookup_expr="date__lte",
                                      label=_("to"))
    content_type = django_filters.ModelChoiceFilter(
        queryset=lambda request: ContentType.objects.filter(
            app_label__in=[app.label for app in apps.get_app_configs()
                           if app.name.startswith("chanchuang.")]
        ),
        label=_("object type"),
    )

    class Meta:
        model = AuditEntry
        fields = ["q", "action", "content_type", "since", "until"]

    def search(self, queryset, name, value):
        return queryset.filter(
            name_search(value, name_field="actor__real_name", prefix="actor__")
            | Q(object_repr__icontains=value)
        )


class ImportJobFilterSet(SearchFilterSet):
    """Filter imports by file name and status."""

    class Meta:
        model = ImportJob
        fields = ["q", "status"]

    def search(self, queryset, name, value):
        return queryset.filter(original_name__icontains=value)
