"""The registry and the bank as one append-only ledger (登记簿): every movement of allowances,
offsets or cash is a ``Transfer`` whose ``Entry`` rows sum to zero per asset, so nothing is
created or lost; a balance is always the sum of its entries, never a stored number."""

from __future__ import annotations

from decimal import Decimal

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from chanchuang.carbon.choices import Asset, Movement, SystemAccount
from chanchuang.carbon.models.sessions import Company, Simulation, instructing, own_companies
from chanchuang.core.visibility import Scope, VisibleQuerySet, visible_through


class AppendOnly(models.Model):
    """A row written once: saving it again or deleting it is refused."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise TypeError(f"{type(self).__name__} is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError(f"{type(self).__name__} is append-only.")


class Transfer(AppendOnly):
    """One movement in the ledger: why, when (running time, simulated day and year), and the
    order, trade or instructor behind it."""

    simulation = models.ForeignKey(Simulation, verbose_name=_("session"),
                                   on_delete=models.CASCADE, related_name="transfers")
    kind = models.CharField(_("kind"), max_length=16, choices=Movement.choices)
    elapsed = models.FloatField(_("running time (s)"))
    day = models.PositiveIntegerField(_("trading day"))
    year = models.PositiveSmallIntegerField(_("year"))
    order = models.ForeignKey("carbon.Order", verbose_name=_("order"), null=True, blank=True,
                              on_delete=models.PROTECT, related_name="+")
    trade = models.ForeignKey("carbon.Trade", verbose_name=_("trade"), null=True, blank=True,
                              on_delete=models.PROTECT, related_name="+")
    note = models.CharField(_("note"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    objects = visible_through("simulation").as_manager()

    class Meta:
        verbose_name = _("ledger transfer")
        verbose_name_plural = _("ledger transfers")
        ordering = ["simulation", "pk"]

    def __str__(self) -> str:
        return self.get_kind_display()


class EntryQuerySet(VisibleQuerySet):
    """Ledger entries: the session's instructors see all; a participant their company's."""

    def visibility(self, scope: Scope) -> Q:
        return (instructing(scope, "transfer__simulation__")
                | Q(company_id__in=own_companies(scope)))


class Entry(AppendOnly):
    """One line of a transfer: an amount (positive in, negative out) of one asset, available
    or frozen, on a company's account or a system account. Amounts are whole units — tonnes,
    and fen (0.01 yuan) for cash — so every sum is exact on every database (SQLite sums
    decimals as floating point)."""

    transfer = models.ForeignKey(Transfer, verbose_name=_("transfer"), on_delete=models.CASCADE,
                                 related_name="entries")
    company = models.ForeignKey(Company, verbose_name=_("company"), null=True, blank=True,
                                on_delete=models.CASCADE, related_name="entries")
    system = models.CharField(_("system account"), max_length=10,
                              choices=SystemAccount.choices, blank=True)
    asset = models.CharField(_("asset"), max_length=4, choices=Asset.choices)
    frozen = models.BooleanField(_("frozen"), default=False)
    amount = models.BigIntegerField(_("amount (t, or fen of cash)"))

    objects = EntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("ledger entry")
        verbose_name_plural = _("ledger entries")
        ordering = ["transfer", "pk"]
        indexes = [models.Index(fields=["company", "asset", "frozen"])]
        constraints = [models.CheckConstraint(
            condition=(Q(company__isnull=False, system="")
                       | Q(company__isnull=True) & ~Q(system="")),
            name="carbon_entry_one_account")]

    def __str__(self) -> str:
        return f"{self.get_asset_display()} {self.value}"

    @property
    def value(self) -> Decimal | int:
        """The amount in its asset's unit: tonnes, or yuan."""
        return from_units(self.asset, self.amount)


FEN = Decimal(100)


def to_units(asset: str, amount) -> int:
    """An amount as whole units: tonnes, or fen of cash (an amount finer than a fen is a
    programming error)."""
    amount = Decimal(amount)
    units = amount * FEN if asset == Asset.CASH else amount
    if units != units.to_integral_value():
        raise ValueError(f"{amount} is finer than the ledger's unit of {asset}")
    return int(units)


def from_units(asset: str, units) -> Decimal | int:
    """Whole units back as tonnes (int) or yuan (Decimal)."""
    units = units or 0
    return Decimal(units) / FEN if asset == Asset.CASH else int(units)
