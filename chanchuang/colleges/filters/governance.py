"""Filters of governance: councils, seats, meetings, decisions."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from chanchuang.colleges.models import Council, CouncilSeat, Decision, IndustryCollege, Meeting
from chanchuang.core.filters import SearchFilterSet, visible


class CouncilFilterSet(SearchFilterSet):
    """Councils and committees by name, college and kind."""

    college = django_filters.ModelChoiceFilter(queryset=visible(IndustryCollege),
                                               label=_("industry college"))

    class Meta:
        model = Council
        fields = ["q", "college", "kind"]

    def search(self, queryset, name, value):
        return queryset.filter(name__icontains=value)


class CouncilSeatFilterSet(SearchFilterSet):
    """Seats by name, job title or organisation, council and post."""

    council = django_filters.ModelChoiceFilter(queryset=visible(Council), label=_("council"))

    class Meta:
        model = CouncilSeat
        fields = ["q", "council", "post"]

    def search(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(job_title__icontains=value)
                               | Q(organisation__name__icontains=value))


class MeetingFilterSet(SearchFilterSet):
    """Meetings by title, agenda or minutes, and council."""

    council = django_filters.ModelChoiceFilter(queryset=visible(Council), label=_("council"))

    class Meta:
        model = Meeting
        fields = ["q", "council"]

    def search(self, queryset, name, value):
        return queryset.filter(Q(title__icontains=value) | Q(agenda__icontains=value)
                               | Q(minutes__icontains=value))


class DecisionFilterSet(SearchFilterSet):
    """Decisions by text, status and whether they are the user's."""

    mine = django_filters.BooleanFilter(label=_("mine"), method="filter_mine")

    class Meta:
        model = Decision
        fields = ["q", "status", "mine"]

    def search(self, queryset, name, value):
        return queryset.filter(text__icontains=value)

    def filter_mine(self, queryset, name, value):
        if value is None or self.request is None:
            return queryset
        user_id = self.request.user.pk
        return queryset.filter(owner_id=user_id) if value else queryset.exclude(owner_id=user_id)
