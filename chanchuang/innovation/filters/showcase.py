"""Filters of the showcase: exhibitions and the items proposed, consented and published."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from chanchuang.core.filters import SearchFilterSet, visible
from chanchuang.innovation.choices import ItemState
from chanchuang.innovation.models import Exhibition, ShowcaseItem

STATE_CONDITIONS = {
    ItemState.PROPOSED: Q(consent_by__isnull=True),
    ItemState.CONSENTED: Q(consent_by__isnull=False, published_at__isnull=True),
    ItemState.PUBLISHED: Q(consent_by__isnull=False, published_at__isnull=False),
}


class ExhibitionFilterSet(SearchFilterSet):
    """Exhibitions by name or place."""

    class Meta:
        model = Exhibition
        fields = ["q"]

    def search(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(place__icontains=value))


class ShowcaseItemFilterSet(SearchFilterSet):
    """Items by title or project, exhibition, and where they stand."""

    exhibition = django_filters.ModelChoiceFilter(queryset=visible(Exhibition),
                                                  label=_("exhibition"))
    state = django_filters.ChoiceFilter(choices=ItemState.choices, label=_("status"),
                                        method="in_state")

    class Meta:
        model = ShowcaseItem
        fields = ["q", "exhibition", "state"]

    def search(self, queryset, name, value):
        return queryset.filter(Q(title__icontains=value) | Q(project__title__icontains=value))

    def in_state(self, queryset, name, value):
        return queryset.filter(STATE_CONDITIONS[value])
