"""State changes of co-developed work (共建成果): recording a contribution with the fields of
its kind, changing it, and staff confirming it (it then counts, and is delivered to the
partners ledger) or returning it with a note. Staff record any party's work; an enterprise
member records only their own organisation's, with evidence, and it waits for staff."""

from __future__ import annotations

import re
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from chanchuang.colleges.choices import ContributionKind as K
from chanchuang.colleges.choices import ContributionStatus
from chanchuang.colleges.models import Contribution, IndustryCollege
from chanchuang.colleges.services.indicators import deliver_to_ledger
from chanchuang.core import audit
from chanchuang.core.models import User
from chanchuang.core.services import DomainError, notify, validate
from chanchuang.core.visibility import scope_of
from chanchuang.mentors.choices import AppointmentStatus

# The fields each kind has besides the common ones (title, party, date, amount, programme,
# description, evidence); the others are cleared when a contribution is saved.
KIND_FIELDS: dict[str, tuple[str, ...]] = {
    K.COURSE: ("authors", "is_core_course", "is_practice_course"),
    K.TEXTBOOK: ("authors", "publisher", "isbn"),
    K.TEACHER: ("appointment",),
    K.BASE: (),
    K.SERVICE: ("client",),
    K.TRAINING: (),
    K.EQUIPMENT: (),
}
SPECIFIC = ("authors", "is_core_course", "is_practice_course", "publisher", "isbn",
            "appointment", "client")
# Kinds whose amount must be given (the unit is the model's ``AMOUNT_UNITS``).
AMOUNT_REQUIRED = {K.TEACHER, K.SERVICE, K.TRAINING, K.EQUIPMENT}
# The kinds without an amount at all.
NO_AMOUNT = {K.TEXTBOOK}
# Appointments an enterprise teacher may be linked to.
APPOINTED = (AppointmentStatus.APPROVED, AppointmentStatus.ACTIVE, AppointmentStatus.EXPIRED)
ISBN = re.compile(r"^(97[89])?\d{9}[\dX]$")
EDITABLE = ("kind", "title", "organisation", "programme", "happened_on", "amount", "authors",
            "is_core_course", "is_practice_course", "publisher", "isbn", "appointment",
            "client", "description")


def is_staff_of(user: User, college: IndustryCollege) -> bool:
    """The user records for the school (school staff or a platform admin): their entries need
    no evidence and may be confirmed at once."""
    return user.has_perm("colleges.confirm_contribution", college)


def _amount_message(kind: str) -> str:
    return {
        K.TEACHER: _("Amount: give the enterprise teacher's teaching hours."),
        K.SERVICE: _("Amount: give the project's income (×10,000 yuan)."),
        K.TRAINING: _("Amount: give the training delivered in person-days."),
        K.EQUIPMENT: _("Amount: give the value of the equipment (×10,000 yuan)."),
    }[kind]


def problems(contribution: Contribution, *, staff: bool, actor: User) -> dict[str, str]:
    """Everything wrong with a contribution for its kind, by field (a Chinese message each);
    empty when it may be saved. Shared by the forms, the API and the import."""
    college = contribution.college
    kind = contribution.kind
    found: dict[str, str] = {}
    day = contribution.happened_on
    if day is not None and not college.is_open_on(day):
        found["happened_on"] = _("Date: the date falls outside the industry college's life "
                                 "(founded %(founded)s).") % {"founded": college.founded_on}
    organisation_id = contribution.organisation_id
    if organisation_id is not None and not college.members.filter(
            organisation_id=organisation_id).exists():
        found["organisation"] = _("Contributed by: choose a member organisation of the college, "
                                  "or leave it empty for the school.")
    if not staff:
        if organisation_id is None or organisation_id not in scope_of(actor).organisation_ids:
            found["organisation"] = _("Contributed by: you can record only your own "
                                      "organisation's work.")
        if not contribution.evidence:
            found["evidence"] = _("Evidence: attach a document proving the work (PDF or "
                                  "picture).")
    if contribution.programme_id is not None and contribution.programme.college_id != college.pk:
        found["programme"] = _("Programme: choose a programme of this college.")
    if kind in (K.COURSE, K.TEXTBOOK) and not contribution.authors.strip():
        found["authors"] = _("Authors: name the authors of each party, e.g. "
                             "张三（学校）、李四（企业）.")
    if kind == K.TEXTBOOK and contribution.isbn and not ISBN.match(
            contribution.isbn.replace("-", "").upper()):
        found["isbn"] = _("ISBN: write the 10 or 13 digits of the book's ISBN.")
    if kind == K.TEACHER:
        appointment = contribution.appointment
        if appointment is None:
            found["appointment"] = _("Appointment: an enterprise teacher is linked to their "
                                     "approved mentor appointment.")
        elif (appointment.status not in APPOINTED or appointment.school_id != college.school_id
              or appointment.mentor.organisation_id is None
              or appointment.mentor.organisation_id != organisation_id):
            found["appointment"] = _("Appointment: choose an approved appointment of a mentor "
                                     "from the contributing organisation.")
    if kind == K.SERVICE and contribution.client is None:
        found["client"] = _("Client: name the enterprise the project serves.")
    if kind == K.SERVICE and contribution.client is not None \
            and contribution.client.school_id != college.school_id:
        found["client"] = _("Client: choose one of the school's partner organisations.")
    if kind in AMOUNT_REQUIRED and contribution.amount is None:
        found["amount"] = _amount_message(kind)
    return found


