"""Read helpers of the scenario library: the library's rows, a scenario's parameters as the
page shows them, its benchmarks beside the published values, and what each company profile
and abatement option means for a class (planned output, emissions, allocation at the
benchmark, whether the unit starts short or long; cost per tonne abated)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from chanchuang.carbon import allocation
from chanchuang.carbon.models import AbatementOption, Benchmark, CompanyProfile, Scenario
from chanchuang.carbon.services.scenarios import published_benchmarks

# The parameters of the scenario page, in groups; explanations the model does not carry
# are in ``forms.scenarios.HELP`` (shared with the edit form).
PARAMETER_GROUPS = (
    (gettext_lazy("Calendar"),
     ("years", "days_per_year", "compliance_days", "seconds_per_day")),
    (gettext_lazy("Market"),
     ("market_rules", "opening_price", "listed_band", "block_band", "block_minimum")),
    (gettext_lazy("Allocation and compliance"),
     ("pre_allocation_share", "offset_share", "ccer_price", "ccer_supply", "penalty_multiple",
      "gas_cap", "gap_cap")),
    (gettext_lazy("Reproducibility"), ("seed",)),
)
SHARES = {"listed_band", "block_band", "pre_allocation_share", "offset_share", "gap_cap"}
PRICES = {"opening_price", "ccer_price"}
TONNES = {"block_minimum", "ccer_supply"}


def library(user) -> QuerySet:
    """The library templates the user sees, with their creator and number of profiles."""
    return (Scenario.objects.visible_to(user).filter(is_template=True)
            .select_related("created_by").annotate(profile_count=Count("profiles")))


def _yes_no(value: bool) -> str:
    yes, no, _maybe = _("yes,no,maybe").split(",")
    return yes if value else no


def share_text(value: Decimal | None) -> str:
    """0.10 → "10 %"; None → "—"."""
    if value is None:
        return "—"
    return f"{(value * 100).normalize():f} %"


def parameter_text(scenario: Scenario, name: str) -> str:
    """A parameter's value as the page shows it (shares in per cent, prices in yuan)."""
    value = getattr(scenario, name)
    if name in SHARES:
        return share_text(value)
    if name in PRICES:
        return _("%(price)s yuan/t") % {"price": f"{value:,.2f}"}
    if name in TONNES:
        return f"{value:,} t"
    if isinstance(value, bool):
        return _yes_no(value)
    field = Scenario._meta.get_field(name)
    if field.choices:
        return str(getattr(scenario, f"get_{name}_display")())
    return str(value)


@dataclass(frozen=True)
class Parameter:
    """One parameter of the scenario page: its label, value and what it means."""

    name: str
    label: str
    value: str
    help: str


def parameters(scenario: Scenario, help_texts: dict) -> list[tuple[str, list[Parameter]]]:
    """The scenario's parameters in groups, each with its explanation: the model's help text,
    else the one in ``help_texts``."""
    groups = []
    for title, names in PARAMETER_GROUPS:
        rows = []
        for name in names:
            field = Scenario._meta.get_field(name)
            rows.append(Parameter(name, str(field.verbose_name), parameter_text(scenario, name),
                                  str(help_texts.get(name) or field.help_text)))
        groups.append((str(title), rows))
    return groups


@dataclass(frozen=True)
class BenchmarkRow:
    """A benchmark of the scenario beside the published value of its category."""

    benchmark: Benchmark
    published_supply: Decimal | None
    published_heat: Decimal | None

    @property
    def changed(self) -> bool:
        return (self.benchmark.supply != self.published_supply
                or self.benchmark.heat != self.published_heat)


def benchmark_rows(scenario: Scenario) -> list[BenchmarkRow]:
    """The scenario's benchmarks in category order, each with the published 2019–2020 values
    (the data file's) to show where the instructor changed one."""
    published = {row["category"]: row for row in published_benchmarks()["benchmarks"]}
    rows = []
    for benchmark in scenario.benchmarks.order_by("category"):
        source = published.get(benchmark.category)
        rows.append(BenchmarkRow(
            benchmark,
            Decimal(source["supply"]) if source else None,
            Decimal(source["heat"]) if source else None))
    return rows


