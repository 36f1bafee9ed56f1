"""The allocation kernel (no Django, no database): worked examples of the 2019–2020 allocation
plan for power units, the obligation caps, the offset limit and the 2024 penalty, each checked
by hand; and the benchmark table the simulator ships, against the plan's published values."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from chanchuang.carbon.allocation import (
    CATEGORIES,
    COAL_LARGE,
    COAL_SMALL,
    COAL_UNCONVENTIONAL,
    GAS,
    Benchmark,
    Unit,
    allocation,
    heat_correction,
    load_correction,
    obligation,
    offset_limit,
    penalty,
    pre_allocation,
)

D = Decimal
DATA = Path(__file__).resolve().parent.parent / "data" / "benchmarks_2019_2020.json"


def table() -> dict[str, dict]:
    """The shipped benchmark table, by category."""
    return {row["category"]: row for row in json.loads(DATA.read_text("utf-8"))["benchmarks"]}


def benchmark(category: str) -> Benchmark:
    row = table()[category]
    return Benchmark(category, D(row["supply"]), D(row["heat"]))


# A 600 MW unit running 5,000 hours at load 0.85: 600 × 5,000 × 0.85 = 2,550,000 MWh.
MWH_600 = D(600 * 5_000) * D("0.85")


# ---------------------------------------------------------------------------------------------
# The benchmark table
# ---------------------------------------------------------------------------------------------


def test_the_table_holds_the_four_categories_with_the_published_values():
    rows = table()
    assert set(rows) == set(CATEGORIES)
    assert {c: (rows[c]["supply"], rows[c]["heat"]) for c in CATEGORIES} == {
        COAL_LARGE: ("0.877", "0.126"),
        COAL_SMALL: ("0.979", "0.126"),
        COAL_UNCONVENTIONAL: ("1.146", "0.126"),
        GAS: ("0.392", "0.059"),
    }


def test_every_benchmark_names_its_source():
    document = json.loads(DATA.read_text("utf-8"))
    assert "国环规气候〔2020〕3号" in document["source"]
    for row in document["benchmarks"]:
        assert "国环规气候〔2020〕3号" in row["source"], row["category"]
        assert row["name"], row["category"]


# ---------------------------------------------------------------------------------------------
# Allocation
# ---------------------------------------------------------------------------------------------


def test_water_cooled_large_coal_unit_at_full_load():
    unit = Unit(COAL_LARGE, MWH_600, load_rate=D("0.85"))
    # 2,550,000 MWh × 0.877 tCO₂/MWh = 2,236,350 t; every correction is 1.
    assert MWH_600 == 2_550_000
    assert allocation(unit, benchmark(COAL_LARGE)) == 2_236_350


def test_air_cooled_coal_unit_gets_five_per_cent_more():
    unit = Unit(COAL_LARGE, MWH_600, load_rate=D("0.85"), air_cooled=True)
    # 2,236,350 × 1.05 = 2,348,167.5 → 2,348,168 (whole tonnes, half up).
    assert allocation(unit, benchmark(COAL_LARGE)) == 2_348_168


@pytest.mark.parametrize(("load", "correction"), [
    ("0.90", "1"),  # F ≥ 85 %
    ("0.85", "1"),
    ("0.82", "1.0042"),  # 1 + 0.0014 × (85 − 82)
    ("0.80", "1.007"),  # 1 + 0.0014 × 5, where the next band starts
    ("0.77", "1.0118"),  # 1.007 + 0.0016 × (80 − 77)
    ("0.75", "1.015"),  # 1.007 + 0.0016 × 5 = 1.015^(16 − 15)
    ("0.70", "1.030225"),  # 1.015^(16 − 14)
])
def test_load_correction_of_conventional_coal(load, correction):
    for category in (COAL_LARGE, COAL_SMALL):
        assert load_correction(Unit(category, D(1), load_rate=D(load))) == D(correction)


def test_load_correction_enters_the_allocation():
    mwh = D(600 * 5_000) * D("0.82")
    unit = Unit(COAL_LARGE, mwh, load_rate=D("0.82"))
    # 2,460,000 × 0.877 × 1.0042 = 2,166,481.164 → 2,166,481.
    assert allocation(unit, benchmark(COAL_LARGE)) == 2_166_481


def test_unconventional_coal_has_no_load_correction():
    unit = Unit(COAL_UNCONVENTIONAL, D(100_000), load_rate=D("0.70"))
    assert load_correction(unit) == 1
    # 100,000 × 1.146.
    assert allocation(unit, benchmark(COAL_UNCONVENTIONAL)) == 114_600


def test_heat_supplying_coal_unit():
    unit = Unit(COAL_LARGE, D(1_000_000), heat_gj=D(2_000_000), heat_ratio=D("0.2"),
                load_rate=D("0.90"))
    assert heat_correction(unit) == D("0.956")  # 1 − 0.22 × 0.2
    # 0.877 × 1,000,000 × 0.956 + 0.126 × 2,000,000 = 838,412 + 252,000.
    assert allocation(unit, benchmark(COAL_LARGE)) == 1_090_412


def test_heat_supplying_gas_unit():
    unit = Unit(GAS, D(1_000_000), heat_gj=D(2_000_000), heat_ratio=D("0.2"))
    assert heat_correction(unit) == D("0.88")  # 1 − 0.6 × 0.2
    # 0.392 × 1,000,000 × 0.88 + 0.059 × 2,000,000 = 344,960 + 118,000.
    assert allocation(unit, benchmark(GAS)) == 462_960


def test_gas_ignores_load_and_cooling():
    plain = Unit(GAS, D(1_000_000))
    odd = Unit(GAS, D(1_000_000), load_rate=D("0.50"), air_cooled=True)
    assert allocation(odd, benchmark(GAS)) == allocation(plain, benchmark(GAS)) == 392_000


# ---------------------------------------------------------------------------------------------
# Pre-allocation, obligation, offsets, penalty
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("full", "issued"), [
    (2_236_350, 1_565_445),  # 70 % exactly
    (2_348_168, 1_643_717),  # 1,643,717.6 rounded down
    (1, 0),
])
def test_pre_allocation_is_seventy_per_cent_rounded_down(full, issued):
    assert pre_allocation(full) == issued


def test_gas_obligation_is_capped_at_the_free_allocation():
    assert obligation(category=GAS, emissions=500_000, allocated=450_000) == 450_000
    # Within the allocation: what was emitted.
    assert obligation(category=GAS, emissions=400_000, allocated=450_000) == 400_000
    # Without the gas cap the 20 % gap cap still applies: min(500,000, 450,000 + 100,000).
    assert obligation(category=GAS, emissions=500_000, allocated=450_000,
                      gas_cap=False) == 500_000


def test_coal_obligation_is_capped_at_allocation_plus_twenty_per_cent_of_emissions():
    # Gap 300,000 > 20 % of 1,000,000: owes 700,000 + 200,000.
    assert obligation(category=COAL_LARGE, emissions=1_000_000, allocated=700_000) == 900_000
    # Gap 100,000 ≤ 200,000: owes the emissions.
    assert obligation(category=COAL_LARGE, emissions=1_000_000,
                      allocated=900_000) == 1_000_000
    # No gas cap for coal, even when emissions exceed the allocation.
    assert obligation(category=COAL_SMALL, emissions=110, allocated=100) == 110
    # The gap cap switched off: the whole emissions.
    assert obligation(category=COAL_LARGE, emissions=1_000_000, allocated=700_000,
                      gap_cap=None) == 1_000_000


def test_gap_cap_rounds_to_whole_tonnes():
    # 20 % of 1,000,003 = 200,000.6 → 200,001.
    assert obligation(category=COAL_LARGE, emissions=1_000_003, allocated=0) == 200_001


@pytest.mark.parametrize(("emissions", "limit"), [
    (1_000_000, 50_000), (1_000_019, 50_000), (1_000_020, 50_001), (19, 0)])
def test_offset_limit_is_five_per_cent_rounded_down(emissions, limit):
    assert offset_limit(emissions) == limit


def test_penalty_of_the_published_case():
    # 865,300 t short, previous month's average ¥98/t, five times: ¥423,997,000.00.
    fine = penalty(865_300, D("98"), 5)
    assert fine == D("423997000.00")
    assert str(fine) == "423997000.00"


def test_penalty_scales_with_the_multiple_up_to_ten():
    assert penalty(1, D("98.455"), 10) == D("984.55")


@pytest.mark.parametrize("multiple", [0, 4, 11])
def test_penalty_multiple_outside_five_to_ten_is_refused(multiple):
    with pytest.raises(ValueError):
        penalty(865_300, D("98"), multiple)
