"""Forms of the trading floor: a listing (or continuous order), a take, a block proposal and
its answer, the unit's load, an abatement, offsets, the report and surrender. Ids of other
objects are resolved within the participant's own session by the views."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from chanchuang.carbon.choices import Side

# The form takes any number; the exchange's rules (tick, band, lot) refuse what they must,
# with the rule's name.
PRICE = {"max_digits": 12, "decimal_places": 4}


class OrderForm(forms.Form):
    side = forms.ChoiceField(label=_("side"), choices=Side.choices)
    price = forms.DecimalField(label=_("price (yuan/t)"), **PRICE)
    quantity = forms.IntegerField(label=_("quantity (t)"))


class TakeForm(forms.Form):
    listing = forms.IntegerField(label=_("listing"), min_value=1)
    quantity = forms.IntegerField(label=_("quantity (t)"), min_value=1)


class BlockForm(forms.Form):
    counterparty = forms.IntegerField(label=_("counterparty"), min_value=1)
    side = forms.ChoiceField(label=_("side"), choices=Side.choices)
    price = forms.DecimalField(label=_("price (yuan/t)"), **PRICE)
    quantity = forms.IntegerField(label=_("quantity (t)"))


class AnswerForm(forms.Form):
    accept = forms.TypedChoiceField(
        label=_("answer"), coerce=lambda v: v == "yes",
        choices=[("yes", pgettext_lazy("block proposal", "Accept")),
                 ("no", pgettext_lazy("block proposal", "Decline"))])


class LoadForm(forms.Form):
    load = forms.IntegerField(label=_("load (%)"), min_value=40, max_value=100)


class InvestForm(forms.Form):
    option = forms.IntegerField(label=_("abatement"), min_value=1)


class OffsetForm(forms.Form):
    quantity = forms.IntegerField(label=_("quantity (t)"), min_value=1)


class SurrenderForm(forms.Form):
    cea = forms.IntegerField(label=_("allowances (t)"), min_value=0, initial=0)
    ccer = forms.IntegerField(label=_("offsets (t)"), min_value=0, initial=0)