def _settle(contribution: Contribution) -> None:
    """Clear the fields its kind does not have."""
    kept = KIND_FIELDS[contribution.kind]
    for name in SPECIFIC:
        if name in kept:
            continue
        field = Contribution._meta.get_field(name)
        setattr(contribution, name, None if field.null else field.get_default())
    if contribution.kind in NO_AMOUNT:
        contribution.amount = None
    if contribution.isbn:
        contribution.isbn = contribution.isbn.replace(" ", "").upper()


def check(contribution: Contribution, *, actor: User, staff: bool) -> None:
    """Clear what the kind does not have, then refuse the contribution with every problem."""
    _settle(contribution)
    found = problems(contribution, staff=staff, actor=actor)
    if found:
        raise DomainError("；".join(found.values()), field=next(iter(found)))
    validate(contribution)


def _confirm(contribution: Contribution, actor: User) -> None:
    contribution.status = ContributionStatus.CONFIRMED
    contribution.confirmed_by = actor
    contribution.confirmed_at = timezone.now()
    contribution.review_note = ""


def record_contribution(*, actor: User, college: IndustryCollege, kind: str, title: str,
                        happened_on, organisation=None, programme=None, amount=None,
                        authors: str = "", is_core_course: bool = False,
                        is_practice_course: bool = False, publisher: str = "", isbn: str = "",
                        appointment=None, client=None, description: str = "", evidence=None,
                        confirm: bool = False) -> Contribution:
    """Record a piece of co-developed work. Staff record any party's and may confirm it at
    once; an enterprise member records their own organisation's with evidence, and it waits
    for staff (待确认)."""
    staff = is_staff_of(actor, college)
    contribution = Contribution(
        college=college, kind=kind, title=(title or "").strip(), organisation=organisation,
        programme=programme, happened_on=happened_on, amount=amount, authors=authors or "",
        is_core_course=is_core_course, is_practice_course=is_practice_course,
        publisher=publisher or "", isbn=isbn or "", appointment=appointment, client=client,
        description=description or "", recorded_by=actor, status=ContributionStatus.RECORDED)
    if evidence:
        contribution.evidence = evidence
    check(contribution, actor=actor, staff=staff)
    with transaction.atomic():
        if staff and confirm:
            _confirm(contribution, actor)
        contribution.save()
        audit.record(actor=actor, action="colleges.contribution.recorded", obj=contribution,
                     after=audit.snapshot(contribution))
        if contribution.status == ContributionStatus.CONFIRMED:
            audit.record(actor=actor, action="colleges.contribution.confirmed",
                         obj=contribution)
            deliver_to_ledger(contribution=contribution, actor=actor)
    return contribution


def change_contribution(*, actor: User, contribution: Contribution,
                        **values: Any) -> Contribution:
    """Change a contribution's fields (``EDITABLE``, and ``evidence``); a returned one that
    its organisation corrects waits for staff again."""
    unknown = set(values) - {*EDITABLE, "evidence"}
    if unknown:
        raise TypeError(f"not editable: {sorted(unknown)}")
    before = audit.snapshot(Contribution.objects.get(pk=contribution.pk))
    for name, value in values.items():
        if name == "evidence" and not value:
            continue
        setattr(contribution, name, value)
    staff = is_staff_of(actor, contribution.college)
    check(contribution, actor=actor, staff=staff)
    if not staff and contribution.status == ContributionStatus.RETURNED:
        contribution.status = ContributionStatus.RECORDED
        contribution.review_note = ""
    with transaction.atomic():
        contribution.save()
        audit.record(actor=actor, action="changed", obj=contribution, before=before,
                     after=audit.snapshot(contribution))
    return contribution


def confirm_contribution(*, actor: User, contribution: Contribution) -> Contribution:
    """Confirm a contribution awaiting confirmation: it counts from now on and is delivered to
    the partners ledger."""
    with transaction.atomic():
        contribution = Contribution.objects.select_for_update().select_related(
            "college").get(pk=contribution.pk)
        if contribution.status != ContributionStatus.RECORDED:
            raise DomainError(_("Only work awaiting confirmation can be confirmed."))
        found = problems(contribution, staff=True, actor=actor)
        if found:
            raise DomainError("；".join(found.values()))
        before = audit.snapshot(contribution)
        _confirm(contribution, actor)
        contribution.save()
        audit.record(actor=actor, action="colleges.contribution.confirmed", obj=contribution,
                     before=before, after=audit.snapshot(contribution))
        deliver_to_ledger(contribution=contribution, actor=actor)
    return contribution


def return_contribution(*, actor: User, contribution: Contribution,
                        note: str) -> Contribution:
    """Return a contribution awaiting confirmation to whoever recorded it, saying what to
    correct."""
    note = (note or "").strip()
    if not note:
        raise DomainError(_("Note: say what should be corrected."), field="note")
    with transaction.atomic():
        contribution = Contribution.objects.select_for_update().get(pk=contribution.pk)
        if contribution.status != ContributionStatus.RECORDED:
            raise DomainError(_("Only work awaiting confirmation can be returned."))
        before = audit.snapshot(contribution)
        contribution.status = ContributionStatus.RETURNED
        contribution.review_note = note[:300]
        contribution.save()
        audit.record(actor=actor, action="colleges.contribution.returned", obj=contribution,
                     before=before, after=audit.snapshot(contribution))
        if contribution.recorded_by_id and contribution.recorded_by_id != actor.pk:
            notify(user=contribution.recorded_by,
                   title=_("Returned for correction: %(title)s") % {"title": contribution.title},
                   body=note, url=contribution.get_absolute_url())
    return contribution
