"""Allocation, obligation and penalty arithmetic of the national market, as a pure kernel.

Sources (DOMAIN.md, "Carbon market"; the values live in ``data/benchmarks_2019_2020.json``
with their citation):

- 国环规气候〔2020〕3号《2019—2020年全国碳排放权交易配额总量设定与分配实施方案（发电行业）》:
  allocation = supply benchmark × electricity supplied × cooling × heat-supply × load-factor
  corrections + heat benchmark × heat supplied; 70 % pre-allocated on last year's output, then
  trued up to the verified output; the obligation of a gas unit is capped at its free
  allocation, and every unit's at its allocation plus 20 % of its verified emissions.
- 《碳排放权交易管理暂行条例》(国务院令第775号, in force 1 May 2024), art. 24: a shortfall is
  fined 5–10 × the previous month's average trading price, and deducted from next year's
  allocation.

No Django and nothing of ours: quantities are ``Decimal`` tonnes, money ``Decimal`` yuan.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal

COAL_LARGE = "coal_large"  # conventional coal above 300 MW
COAL_SMALL = "coal_small"  # conventional coal of 300 MW and below
COAL_UNCONVENTIONAL = "coal_unconventional"  # coal gangue, slime, CFB units
GAS = "gas"
CATEGORIES = (COAL_LARGE, COAL_SMALL, COAL_UNCONVENTIONAL, GAS)

PENALTY_MULTIPLES = range(5, 11)


@dataclass(frozen=True)
class Benchmark:
    """A category's benchmarks: tCO₂ per MWh supplied and per GJ of heat supplied."""

    category: str
    supply: Decimal
    heat: Decimal


@dataclass(frozen=True)
class Unit:
    """What allocation needs to know of one generating unit over one year."""

    category: str
    electricity_mwh: Decimal
    heat_gj: Decimal = Decimal(0)
    heat_ratio: Decimal = Decimal(0)  # share of heat in the unit's output (供热比)
    load_rate: Decimal = Decimal(1)  # average load (统调出力系数), 0–1
    air_cooled: bool = False


def tonnes(value: Decimal) -> int:
    """Whole tonnes, rounded half up (allocations and emissions are issued in whole tonnes)."""
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def is_coal(category: str) -> bool:
    return category != GAS


def cooling_correction(unit: Unit) -> Decimal:
    """Air-cooled coal units get 1.05; everything else 1."""
    return Decimal("1.05") if unit.air_cooled and is_coal(unit.category) else Decimal(1)


def heat_correction(unit: Unit) -> Decimal:
    """1 − 0.22 × heat ratio for coal, 1 − 0.6 × heat ratio for gas."""
    factor = Decimal("0.22") if is_coal(unit.category) else Decimal("0.6")
    return 1 - factor * unit.heat_ratio


def load_correction(unit: Unit) -> Decimal:
    """The load-factor correction of conventional coal units (1 for the others):
    F ≥ 85 %: 1; 80–85 %: 1 + 0.0014 × (85 − 100F); 75–80 %: 1.007 + 0.0016 × (80 − 100F);
    below 75 %: 1.015^(16 − 20F)."""
    if unit.category not in (COAL_LARGE, COAL_SMALL):
        return Decimal(1)
    load = unit.load_rate
    if load >= Decimal("0.85"):
        return Decimal(1)
    if load >= Decimal("0.80"):
        return 1 + Decimal("0.0014") * (85 - 100 * load)
    if load >= Decimal("0.75"):
        return Decimal("1.007") + Decimal("0.0016") * (80 - 100 * load)
    return Decimal("1.015") ** (16 - 20 * load)


def allocation(unit: Unit, benchmark: Benchmark) -> int:
    """The unit's allocation for the year in whole tonnes."""
    supply = (benchmark.supply * unit.electricity_mwh * cooling_correction(unit)
              * heat_correction(unit) * load_correction(unit))
    return tonnes(supply + benchmark.heat * unit.heat_gj)


def pre_allocation(full: int, share: Decimal = Decimal("0.70")) -> int:
    """What is issued at the start of the year: a share of the allocation on last year's
    output, rounded down."""
    return int((full * share).to_integral_value(rounding=ROUND_FLOOR))


def obligation(*, category: str, emissions: int, allocated: int, gas_cap: bool = True,
               gap_cap: Decimal | None = Decimal("0.20")) -> int:
    """The tonnes a unit must surrender for a year: its verified emissions, capped for gas
    units at their free allocation and for every unit at allocation + ``gap_cap`` × emissions."""
    owed = emissions
    if gas_cap and category == GAS:
        owed = min(owed, allocated)
    if gap_cap is not None:
        owed = min(owed, allocated + tonnes(gap_cap * emissions))
    return owed


def offset_limit(emissions: int, share: Decimal = Decimal("0.05")) -> int:
    """The most CCER a unit may surrender for a year: a share of its verified emissions."""
    return int((emissions * share).to_integral_value(rounding=ROUND_FLOOR))


def penalty(shortfall: int, average_price: Decimal, multiple: int) -> Decimal:
    """The fine for a shortfall: ``multiple`` (5–10) × last month's average price × tonnes."""
    if multiple not in PENALTY_MULTIPLES:
        raise ValueError("The penalty multiple lies between 5 and 10.")
    return (Decimal(shortfall) * average_price * multiple).quantize(Decimal("0.01"))
