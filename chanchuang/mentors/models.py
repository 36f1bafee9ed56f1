"""Mentors: the pool of people who teach and coach (from partner organisations or the college),
their appointments (聘任) with a verifiable letter (聘书), and what they do, with hours."""

from __future__ import annotations

import hmac
import secrets

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from chanchuang.core.document_kinds import DocumentKind, staff_template_field
from chanchuang.core.identifiers import validate_phone
from chanchuang.core.models import Linked, Organisation, PinyinNamed, School, Tag
from chanchuang.core.uploads import PolicyFileField
from chanchuang.core.visibility import Scope, VisibleQuerySet
from chanchuang.mentors.choices import ActivityKind, AppointmentStatus
from chanchuang.partners.models import Agreement


def mentors_seen(scope: Scope) -> Q:
    """The mentor pool a scope reaches: the school's, for everyone on its campus (staff,
    department staff, mentors, students); the mentors of one's own organisation."""
    return (Q(school_id__in=scope.campus_schools) | Q(user_id=scope.user_id)
            | Q(organisation_id__in=scope.organisation_ids))


def mentor_records_seen(scope: Scope) -> Q:
    """Whose appointments and activities a scope reaches: the school's staff and department
    staff see all; a mentor their own; an organisation's members their colleagues'."""
    return (Q(mentor__school_id__in=scope.staff_schools | scope.department_schools)
            | Q(mentor__user_id=scope.user_id)
            | Q(mentor__organisation_id__in=scope.organisation_ids))


class MentorQuerySet(VisibleQuerySet):
    """Mentors: see ``mentors_seen``."""

    def visibility(self, scope: Scope) -> Q:
        return mentors_seen(scope)


class Mentor(Linked, PinyinNamed):
    """A person in the school's mentor pool: a founder, an enterprise expert, a teacher."""

    school = models.ForeignKey(School, verbose_name=_("school"), on_delete=models.CASCADE,
                               related_name="mentors")
    name = models.CharField(_("name"), max_length=50)
    organisation = models.ForeignKey(Organisation, verbose_name=_("organisation"), null=True,
                                     blank=True, on_delete=models.PROTECT,
                                     related_name="mentors",
                                     help_text=_("Empty: from the college itself."))
    job_title = models.CharField(_("job title"), max_length=100, blank=True)
    bio = models.TextField(_("biography"), blank=True)
    photo = PolicyFileField(_("photo"), policy="image", folder="mentors/photos",
                            route="mentors:mentor_photo", blank=True)
    expertise = models.ManyToManyField(Tag, verbose_name=_("expertise"), blank=True,
                                       related_name="mentors")
    availability = models.CharField(_("availability"), max_length=200, blank=True,
                                    help_text=_("e.g. two evenings a month"))
    phone = models.CharField(_("phone"), max_length=11, blank=True, validators=[validate_phone])
    email = models.EmailField(_("email address"), blank=True)
    user = models.OneToOneField(settings.AUTH_USER_MODEL, verbose_name=_("login"), null=True,
                                blank=True, on_delete=models.SET_NULL, related_name="mentor")

    objects = MentorQuerySet.as_manager()

    class Meta:
        verbose_name = _("mentor")
        verbose_name_plural = _("mentors")
        ordering = ["name_pinyin"]

    def __str__(self) -> str:
        return self.name


class AppointmentTitle(DocumentKind):
    """A title a mentor is appointed to (双创客座教授, 双创教学总监, …) and its letter template."""

    letter_template = staff_template_field(
        _("letter template"),
        help_text=_("The body of the appointment letter, in Django template language; it can "
                    "use letter."))

    template_field = "letter_template"
    template_unreadable = _("Letter template: it cannot be read (%(error)s).")

    class Meta(DocumentKind.Meta):
        verbose_name = _("appointment title")
        verbose_name_plural = _("appointment titles")


class AppointmentQuerySet(VisibleQuerySet):
    """Appointments: see ``mentor_records_seen``."""

    def visibility(self, scope: Scope) -> Q:
        return mentor_records_seen(scope)


