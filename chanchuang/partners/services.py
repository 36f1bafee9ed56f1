"""State changes of the partners app: agreements and their lifecycle, parties, commitments,
deliveries, signing events, attachments, contacts' logins and the partner timeline. Each runs
in a transaction, is audited, and refuses bad input with a ``DomainError``."""

from __future__ import annotations

import datetime as dt
import secrets
from decimal import Decimal
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from chanchuang.core import audit
from chanchuang.core.choices import Role
from chanchuang.core.models import Membership, Notification, Organisation, School, User
from chanchuang.core.pinyin import pinyin_keys
from chanchuang.core.queries import school_staff
from chanchuang.core.services import DomainError, create_object, notify_all, validate
from chanchuang.core.uploads import DOCUMENT
from chanchuang.partners import queries
from chanchuang.partners.audit_actions import AGREEMENT_STEPS
from chanchuang.partners.choices import (
    IN_FORCE,
    AgreementStatus,
    CommitmentKind,
    DeliverySource,
    InteractionKind,
    PartyRole,
)
from chanchuang.partners.models import (
    Agreement,
    AgreementParty,
    AgreementType,
    Attachment,
    Commitment,
    Contact,
    Delivery,
    Interaction,
    SigningEvent,
    quantity_text,
)

S = AgreementStatus
# Every allowed change of status. Staff take the MANUAL ones; the daily refresh takes the rest.
TRANSITIONS: dict[str, set[str]] = {
    S.DRAFT: {S.REVIEW},  # a draft agreement cannot be signed: it goes for review first
    S.REVIEW: {S.DRAFT, S.SIGNED},
    S.SIGNED: {S.ACTIVE, S.TERMINATED},
    S.ACTIVE: {S.EXPIRING, S.EXPIRED, S.TERMINATED, S.RENEWED},
    S.EXPIRING: {S.EXPIRED, S.TERMINATED, S.RENEWED},
    S.EXPIRED: {S.RENEWED},
}
MANUAL = {(S.DRAFT, S.REVIEW), (S.REVIEW, S.DRAFT), (S.SIGNED, S.TERMINATED),
          (S.ACTIVE, S.TERMINATED), (S.EXPIRING, S.TERMINATED)}
# Countable commitments take whole numbers; a single delivery may be at most this many times
# the whole target (anything larger is a typing error, not a delivery).
COUNTABLE = set(CommitmentKind) - {CommitmentKind.FUNDING, CommitmentKind.TRAINING}
PLAUSIBLE_FACTOR = 2
# A termination is explained in a few words at least.
MIN_REASON_LENGTH = 4


def _require_editable(agreement: Agreement) -> None:
    if not agreement.is_editable:
        raise DomainError(_("This agreement is %(status)s: its parties, terms and commitments "
                            "can no longer change.") % {"status": agreement.get_status_display()})


def next_number(school: School, year: int) -> str:
    """The next agreement number of a school for a year, e.g. ``9001-2026-007``."""
    prefix = f"{school.code[-4:]}-{year}-"
    taken = Agreement.objects.filter(school=school, number__startswith=prefix).count()
    return f"{prefix}{taken + 1:03d}"


def create_agreement(*, actor: User, school: School, type: AgreementType, title: str,
                     start_date: dt.date, end_date: dt.date, scope: str = "",
                     owner: User | None = None, reminder_days: int = 60,
                     renewal_of: Agreement | None = None) -> Agreement:
    """Draft an agreement; the school is its first party (the lead)."""
    with transaction.atomic():
        # Two drafts created at once must not get the same number: lock the school row.
        School.objects.select_for_update().get(pk=school.pk)
        agreement = Agreement(
            school=school, type=type, title=title, start_date=start_date, end_date=end_date,
            scope=scope, owner=owner or actor, reminder_days=reminder_days,
            renewal_of=renewal_of, number=next_number(school, start_date.year))
        validate(agreement)
        agreement.save()
        AgreementParty.objects.create(agreement=agreement, role=PartyRole.LEAD)
        audit.record(actor=actor, action="partners.agreement.renewal_drafted" if renewal_of
                     else "partners.agreement.drafted", obj=agreement,
                     after=audit.snapshot(agreement))
    return agreement


