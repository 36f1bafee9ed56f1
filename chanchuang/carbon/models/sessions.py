"""Sessions (实训场次): a scenario run for a class, with its clock, its companies (控排企业),
the participants who run them, and the log of what happened."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from chanchuang.carbon.choices import Category, EventKind, SessionState, Strategy
from chanchuang.carbon.models.scenarios import SHARE, Scenario
from chanchuang.carbon.simclock import Moment
from chanchuang.core.models import School, SchoolClass
from chanchuang.core.visibility import Scope, VisibleQuerySet, visible_through


def instructing(scope: Scope, path: str = "") -> Q:
    """The sessions the scope's user may run as an instructor: school staff the school's,
    department staff the ones they run and their department's classes'. ``path`` leads from
    the queried model to its session (``"simulation__"``)."""
    return (
        Q(**{f"{path}school_id__in": scope.staff_schools})
        | Q(**{f"{path}school_id__in": scope.department_schools,
               f"{path}instructor_id": scope.user_id})
        | Q(**{f"{path}school_class__major__department_id__in": scope.department_ids})
    )


def own_companies(scope: Scope):
    """The companies the scope's user runs (a subquery)."""
    return Participant.objects.filter(user_id=scope.user_id,
                                      company__isnull=False).values("company_id")


class SimulationQuerySet(VisibleQuerySet):
    """Sessions: their instructors (see ``instructing``) and the participants who joined."""

    def visibility(self, scope: Scope) -> Q:
        return instructing(scope) | Q(pk__in=Participant.objects.filter(
            user_id=scope.user_id).values("simulation_id"))


class Simulation(models.Model):
    """One class session of the simulator: a scenario copy, a join code and a clock that the
    instructor starts, pauses and advances."""

    school = models.ForeignKey(School, verbose_name=_("school"), on_delete=models.CASCADE,
                               related_name="+")
    name = models.CharField(_("name"), max_length=100)
    scenario = models.OneToOneField(Scenario, verbose_name=_("scenario"),
                                    on_delete=models.PROTECT, related_name="simulation")
    school_class = models.ForeignKey(SchoolClass, verbose_name=_("class"), null=True,
                                     blank=True, on_delete=models.SET_NULL, related_name="+")
    instructor = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("instructor"),
                                   on_delete=models.PROTECT, related_name="+")
    join_code = models.CharField(_("join code"), max_length=8, unique=True)
    team_size = models.PositiveSmallIntegerField(
        _("students per company"), default=1,
        help_text=_("1: every student runs a company alone; more: teams."))
    state = models.CharField(_("state"), max_length=10, choices=SessionState.choices,
                             default=SessionState.DRAFT)
    # The clock: running time is ``elapsed`` plus, while running, the time since ``anchor``.
    elapsed = models.FloatField(_("running time at the anchor (s)"), default=0)
    anchor = models.DateTimeField(_("clock anchor"), null=True, blank=True)
    # How far the session's own work has gone (see services.clock.advance).
    days_closed = models.PositiveIntegerField(_("trading days closed"), default=0)
    bots_acted = models.FloatField(_("running time the simulated traders last acted at"),
                                   default=-1)
    listed_band = models.DecimalField(_("current price band"), **SHARE)
    version = models.PositiveBigIntegerField(
        _("version"), default=0, help_text=_("Raised by every change the live floor shows."))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    objects = SimulationQuerySet.as_manager()

    class Meta:
        verbose_name = _("simulation session")
        verbose_name_plural = _("simulation sessions")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.name

    def running_time(self, now=None) -> float:
        """Seconds of running time so far (pauses excluded), capped at the calendar's end."""
        elapsed = self.elapsed
        if self.state == SessionState.RUNNING and self.anchor is not None:
            elapsed += ((now or timezone.now()) - self.anchor).total_seconds()
        return min(elapsed, float(self.scenario.calendar.total_seconds))

    def moment(self, now=None) -> Moment:
        """Where the session's clock stands in the simulated calendar."""
        return self.scenario.calendar.moment(self.running_time(now))


