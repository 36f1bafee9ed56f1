"""A company's compliance year (履约年度) and its abatement investments."""

from __future__ import annotations

from decimal import Decimal

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from chanchuang.carbon.models.scenarios import MONEY, AbatementOption
from chanchuang.carbon.models.sessions import Company, instructing, own_companies
from chanchuang.core.visibility import Scope, VisibleQuerySet

TONNES = {"max_digits": 16, "decimal_places": 2, "default": Decimal(0)}


class OwnedQuerySet(VisibleQuerySet):
    """A company's records: the session's instructors and the company's participants."""

    def visibility(self, scope: Scope) -> Q:
        return (instructing(scope, "company__simulation__")
                | Q(company_id__in=own_companies(scope)))


class ComplianceYear(models.Model):
    """What a company produced, emitted, received, surrendered and owed for one year."""

    company = models.ForeignKey(Company, verbose_name=_("company"), on_delete=models.CASCADE,
                                related_name="years")
    year = models.PositiveSmallIntegerField(_("year"))
    output_mwh = models.DecimalField(_("electricity supplied (MWh)"), **TONNES)
    heat_gj = models.DecimalField(_("heat supplied (GJ)"), **TONNES)
    emissions = models.DecimalField(_("emissions (t)"), **TONNES)
    pre_allocated = models.PositiveBigIntegerField(_("pre-allocated (t)"), default=0)
    trued_up = models.BigIntegerField(_("true-up (t)"), default=0)
    deducted = models.PositiveBigIntegerField(_("deducted for last year's shortfall (t)"),
                                              default=0)
    verified_emissions = models.PositiveBigIntegerField(_("verified emissions (t)"), null=True,
                                                        blank=True)
    obligation = models.PositiveBigIntegerField(_("obligation (t)"), null=True, blank=True)
    reported_day = models.PositiveIntegerField(_("reported on day"), null=True, blank=True)
    reported_late = models.BooleanField(_("reported late"), default=False)
    surrendered_cea = models.PositiveBigIntegerField(_("allowances surrendered (t)"), default=0)
    surrendered_ccer = models.PositiveBigIntegerField(_("offsets surrendered (t)"), default=0)
    shortfall = models.PositiveBigIntegerField(_("shortfall (t)"), null=True, blank=True)
    penalty_price = models.DecimalField(_("penalty price (yuan/t)"), null=True, blank=True,
                                        max_digits=10, decimal_places=2)
    penalty = models.DecimalField(_("penalty (yuan)"), null=True, blank=True, **MONEY)
    penalty_unpaid = models.DecimalField(_("penalty unpaid (yuan)"), default=Decimal(0),
                                         **MONEY)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        verbose_name = _("compliance year")
        verbose_name_plural = _("compliance years")
        ordering = ["company", "year"]
        constraints = [models.UniqueConstraint(fields=["company", "year"],
                                               name="carbon_compliance_year_once")]

    def __str__(self) -> str:
        return f"{self.company} {self.year}"

    @property
    def allocated(self) -> int:
        """Free allocation received for the year (after last year's deduction)."""
        return self.pre_allocated + self.trued_up - self.deducted

    @property
    def surrendered(self) -> int:
        return self.surrendered_cea + self.surrendered_ccer

    @property
    def settled(self) -> bool:
        """The surrender deadline has passed and the shortfall is known."""
        return self.shortfall is not None


class Investment(models.Model):
    """An abatement a company paid for, effective from a trading day."""

    company = models.ForeignKey(Company, verbose_name=_("company"), on_delete=models.CASCADE,
                                related_name="investments")
    option = models.ForeignKey(AbatementOption, verbose_name=_("abatement"),
                               on_delete=models.PROTECT, related_name="+")
    day = models.PositiveIntegerField(_("invested on day"))
    effective_day = models.PositiveIntegerField(_("effective from day"))

    objects = OwnedQuerySet.as_manager()

    class Meta:
        verbose_name = _("abatement investment")
        verbose_name_plural = _("abatement investments")
        ordering = ["company", "day"]
        constraints = [models.UniqueConstraint(fields=["company", "option"],
                                               name="carbon_invest_once")]

    def __str__(self) -> str:
        return str(self.option)