def update_agreement(*, actor: User, agreement: Agreement, **changes: Any) -> Agreement:
    """Change the terms of a draft or an agreement under review."""
    _require_editable(agreement)
    before = audit.snapshot(Agreement.objects.get(pk=agreement.pk))
    for name, value in changes.items():
        setattr(agreement, name, value)
    validate(agreement)
    with transaction.atomic():
        agreement.save()
        audit.record(actor=actor, action="changed", obj=agreement, before=before,
                     after=audit.snapshot(agreement))
    return agreement


def add_party(*, actor: User, agreement: Agreement, organisation: Organisation,
              role: str = PartyRole.PARTY, signatory: str = "",
              signatory_title: str = "") -> AgreementParty:
    """Add an organisation of the school as a party; each organisation signs once."""
    _require_editable(agreement)
    if organisation.school_id != agreement.school_id:
        raise DomainError(_("Party: this organisation belongs to another school."))
    if agreement.parties.filter(organisation=organisation).exists():
        raise DomainError(_("Party: %(name)s is already a party to this agreement.")
                          % {"name": organisation.name})
    with transaction.atomic():
        party = AgreementParty.objects.create(agreement=agreement, organisation=organisation,
                                              role=role, signatory=signatory,
                                              signatory_title=signatory_title)
        audit.record(actor=actor, action="partners.party.added", obj=party,
                     school_id=agreement.school_id, after=audit.snapshot(party))
    return party


def remove_party(*, actor: User, party: AgreementParty) -> None:
    """Remove an organisation (and its commitments) from a draft; the school stays."""
    _require_editable(party.agreement)
    if party.organisation_id is None:
        raise DomainError(_("The school is a party to every agreement it signs."))
    with transaction.atomic():
        audit.record(actor=actor, action="partners.party.removed", obj=party,
                     school_id=party.agreement.school_id, before=audit.snapshot(party))
        party.delete()


def add_commitment(*, actor: User, party: AgreementParty, kind: str, target: Decimal,
                   description: str = "") -> Commitment:
    """Record what a party promises (before the agreement is signed)."""
    agreement = party.agreement
    _require_editable(agreement)
    if kind in COUNTABLE and target != target.to_integral_value():
        raise DomainError(_("Target: %(kind)s are counted in whole numbers.")
                          % {"kind": CommitmentKind(kind).label}, field="target")
    return create_object(actor=actor, action="partners.commitment.added", obj=Commitment(
        agreement=agreement, party=party, kind=kind, target=target, description=description))


def remove_commitment(*, actor: User, commitment: Commitment) -> None:
    """Drop a commitment from a draft."""
    _require_editable(commitment.agreement)
    with transaction.atomic():
        audit.record(actor=actor, action="partners.commitment.removed", obj=commitment,
                     before=audit.snapshot(commitment))
        commitment.delete()


def check_accepts_deliveries(agreement: Agreement) -> None:
    """Refuse a delivery unless the agreement is in force (signed, active or expiring)."""
    if not agreement.in_force:
        raise DomainError(_("This agreement is %(status)s: deliveries are recorded only while "
                            "an agreement is in force (signed, active or expiring).")
                          % {"status": agreement.get_status_display()})


def record_delivery(*, actor: User | None, commitment: Commitment, quantity: Decimal,
                    delivered_on: dt.date, description: str = "",
                    evidence: UploadedFile | None = None,
                    source: str = DeliverySource.MANUAL) -> Delivery:
    """Record something delivered against a commitment, within the agreement's term."""
    agreement = Agreement.objects.get(pk=commitment.agreement_id)  # its status as of now
    check_accepts_deliveries(agreement)
    if not agreement.start_date <= delivered_on <= agreement.end_date:
        raise DomainError(_("Date: it must lie within the agreement's term, %(start)s to "
                            "%(end)s.") % {"start": agreement.start_date,
                                           "end": agreement.end_date}, field="delivered_on")
    if delivered_on > timezone.localdate():
        raise DomainError(_("Date: a delivery cannot be in the future."), field="delivered_on")
    if quantity <= 0:
        raise DomainError(_("Quantity: it must be above zero."), field="quantity")
    if commitment.kind in COUNTABLE and quantity != quantity.to_integral_value():
        raise DomainError(_("Quantity: %(kind)s are counted in whole numbers.")
                          % {"kind": commitment.get_kind_display()}, field="quantity")
    if quantity > commitment.target * PLAUSIBLE_FACTOR:
        raise DomainError(_("Quantity: %(quantity)s is more than twice the whole commitment "
                            "(%(target)s %(unit)s); please check it.")
                          % {"quantity": quantity_text(quantity),
                             "target": quantity_text(commitment.target),
                             "unit": commitment.unit}, field="quantity")
    if evidence is not None:
        evidence = DOCUMENT.accept(evidence, field="evidence")
    with transaction.atomic():
        delivery = Delivery.objects.create(
            commitment=commitment, quantity=quantity, delivered_on=delivered_on,
            description=description, evidence=evidence or "", source=source,
            recorded_by=actor)
        audit.record(actor=actor, action="partners.delivery.recorded", obj=delivery,
                     school_id=agreement.school_id, after=audit.snapshot(delivery))
    return delivery