class Appointment(Linked, models.Model):
    """A mentor's appointment to a title for a term, by an appointing body of the school."""

    school = models.ForeignKey(School, verbose_name=_("school"), on_delete=models.CASCADE,
                               related_name="appointments")
    mentor = models.ForeignKey(Mentor, verbose_name=_("mentor"), on_delete=models.PROTECT,
                               related_name="appointments")
    title = models.ForeignKey(AppointmentTitle, verbose_name=pgettext_lazy("appointment", "title"),
                              on_delete=models.PROTECT, related_name="appointments")
    appointing_body = models.CharField(_("appointing body"), max_length=100,
                                       default="双创协同教育中心")
    duties = models.TextField(_("duties"), blank=True)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    status = models.CharField(_("status"), max_length=10, choices=AppointmentStatus.choices,
                              default=AppointmentStatus.PROPOSED)
    serial = models.CharField(_("letter serial number"), max_length=30, blank=True,
                              editable=False)
    check_code = models.CharField(
        _("letter check code"), max_length=19, blank=True, editable=False,
        help_text=_("80 random bits in four groups, printed on the letter after the serial."))
    accepts_short_code = models.BooleanField(
        _("accepts the old short check code"), default=False,
        help_text=_("Letters printed before the long check codes carried an 8-character code; "
                    "untick once the letter is reprinted."))
    agreement = models.ForeignKey(Agreement, verbose_name=_("agreement"), null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="appointments",
                                  help_text=_("Its enterprise-mentor commitment is filled when "
                                              "the appointment is approved."))
    renewal_of = models.ForeignKey("self", verbose_name=_("renewal of"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="renewals")
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("approved by"),
                                    null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)

    objects = AppointmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("appointment")
        verbose_name_plural = _("appointments")
        ordering = ["-start_date", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")), name="appointment_ends_after_start",
                violation_error_message=_("End date: it cannot be before the start date.")),
            models.UniqueConstraint(
                fields=["serial"], condition=~Q(serial=""), name="appointment_serial_unique",
                violation_error_message=_("Letter serial number: already used.")),
        ]

    def __str__(self) -> str:
        return f"{self.mentor} · {self.title}"

    @property
    def verification_code(self) -> str:
        """The serial with its random check code, so letters cannot be guessed."""
        return f"{self.serial}-{self.check_code}"

    def short_codes(self) -> list[str]:
        """The old 8-character codes (32 keyed bits) printed before the long check codes, under
        SECRET_KEY and each fallback key: still honoured for letters printed back then."""
        keys = [settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS]
        return [f"{self.serial}-" + hmac.new(key.encode(), self.serial.encode(),
                                             "sha256").hexdigest()[:8].upper() for key in keys]


# Crockford's base32: digits and capitals without I, L, O and U, so a code read off paper and
# typed back cannot confuse 0 with O or 1 with I/L.
CHECK_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CHECK_GROUPS = 4  # of 4 characters: 16 × 5 = 80 bits


def new_check_code() -> str:
    """A fresh check code such as ``7K3M-Q9XD-2HVB-RT4W`` (80 random bits)."""
    chars = "".join(secrets.choice(CHECK_ALPHABET) for _ in range(4 * CHECK_GROUPS))
    return "-".join(chars[i:i + 4] for i in range(0, len(chars), 4))


def normalise_check_code(text: str) -> str:
    """A typed check code in canonical form: capitals, O read as 0 and I/L as 1."""
    return text.upper().translate(str.maketrans("OIL", "011"))


class ActivityQuerySet(VisibleQuerySet):
    """Activities: see ``mentor_records_seen``."""

    def visibility(self, scope: Scope) -> Q:
        return mentor_records_seen(scope)


class Activity(models.Model):
    """A lecture, workshop, mentoring session or judging a mentor gave, with its hours."""

    mentor = models.ForeignKey(Mentor, verbose_name=_("mentor"), on_delete=models.CASCADE,
                               related_name="activities")
    kind = models.CharField(_("kind"), max_length=10, choices=ActivityKind.choices)
    title = models.CharField(_("title"), max_length=200)
    happened_on = models.DateField(_("date"))
    hours = models.DecimalField(_("hours"), max_digits=5, decimal_places=1)
    notes = models.TextField(_("notes"), blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("recorded by"),
                                    null=True, on_delete=models.SET_NULL, related_name="+")

    objects = ActivityQuerySet.as_manager()

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["-happened_on", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(hours__gt=0) & Q(hours__lte=24),
                                   name="activity_hours_in_a_day",
                                   violation_error_message=_("Hours: between 0 and 24.")),
        ]

    def __str__(self) -> str:
        return f"{self.mentor} · {self.title}"

    @property
    def school_id(self) -> int:
        return self.mentor.school_id
