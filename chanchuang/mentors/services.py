"""State changes of the mentors app: appointments and their lifecycle (proposed → approved →
active → expired, or withdrawn), renewals, letter serials, and activities. Each validates, runs
in a transaction, is audited, and refuses bad input with a ``DomainError``."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from chanchuang.core import audit
from chanchuang.core.models import User
from chanchuang.core.queries import school_staff
from chanchuang.core.services import DomainError, notify_all, validate
from chanchuang.mentors.audit_actions import APPOINTMENT_STEPS
from chanchuang.mentors.choices import AppointmentStatus
from chanchuang.mentors.models import (
    Activity,
    Appointment,
    Mentor,
    new_check_code,
)
from chanchuang.partners import services as partner_services
from chanchuang.partners.choices import CommitmentKind, DeliverySource
from chanchuang.partners.models import Commitment

S = AppointmentStatus
TRANSITIONS = {
    S.PROPOSED: {S.APPROVED, S.WITHDRAWN},
    S.APPROVED: {S.ACTIVE, S.WITHDRAWN, S.EXPIRED},
    S.ACTIVE: {S.EXPIRED, S.WITHDRAWN},
}


def _move(appointment: Appointment, status: str, actor: User | None, **extra) -> None:
    """Change an appointment's status as the lifecycle allows, audited (in a transaction)."""
    if status not in TRANSITIONS.get(appointment.status, set()):
        raise DomainError(_("An appointment that is %(from)s cannot become %(to)s.") % {
            "from": appointment.get_status_display(), "to": AppointmentStatus(status).label})
    before = audit.snapshot(appointment)
    appointment.status = status
    for name, value in extra.items():
        setattr(appointment, name, value)
    appointment.save()
    audit.record(actor=actor, action=APPOINTMENT_STEPS[status], obj=appointment, before=before,
                 after=audit.snapshot(appointment))


def propose(*, actor: User, mentor: Mentor, title, start_date: dt.date, end_date: dt.date,
            duties: str = "", appointing_body: str = "", agreement=None,
            renewal_of: Appointment | None = None) -> Appointment:
    """Propose an appointment (nothing is promised until it is approved); the school's staff,
    who approve it, are told (the proposer, who knows, is not)."""
    appointment = Appointment(school_id=mentor.school_id, mentor=mentor, title=title,
                              start_date=start_date, end_date=end_date, duties=duties,
                              agreement=agreement, renewal_of=renewal_of)
    if appointing_body:
        appointment.appointing_body = appointing_body
    validate(appointment)
    if agreement is not None and not agreement.parties.filter(
            organisation_id=mentor.organisation_id).exists():
        raise DomainError(_("Agreement: the mentor's organisation is not a party to it."))
    with transaction.atomic():
        appointment.save()
        audit.record(actor=actor, action="mentors.appointment.renewal_proposed" if renewal_of
                     else "mentors.appointment.proposed", obj=appointment,
                     after=audit.snapshot(appointment))
        notify_all(users=school_staff(appointment.school_id).exclude(pk=actor.pk),
                   title=_("Approve the appointment: %(appointment)s")
                   % {"appointment": appointment},
                   body=_("Term %(start)s to %(end)s.") % {"start": appointment.start_date,
                                                            "end": appointment.end_date},
                   url=appointment.get_absolute_url())
    return appointment


def next_serial(appointment: Appointment) -> str:
    """The next letter serial of the school for the start year, e.g. ``9001-PS-2026-0007``."""
    prefix = f"{appointment.school.code[-4:]}-PS-{appointment.start_date.year}-"
    taken = Appointment.objects.filter(serial__startswith=prefix).count()
    return f"{prefix}{taken + 1:04d}"


