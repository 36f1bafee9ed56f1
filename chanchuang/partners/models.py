"""Partners: contacts and the timeline of an organisation, cooperation agreements with their
parties, signing events, attachments, and the commitments ledger (promised vs delivered)."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import F, Q, Sum
from django.utils.translation import gettext_lazy as _

from chanchuang.core.document_kinds import DocumentKind, staff_template_field
from chanchuang.core.models import Linked, Organisation, School, Student
from chanchuang.core.uploads import PolicyFileField
from chanchuang.core.visibility import Scope, VisibleQuerySet, visible_through
from chanchuang.partners.choices import (
    IN_FORCE,
    AgreementStatus,
    CommitmentKind,
    DeliverySource,
    InteractionKind,
    PartyRole,
)

# The unit each kind of commitment is counted in.
UNITS = {
    CommitmentKind.INTERNSHIP_POSTS: _("posts"),
    CommitmentKind.MENTORS: _("people"),
    CommitmentKind.GUEST_LECTURES: _("sessions"),
    CommitmentKind.EQUIPMENT: _("items"),
    CommitmentKind.FUNDING: _("×10,000 yuan"),
    CommitmentKind.STUDENT_PROJECTS: _("projects"),
    CommitmentKind.HIRES: _("people"),
    CommitmentKind.TRAINING: _("person-days"),
    CommitmentKind.OTHER: _("items"),
}


def quantity_text(value: Decimal) -> str:
    """A quantity without trailing zeros: 10, 2.5, 200."""
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _school_staff(scope: Scope) -> frozenset[int]:
    """Schools whose staff and department staff work with partners."""
    return scope.staff_schools | scope.department_schools


# --- Contacts and timeline -------------------------------------------------------------------


class ContactQuerySet(VisibleQuerySet):
    """Contacts: the school's staff, and the members of the contact's own organisation."""

    def visibility(self, scope: Scope) -> Q:
        return Q(organisation__school_id__in=_school_staff(scope)) | Q(
            organisation_id__in=scope.organisation_ids)


class Contact(models.Model):
    """A person at a partner organisation the school deals with."""

    organisation = models.ForeignKey(Organisation, verbose_name=_("organisation"),
                                     on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("name"), max_length=50)
    title = models.CharField(_("job title"), max_length=100, blank=True)
    phone = models.CharField(_("phone"), max_length=11, blank=True)
    email = models.EmailField(_("email address"), blank=True)
    is_primary = models.BooleanField(_("main contact"), default=False)
    user = models.OneToOneField(settings.AUTH_USER_MODEL, verbose_name=_("login"), null=True,
                                blank=True, on_delete=models.SET_NULL, related_name="contact")

    objects = ContactQuerySet.as_manager()

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["-is_primary", "name"]

    def __str__(self) -> str:
        return f"{self.name}（{self.organisation}）"

    def get_absolute_url(self) -> str:
        return self.organisation.get_absolute_url()

    @property
    def school_id(self) -> int:
        return self.organisation.school_id


class InteractionQuerySet(VisibleQuerySet):
    """Timeline entries: the school's staff and department staff."""

    def visibility(self, scope: Scope) -> Q:
        return Q(school_id__in=_school_staff(scope))


class Interaction(models.Model):
    """One entry of a partner's timeline: a visit, meeting, signing or event."""

    school = models.ForeignKey(School, verbose_name=_("school"), on_delete=models.CASCADE,
                               related_name="+")
    organisation = models.ForeignKey(Organisation, verbose_name=_("organisation"),
                                     on_delete=models.CASCADE, related_name="interactions")
    kind = models.CharField(_("kind"), max_length=10, choices=InteractionKind.choices)
    happened_on = models.DateField(_("date"))
    title = models.CharField(_("title"), max_length=200)
    notes = models.TextField(_("notes"), blank=True)
    agreement = models.ForeignKey("Agreement", verbose_name=_("agreement"), null=True,
                                  blank=True, on_delete=models.SET_NULL, related_name="+")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("recorded by"),
                                    null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = InteractionQuerySet.as_manager()

    class Meta:
        verbose_name = _("interaction")
        verbose_name_plural = _("timeline")
        ordering = ["-happened_on", "-pk"]

    def __str__(self) -> str:
        return self.title


# --- Agreements ------------------------------------------------------------------------------