def add_attachment(*, actor: User, agreement: Agreement, upload: UploadedFile,
                   description: str = "") -> Attachment:
    """Attach a scanned signed copy or an annex (PDF or image, checked by its content)."""
    checked = DOCUMENT.accept(upload, field="file")
    with transaction.atomic():
        attachment = Attachment.objects.create(
            agreement=agreement, file=checked, original_name=checked.display_name,
            content_type=checked.content_type, size=checked.size, description=description,
            uploaded_by=actor)
        audit.record(actor=actor, action="partners.attachment.uploaded", obj=attachment,
                     after=audit.snapshot(attachment))
    return attachment


def _check_allowed(agreement: Agreement, status: str) -> None:
    if status not in TRANSITIONS.get(agreement.status, set()):
        raise DomainError(_("An agreement that is %(from)s cannot become %(to)s.") % {
            "from": agreement.get_status_display(), "to": AgreementStatus(status).label})


def _set_status(agreement: Agreement, status: str, actor: User | None, **extra: Any) -> None:
    """Move an agreement to a status the lifecycle allows, audited (call in a transaction)."""
    _check_allowed(agreement, status)
    before = audit.snapshot(agreement)
    agreement.status = status
    for name, value in extra.items():
        setattr(agreement, name, value)
    agreement.save()
    audit.record(actor=actor, action=AGREEMENT_STEPS[status], obj=agreement, before=before,
                 after=audit.snapshot(agreement))


def check_manual_step(agreement: Agreement, to: str) -> None:
    """Refuse a step the agreement's status does not allow to be taken by hand."""
    _check_allowed(agreement, to)
    if (agreement.status, to) not in MANUAL:
        raise DomainError(_("This step happens by signing or by date, not by hand."))


def _termination_reason(reason: str) -> str:
    """The reason given for a termination, refused unless it says something."""
    reason = reason.strip()
    if len(reason) < MIN_REASON_LENGTH:
        raise DomainError(_("Reason for termination: say in a few words (at least %(n)d "
                            "characters) why the agreement ends.") % {"n": MIN_REASON_LENGTH},
                          field="reason")
    return reason


def transition(*, actor: User, agreement: Agreement, to: str, reason: str = "") -> Agreement:
    """Take a lifecycle step by hand (submit for review, send back, terminate); a termination
    needs its reason, which the agreement and its audit entry keep."""
    check_manual_step(agreement, to)
    extra = {}
    if to == S.REVIEW:
        _check_ready_to_sign(agreement)
    if to == S.TERMINATED:
        extra["termination_reason"] = _termination_reason(reason)
    with transaction.atomic():
        _set_status(Agreement.objects.select_for_update().get(pk=agreement.pk), to, actor,
                    **extra)
    agreement.refresh_from_db()
    return agreement


def _check_ready_to_sign(agreement: Agreement) -> None:
    if not agreement.parties.filter(organisation__isnull=False).exists():
        raise DomainError(_("Add at least one organisation as a party first."))


