"""Forms of the instructor's console: joining by code, simulated traders, and the events an
instructor injects."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from chanchuang.carbon.choices import Category


class JoinForm(forms.Form):
    code = forms.CharField(label=_("session code"), max_length=8,
                           widget=forms.TextInput(attrs={"autocomplete": "off",
                                                         "autocapitalize": "characters"}))


class BotsForm(forms.Form):
    compliance = forms.IntegerField(label=_("compliance-driven"), min_value=0, max_value=40,
                                    initial=0)
    noise = forms.IntegerField(label=_("noise traders"), min_value=0, max_value=40, initial=0)
    market_maker = forms.IntegerField(label=_("market makers"), min_value=0, max_value=5,
                                      initial=0)


class ShockForm(forms.Form):
    factor = forms.DecimalField(label=_("output factor"), max_digits=4, decimal_places=2,
                                min_value=Decimal("0.5"), max_value=Decimal("1.5"),
                                initial=Decimal("1.10"))
    category = forms.ChoiceField(label=_("category"), required=False,
                                 choices=[("", _("All categories")), *Category.choices])


class BenchmarkForm(forms.Form):
    category = forms.ChoiceField(label=_("category"), choices=Category.choices)
    supply = forms.DecimalField(label=_("supply benchmark (tCO₂/MWh)"), max_digits=6,
                                decimal_places=4, min_value=Decimal("0.0001"),
                                max_value=Decimal(2))


class ReleaseForm(forms.Form):
    quantity = forms.IntegerField(label=_("offsets released (t)"), min_value=1,
                                  max_value=10_000_000, initial=100_000)


class BandForm(forms.Form):
    band = forms.IntegerField(label=_("price band (%)"), min_value=1, max_value=50, initial=10)
