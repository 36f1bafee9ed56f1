"""The scenario library: the standard scenario (the 2019–2020 benchmarks with their sources,
six fictional generating units, four abatement options), copies of scenarios, and editing and
deleting library templates (a session's own copy is never edited nor deleted here)."""

from __future__ import annotations

import json
from decimal import Decimal
from functools import cache
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from chanchuang.carbon.choices import Category
from chanchuang.carbon.models import AbatementOption, Benchmark, CompanyProfile, Scenario
from chanchuang.core import audit
from chanchuang.core.services import DomainError

BENCHMARKS_FILE = Path(__file__).resolve().parent.parent / "data" / "benchmarks_2019_2020.json"

# Fictional units whose intensities sit either side of their benchmarks, so the class has
# buyers and sellers from the first day; one of each is a little short in all, and each
# abatement costs less a tonne than the opening price over a year of the units it fits.
STANDARD_PROFILES = [
    {"name": "滨江发电", "category": Category.COAL_LARGE, "capacity_mw": 600,
     "full_load_hours": 5000, "intensity": "0.9000", "cash": 300_000_000},
    {"name": "北岭空冷电厂", "category": Category.COAL_LARGE, "capacity_mw": 660,
     "full_load_hours": 4800, "air_cooled": True, "intensity": "0.9400",
     "cash": 300_000_000},
    {"name": "临港热电", "category": Category.COAL_LARGE, "capacity_mw": 350,
     "full_load_hours": 4800, "heat_gj": 2_000_000, "heat_ratio": "0.2000",
     "intensity": "0.8600", "cash": 200_000_000},
    {"name": "山城电力", "category": Category.COAL_SMALL, "capacity_mw": 300,
     "full_load_hours": 4500, "intensity": "1.0100", "cash": 150_000_000},
    {"name": "矸石综合利用电厂", "category": Category.COAL_UNCONVENTIONAL, "capacity_mw": 135,
     "full_load_hours": 5500, "intensity": "1.1200", "cash": 80_000_000},
    {"name": "湾区燃机", "category": Category.GAS, "capacity_mw": 400, "full_load_hours": 3500,
     "intensity": "0.3700", "heat_intensity": "0.0560", "cash": 150_000_000},
]
STANDARD_ABATEMENTS = [
    {"name": "锅炉燃烧优化", "cost": 600_000, "reduction": "0.0060", "lead_days": 1},
    {"name": "汽轮机通流改造", "cost": 1_600_000, "reduction": "0.0150", "lead_days": 3},
    {"name": "掺烧生物质（5 %）", "cost": 3_500_000, "reduction": "0.0300", "lead_days": 2},
    {"name": "燃机余热深度回收", "category": Category.GAS, "cost": 500_000,
     "reduction": "0.0100", "lead_days": 2},
]


DECIMAL_FIELDS = {"intensity", "heat_intensity", "heat_ratio", "reduction"}


def _decimals(row: dict) -> dict:
    return {k: Decimal(v) if k in DECIMAL_FIELDS else v for k, v in row.items()}


@cache
def published_benchmarks() -> dict:
    """The 2019–2020 benchmark table as published, with its citation (the data file)."""
    return json.loads(BENCHMARKS_FILE.read_text(encoding="utf-8"))


@transaction.atomic
def create_standard_scenario(*, actor, school, name: str) -> Scenario:
    """A library scenario pre-filled with the published benchmarks, six units and four
    abatement options, ready to edit."""
    if not name.strip():
        raise DomainError(_("Name: give the scenario a name."), field="name")
    scenario = Scenario.objects.create(
        school=school, name=name.strip(), created_by=actor,
        description=_("Two compressed compliance years of the national market's power "
                      "sector, benchmarks of the 2019–2020 allocation plan."))
    table = published_benchmarks()
    Benchmark.objects.bulk_create([
        Benchmark(scenario=scenario, category=row["category"], supply=Decimal(row["supply"]),
                  heat=Decimal(row["heat"]), source=row["source"])
        for row in table["benchmarks"]
    ])
    CompanyProfile.objects.bulk_create([
        CompanyProfile(scenario=scenario, **_decimals(row))
        for row in STANDARD_PROFILES
    ])
    AbatementOption.objects.bulk_create([
        AbatementOption(scenario=scenario, **_decimals(row))
        for row in STANDARD_ABATEMENTS
    ])
    audit.record(actor=actor, action="carbon.scenario.created", obj=scenario)
    return scenario


