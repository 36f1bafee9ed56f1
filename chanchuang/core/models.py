"""The core domain: schools (tenants), their structure, organisations, people and roles.

Every domain model's manager offers ``visible_to(user)`` (see ``core.visibility``); lists,
details, exports and API endpoints start from it.
"""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from chanchuang.core import audit_actions
from chanchuang.core.choices import (
    Gender,
    ImportMode,
    ImportStatus,
    Industry,
    MajorLevel,
    MatchRunStatus,
    OrganisationKind,
    OrganisationSize,
    RegionLevel,
    Role,
    StudentStatus,
)
from chanchuang.core.identifiers import (
    validate_credit_code,
    validate_id_number,
    validate_major_code,
    validate_phone,
)
from chanchuang.core.pinyin import pinyin_keys
from chanchuang.core.uploads import PolicyFileField
from chanchuang.core.visibility import Scope, VisibleQuerySet, scope_of


class Linked:
    """Gives a model ``get_absolute_url``: its ``<app>:<model>_detail`` page."""

    def get_absolute_url(self) -> str:
        meta = self._meta
        return reverse(f"{meta.app_label}:{meta.model_name}_detail", args=[self.pk])


class PinyinNamed(models.Model):
    """A model whose name sorts and searches by pinyin (``name_pinyin``, ``name_initials``)."""

    pinyin_source = "name"

    name_pinyin = models.CharField(_("name in pinyin"), max_length=300, blank=True, db_index=True,
                                   editable=False)
    name_initials = models.CharField(_("pinyin initials"), max_length=100, blank=True,
                                     db_index=True, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.refresh_pinyin()
        super().save(*args, **kwargs)

    def refresh_pinyin(self) -> None:
        """Recompute the pinyin keys from the name; ``save()`` calls it, bulk writers must."""
        self.name_pinyin, self.name_initials = pinyin_keys(getattr(self, self.pinyin_source))


class Region(models.Model):
    """A GB/T 2260 administrative division (province, city or district); reference data."""

    code = models.CharField(_("division code"), max_length=6, primary_key=True)
    name = models.CharField(_("name"), max_length=50)
    level = models.CharField(_("level"), max_length=10, choices=RegionLevel.choices)
    parent = models.ForeignKey("self", verbose_name=_("parent division"), null=True, blank=True,
                               on_delete=models.CASCADE, related_name="children")

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        """The name with its province and city, e.g. 湖北省武汉市洪山区."""
        parts = []
        region: Region | None = self
        while region is not None:
            if region.name != "市辖区":
                parts.append(region.name)
            region = region.parent
        return "".join(reversed(parts))

    @property
    def province_code(self) -> str:
        """The code of the province this division lies in."""
        return self.code[:2] + "0000"


# --- Schools and their structure -------------------------------------------------------------


class SchoolQuerySet(VisibleQuerySet):
    """Schools: members see their own; observers see those of their province."""

    def visibility(self, scope: Scope) -> Q:
        return Q(pk__in=scope.member_schools) | Q(province_id__in=scope.observer_provinces)


class School(models.Model):
    """A school: the tenant every domain record belongs to."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    short_name = models.CharField(_("short name"), max_length=30, blank=True)
    code = models.CharField(_("school code"), max_length=10, unique=True,
                            help_text=_("The ten-digit code of the Ministry of Education."))
    province = models.ForeignKey(Region, verbose_name=_("province"), on_delete=models.PROTECT,
                                 related_name="+", limit_choices_to={"level": RegionLevel.PROVINCE})
    website = models.URLField(_("website"), blank=True)

    objects = SchoolQuerySet.as_manager()

    class Meta:
        verbose_name = _("school")
        verbose_name_plural = _("schools")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def school_id(self) -> int:
        """A school is its own school, for the school-scoped predicates."""
        return self.pk


class DepartmentQuerySet(VisibleQuerySet):
    """Departments: the school's members see its departments, department staff their own."""

    def visibility(self, scope: Scope) -> Q:
        return (
            Q(school_id__in=scope.structure_schools)
            | Q(pk__in=scope.department_ids)
            | Q(school__province_id__in=scope.observer_provinces)
        )


class Department(Linked, models.Model):
    """A department (二级学院) of a school."""

    school = models.ForeignKey(School, verbose_name=_("school"), on_delete=models.CASCADE,
                               related_name="departments")
    name = models.CharField(_("name"), max_length=100)
    code = models.CharField(_("department code"), max_length=20, blank=True)

    objects = DepartmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("department")
        verbose_name_plural = _("departments")
        ordering = ["school", "code", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "name"], name="department_name_unique_per_school",
                violation_error_message=_(
                    "Name: this school already has a department of this name."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def department_id(self) -> int:
        """A department is its own department, for the department-scoped predicates."""
        return self.pk


class MajorQuerySet(VisibleQuerySet):
    """Majors: as departments, department staff limited to their own department's majors."""

    def visibility(self, scope: Scope) -> Q:
        return (
            Q(school_id__in=scope.structure_schools)
            | Q(department_id__in=scope.department_ids)
            | Q(school__province_id__in=scope.observer_provinces)
        )


class Major(Linked, models.Model):
    """A major (专业) a department offers, identified by its national catalogue code."""

    school = models.ForeignKey(School, verbose_name=_("school"), on_delete=models.CASCADE,
                               related_name="majors")
    department = models.ForeignKey(Department, verbose_name=_("department"),
                                   on_delete=models.PROTECT, related_name="majors")
    code = models.CharField(_("major code"), max_length=6, validators=[validate_major_code],
                            help_text=_("Six digits of the national vocational major catalogue."))
    name = models.CharField(_("name"), max_length=100)
    level = models.CharField(_("level"), max_length=20, choices=MajorLevel.choices,
                             default=MajorLevel.HIGHER)
    duration_years = models.PositiveSmallIntegerField(_("length of study (years)"), default=3)

    objects = MajorQuerySet.as_manager()

    class Meta:
        verbose_name = _("major")
        verbose_name_plural = _("majors")
        ordering = ["school", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "code"], name="major_code_unique_per_school",
                violation_error_message=_("Major code: this school already has a major with this "
                                          "code."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name}（{self.code}）"

    def clean(self) -> None:
        if self.department_id and self.school_id and self.department.school_id != self.school_id:
            raise ValidationError({"department": _("Department: it belongs to another school.")})


class SchoolClassQuerySet(VisibleQuerySet):
    """Classes: school staff see the school's, department staff their department's, students
    their own class."""

    def visibility(self, scope: Scope) -> Q:
        return (
            Q(school_id__in=scope.staff_schools)
            | Q(major__department_id__in=scope.department_ids)
            # a subquery, not a join through students: one row per class
            | Q(pk__in=Student.objects.filter(user_id=scope.user_id).values("school_class_id"))
        )


class SchoolClass(Linked, models.Model):
    """A class (班级): students of one major and enrolment year taught together."""

    school = models.ForeignKey(School, verbose_name=_("school"), on_delete=models.CASCADE,
                               related_name="classes")
    major = models.ForeignKey(Major, verbose_name=_("major"), on_delete=models.PROTECT,
                              related_name="classes")
    name = models.CharField(_("name"), max_length=100)
    enrolment_year = models.PositiveSmallIntegerField(_("enrolment year"))

    objects = SchoolClassQuerySet.as_manager()

    class Meta:
        verbose_name = _("class")
        verbose_name_plural = _("classes")
        ordering = ["school", "-enrolment_year", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "name"], name="class_name_unique_per_school",
                violation_error_message=_("Name: this school already has a class of this name."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def department_id(self) -> int:
        """The department of the class's major."""
        return self.major.department_id

    def clean(self) -> None:
        if self.major_id and self.school_id and self.major.school_id != self.school_id:
            raise ValidationError({"major": _("Major: it belongs to another school.")})


# --- Organisations ---------------------------------------------------------------------------


class TagQuerySet(VisibleQuerySet):
    """Tags: the school's people see its tags."""

    def visibility(self, scope: Scope) -> Q:
        return Q(school_id__in=scope.campus_schools)


class Tag(models.Model):
    """A label staff put on organisations (and later mentors), per school."""

    school = models.ForeignKey(School, verbose_name=_("school"), on_delete=models.CASCADE,
                               related_name="tags")
    name = models.CharField(_("name"), max_length=30)

    objects = TagQuerySet.as_manager()

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["school", "name"], name="tag_name_unique_per_school",
                                    violation_error_message=_("This tag already exists.")),
        ]

    def __str__(self) -> str:
        return self.name


class OrganisationQuerySet(VisibleQuerySet):
    """Organisations: people of the school see its partners; enterprise members their own."""

    def visibility(self, scope: Scope) -> Q:
        return Q(school_id__in=scope.campus_schools) | Q(pk__in=scope.organisation_ids)


class Organisation(PinyinNamed):
    """An organisation a school works with: an enterprise, institute, government body, …

    Its page is its partner profile, in the partners app.
    """

    school = models.ForeignKey(School, verbose_name=_("school"), on_delete=models.CASCADE,
                               related_name="organisations")
    kind = models.CharField(_("kind"), max_length=20, choices=OrganisationKind.choices,
                            default=OrganisationKind.ENTERPRISE)
    name = models.CharField(_("name"), max_length=200)
    credit_code = models.CharField(_("unified social credit code"), max_length=18, blank=True,
                                   validators=[validate_credit_code])
    industry = models.CharField(_("industry"), max_length=1, choices=Industry.choices, blank=True,
                                help_text=_("Sector of GB/T 4754-2017."))
    size = models.CharField(_("size"), max_length=10, choices=OrganisationSize.choices,
                            blank=True)
    staff_on_duty = models.PositiveIntegerField(
        _("staff on duty"), null=True, blank=True,
        help_text=_("Employees currently at work; interns may be at most a tenth of them."))
    tags = models.ManyToManyField(Tag, verbose_name=_("tags"), blank=True,
                                  related_name="organisations")
    region = models.ForeignKey(Region, verbose_name=_("region"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="+")
    website = models.URLField(_("website"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name_pinyin"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "credit_code"], condition=~Q(credit_code=""),
                name="organisation_credit_code_unique_per_school",
                violation_error_message=_("Unified social credit code: an organisation with this "
                                          "code is already registered."),
            ),
            models.UniqueConstraint(
                fields=["school", "name"], name="organisation_name_unique_per_school",
                violation_error_message=_("Name: an organisation of this name is already "
                                          "registered."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("partners:partner_detail", args=[self.pk])


# --- People ----------------------------------------------------------------------------------


class UserQuerySet(VisibleQuerySet):
    """People: everyone sees themselves; school staff the people of their school; department
    staff their department's students."""

    def visibility(self, scope: Scope) -> Q:
        return (
            Q(pk=scope.user_id)
            | Q(memberships__school_id__in=scope.staff_schools)
            | Q(student__school_id__in=scope.staff_schools)
            | Q(student__department_id__in=scope.department_ids)
        )

    def visible_to(self, user) -> UserQuerySet:
        # A person can hold several memberships: keep one row each.
        return super().visible_to(user).distinct()


class ChanchuangUserManager(UserManager.from_queryset(UserQuerySet)):
    """The user manager, with ``visible_to``."""


class User(Linked, PinyinNamed, AbstractUser):
    """A person who can log in: staff, enterprise members, mentors, students and observers."""

    pinyin_source = "real_name"

    first_name = None
    last_name = None
    real_name = models.CharField(_("real name"), max_length=50)
    phone = models.CharField(_("phone"), max_length=11, blank=True, validators=[validate_phone])
    id_number = models.CharField(_("ID card number"), max_length=18, blank=True,
                                 validators=[validate_id_number])
    must_change_password = models.BooleanField(
        _("must change password"), default=False,
        help_text=_("Set when someone else chose the password: every page leads to the "
                    "password change until the person sets their own."))

    objects = ChanchuangUserManager()

    REQUIRED_FIELDS = ["real_name"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["name_pinyin"]

    def __str__(self) -> str:
        return self.real_name or self.username

    def save(self, *args, **kwargs) -> None:
        # ``set_password`` leaves the raw password in ``_password`` until the next save (a hash
        # upgrade at login clears it first); an existing user's new password is announced, so
        # that their API tokens are revoked wherever the password was changed.
        password_changed = self._password is not None and not self._state.adding
        super().save(*args, **kwargs)
        if password_changed:
            from chanchuang.core.signals import password_changed as signal

            signal.send(sender=type(self), user=self)

    def get_full_name(self) -> str:
        return self.real_name

    def get_short_name(self) -> str:
        return self.real_name


class StudentQuerySet(VisibleQuerySet):
    """Students: school staff see the school's, department staff their department's, a student
    only themselves."""

    def visibility(self, scope: Scope) -> Q:
        return (
            Q(school_id__in=scope.staff_schools)
            | Q(department_id__in=scope.department_ids)
            | Q(user_id=scope.user_id)
        )


class Student(Linked, models.Model):
    """A student in a school's register, linked to their login."""

    school = models.ForeignKey(School, verbose_name=_("school"), on_delete=models.CASCADE,
                               related_name="students")
    user = models.OneToOneField(settings.AUTH_USER_MODEL, verbose_name=_("user"),
                                on_delete=models.PROTECT, related_name="student")
    student_no = models.CharField(_("student number"), max_length=20)
    department = models.ForeignKey(Department, verbose_name=_("department"),
                                   on_delete=models.PROTECT, related_name="students")
    major = models.ForeignKey(Major, verbose_name=_("major"), on_delete=models.PROTECT,
                              related_name="students")
    school_class = models.ForeignKey(SchoolClass, verbose_name=_("class"), null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="students")
    enrolment_year = models.PositiveSmallIntegerField(_("enrolment year"))
    gender = models.CharField(_("gender"), max_length=6, choices=Gender.choices)
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=StudentStatus.choices,
                              default=StudentStatus.ENROLLED)
    grade_point = models.DecimalField(
        _("grade point average"), max_digits=4, decimal_places=2, null=True, blank=True,
        help_text=_("Used to rank applicants when an enterprise does not rank them."))

    objects = StudentQuerySet.as_manager()

    class Meta:
        verbose_name = _("student")
        verbose_name_plural = _("students")
        ordering = ["user__name_pinyin"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "student_no"], name="student_no_unique_per_school",
                violation_error_message=_("Student number: this school already has a student "
                                          "with this number."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user.real_name}（{self.student_no}）"

    def clean(self) -> None:
        errors = {}
        if self.department_id and self.school_id and self.department.school_id != self.school_id:
            errors["department"] = _("Department: it belongs to another school.")
        if self.major_id and self.department_id and self.major.department_id != self.department_id:
            errors["major"] = _("Major: it belongs to another department.")
        if self.school_class_id and self.major_id and self.school_class.major_id != self.major_id:
            errors["school_class"] = _("Class: it belongs to another major.")
        if errors:
            raise ValidationError(errors)


class MembershipQuerySet(VisibleQuerySet):
    """Memberships: everyone sees their own; school staff those within their school."""

    def visibility(self, scope: Scope) -> Q:
        return Q(user_id=scope.user_id) | Q(school_id__in=scope.staff_schools)


class Membership(models.Model):
    """A role a person holds in a school, a department, an organisation or a province."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("user"),
                             on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    school = models.ForeignKey(School, verbose_name=_("school"), null=True, blank=True,
                               on_delete=models.CASCADE, related_name="memberships")
    department = models.ForeignKey(Department, verbose_name=_("department"), null=True,
                                   blank=True, on_delete=models.CASCADE,
                                   related_name="memberships")
    organisation = models.ForeignKey(Organisation, verbose_name=_("organisation"), null=True,
                                     blank=True, on_delete=models.CASCADE,
                                     related_name="memberships")
    province = models.ForeignKey(Region, verbose_name=_("province"), null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="+",
                                 limit_choices_to={"level": RegionLevel.PROVINCE})
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = MembershipQuerySet.as_manager()

    # What each role is attached to: the fields it requires; the others must be empty.
    REQUIRED_FIELDS_BY_ROLE = {
        Role.PLATFORM_ADMIN: set(),
        Role.SCHOOL_STAFF: {"school"},
        Role.DEPARTMENT_STAFF: {"school", "department"},
        Role.ENTERPRISE_MEMBER: {"school", "organisation"},
        Role.MENTOR: {"school"},
        Role.STUDENT: {"school"},
        Role.OBSERVER: {"province"},
    }
    SCOPE_FIELDS = ("school", "department", "organisation", "province")

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["user", "role"]
        constraints = [
            models.UniqueConstraint(  # empty scope fields count as equal
                F("user"), F("role"), Coalesce("school", Value(0)),
                Coalesce("department", Value(0)), Coalesce("organisation", Value(0)),
                Coalesce("province", Value("")), name="membership_unique",
                violation_error_message=_("This person already holds this role here."),
            ),
            models.CheckConstraint(
                condition=Q(role__in=[Role.PLATFORM_ADMIN, Role.OBSERVER])
                | Q(school__isnull=False),
                name="membership_school_required",
                violation_error_message=_("School: this role needs a school."),
            ),
        ]

    def __str__(self) -> str:
        where = self.organisation or self.department or self.school or self.province
        return f"{self.user} · {self.get_role_display()}" + (f" · {where}" if where else "")

    def clean(self) -> None:
        required = self.REQUIRED_FIELDS_BY_ROLE.get(self.role, set())
        errors = {}
        for field in self.SCOPE_FIELDS:
            present = getattr(self, f"{field}_id") is not None
            if field in required and not present:
                errors[field] = _("This role needs this field.")
            elif field not in required and present:
                errors[field] = _("This role does not use this field; leave it empty.")
        if not errors and self.department_id and self.department.school_id != self.school_id:
            errors["department"] = _("Department: it belongs to another school.")
        if not errors and self.organisation_id and self.organisation.school_id != self.school_id:
            errors["organisation"] = _("Organisation: it belongs to another school.")
        if errors:
            raise ValidationError(errors)


# --- Notifications ----------------------------------------------------------------------------


class NotificationQuerySet(VisibleQuerySet):
    """Notifications: only their recipient sees them."""

    def visibility(self, scope: Scope) -> Q:
        return Q(user_id=scope.user_id)

    def visible_to(self, user) -> NotificationQuerySet:
        # Personal messages: not even a platform admin reads another person's.
        return self.filter(user_id=scope_of(user).user_id or 0)

    def unread(self) -> NotificationQuerySet:
        """Notifications not yet marked read."""
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    """An in-app message to one person (e.g. an agreement entering its expiring window)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("recipient"),
                             on_delete=models.CASCADE, related_name="notifications")
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("message"), blank=True)
    url = models.CharField(_("link"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.title


# --- Import jobs ------------------------------------------------------------------------------


class ImportJobQuerySet(VisibleQuerySet):
    """Import jobs: school staff see their school's."""

    def visibility(self, scope: Scope) -> Q:
        return Q(school_id__in=scope.staff_schools)


class ImportJob(Linked, models.Model):
    """One uploaded workbook on its way in: checked (preview or errors), then imported."""

    school = models.ForeignKey(School, verbose_name=_("school"), on_delete=models.CASCADE,
                               related_name="import_jobs")
    kind = models.CharField(_("import kind"), max_length=40)
    mode = models.CharField(_("mode"), max_length=10, choices=ImportMode.choices,
                            default=ImportMode.UPSERT)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"),
                                   null=True, on_delete=models.SET_NULL, related_name="+")
    file = PolicyFileField(_("file"), policy="workbook", folder="imports",
                           name_field="original_name")
    original_name = models.CharField(_("file name"), max_length=255)
    status = models.CharField(_("status"), max_length=12, choices=ImportStatus.choices,
                              default=ImportStatus.CHECKING)
    progress_done = models.PositiveIntegerField(_("rows read"), default=0)
    progress_total = models.PositiveIntegerField(_("rows in file"), default=0)
    summary = models.JSONField(_("summary"), default=dict, blank=True)
    errors = models.JSONField(_("errors"), default=list, blank=True)
    message = models.TextField(_("message"), blank=True)
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    # Which worker process is on the job (host:pid:start) and when it last said so: a job whose
    # worker died is failed by ``jobs.recover_stalled_jobs`` instead of "checking" for ever.
    worker = models.CharField(_("worker"), max_length=120, blank=True)
    heartbeat_at = models.DateTimeField(_("worker last seen"), null=True, blank=True)

    objects = ImportJobQuerySet.as_manager()

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.original_name}（{timezone.localtime(self.created_at):%Y-%m-%d %H:%M}）"

    @property
    def running(self) -> bool:
        """The job is being worked on: its page keeps polling."""
        return self.status in (ImportStatus.CHECKING, ImportStatus.IMPORTING)

    @property
    def percent(self) -> int:
        """Rows read so far, in percent."""
        if not self.progress_total:
            return 0
        return min(100, round(100 * self.progress_done / self.progress_total))


# --- Matching runs ----------------------------------------------------------------------------


class MatchRunQuerySet(VisibleQuerySet):
    """Matching runs: the school's staff (everyone else reads outcomes through the pages of the
    round or cohort the run belongs to)."""

    def visibility(self, scope: Scope) -> Q:
        return Q(school_id__in=scope.staff_schools)


class MatchRun(models.Model):
    """One run of the matching kernel on frozen inputs, for one purpose (a placement round, a
    bootcamp's mentor match, …): the inputs and the lottery seed are stored before it runs, the
    result and every participant's outcome after, and a published run never changes."""

    school = models.ForeignKey(School, verbose_name=_("school"), on_delete=models.CASCADE,
                               related_name="match_runs")
    purpose = models.CharField(_("purpose"), max_length=40)
    status = models.CharField(_("status"), max_length=8, choices=MatchRunStatus.choices,
                              default=MatchRunStatus.QUEUED)
    seed = models.BigIntegerField(_("lottery seed"))
    instance = models.JSONField(_("frozen inputs"), editable=False)
    result = models.JSONField(_("result"), null=True, blank=True, editable=False)
    message = models.TextField(_("message"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("started by"),
                                   null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("started at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("matched at"), null=True, blank=True)
    duration_ms = models.PositiveIntegerField(_("solving time (ms)"), null=True, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    reproduced = models.BooleanField(_("reproduced"), null=True, blank=True,
                                     help_text=_("Whether solving the frozen inputs again with "
                                                 "the stored seed gave the stored result."))
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)

    objects = MatchRunQuerySet.as_manager()

    class Meta:
        verbose_name = _("matching run")
        verbose_name_plural = _("matching runs")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return _("Matching run #%(pk)s") % {"pk": self.pk}

    @property
    def running(self) -> bool:
        """The kernel has not finished yet: pages showing the run keep polling."""
        return self.status == MatchRunStatus.QUEUED

    def assigned_count(self) -> int:
        """How many participants the run assigned."""
        return sum(1 for v in (self.result or {}).get("assignment", {}).values() if v is not None)


class MatchOutcome(models.Model):
    """What one participant of a run got, and why not each choice they ranked higher (the
    kernel's explanation, stored once when the run finishes so that pages only read it)."""

    run = models.ForeignKey(MatchRun, verbose_name=_("matching run"), on_delete=models.CASCADE,
                            related_name="outcomes")
    participant = models.CharField(_("participant"), max_length=40)
    assigned = models.CharField(_("assigned to"), max_length=40, null=True, blank=True)
    reasons = models.JSONField(_("reasons"), default=list, blank=True)

    class Meta:
        verbose_name = _("match outcome")
        verbose_name_plural = _("match outcomes")
        constraints = [models.UniqueConstraint(fields=["run", "participant"],
                                               name="match_outcome_once")]

    def __str__(self) -> str:
        return f"{self.participant} → {self.assigned or '—'}"


# --- Audit log and API tokens ----------------------------------------------------------------


class AuditEntryQuerySet(VisibleQuerySet):
    """Audit entries: school staff see their school's."""

    def visibility(self, scope: Scope) -> Q:
        return Q(school_id__in=scope.staff_schools)


class AuditEntry(models.Model):
    """One audited event: who changed or exported what, when, with before/after values."""

    school = models.ForeignKey(School, verbose_name=_("school"), null=True, blank=True,
                               on_delete=models.CASCADE, related_name="+")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("who"), null=True,
                              blank=True, on_delete=models.SET_NULL, related_name="+")
    # A name of the catalogue in core.audit_actions (e.g. partners.agreement.signed).
    action = models.CharField(_("action"), max_length=80, db_index=True)
    content_type = models.ForeignKey(ContentType, verbose_name=_("object type"), null=True,
                                     blank=True, on_delete=models.SET_NULL, related_name="+")
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    object_repr = models.CharField(_("object"), max_length=200, blank=True)
    changes = models.JSONField(_("changes"), default=dict, blank=True,
                               help_text=_("Field name → [before, after]."))
    data = models.JSONField(_("details"), default=dict, blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor} {self.get_action_display()} " \
               f"{self.object_repr}"

    def get_action_display(self) -> str:
        """The action's label from the catalogue (the raw name if it is not declared)."""
        return audit_actions.label(self.action)


class ApiTokenQuerySet(VisibleQuerySet):
    """API tokens: only their owner sees them."""

    def visibility(self, scope: Scope) -> Q:
        return Q(user_id=scope.user_id)

    def visible_to(self, user) -> ApiTokenQuerySet:
        # Tokens are secrets: not even a platform admin sees another person's.
        return self.filter(user_id=scope_of(user).user_id or 0)

    def active(self) -> ApiTokenQuerySet:
        """Tokens that are neither revoked nor past their expiry."""
        return self.filter(revoked_at__isnull=True).filter(
            Q(expires_at__isnull=True) | Q(expires_at__gt=timezone.now()))


class ApiToken(models.Model):
    """A per-user token for integrations; only its SHA-256 digest is stored."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("user"),
                             on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(_("prefix"), max_length=8, editable=False)
    digest = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires at"), null=True, blank=True,
                                      help_text=_("Empty: the token works until revoked."))
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_expired(self) -> bool:
        """Whether the token's expiry has passed."""
        return self.expires_at is not None and self.expires_at <= timezone.now()

    @staticmethod
    def digest_of(key: str) -> str:
        """The stored form of a token key."""
        return hashlib.sha256(key.encode()).hexdigest()

    @staticmethod
    def new_key() -> str:
        """A fresh random key; shown once to its owner, never stored."""
        return "cc_" + secrets.token_urlsafe(32)
