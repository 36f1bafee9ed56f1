"""Industry colleges (产业学院): the college itself, its member organisations with their role, the
majors it serves and its programmes (订单班, 现代学徒制班, 微专业) with their students."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from chanchuang.colleges.choices import MemberRole, ProgrammeKind
from chanchuang.core.models import Linked, Major, Organisation, School, Student
from chanchuang.core.visibility import Scope, VisibleQuerySet
from chanchuang.partners.models import Agreement


def college_insiders(scope: Scope, path: str = "") -> Q:
    """Who works an industry college (reached through ``path``, "" for the college itself):
    the school's staff and department staff, and the members of its member organisations.
    They see its governance papers, records and reports."""
    prefix = f"{path}__" if path else ""
    college = f"{path}_id" if path else "pk"
    members = CollegeMember.objects.filter(organisation_id__in=scope.organisation_ids)
    return (Q(**{f"{prefix}school_id__in": scope.staff_schools | scope.department_schools})
            | Q(**{f"{college}__in": members.values("college_id")}))


def college_people(scope: Scope, path: str = "") -> Q:
    """Who takes part in an industry college's life (its programmes, shared resources and
    bookings): its insiders and everyone on the school's campus (mentors and students)."""
    prefix = f"{path}__" if path else ""
    return college_insiders(scope, path) | Q(**{f"{prefix}school_id__in": scope.campus_schools})


def colleges_seen(scope: Scope, path: str = "") -> Q:
    """Who sees an industry college (its page, members, targets and scorecard): its people, and
    the provincial observers of the school's province (figures and reports only)."""
    prefix = f"{path}__" if path else ""
    return college_people(scope, path) | Q(
        **{f"{prefix}school__province_id__in": scope.observer_provinces})


class IndustryCollegeQuerySet(VisibleQuerySet):
    """Industry colleges: see ``colleges_seen``."""

    def visibility(self, scope: Scope) -> Q:
        return colleges_seen(scope)


class IndustryCollege(Linked, models.Model):
    """An industry college the school builds and runs together with partner organisations."""

    school = models.ForeignKey(School, verbose_name=_("school"), on_delete=models.CASCADE,
                               related_name="industry_colleges")
    name = models.CharField(_("name"), max_length=100)
    founding_agreement = models.ForeignKey(
        Agreement, verbose_name=_("founding agreement"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="industry_colleges",
        help_text=_("The multi-party agreement the college was founded on."))
    founded_on = models.DateField(_("founded on"))
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    description = models.TextField(_("description"), blank=True)
    majors = models.ManyToManyField(Major, verbose_name=_("majors served"), blank=True,
                                    related_name="industry_colleges")
    dean = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("dean"), null=True,
                             blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = IndustryCollegeQuerySet.as_manager()

    class Meta:
        verbose_name = _("industry college")
        verbose_name_plural = _("industry colleges")
        ordering = ["-founded_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "name"], name="industry_college_name_unique_per_school",
                violation_error_message=_("Name: the school already has an industry college "
                                          "of this name.")),
            models.CheckConstraint(
                condition=Q(closed_on__isnull=True) | Q(closed_on__gte=F("founded_on")),
                name="industry_college_closes_after_founding",
                violation_error_message=_("Closed on: it cannot be before the founding date.")),
        ]

    def __str__(self) -> str:
        return self.name

    def is_open_on(self, day) -> bool:
        """The college existed on that day (records must fall in its life)."""
        return self.founded_on <= day and (self.closed_on is None or day <= self.closed_on)


class CollegeMemberQuerySet(VisibleQuerySet):
    """Member organisations: as their college."""

    def visibility(self, scope: Scope) -> Q:
        return colleges_seen(scope, "college")


class CollegeMember(models.Model):
    """An organisation that builds an industry college with the school, in one role."""

    college = models.ForeignKey(IndustryCollege, verbose_name=_("industry college"),
                                on_delete=models.CASCADE, related_name="members")
    organisation = models.ForeignKey(Organisation, verbose_name=_("organisation"),
                                     on_delete=models.PROTECT, related_name="college_memberships")
    role = models.CharField(_("role"), max_length=12, choices=MemberRole.choices,
                            default=MemberRole.CO_BUILDER)
    joined_on = models.DateField(_("joined on"), null=True, blank=True)

    objects = CollegeMemberQuerySet.as_manager()

    class Meta:
        verbose_name = _("member organisation")
        verbose_name_plural = _("member organisations")
        ordering = ["college", "role", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["college", "organisation"], name="college_member_once",
                violation_error_message=_("Organisation: already a member of this college.")),
        ]

    def __str__(self) -> str:
        return f"{self.organisation}（{self.get_role_display()}）"

    @property
    def school_id(self) -> int:
        return self.college.school_id


class CollegeProgrammeQuerySet(VisibleQuerySet):
    """Programmes (with their students): the college's people, not observers."""

    def visibility(self, scope: Scope) -> Q:
        return college_people(scope, "college")


class CollegeProgramme(Linked, models.Model):
    """A class the industry college trains together with its members: an order class, a
    modern-apprenticeship class or a micro-major, with its students from the roster."""

    college = models.ForeignKey(IndustryCollege, verbose_name=_("industry college"),
                                on_delete=models.CASCADE, related_name="programmes")
    kind = models.CharField(_("kind"), max_length=16, choices=ProgrammeKind.choices)
    name = models.CharField(_("name"), max_length=100)
    major = models.ForeignKey(Major, verbose_name=_("major"), null=True, blank=True,
                              on_delete=models.PROTECT, related_name="college_programmes")
    partner = models.ForeignKey(Organisation, verbose_name=_("partner enterprise"), null=True,
                                blank=True, on_delete=models.PROTECT,
                                related_name="college_programmes",
                                help_text=_("The enterprise that orders the class or takes the "
                                            "apprentices."))
    start_year = models.PositiveSmallIntegerField(_("first year"))
    places = models.PositiveSmallIntegerField(_("places"), default=0)
    students = models.ManyToManyField(Student, verbose_name=_("students"), blank=True,
                                      related_name="college_programmes")

    objects = CollegeProgrammeQuerySet.as_manager()

    class Meta:
        verbose_name = _("college programme")
        verbose_name_plural = _("college programmes")
        ordering = ["college", "-start_year", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def school_id(self) -> int:
        return self.college.school_id