class AgreementType(DocumentKind):
    """A kind of agreement with its document template; built in (no school) or the school's."""

    description = models.TextField(_("description"), blank=True)
    document_template = staff_template_field(
        _("document template"),
        help_text=_("The body of the printed agreement, in Django template language; it can use "
                    "agreement, parties and commitments."))

    template_field = "document_template"
    template_unreadable = _("Document template: it cannot be read (%(error)s).")

    class Meta(DocumentKind.Meta):
        verbose_name = _("agreement type")
        verbose_name_plural = _("agreement types")


def agreements_seen(scope: Scope) -> Q:
    """The agreements a scope reaches: its school's (staff and department staff), and those an
    organisation of its enterprise members is party to."""
    return Q(school_id__in=_school_staff(scope)) | Q(pk__in=AgreementParty.objects.filter(
        organisation_id__in=scope.organisation_ids).values("agreement_id"))


class AgreementQuerySet(VisibleQuerySet):
    """Agreements: see ``agreements_seen``."""

    def visibility(self, scope: Scope) -> Q:
        return agreements_seen(scope)


class Agreement(Linked, models.Model):
    """A cooperation agreement between the school and one or more organisations."""

    school = models.ForeignKey(School, verbose_name=_("school"), on_delete=models.CASCADE,
                               related_name="agreements")
    type = models.ForeignKey(AgreementType, verbose_name=_("agreement type"),
                             on_delete=models.PROTECT, related_name="agreements")
    number = models.CharField(_("agreement number"), max_length=30, editable=False)
    title = models.CharField(_("title"), max_length=200)
    status = models.CharField(_("status"), max_length=12, choices=AgreementStatus.choices,
                              default=AgreementStatus.DRAFT)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    scope = models.TextField(_("scope of cooperation"), blank=True)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("responsible staff"),
                              null=True, on_delete=models.SET_NULL, related_name="+")
    reminder_days = models.PositiveSmallIntegerField(
        _("reminder window (days)"), default=60,
        help_text=_("The agreement counts as expiring this many days before its end."))
    renewal_of = models.ForeignKey("self", verbose_name=_("renewal of"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="renewals")
    signing_event = models.ForeignKey("SigningEvent", verbose_name=_("signing event"),
                                      null=True, blank=True, on_delete=models.SET_NULL,
                                      related_name="agreements")
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    termination_reason = models.TextField(_("reason for termination"), blank=True,
                                          editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = AgreementQuerySet.as_manager()

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        ordering = ["-start_date", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")), name="agreement_ends_after_start",
                violation_error_message=_("End date: it cannot be before the start date.")),
            models.UniqueConstraint(
                fields=["school", "number"], name="agreement_number_unique_per_school",
                violation_error_message=_("Agreement number: already used.")),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.title}"

    @property
    def is_editable(self) -> bool:
        """Parties, terms and commitments change only before the agreement is signed."""
        return self.status in (AgreementStatus.DRAFT, AgreementStatus.REVIEW)

    @property
    def in_force(self) -> bool:
        """Signed and not yet ended: its commitments count and deliveries are recorded."""
        return self.status in IN_FORCE


class AgreementPartyQuerySet(visible_through("agreement")):
    """Parties: as their agreement."""


class AgreementParty(models.Model):
    """A party to an agreement: an organisation, or the school itself (no organisation)."""

    agreement = models.ForeignKey(Agreement, verbose_name=_("agreement"),
                                  on_delete=models.CASCADE, related_name="parties")
    organisation = models.ForeignKey(Organisation, verbose_name=_("organisation"), null=True,
                                     blank=True, on_delete=models.PROTECT,
                                     related_name="agreement_parties",
                                     help_text=_("Empty: the school itself."))
    student = models.ForeignKey(Student, verbose_name=_("student"), null=True, blank=True,
                                on_delete=models.PROTECT, related_name="agreement_parties",
                                help_text=_("The student of a three-party internship "
                                            "agreement."))
    role = models.CharField(_("role"), max_length=12, choices=PartyRole.choices,
                            default=PartyRole.PARTY)
    signatory = models.CharField(_("signatory"), max_length=50, blank=True)
    signatory_title = models.CharField(_("signatory's title"), max_length=100, blank=True)

    objects = AgreementPartyQuerySet.as_manager()

    class Meta:
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        ordering = ["agreement", "pk"]  # the school first (created with the agreement)

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        """The party's name: its organisation's, the student's, or the school's."""
        if self.organisation_id:
            return self.organisation.name
        if self.student_id:
            return self.student.user.real_name
        return self.agreement.school.name

    @property
    def school_id(self) -> int:
        return self.agreement.school_id


class CommitmentQuerySet(visible_through("agreement")):
    """Commitments: as their agreement."""

    def with_delivered(self) -> CommitmentQuerySet:
        """Annotate each commitment with the sum delivered so far (``delivered``)."""
        return self.annotate(delivered=models.functions.Coalesce(
            Sum("deliveries__quantity"), Decimal(0), output_field=models.DecimalField()))


class Commitment(models.Model):
    """What one party promised under an agreement: a kind, a target quantity, a period."""

    agreement = models.ForeignKey(Agreement, verbose_name=_("agreement"),
                                  on_delete=models.CASCADE, related_name="commitments")
    party = models.ForeignKey(AgreementParty, verbose_name=_("party"),
                              on_delete=models.CASCADE, related_name="commitments")
    kind = models.CharField(_("kind"), max_length=20, choices=CommitmentKind.choices)
    description = models.CharField(_("description"), max_length=200, blank=True)
    target = models.DecimalField(_("target quantity"), max_digits=10, decimal_places=2)

    objects = CommitmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        ordering = ["agreement", "party_id", "kind"]
        constraints = [
            models.CheckConstraint(condition=Q(target__gt=0), name="commitment_target_positive",
                                   violation_error_message=_("Target: it must be above zero.")),
        ]

    def __str__(self) -> str:
        return f"{self.party.name}：{self.get_kind_display()} {quantity_text(self.target)}"

    @property
    def unit(self) -> str:
        return str(UNITS[self.kind])

    @property
    def school_id(self) -> int:
        return self.agreement.school_id


class DeliveryQuerySet(visible_through("commitment__agreement")):
    """Deliveries: as their agreement."""


class Delivery(models.Model):
    """Something delivered against a commitment, with its evidence."""

    commitment = models.ForeignKey(Commitment, verbose_name=_("commitment"),
                                   on_delete=models.CASCADE, related_name="deliveries")
    quantity = models.DecimalField(_("quantity"), max_digits=10, decimal_places=2)
    delivered_on = models.DateField(_("date"))
    description = models.CharField(_("description"), max_length=300, blank=True)
    evidence = PolicyFileField(_("evidence"), policy="document", folder="partners/evidence",
                               name_field="evidence_name", route="partners:delivery_evidence",
                               blank=True)
    evidence_name = models.CharField(_("file name"), max_length=255, blank=True, editable=False)
    source = models.CharField(_("source"), max_length=12, choices=DeliverySource.choices,
                              default=DeliverySource.MANUAL)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("recorded by"),
                                    null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = DeliveryQuerySet.as_manager()

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        ordering = ["-delivered_on", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(quantity__gt=0), name="delivery_quantity_positive",
                                   violation_error_message=_("Quantity: it must be above zero.")),
        ]

    def __str__(self) -> str:
        kind = self.commitment.get_kind_display()
        return f"{kind} {quantity_text(self.quantity)}（{self.delivered_on}）"


