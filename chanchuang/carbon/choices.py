"""Choices of the carbon app: unit categories, trading modes, the states of a session and an
order, the registry's assets and system accounts, the kinds of movements and events, and the
simulated traders' strategies."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from chanchuang.carbon import allocation, exchange


class Category(models.TextChoices):
    """The generating-unit categories of the 2019–2020 allocation plan."""

    COAL_LARGE = allocation.COAL_LARGE, _("Conventional coal above 300 MW")
    COAL_SMALL = allocation.COAL_SMALL, _("Conventional coal of 300 MW and below")
    COAL_UNCONVENTIONAL = allocation.COAL_UNCONVENTIONAL, _("Unconventional coal (incl. CFB)")
    GAS = allocation.GAS, _("Gas")


class MarketRules(models.TextChoices):
    """Which exchange a session's market copies."""

    NATIONAL = "national", _("National market: listed and block agreement trading")
    HUBEI = "hubei", _("Hubei pilot: continuous trading")


class TradingMode(models.TextChoices):
    """The trading mode of an order or a trade."""

    LISTED = exchange.Mode.LISTED, _("Listed agreement")  # 挂牌协议
    BLOCK = exchange.Mode.BLOCK, _("Block agreement")  # 大宗协议
    CONTINUOUS = exchange.Mode.CONTINUOUS, _("Continuous")  # 连续竞价


class Side(models.TextChoices):
    BUY = exchange.Side.BUY, pgettext_lazy("carbon order", "Buy")
    SELL = exchange.Side.SELL, pgettext_lazy("carbon order", "Sell")


class SessionState(models.TextChoices):
    """Where a simulation session stands."""

    DRAFT = "draft", pgettext_lazy("carbon session", "Not started")
    RUNNING = "running", pgettext_lazy("carbon session", "Running")
    PAUSED = "paused", pgettext_lazy("carbon session", "Paused")
    FINISHED = "finished", pgettext_lazy("carbon session", "Finished")


class OrderState(models.TextChoices):
    OPEN = "open", pgettext_lazy("carbon order", "Open")
    FILLED = "filled", pgettext_lazy("carbon order", "Filled")
    CANCELLED = "cancelled", pgettext_lazy("carbon order", "Cancelled")
    EXPIRED = "expired", pgettext_lazy("carbon order", "Expired at the close")
    DECLINED = "declined", pgettext_lazy("carbon order", "Declined")


class Asset(models.TextChoices):
    """What the registry and the bank hold for an account."""

    CEA = "cea", _("Allowances (CEA, t)")
    CCER = "ccer", _("Offsets (CCER, t)")
    CASH = "cash", _("Cash (yuan)")


class SystemAccount(models.TextChoices):
    """The accounts that are not a company's: where allowances are issued from and surrendered
    to, where offsets are sold from, and the world outside the market (suppliers of abatement,
    the fines office)."""

    REGISTRY = "registry", _("Registry")
    CCER_DESK = "ccer_desk", _("CCER desk")
    OUTSIDE = "outside", _("Outside the market")


class Movement(models.TextChoices):
    """Why balances moved; every movement is a set of ledger entries summing to zero."""

    FUNDING = "funding", _("Starting cash")
    PRE_ALLOCATION = "pre_allocation", _("Pre-allocation")
    TRUE_UP = "true_up", _("Allocation true-up")
    DEDUCTION = "deduction", _("Deduction of last year's shortfall")
    FREEZE = "freeze", _("Frozen for an order")
    RELEASE = "release", _("Released from an order")
    TRADE = "trade", _("Trade")
    CCER_RELEASE = "ccer_release", _("CCER released")
    CCER_PURCHASE = "ccer_purchase", _("CCER bought")
    ABATEMENT = "abatement", _("Abatement investment")
    SURRENDER = "surrender", _("Surrender")
    PENALTY = "penalty", _("Penalty")


class EventKind(models.TextChoices):
    """What happened in a session, in its log (the replay reads it)."""

    STARTED = "started", _("Session started")
    PAUSED = "paused", _("Paused")
    RESUMED = "resumed", _("Resumed")
    ADVANCED = "advanced", _("Clock advanced")
    DAY_CLOSED = "day_closed", _("Trading day closed")
    YEAR_OPENED = "year_opened", _("Compliance year opened")
    REPORT_DEADLINE = "report_deadline", _("Emissions report deadline")
    SURRENDER_DEADLINE = "surrender_deadline", _("Surrender deadline")
    OUTPUT_SHOCK = "output_shock", _("Output shock")
    BENCHMARK_CHANGE = "benchmark_change", _("Benchmark changed")
    CCER_RELEASE = "ccer_release", _("CCER released")
    BAND_CHANGE = "band_change", _("Price band changed")
    FINISHED = "finished", _("Session finished")


class Strategy(models.TextChoices):
    """How a simulated trader (bot) runs its company."""

    COMPLIANCE = "compliance", _("Compliance-driven buyer or seller")
    NOISE = "noise", _("Noise trader")
    MARKET_MAKER = "market_maker", _("Market maker")