@dataclass(frozen=True)
class ProfileOutlook:
    """A company profile's first year as planned: output, emissions at its intensity, the
    allocation its output earns at the benchmark, what it must surrender, and the balance."""

    profile: CompanyProfile
    output_mwh: Decimal
    emissions: int
    allocated: int | None  # None: the scenario has no benchmark for the category
    obligation: int | None

    @property
    def balance(self) -> int | None:
        """Allocation less obligation: positive is long (allowances to sell), negative short."""
        if self.allocated is None or self.obligation is None:
            return None
        return self.allocated - self.obligation

    @property
    def position(self) -> str:
        """"long", "short" or "even" (or "" without a benchmark)."""
        if self.balance is None:
            return ""
        return "long" if self.balance > 0 else "short" if self.balance < 0 else "even"


def planned_output(profile: CompanyProfile) -> Decimal:
    """MWh a year at the planned load: capacity × full-load hours × load."""
    return Decimal(profile.capacity_mw * profile.full_load_hours) * profile.load_rate


def outlook(scenario: Scenario, profile: CompanyProfile,
            benchmarks: dict[str, Benchmark]) -> ProfileOutlook:
    """A profile's first year at its planned load, as the session computes it (services
    ``compliance.open_year_for``, ``accrue_day`` and ``verify``), before any trading or
    abatement."""
    output = planned_output(profile)
    emissions = allocation.tonnes(output * profile.intensity
                                  + Decimal(profile.heat_gj) * profile.heat_intensity)
    row = benchmarks.get(profile.category)
    if row is None:
        return ProfileOutlook(profile, output, emissions, None, None)
    unit = allocation.Unit(category=profile.category, electricity_mwh=output,
                           heat_gj=Decimal(profile.heat_gj), heat_ratio=profile.heat_ratio,
                           load_rate=min(Decimal(1), profile.load_rate),
                           air_cooled=profile.air_cooled)
    allocated = allocation.allocation(
        unit, allocation.Benchmark(profile.category, row.supply, row.heat))
    owed = allocation.obligation(category=profile.category, emissions=emissions,
                                 allocated=allocated, gas_cap=scenario.gas_cap,
                                 gap_cap=scenario.gap_cap)
    return ProfileOutlook(profile, output, emissions, allocated, owed)


def outlooks(scenario: Scenario) -> list[ProfileOutlook]:
    """Every profile's first year as planned (two queries)."""
    benchmarks = {row.category: row for row in scenario.benchmarks.all()}
    return [outlook(scenario, profile, benchmarks)
            for profile in scenario.profiles.order_by("pk")]


@dataclass(frozen=True)
class AbatementFit:
    """An abatement option applied to one profile for a year: tonnes abated, cost per tonne."""

    profile: CompanyProfile
    tonnes: int
    cost_per_tonne: Decimal | None  # None: it abates nothing for this profile

    def cheaper_than(self, price: Decimal) -> bool:
        return self.cost_per_tonne is not None and self.cost_per_tonne < price


def abatement_fits(option: AbatementOption,
                   profiles: list[CompanyProfile]) -> list[AbatementFit]:
    """The option on each profile it fits (its category, or every profile when it has none):
    its intensity reduction over one year of the profile's planned output, and its cost per
    tonne so abated."""
    fits = []
    for profile in profiles:
        if option.category and option.category != profile.category:
            continue
        abated = allocation.tonnes(option.reduction * planned_output(profile))
        per_tonne = (option.cost / abated).quantize(Decimal("0.01")) if abated else None
        fits.append(AbatementFit(profile, abated, per_tonne))
    return fits


def abatements(scenario: Scenario,
               profiles: list[CompanyProfile]) -> list[tuple[AbatementOption, list[AbatementFit]]]:
    """Every abatement option with its fits (one query)."""
    return [(option, abatement_fits(option, profiles))
            for option in scenario.abatements.order_by("cost", "pk")]