def sign(*, actor: User, agreement: Agreement, signed_on: dt.date,
         event: SigningEvent | None = None) -> Agreement:
    """Sign an agreement under review (a draft agreement cannot be signed: ``TRANSITIONS``);
    it is active at once if its term has begun. Signing a renewal marks the agreement it renews
    as renewed."""
    _check_ready_to_sign(agreement)
    if signed_on > timezone.localdate():
        raise DomainError(_("Signing date: it cannot be in the future."))
    with transaction.atomic():
        # Two clicks (or a ceremony and a single signing) must not sign it twice.
        agreement = Agreement.objects.select_for_update().get(pk=agreement.pk)
        _set_status(agreement, S.SIGNED, actor, signed_on=signed_on, signing_event=event)
        if agreement.start_date <= timezone.localdate():
            _set_status(agreement, S.ACTIVE, actor)
        predecessor = agreement.renewal_of
        if predecessor is not None and S.RENEWED in TRANSITIONS.get(predecessor.status, set()):
            _set_status(predecessor, S.RENEWED, actor)
        for party in agreement.parties.filter(organisation__isnull=False):
            Interaction.objects.create(
                school=agreement.school, organisation_id=party.organisation_id,
                kind=InteractionKind.SIGNING, happened_on=signed_on, agreement=agreement,
                title=_("Signed %(title)s") % {"title": agreement.title},
                notes=event.name if event else "", recorded_by=actor)
    return agreement


def sign_at_event(*, actor: User, event: SigningEvent,
                  agreements: list[Agreement]) -> list[Agreement]:
    """Sign several agreements at one ceremony, all or none."""
    if not agreements:
        raise DomainError(_("Choose the agreements signed at this event."))
    with transaction.atomic():
        return [sign(actor=actor, agreement=a, signed_on=event.held_on, event=event)
                for a in agreements]


def renew(*, actor: User, agreement: Agreement) -> Agreement:
    """Draft the renewal of an agreement: same type, parties and commitments, the next term."""
    if agreement.status not in (S.ACTIVE, S.EXPIRING, S.EXPIRED):
        raise DomainError(_("Only an active, expiring or expired agreement can be renewed."))
    if agreement.renewals.exclude(status=S.TERMINATED).exists():
        raise DomainError(_("A renewal of this agreement already exists."))
    length = agreement.end_date - agreement.start_date
    start = agreement.end_date + dt.timedelta(days=1)
    with transaction.atomic():
        renewal = create_agreement(
            actor=actor, school=agreement.school, type=agreement.type,
            title=agreement.title, start_date=start, end_date=start + length,
            scope=agreement.scope, owner=agreement.owner,
            reminder_days=agreement.reminder_days, renewal_of=agreement)
        school_party = renewal.parties.get()
        parties = {None: school_party}
        for party in agreement.parties.filter(organisation__isnull=False):
            parties[party.pk] = AgreementParty.objects.create(
                agreement=renewal, organisation_id=party.organisation_id, role=party.role,
                signatory=party.signatory, signatory_title=party.signatory_title)
        for commitment in agreement.commitments.select_related("party"):
            key = commitment.party_id if commitment.party.organisation_id else None
            Commitment.objects.create(agreement=renewal, party=parties[key],
                                      kind=commitment.kind, target=commitment.target,
                                      description=commitment.description)
    return renewal


def refresh_statuses(*, today: dt.date | None = None) -> dict[str, int]:
    """The daily lifecycle step: signed agreements whose term began become active, those
    within their reminder window expiring, those past their end expired; the responsible staff
    (``responsible_staff``) are told of each agreement that starts expiring or expires."""
    today = today or timezone.localdate()
    counts = {"active": 0, "expiring": 0, "expired": 0}
    candidates = Agreement.objects.filter(status__in=IN_FORCE).select_related("owner")
    for agreement in candidates:
        with transaction.atomic():
            if agreement.status == S.SIGNED and agreement.start_date <= today:
                _set_status(agreement, S.ACTIVE, None)
                counts["active"] += 1
            if agreement.end_date < today:
                _set_status(agreement, S.EXPIRED, None)
                counts["expired"] += 1
                _tell_owner(agreement, _("Agreement expired: %(title)s"),
                            _("%(number)s ended on %(end)s. Renew it, or record why not."))
            elif agreement.status == S.ACTIVE and \
                    agreement.end_date - dt.timedelta(days=agreement.reminder_days) <= today:
                _set_status(agreement, S.EXPIRING, None)
                counts["expiring"] += 1
                _tell_owner(agreement, _("Agreement expiring: %(title)s"),
                            _("%(number)s ends on %(end)s. Time to discuss its renewal."))
    return counts