def approve(*, actor: User, appointment: Appointment) -> Appointment:
    """Approve a proposed appointment: it gets its letter serial, is active once its term has
    begun, and fills its agreement's enterprise-mentor commitment."""
    with transaction.atomic():
        # Two approvals at once must not take two serials or approve twice.
        appointment = Appointment.objects.select_for_update().select_related("school").get(
            pk=appointment.pk)
        _move(appointment, S.APPROVED, actor, serial=next_serial(appointment),
              check_code=new_check_code(), approved_by=actor, approved_at=timezone.now())
        today = timezone.localdate()
        if appointment.start_date <= today <= appointment.end_date:
            _move(appointment, S.ACTIVE, actor)
        _fill_mentor_commitment(actor, appointment)
    return appointment


def _fill_mentor_commitment(actor: User, appointment: Appointment) -> None:
    agreement = appointment.agreement
    if agreement is None:
        return
    commitment = Commitment.objects.filter(
        agreement=agreement, kind=CommitmentKind.MENTORS,
        party__organisation_id=appointment.mentor.organisation_id).first()
    day = min(max(appointment.start_date, agreement.start_date), timezone.localdate(),
              agreement.end_date)
    if commitment is None or day < agreement.start_date or not agreement.in_force:
        return
    partner_services.record_delivery(
        actor=actor, commitment=commitment, quantity=Decimal(1), delivered_on=day,
        description=_("Appointment of %(mentor)s as %(title)s") % {
            "mentor": appointment.mentor, "title": appointment.title},
        source=DeliverySource.APPOINTMENT)


def withdraw(*, actor: User, appointment: Appointment) -> Appointment:
    """Withdraw an appointment; its letter stops verifying at once."""
    with transaction.atomic():
        appointment = Appointment.objects.select_for_update().get(pk=appointment.pk)
        _move(appointment, S.WITHDRAWN, actor)
    return appointment


def renew(*, actor: User, appointment: Appointment) -> Appointment:
    """Propose the next term of an approved, active or expired appointment."""
    if appointment.status not in (S.APPROVED, S.ACTIVE, S.EXPIRED):
        raise DomainError(_("Only an approved, active or expired appointment can be renewed."))
    if appointment.renewals.exclude(status=S.WITHDRAWN).exists():
        raise DomainError(_("A renewal of this appointment already exists."))
    length = appointment.end_date - appointment.start_date
    start = appointment.end_date + dt.timedelta(days=1)
    return propose(actor=actor, mentor=appointment.mentor, title=appointment.title,
                   start_date=start, end_date=start + length, duties=appointment.duties,
                   appointing_body=appointment.appointing_body,
                   agreement=None, renewal_of=appointment)


def refresh_statuses(*, today: dt.date | None = None) -> dict[str, int]:
    """The daily step: approved appointments whose term began become active, those past their
    end expire."""
    today = today or timezone.localdate()
    counts = {"active": 0, "expired": 0}
    for appointment in Appointment.objects.filter(status__in=[S.APPROVED, S.ACTIVE]):
        with transaction.atomic():
            if appointment.end_date < today:
                _move(appointment, S.EXPIRED, None)
                counts["expired"] += 1
            elif appointment.status == S.APPROVED and appointment.start_date <= today:
                _move(appointment, S.ACTIVE, None)
                counts["active"] += 1
    return counts


# A verification code: the serial, then the check code (four groups of four base32
# characters), or, on letters printed before those, 8 hex digits.
def record_activity(*, actor: User, mentor: Mentor, kind: str, title: str,
                    happened_on: dt.date, hours: Decimal, notes: str = "") -> Activity:
    """Record a lecture, workshop, mentoring session or judging, with its hours."""
    if happened_on > timezone.localdate():
        raise DomainError(_("Date: an activity is recorded once it has happened."))
    activity = Activity(mentor=mentor, kind=kind, title=title, happened_on=happened_on,
                        hours=hours, notes=notes, recorded_by=actor)
    validate(activity)
    with transaction.atomic():
        activity.save()
        audit.record(actor=actor, action="mentors.activity.recorded", obj=activity,
                     school_id=mentor.school_id, after=audit.snapshot(activity))
    return activity
