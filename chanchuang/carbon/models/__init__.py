"""Models of the carbon app, one module per concept: ``scenarios`` (the library of simulated
markets), ``sessions`` (a class session, its companies, participants and log), ``registry``
(the append-only ledger of allowances, offsets and cash), ``market`` (orders, trades, trading
days) and ``compliance`` (each company's compliance years and abatement investments)."""

from chanchuang.carbon.models.compliance import ComplianceYear, Investment
from chanchuang.carbon.models.market import MarketDay, Order, Trade
from chanchuang.carbon.models.registry import Entry, Transfer
from chanchuang.carbon.models.scenarios import (
    AbatementOption,
    Benchmark,
    CompanyProfile,
    Scenario,
)
from chanchuang.carbon.models.sessions import Company, Event, Participant, Simulation

__all__ = [
    "AbatementOption", "Benchmark", "Company", "CompanyProfile", "ComplianceYear", "Entry",
    "Event", "Investment", "MarketDay", "Order", "Participant", "Scenario", "Simulation",
    "Trade", "Transfer",
]
