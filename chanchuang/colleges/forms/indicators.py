"""Forms of the indicators: a year's targets, one number per indicator."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from chanchuang.colleges import indicators as catalogue


class TargetsForm(forms.Form):
    """A college's targets for one year: one optional number per indicator (empty: no
    target). Whether a number is acceptable (not below zero) is the service's to say, naming
    the indicator."""

    def __init__(self, *args, initial_values: dict[str, Decimal] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        initial_values = initial_values or {}
        for item in catalogue.CATALOGUE:
            self.fields[item.code] = forms.DecimalField(
                label=item.label, required=False, max_digits=12, decimal_places=2,
                initial=initial_values.get(item.code),
                help_text=_("%(unit)s · %(category)s") % {"unit": item.unit,
                                                          "category": item.category_label})

    def values(self) -> dict[str, Decimal | None]:
        """The numbers entered, by indicator code (None where empty)."""
        return {item.code: self.cleaned_data.get(item.code) for item in catalogue.CATALOGUE}

    def rows(self):
        """(indicator, bound field) in the catalogue's order, for the page."""
        return [(item, self[item.code]) for item in catalogue.CATALOGUE]