def responsible_staff(agreement: Agreement):
    """Who is told about an agreement: its responsible staff member, or, when it has none,
    its school's staff."""
    if agreement.owner_id is not None:
        return User.objects.filter(pk=agreement.owner_id)
    return school_staff(agreement.school_id)


def _tell_owner(agreement: Agreement, title: str, body: str) -> None:
    values = {"title": agreement.title, "number": agreement.number,
              "end": agreement.end_date.isoformat()}
    notify_all(users=responsible_staff(agreement), title=title % values, body=body % values,
               url=reverse("partners:agreement_detail", args=[agreement.pk]))


def remind_commitments_due(*, today: dt.date | None = None) -> int:
    """The daily reminder of commitments falling due: for each agreement falling due
    (``queries.falling_due``, as on the home's to-dos) with commitments still short of their
    target, its responsible staff are told once, with what is left to deliver (a person already
    told about that agreement and end date is not told again). Returns how many were told."""
    today = today or timezone.localdate()
    short: dict[Agreement, list[Commitment]] = {}
    for commitment in queries.commitments_falling_due(Commitment.objects.all(), today) \
            .select_related("agreement", "party__organisation", "party__student__user",
                            "party__agreement__school").order_by("agreement__end_date", "pk"):
        short.setdefault(commitment.agreement, []).append(commitment)
    told = 0
    for agreement, commitments in short.items():
        title = _("Commitments short of their target as %(agreement)s ends on %(day)s") % {
            "agreement": agreement, "day": agreement.end_date}
        url = agreement.get_absolute_url()
        body = "\n".join(
            _("%(commitment)s (%(delivered)s of %(target)s %(unit)s delivered)") % {
                "commitment": commitment, "delivered": quantity_text(commitment.delivered),
                "target": quantity_text(commitment.target), "unit": commitment.unit}
            for commitment in commitments)
        with transaction.atomic():
            told += notify_all(users=responsible_staff(agreement).exclude(
                pk__in=Notification.objects.filter(title=title[:200], url=url)
                .values("user_id")), title=title, body=body, url=url)
    return told


def record_interaction(*, actor: User, organisation: Organisation, kind: str,
                       happened_on: dt.date, title: str, notes: str = "",
                       agreement: Agreement | None = None) -> Interaction:
    """Add a visit, meeting, call or event to a partner's timeline (with the agreement it
    concerns, if any, of the same school)."""
    if agreement is not None and agreement.school_id != organisation.school_id:
        raise DomainError(_("Agreement: choose an agreement of the partner's school."),
                          field="agreement")
    interaction = Interaction(school_id=organisation.school_id, organisation=organisation,
                              kind=kind, happened_on=happened_on, title=title, notes=notes,
                              agreement=agreement, recorded_by=actor)
    validate(interaction)
    with transaction.atomic():
        interaction.save()
        audit.record(actor=actor, action="partners.interaction.recorded", obj=interaction,
                     after=audit.snapshot(interaction))
    return interaction


def give_login(*, actor: User, contact: Contact) -> tuple[User, str]:
    """Give a contact a login as an enterprise member of their organisation; the initial
    password is returned once, for staff to pass on, and must be changed at first login."""
    if contact.user_id is not None:
        raise DomainError(_("%(name)s already has a login.") % {"name": contact.name})
    pinyin, _initials = pinyin_keys(contact.name)
    username = f"{pinyin or 'contact'}{contact.pk}"
    password = secrets.token_urlsafe(9)
    with transaction.atomic():
        user = User(username=username, real_name=contact.name, email=contact.email,
                    phone=contact.phone, must_change_password=True)
        user.set_password(password)
        user.save()
        Membership.objects.create(user=user, role=Role.ENTERPRISE_MEMBER,
                                  school_id=contact.organisation.school_id,
                                  organisation=contact.organisation)
        contact.user = user
        contact.save(update_fields=["user"])
        audit.record(actor=actor, action="partners.contact.login_given", obj=user,
                     school_id=contact.organisation.school_id,
                     data={"login for contact": str(contact)})
    return user, password
