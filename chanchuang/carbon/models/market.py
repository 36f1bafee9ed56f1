"""The exchange's records: orders (listings, continuous orders and block proposals), trades,
and each trading day's prices."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from chanchuang.carbon.choices import OrderState, Side, TradingMode
from chanchuang.carbon.models.sessions import Company, Simulation, instructing, own_companies
from chanchuang.core.visibility import Scope, VisibleQuerySet, visible_through

PRICE = {"max_digits": 10, "decimal_places": 2}


class OrderQuerySet(VisibleQuerySet):
    """Orders: the session's instructors see all; a participant their company's, and the
    block proposals addressed to it."""

    def visibility(self, scope: Scope) -> Q:
        return (instructing(scope, "simulation__") | Q(company_id__in=own_companies(scope))
                | Q(counterparty_id__in=own_companies(scope)))


class Order(models.Model):
    """An order: a listing on the book (listed mode), an order in the continuous book, or a
    block proposal to a named counterparty. What it could spend or deliver is frozen while it
    is open."""

    simulation = models.ForeignKey(Simulation, verbose_name=_("session"),
                                   on_delete=models.CASCADE, related_name="orders")
    company = models.ForeignKey(Company, verbose_name=_("company"), on_delete=models.CASCADE,
                                related_name="orders")
    mode = models.CharField(_("trading mode"), max_length=10, choices=TradingMode.choices)
    side = models.CharField(_("side"), max_length=4, choices=Side.choices)
    price = models.DecimalField(_("price (yuan/t)"), **PRICE)
    quantity = models.PositiveIntegerField(_("quantity (t)"))
    remaining = models.PositiveIntegerField(_("remaining (t)"))
    counterparty = models.ForeignKey(Company, verbose_name=_("counterparty"), null=True,
                                     blank=True, on_delete=models.CASCADE, related_name="+")
    state = models.CharField(_("state"), max_length=10, choices=OrderState.choices,
                             default=OrderState.OPEN)
    day = models.PositiveIntegerField(_("trading day"))
    elapsed = models.FloatField(_("running time (s)"))
    created_at = models.DateTimeField(_("placed"), auto_now_add=True)

    objects = OrderQuerySet.as_manager()

    class Meta:
        verbose_name = _("order")
        verbose_name_plural = _("orders")
        ordering = ["simulation", "pk"]
        indexes = [models.Index(fields=["simulation", "state", "side"])]

    def __str__(self) -> str:
        return f"{self.get_side_display()} {self.quantity} t @ {self.price}"


class TradeQuerySet(VisibleQuerySet):
    """Trades with their parties: the session's instructors; a participant their own. (The
    public tape of a session, without parties, is a query of its own.)"""

    def visibility(self, scope: Scope) -> Q:
        mine = own_companies(scope)
        return (instructing(scope, "simulation__") | Q(buyer_id__in=mine)
                | Q(seller_id__in=mine))


class Trade(models.Model):
    """A trade between two companies, at one price, for whole tonnes."""

    simulation = models.ForeignKey(Simulation, verbose_name=_("session"),
                                   on_delete=models.CASCADE, related_name="trades")
    mode = models.CharField(_("trading mode"), max_length=10, choices=TradingMode.choices)
    buyer = models.ForeignKey(Company, verbose_name=_("buyer"), on_delete=models.CASCADE,
                              related_name="+")
    seller = models.ForeignKey(Company, verbose_name=_("seller"), on_delete=models.CASCADE,
                               related_name="+")
    buy_order = models.ForeignKey(Order, verbose_name=_("buy order"), null=True, blank=True,
                                  on_delete=models.CASCADE, related_name="+")
    sell_order = models.ForeignKey(Order, verbose_name=_("sell order"), null=True, blank=True,
                                   on_delete=models.CASCADE, related_name="+")
    price = models.DecimalField(_("price (yuan/t)"), **PRICE)
    quantity = models.PositiveIntegerField(_("quantity (t)"))
    day = models.PositiveIntegerField(_("trading day"))
    elapsed = models.FloatField(_("running time (s)"))
    created_at = models.DateTimeField(_("traded"), auto_now_add=True)

    objects = TradeQuerySet.as_manager()

    class Meta:
        verbose_name = _("trade")
        verbose_name_plural = _("trades")
        ordering = ["simulation", "pk"]
        indexes = [models.Index(fields=["simulation", "day"])]

    def __str__(self) -> str:
        return f"{self.quantity} t @ {self.price}"

    @property
    def value(self):
        return self.price * self.quantity


class MarketDay(models.Model):
    """A closed trading day: its reference (the previous close), open, high, low and close of
    the listed (or continuous) trades, and the volumes."""

    simulation = models.ForeignKey(Simulation, verbose_name=_("session"),
                                   on_delete=models.CASCADE, related_name="days")
    day = models.PositiveIntegerField(_("trading day"))
    year = models.PositiveSmallIntegerField(_("year"))
    month = models.PositiveSmallIntegerField(_("month"))
    reference = models.DecimalField(_("reference price"), **PRICE)
    open = models.DecimalField(_("open"), null=True, blank=True, **PRICE)
    high = models.DecimalField(_("high"), null=True, blank=True, **PRICE)
    low = models.DecimalField(_("low"), null=True, blank=True, **PRICE)
    close = models.DecimalField(_("close"), **PRICE)
    volume = models.PositiveBigIntegerField(_("volume (t)"), default=0)
    block_volume = models.PositiveBigIntegerField(_("block volume (t)"), default=0)

    objects = visible_through("simulation").as_manager()

    class Meta:
        verbose_name = _("trading day")
        verbose_name_plural = _("trading days")
        ordering = ["simulation", "day"]
        constraints = [models.UniqueConstraint(fields=["simulation", "day"],
                                               name="carbon_market_day_once")]

    def __str__(self) -> str:
        return f"{self.day + 1}: {self.close}"
