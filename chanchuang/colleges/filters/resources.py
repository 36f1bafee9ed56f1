"""Filters of shared resources and bookings; one definition serves the list page, the export
and the API."""

from __future__ import annotations

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from chanchuang.colleges.models import Booking, IndustryCollege, SharedResource
from chanchuang.core.filters import SearchFilterSet, visible


class SharedResourceFilterSet(SearchFilterSet):
    """Filter shared resources by name or location, college, kind and whether bookable."""

    college = django_filters.ModelChoiceFilter(queryset=visible(IndustryCollege),
                                               label=_("industry college"))

    class Meta:
        model = SharedResource
        fields = ["q", "college", "kind", "is_active"]

    def search(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(location__icontains=value))


class BookingFilterSet(SearchFilterSet):
    """Filter bookings by resource, status, period and whether they are the user's own (the
    search reads the resource's name only: the booker is not shown to everyone)."""

    resource = django_filters.ModelChoiceFilter(queryset=visible(SharedResource),
                                                label=_("shared resource"))
    since = django_filters.DateFilter(field_name="starts_at", lookup_expr="date__gte",
                                      label=_("from"))
    until = django_filters.DateFilter(field_name="starts_at", lookup_expr="date__lte",
                                      label=_("to"))
    mine = django_filters.BooleanFilter(label=_("My bookings"), method="own")

    class Meta:
        model = Booking
        fields = ["q", "resource", "status", "attendance", "since", "until", "mine"]

    def search(self, queryset, name, value):
        return queryset.filter(resource__name__icontains=value)

    def own(self, queryset, name, value):
        if value is None or self.request is None:
            return queryset
        mine = Q(booked_by=self.request.user)
        return queryset.filter(mine) if value else queryset.exclude(mine)