class Company(models.Model):
    """A covered company (控排企业) in a session: one generating unit, run by participants or
    by a simulated trader. Its balances are the ledger's sums (``models.registry``)."""

    simulation = models.ForeignKey(Simulation, verbose_name=_("session"),
                                   on_delete=models.CASCADE, related_name="companies")
    number = models.PositiveSmallIntegerField(_("number"))
    name = models.CharField(_("name"), max_length=80)
    category = models.CharField(_("category"), max_length=24, choices=Category.choices)
    capacity_mw = models.PositiveIntegerField(_("capacity (MW)"))
    full_load_hours = models.PositiveIntegerField(_("full-load hours a year"))
    load_rate = models.DecimalField(_("load"), **SHARE)
    output_factor = models.DecimalField(
        _("output factor"), max_digits=5, decimal_places=3, default=Decimal(1),
        help_text=_("Set by an output shock: 1.10 produces 10 % more than planned."))
    air_cooled = models.BooleanField(_("air-cooled"), default=False)
    heat_gj = models.PositiveIntegerField(_("heat supplied a year (GJ)"), default=0)
    heat_ratio = models.DecimalField(_("heat ratio"), **SHARE)
    intensity = models.DecimalField(_("emission intensity (tCO₂/MWh)"), max_digits=6,
                                    decimal_places=4)
    heat_intensity = models.DecimalField(_("heat emission intensity (tCO₂/GJ)"), max_digits=6,
                                         decimal_places=4)
    bot = models.CharField(_("simulated trader"), max_length=16, choices=Strategy.choices,
                           blank=True)

    objects = visible_through("simulation").as_manager()

    class Meta:
        verbose_name = _("covered company")
        verbose_name_plural = _("covered companies")
        ordering = ["simulation", "number"]
        constraints = [models.UniqueConstraint(fields=["simulation", "number"],
                                               name="carbon_company_number_unique")]

    def __str__(self) -> str:
        return self.name

    @property
    def annual_output(self) -> Decimal:
        """MWh a year at the chosen load and the current output factor."""
        return self.capacity_mw * self.full_load_hours * self.load_rate * self.output_factor


class ParticipantQuerySet(VisibleQuerySet):
    """Participants: the session's instructors, the participant and their teammates."""

    def visibility(self, scope: Scope) -> Q:
        return (instructing(scope, "simulation__") | Q(user_id=scope.user_id)
                | Q(company_id__in=own_companies(scope)))


class Participant(models.Model):
    """A student in a session, running a company alone or in a team."""

    simulation = models.ForeignKey(Simulation, verbose_name=_("session"),
                                   on_delete=models.CASCADE, related_name="participants")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("student"),
                             on_delete=models.CASCADE, related_name="+")
    company = models.ForeignKey(Company, verbose_name=_("company"), null=True,
                                on_delete=models.CASCADE, related_name="participants")
    joined_at = models.DateTimeField(_("joined"), auto_now_add=True)

    objects = ParticipantQuerySet.as_manager()

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["simulation", "company__number", "pk"]
        constraints = [models.UniqueConstraint(fields=["simulation", "user"],
                                               name="carbon_one_participation")]

    def __str__(self) -> str:
        return str(self.user)


class Event(models.Model):
    """A line of the session's log: what the instructor did or the calendar brought, when (in
    running time and simulated day), with its details."""

    simulation = models.ForeignKey(Simulation, verbose_name=_("session"),
                                   on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices)
    elapsed = models.FloatField(_("running time (s)"))
    day = models.PositiveIntegerField(_("trading day"))
    data = models.JSONField(_("details"), default=dict, blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("by"), null=True,
                              blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("at"), auto_now_add=True)

    objects = visible_through("simulation").as_manager()

    class Meta:
        verbose_name = _("session event")
        verbose_name_plural = _("session events")
        ordering = ["simulation", "elapsed", "pk"]

    def __str__(self) -> str:
        return self.get_kind_display()
