"""Filters of docking activities: one definition for the list, its export and the API."""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from chanchuang.core.filters import SearchFilterSet, visible
from chanchuang.core.models import Department, Major, Organisation
from chanchuang.talent.models import DockingEvent, FollowUp


class DockingEventFilterSet(SearchFilterSet):
    """Activities by title or outcome, kind, enterprise, department, major, date range, and
    those where the user owns a follow-up still open."""

    organisation = django_filters.ModelChoiceFilter(
        field_name="organisations", queryset=visible(Organisation), label=_("enterprise"),
        widget=forms.Select(attrs={"data-search": "true"}))
    department = django_filters.ModelChoiceFilter(field_name="departments",
                                                  queryset=visible(Department),
                                                  label=_("department"))
    major = django_filters.ModelChoiceFilter(field_name="majors", queryset=visible(Major),
                                             label=_("major"),
                                             widget=forms.Select(attrs={"data-search": "true"}))
    held_from = django_filters.DateFilter(field_name="held_on", lookup_expr="gte",
                                          label=_("from"),
                                          widget=forms.DateInput(attrs={"type": "date"}))
    held_to = django_filters.DateFilter(field_name="held_on", lookup_expr="lte", label=_("to"),
                                        widget=forms.DateInput(attrs={"type": "date"}))
    mine = django_filters.BooleanFilter(method="with_my_follow_ups",
                                        label=_("my open follow-ups"),
                                        widget=forms.CheckboxInput)

    class Meta:
        model = DockingEvent
        fields = ["q", "kind", "organisation", "department", "major", "held_from", "held_to",
                  "mine"]

    def search(self, queryset, name, value):
        return queryset.filter(Q(title__icontains=value) | Q(outcome__icontains=value))

    def with_my_follow_ups(self, queryset, name, value):
        if not value or self.request is None:
            return queryset
        return queryset.filter(Exists(FollowUp.objects.filter(
            event=OuterRef("pk"), owner_id=self.request.user.pk, done_at__isnull=True)))


class FollowUpFilterSet(SearchFilterSet):
    """Follow-ups by action, activity, whether done, and the user's own."""

    event = django_filters.ModelChoiceFilter(queryset=visible(DockingEvent),
                                             label=_("docking activity"))
    open = django_filters.BooleanFilter(field_name="done_at", lookup_expr="isnull",
                                        label=_("open"))
    mine = django_filters.BooleanFilter(method="owned", label=_("mine"))

    class Meta:
        model = FollowUp
        fields = ["q", "event", "open", "mine"]

    def search(self, queryset, name, value):
        return queryset.filter(Q(action__icontains=value) | Q(note__icontains=value))

    def owned(self, queryset, name, value):
        if value is None or self.request is None:
            return queryset
        mine = Q(owner_id=self.request.user.pk)
        return queryset.filter(mine if value else ~mine)
