"""Scenarios (实训方案): what a session simulates — its calendar, market rules, benchmarks,
companies and abatement options. A scenario in the library is a template; a session runs on
its own copy, so editing a template never changes a session that used it."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from chanchuang.carbon.choices import Category, MarketRules
from chanchuang.carbon.simclock import Calendar
from chanchuang.core.models import Linked, School
from chanchuang.core.visibility import Scope, VisibleQuerySet, visible_through

SHARE = {"max_digits": 5, "decimal_places": 4,
         "validators": [MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(1))]}
MONEY = {"max_digits": 16, "decimal_places": 2}


class ScenarioQuerySet(VisibleQuerySet):
    """Scenarios: the instructors of the school (school staff and department staff)."""

    def visibility(self, scope: Scope) -> Q:
        return Q(school_id__in=scope.staff_schools | scope.department_schools)


class Scenario(Linked, models.Model):
    """A simulated market: calendar, exchange rules, allocation and compliance parameters."""

    school = models.ForeignKey(School, verbose_name=_("school"), on_delete=models.CASCADE,
                               related_name="+")
    name = models.CharField(_("name"), max_length=100)
    description = models.TextField(_("description"), blank=True)
    is_template = models.BooleanField(
        _("in the library"), default=True,
        help_text=_("Library scenarios are templates; a session runs on its own copy."))
    copied_from = models.ForeignKey("self", verbose_name=_("copied from"), null=True,
                                    blank=True, on_delete=models.SET_NULL, related_name="+")
    seed = models.PositiveIntegerField(
        _("random seed"), default=2021,
        help_text=_("The same seed gives the same simulated traders' decisions."))
    # The calendar
    years = models.PositiveSmallIntegerField(
        _("compliance years"), default=2, validators=[MinValueValidator(1),
                                                      MaxValueValidator(5)])
    days_per_year = models.PositiveSmallIntegerField(
        _("trading days per year"), default=6,
        validators=[MinValueValidator(2), MaxValueValidator(24)])
    compliance_days = models.PositiveSmallIntegerField(
        _("compliance window (days)"), default=2,
        help_text=_("The emissions report is due at the close of the window's first day, "
                    "surrender at the close of its last."),
        validators=[MinValueValidator(2), MaxValueValidator(24)])
    seconds_per_day = models.PositiveIntegerField(
        _("real seconds per trading day"), default=150,
        validators=[MinValueValidator(20), MaxValueValidator(3600)])
    # The market
    market_rules = models.CharField(_("market rules"), max_length=10,
                                    choices=MarketRules.choices, default=MarketRules.NATIONAL)
    opening_price = models.DecimalField(_("opening reference price (yuan/t)"), default=50,
                                        max_digits=8, decimal_places=2,
                                        validators=[MinValueValidator(Decimal("0.01"))])
    listed_band = models.DecimalField(_("price band of listed and continuous trading"),
                                      default=Decimal("0.10"), **SHARE)
    block_band = models.DecimalField(_("price band of block trading"),
                                     default=Decimal("0.30"), **SHARE)
    block_minimum = models.PositiveIntegerField(_("block-trade threshold (t)"), default=100_000)
    # Allocation and compliance
    pre_allocation_share = models.DecimalField(_("share pre-allocated"),
                                               default=Decimal("0.70"), **SHARE)
    offset_share = models.DecimalField(_("CCER offset limit (share of emissions)"),
                                       default=Decimal("0.05"), **SHARE)
    ccer_price = models.DecimalField(_("CCER price (yuan/t)"), default=40, max_digits=8,
                                     decimal_places=2,
                                     validators=[MinValueValidator(Decimal(0))])
    ccer_supply = models.PositiveIntegerField(_("CCER released each year (t)"), default=300_000)
    penalty_multiple = models.PositiveSmallIntegerField(
        _("penalty multiple"), default=5, validators=[MinValueValidator(5),
                                                      MaxValueValidator(10)],
        help_text=_("5–10 × the previous month's average price for each tonne short "
                    "(Interim Regulations art. 24)."))
    gas_cap = models.BooleanField(_("gas units surrender at most their free allocation"),
                                  default=True)
    gap_cap = models.DecimalField(
        _("obligation cap above allocation (share of emissions)"), null=True, blank=True,
        default=Decimal("0.20"), **SHARE,
        help_text=_("Empty: no cap. The 2019–2020 plan used 20 %."))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("created by"),
                                   null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = ScenarioQuerySet.as_manager()

    class Meta:
        verbose_name = _("scenario")
        verbose_name_plural = _("scenarios")
        ordering = ["school", "name", "pk"]

    def __str__(self) -> str:
        return self.name

    @property
    def calendar(self) -> Calendar:
        """The session calendar this scenario describes."""
        return Calendar(self.years, self.days_per_year, self.compliance_days,
                        self.seconds_per_day)

    def clean(self) -> None:
        if (self.compliance_days and self.days_per_year
                and self.compliance_days > self.days_per_year):
            raise ValidationError({"compliance_days": _(
                "Compliance window: it cannot be longer than a year's trading days.")})


class Benchmark(models.Model):
    """A category's benchmark in a scenario (tCO₂/MWh supplied, tCO₂/GJ of heat), with the
    source the value was taken from."""

    scenario = models.ForeignKey(Scenario, verbose_name=_("scenario"), on_delete=models.CASCADE,
                                 related_name="benchmarks")
    category = models.CharField(_("category"), max_length=24, choices=Category.choices)
    supply = models.DecimalField(_("supply benchmark (tCO₂/MWh)"), max_digits=6,
                                 decimal_places=4, validators=[MinValueValidator(Decimal(0))])
    heat = models.DecimalField(_("heat benchmark (tCO₂/GJ)"), max_digits=6, decimal_places=4,
                               validators=[MinValueValidator(Decimal(0))])
    source = models.CharField(_("source"), max_length=200, blank=True)

    objects = visible_through("scenario").as_manager()

    class Meta:
        verbose_name = _("benchmark")
        verbose_name_plural = _("benchmarks")
        ordering = ["scenario", "category"]
        constraints = [models.UniqueConstraint(
            fields=["scenario", "category"], name="carbon_benchmark_one_per_category",
            violation_error_message=_("Category: this scenario already has its benchmark."))]

    def __str__(self) -> str:
        return f"{self.get_category_display()} {self.supply}"


class CompanyProfile(models.Model):
    """A kind of covered company the scenario hands to participants and simulated traders:
    a generating unit with its output, emission intensity and starting cash."""

    scenario = models.ForeignKey(Scenario, verbose_name=_("scenario"), on_delete=models.CASCADE,
                                 related_name="profiles")
    name = models.CharField(_("name"), max_length=60)
    category = models.CharField(_("category"), max_length=24, choices=Category.choices)
    capacity_mw = models.PositiveIntegerField(_("capacity (MW)"),
                                              validators=[MinValueValidator(1)])
    full_load_hours = models.PositiveIntegerField(
        _("full-load hours a year"), default=5000,
        help_text=_("Output at full load = capacity × these hours."))
    load_rate = models.DecimalField(_("planned load"), default=Decimal("0.85"), **SHARE)
    air_cooled = models.BooleanField(_("air-cooled"), default=False)
    heat_gj = models.PositiveIntegerField(_("heat supplied a year (GJ)"), default=0)
    heat_ratio = models.DecimalField(_("heat ratio"), default=Decimal(0), **SHARE)
    intensity = models.DecimalField(_("emission intensity (tCO₂/MWh)"), max_digits=6,
                                    decimal_places=4, validators=[MinValueValidator(Decimal(0))])
    heat_intensity = models.DecimalField(_("heat emission intensity (tCO₂/GJ)"), max_digits=6,
                                         decimal_places=4, default=Decimal("0.1100"),
                                         validators=[MinValueValidator(Decimal(0))])
    cash = models.DecimalField(_("starting cash (yuan)"), **MONEY,
                               validators=[MinValueValidator(Decimal(0))])

    objects = visible_through("scenario").as_manager()

    class Meta:
        verbose_name = _("company profile")
        verbose_name_plural = _("company profiles")
        ordering = ["scenario", "pk"]

    def __str__(self) -> str:
        return self.name


class AbatementOption(models.Model):
    """A way to cut emission intensity: what it costs, by how much, and after how many trading
    days it takes effect."""

    scenario = models.ForeignKey(Scenario, verbose_name=_("scenario"), on_delete=models.CASCADE,
                                 related_name="abatements")
    name = models.CharField(_("name"), max_length=80)
    category = models.CharField(_("category"), max_length=24, choices=Category.choices,
                                blank=True, help_text=_("Empty: every category may use it."))
    cost = models.DecimalField(_("cost (yuan)"), **MONEY,
                               validators=[MinValueValidator(Decimal(0))])
    reduction = models.DecimalField(_("intensity reduction (tCO₂/MWh)"), max_digits=6,
                                    decimal_places=4, validators=[MinValueValidator(Decimal(0))])
    lead_days = models.PositiveSmallIntegerField(_("lead time (trading days)"), default=1)

    objects = visible_through("scenario").as_manager()

    class Meta:
        verbose_name = _("abatement option")
        verbose_name_plural = _("abatement options")
        ordering = ["scenario", "cost", "pk"]

    def __str__(self) -> str:
        return self.name