class AttachmentQuerySet(visible_through("agreement")):
    """Attachments: as their agreement."""


class Attachment(models.Model):
    """A scanned signed copy or annex of an agreement (PDF or image, checked by content)."""

    agreement = models.ForeignKey(Agreement, verbose_name=_("agreement"),
                                  on_delete=models.CASCADE, related_name="attachments")
    file = PolicyFileField(_("file"), policy="document", folder="partners/agreements",
                           name_field="original_name", route="partners:attachment_detail")
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("file type"), max_length=50)
    size = models.PositiveIntegerField(_("size (bytes)"))
    description = models.CharField(_("description"), max_length=200, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"),
                                    null=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    objects = AttachmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["-uploaded_at"]

    def __str__(self) -> str:
        return self.original_name

    @property
    def school_id(self) -> int:
        return self.agreement.school_id


class SigningEventQuerySet(VisibleQuerySet):
    """Signing events: the school's staff and department staff."""

    def visibility(self, scope: Scope) -> Q:
        return Q(school_id__in=_school_staff(scope))


class SigningEvent(Linked, models.Model):
    """A ceremony at which several agreements are signed at once."""

    school = models.ForeignKey(School, verbose_name=_("school"), on_delete=models.CASCADE,
                               related_name="signing_events")
    name = models.CharField(_("name"), max_length=200)
    held_on = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    attendees = models.TextField(_("who attended"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = SigningEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("signing event")
        verbose_name_plural = _("signing events")
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.name}（{self.held_on}）"
