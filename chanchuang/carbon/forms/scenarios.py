"""Forms of the scenario library: a new scenario's name, a scenario's parameters, its three
tables as inline formsets (benchmarks per category; company profiles and abatement options,
rows added and deleted), and running a scenario as a session for a class."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.forms import BaseInlineFormSet, inlineformset_factory
from django.utils.translation import gettext_lazy as _

from chanchuang.carbon.models import AbatementOption, Benchmark, CompanyProfile, Scenario
from chanchuang.carbon.services.compliance import LOAD_RANGE
from chanchuang.core.forms import ScopedModelForm
from chanchuang.core.models import SchoolClass

# What each parameter means, where the model has no help text (the scenario page shows the
# same explanations).
HELP = {
    "years": _("How many compressed compliance years the session runs (1–5)."),
    "days_per_year": _("Simulated trading days in each year, spread over its twelve months "
                       "(2–24)."),
    "seconds_per_day": _("Real seconds one simulated trading day (9:30–11:30 and 13:00–15:00) "
                         "takes in class."),
    "market_rules": _("National: listed agreement trading (a taker picks among the best five "
                      "price levels) and block agreement trading between named parties. "
                      "Hubei pilot: continuous trading at the middle of bid, ask and last "
                      "price."),
    "opening_price": _("The reference price of the first trading day: the first price band "
                       "is set around it."),
    "listed_band": _("Orders priced further than this from the previous close are refused "
                     "(national market: ±10 %)."),
    "block_band": _("Block trades may be priced this far from the previous close (national "
                    "market: ±30 %)."),
    "block_minimum": _("A listed order must be below this size, a block trade at least this "
                       "size (national market: 100,000 t)."),
    "pre_allocation_share": _("Issued when each year opens, on the planned output; the rest "
                              "is trued up to the verified output (2019–2020 plan: 70 %)."),
    "offset_share": _("At most this share of verified emissions may be surrendered as CCER "
                      "(national market: 5 %)."),
    "ccer_price": _("What companies pay for a tonne of offsets at the CCER desk."),
    "ccer_supply": _("Offsets put on the CCER desk when each year opens."),
    "gas_cap": _("A gas unit never has to surrender more than its free allocation (2019–2020 "
                 "plan)."),
}
SHARE_FIELDS = ("listed_band", "block_band", "pre_allocation_share", "offset_share", "gap_cap")
NOT_NEGATIVE = MinValueValidator(Decimal(0))
HOURS_A_YEAR = 8760
MAX_PROFILES = 30
MAX_ABATEMENTS = 20


class ScenarioCreateForm(ScopedModelForm):
    """A new library scenario: its name (and its school, for who manages several); it starts
    as the standard scenario, ready to edit."""

    class Meta:
        model = Scenario
        fields = ["school", "name"]
        help_texts = {"name": _("The new scenario starts with the 2019–2020 benchmarks, six "
                                "generating units and four abatement options; edit them next.")}


class ScenarioForm(ScopedModelForm):
    """A library scenario's parameters (the model's ``clean`` checks the compliance window
    against the year)."""

    class Meta:
        model = Scenario
        fields = ["name", "description", "years", "days_per_year", "compliance_days",
                  "seconds_per_day", "market_rules", "opening_price", "listed_band",
                  "block_band", "block_minimum", "pre_allocation_share", "offset_share",
                  "ccer_price", "ccer_supply", "penalty_multiple", "gas_cap", "gap_cap", "seed"]
        help_texts = HELP
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["ccer_price"].validators.append(NOT_NEGATIVE)
        for name in SHARE_FIELDS:
            self.fields[name].widget.attrs.update({"step": "0.01", "min": "0", "max": "1"})

    def clean_listed_band(self) -> Decimal:
        band = self.cleaned_data["listed_band"]
        if band is not None and band <= 0:
            raise ValidationError(_("Price band: it must be above 0, or nothing could trade."))
        return band


class ProfileForm(forms.ModelForm):
    """A company profile of the scenario."""

    class Meta:
        model = CompanyProfile
        fields = ["name", "category", "capacity_mw", "full_load_hours", "load_rate",
                  "air_cooled", "heat_gj", "heat_ratio", "intensity", "heat_intensity", "cash"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["heat_intensity"].validators.append(NOT_NEGATIVE)
        self.fields["capacity_mw"].validators.append(MinValueValidator(1))
        self.fields["full_load_hours"].validators.append(MaxValueValidator(HOURS_A_YEAR))

    def clean_load_rate(self) -> Decimal:
        load = self.cleaned_data["load_rate"]
        if load is not None and not LOAD_RANGE[0] <= load <= LOAD_RANGE[1]:
            raise ValidationError(_("Planned load: between 40 % and 100 %."))
        return load


class AbatementForm(forms.ModelForm):
    """An abatement option of the scenario."""

    class Meta:
        model = AbatementOption
        fields = ["name", "category", "cost", "reduction", "lead_days"]


class ProfileFormSet(BaseInlineFormSet):
    """The scenario's company profiles; at least one must remain (a session hands them out)."""

    def clean(self) -> None:
        super().clean()
        if any(self.errors):
            return
        remaining = [form for form in self.forms
                     if not self._should_delete_form(form)
                     and (form.instance.pk is not None or form.has_changed())]
        if not remaining:
            raise ValidationError(_("Company profiles: at least one must remain."))


BenchmarkFormSet = inlineformset_factory(
    Scenario, Benchmark, fields=["supply", "heat", "source"], extra=0, can_delete=False,
    edit_only=True)
ProfileFormSetFactory = inlineformset_factory(
    Scenario, CompanyProfile, form=ProfileForm, formset=ProfileFormSet, extra=1,
    can_delete=True, max_num=MAX_PROFILES, validate_max=True)
AbatementFormSet = inlineformset_factory(
    Scenario, AbatementOption, form=AbatementForm, extra=1, can_delete=True,
    max_num=MAX_ABATEMENTS, validate_max=True)


def scenario_formsets(scenario: Scenario, data=None) -> dict[str, BaseInlineFormSet]:
    """The three tables of a scenario as bound (``data``) or unbound formsets, by name."""
    return {
        "benchmarks": BenchmarkFormSet(data, instance=scenario, prefix="benchmarks",
                                       queryset=Benchmark.objects.order_by("category")),
        "profiles": ProfileFormSetFactory(data, instance=scenario, prefix="profiles",
                                          queryset=CompanyProfile.objects.order_by("pk")),
        "abatements": AbatementFormSet(data, instance=scenario, prefix="abatements",
                                       queryset=AbatementOption.objects.order_by("cost", "pk")),
    }


class RunForm(forms.Form):
    """Run a library scenario as a session: its name, the class (among those the user sees, of
    the scenario's school) and how many students run each company."""

    name = forms.CharField(label=_("session name"), max_length=100)
    school_class = forms.ModelChoiceField(
        label=_("class"), queryset=SchoolClass.objects.none(), required=False,
        help_text=_("Optional: the class the session is for."))
    team_size = forms.IntegerField(
        label=_("students per company"), initial=1, min_value=1, max_value=5,
        help_text=_("1: every student runs a company alone; 2–5: teams."))

    def __init__(self, *args, user, scenario: Scenario, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["school_class"].queryset = (
            SchoolClass.objects.visible_to(user).filter(school_id=scenario.school_id)
            .order_by("-enrolment_year", "name"))