def _copy_rows(queryset, scenario: Scenario) -> None:
    rows = list(queryset)
    for row in rows:
        row.pk = None
        row.scenario = scenario
    queryset.model.objects.bulk_create(rows)


@transaction.atomic
def copy_scenario(scenario: Scenario, *, name: str, as_template: bool = True,
                  actor=None) -> Scenario:
    """A copy of a scenario with its benchmarks, profiles and abatement options: a new
    library template, or (``as_template=False``) a session's own frozen copy."""
    source_pk = scenario.pk
    copy = Scenario.objects.get(pk=source_pk)
    copy.pk = None
    copy.name = name.strip() or scenario.name
    copy.is_template = as_template
    copy.copied_from_id = source_pk
    copy.created_by = actor
    copy.save()
    for related in (Benchmark, CompanyProfile, AbatementOption):
        _copy_rows(related.objects.filter(scenario_id=source_pk).order_by("pk"), copy)
    if as_template:
        audit.record(actor=actor, action="carbon.scenario.copied", obj=copy,
                     data={"from": source_pk})
    return copy


def _library_template(scenario_id: int) -> Scenario:
    """The scenario's row, locked: two instructors saving or deleting the same template at once
    would otherwise interleave their row changes (one's deletions under the other's edits)."""
    scenario = Scenario.objects.select_for_update().get(pk=scenario_id)
    if not scenario.is_template:
        raise DomainError(_("A session's own copy of its scenario cannot be changed: only "
                            "library scenarios can."))
    return scenario


def _check_tables(scenario: Scenario) -> None:
    """What a session needs of the tables: a profile to hand out, a benchmark for each
    profile's category."""
    categories = set(scenario.profiles.values_list("category", flat=True))
    if not categories:
        raise DomainError(_("Company profiles: at least one must remain."), field="profiles")
    missing = categories - set(scenario.benchmarks.values_list("category", flat=True))
    if missing:
        names = "、".join(str(Category(value).label) for value in sorted(missing))
        raise DomainError(_("Benchmarks: the scenario has none for %(categories)s.")
                          % {"categories": names}, field="benchmarks")


@transaction.atomic
def update_scenario(*, actor, form, formsets: dict) -> Scenario:
    """Save a library scenario's parameters (a validated ``ScenarioForm``) and its tables
    (validated inline formsets by name: benchmarks, profiles, abatements) in one transaction,
    audited with the parameters' before and after and the rows added, changed and deleted."""
    scenario = form.instance
    before = audit.snapshot(_library_template(scenario.pk))
    scenario = form.save()
    rows = {}
    for name, formset in formsets.items():
        formset.instance = scenario
        formset.save()
        rows[name] = {"added": len(getattr(formset, "new_objects", ())),  # none if edit-only
                      "changed": len(formset.changed_objects),
                      "deleted": len(formset.deleted_objects)}
    _check_tables(scenario)
    audit.record(actor=actor, action="carbon.scenario.changed", obj=scenario, before=before,
                 after=audit.snapshot(scenario),
                 data={name: counts for name, counts in rows.items() if any(counts.values())})
    return scenario


@transaction.atomic
def delete_scenario(*, actor, scenario: Scenario) -> None:
    """Delete a library template with its tables. Sessions run on their own copies, so none is
    affected (their copies only forget where they came from)."""
    scenario = _library_template(scenario.pk)
    audit.record(actor=actor, action="carbon.scenario.deleted", obj=scenario,
                 before=audit.snapshot(scenario))
    scenario.delete()
