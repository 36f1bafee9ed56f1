"""Filters of the mentors app."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from chanchuang.core.filters import SearchFilterSet, visible
from chanchuang.core.models import Organisation, Tag
from chanchuang.core.pinyin import name_search
from chanchuang.mentors.models import Appointment, AppointmentTitle, Mentor


class MentorFilterSet(SearchFilterSet):
    """Mentors by name (characters or pinyin), organisation and expertise."""

    organisation = django_filters.ModelChoiceFilter(queryset=visible(Organisation),
                                                    label=_("organisation"))
    expertise = django_filters.ModelChoiceFilter(queryset=visible(Tag), label=_("expertise"))

    class Meta:
        model = Mentor
        fields = ["q", "organisation", "expertise"]

    def search(self, queryset, name, value):
        return queryset.filter(name_search(value, name_field="name")
                               | Q(job_title__icontains=value))


class AppointmentFilterSet(SearchFilterSet):
    """Appointments by mentor, title and status."""

    title = django_filters.ModelChoiceFilter(queryset=visible(AppointmentTitle),
                                             label=pgettext_lazy("appointment", "title"))

    class Meta:
        model = Appointment
        fields = ["q", "title", "status"]

    def search(self, queryset, name, value):
        return queryset.filter(name_search(value, name_field="mentor__name", prefix="mentor__")
                               | Q(serial__icontains=value))
