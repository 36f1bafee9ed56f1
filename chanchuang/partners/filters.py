"""Filters of the partners app (one definition for the page, the export and the API)."""

from __future__ import annotations

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from chanchuang.core.filters import OrganisationFilterSet, SearchFilterSet, visible
from chanchuang.core.models import Organisation, Tag
from chanchuang.partners.choices import IN_FORCE, PartnerStatus
from chanchuang.partners.models import Agreement, AgreementType, SigningEvent

STATUS_CONDITIONS = {
    PartnerStatus.EXPIRING: Q(agreement_expiring=True),
    PartnerStatus.ACTIVE: Q(agreement_in_force=True),
    PartnerStatus.LAPSED: Q(agreement_in_force=False, agreement_ever_signed=True),
    PartnerStatus.PROSPECT: Q(agreement_ever_signed=False),
}


class PartnerFilterSet(OrganisationFilterSet):
    """Partners by name or pinyin, kind, industry, province, size, tag and standing."""

    status = django_filters.ChoiceFilter(choices=PartnerStatus.choices, label=_("standing"),
                                         method="with_status")
    tag = django_filters.ModelChoiceFilter(queryset=visible(Tag), field_name="tags",
                                           label=_("tag"))

    class Meta:
        model = Organisation
        fields = ["q", "status", "kind", "industry", "size", "province", "tag"]

    def with_status(self, queryset, name, value):
        return queryset.filter(STATUS_CONDITIONS[value])


class AgreementFilterSet(SearchFilterSet):
    """Agreements by number, title or party, type, status, and partner."""

    type = django_filters.ModelChoiceFilter(queryset=visible(AgreementType),
                                            label=_("agreement type"))
    organisation = django_filters.ModelChoiceFilter(
        queryset=visible(Organisation), field_name="parties__organisation",
        label=_("party"), distinct=True)
    in_force = django_filters.BooleanFilter(label=_("in force"), method="only_in_force")

    class Meta:
        model = Agreement
        fields = ["q", "status", "type", "organisation", "in_force"]

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(number__icontains=value) | Q(title__icontains=value)
            | Q(parties__organisation__name__icontains=value)).distinct()

    def only_in_force(self, queryset, name, value):
        if value is None:
            return queryset
        condition = Q(status__in=IN_FORCE)
        return queryset.filter(condition if value else ~condition)


class SigningEventFilterSet(SearchFilterSet):
    """Signing events by name or place."""

    class Meta:
        model = SigningEvent
        fields = ["q"]

    def search(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(place__icontains=value))
