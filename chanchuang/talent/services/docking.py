"""State changes of docking activities (对接活动): recording one (each enterprise that took part
gets the activity on its partner timeline, once), changing it (an enterprise added later gets
its entry then), linking the agreement that resulted, and the follow-ups (跟进事项) someone
owns until they mark them done."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from chanchuang.core import audit
from chanchuang.core.models import Department, Major, Organisation, School, User
from chanchuang.core.services import DomainError, notify, validate
from chanchuang.partners import services as partner_services
from chanchuang.partners.choices import InteractionKind
from chanchuang.partners.models import Agreement, AgreementParty
from chanchuang.talent.models import DockingEvent, FollowUp
from chanchuang.talent.queries.docking import follow_up_owners

# The title of the entry an activity adds to each enterprise's timeline.
TIMELINE_TITLE = "对接活动：{title}"
EDITABLE = ("kind", "title", "held_on", "location", "attendees", "outcome", "agreement")


def _check_school(school: School, objects: Iterable[Any], message: str, field: str) -> None:
    if any(obj.school_id != school.pk for obj in objects):
        raise DomainError(message, field=field)


def check_agreement(agreement: Agreement | None, *, school: School,
                    organisations: Iterable[Organisation]) -> None:
    """Refuse an agreement of another school, or one none of the activity's enterprises is a
    party to."""
    if agreement is None:
        return
    if agreement.school_id != school.pk:
        raise DomainError(_("Resulting agreement: choose one of the school's agreements."),
                          field="agreement")
    ids = [organisation.pk for organisation in organisations]
    if not AgreementParty.objects.filter(agreement=agreement, organisation_id__in=ids).exists():
        raise DomainError(_("Resulting agreement: none of the activity's enterprises is a party "
                            "to %(agreement)s; choose an agreement one of them signed, or add "
                            "its enterprise to the activity.") % {"agreement": agreement.title},
                          field="agreement")


def _check(event: DockingEvent, organisations: list[Organisation],
           departments: list[Department], majors: list[Major]) -> None:
    """Everything a docking activity must satisfy, with the first problem's message."""
    event.title = (event.title or "").strip()
    if not event.title:
        raise DomainError(_("Title: name the activity."), field="title")
    if not organisations:
        raise DomainError(_("Enterprises: choose at least one enterprise that took part."),
                          field="organisations")
    school = event.school
    _check_school(school, organisations, _("Enterprises: choose the school's own partners."),
                  "organisations")
    _check_school(school, departments, _("Departments: choose the school's own departments."),
                  "departments")
    _check_school(school, majors, _("Majors: choose the school's own majors."), "majors")
    check_agreement(event.agreement, school=school, organisations=organisations)
    validate(event)


def _related_snapshot(event: DockingEvent, organisations, departments, majors) -> dict:
    return {"organisations": [str(o) for o in organisations],
            "departments": [str(d) for d in departments], "majors": [str(m) for m in majors]}


def _sync_timeline(actor: User, event: DockingEvent) -> int:
    """Add the activity to the timeline of each of its enterprises that does not have it yet
    (partners' ``record_interaction``); returns how many entries were added."""
    present = set(event.timeline_entries.values_list("organisation_id", flat=True))
    added = 0
    for organisation in event.organisations.all():
        if organisation.pk in present:
            continue
        entry = partner_services.record_interaction(
            actor=actor, organisation=organisation, kind=InteractionKind.MEETING,
            happened_on=event.held_on, title=TIMELINE_TITLE.format(title=event.title)[:200],
            notes=event.outcome, agreement=event.agreement)
        event.timeline_entries.add(entry)
        added += 1
    return added


def record_docking_event(*, actor: User, school: School, kind: str, title: str,
                         held_on: dt.date, organisations: Iterable[Organisation],
                         departments: Iterable[Department] = (), majors: Iterable[Major] = (),
                         location: str = "", attendees: str = "", outcome: str = "",
                         agreement: Agreement | None = None) -> DockingEvent:
    """Record a docking activity of ``school`` with the enterprises that took part; each of
    them gets it on its partner timeline in the same transaction."""
    organisations, departments, majors = list(organisations), list(departments), list(majors)
    event = DockingEvent(school=school, kind=kind, title=title, held_on=held_on,
                         location=location or "", attendees=attendees or "",
                         outcome=outcome or "", agreement=agreement, recorded_by=actor)
    _check(event, organisations, departments, majors)
    with transaction.atomic():
        event.save()
        event.organisations.set(organisations)
        event.departments.set(departments)
        event.majors.set(majors)
        audit.record(actor=actor, action="talent.docking.recorded", obj=event,
                     after=audit.snapshot(event, extra=_related_snapshot(
                         event, organisations, departments, majors)))
        _sync_timeline(actor, event)
    return event


def change_docking_event(*, actor: User, event: DockingEvent,
                         organisations: Iterable[Organisation],
                         departments: Iterable[Department] = (), majors: Iterable[Major] = (),
                         **values: Any) -> DockingEvent:
    """Change a docking activity (``EDITABLE`` and who took part); an enterprise added gets
    the activity on its timeline, the entries already there stay as they were."""
    unknown = set(values) - set(EDITABLE)
    if unknown:
        raise TypeError(f"not editable: {sorted(unknown)}")
    organisations, departments, majors = list(organisations), list(departments), list(majors)
    stored = DockingEvent.objects.get(pk=event.pk)
    before = audit.snapshot(stored, extra=_related_snapshot(
        stored, stored.organisations.all(), stored.departments.all(), stored.majors.all()))
    for name, value in values.items():
        setattr(event, name, "" if value is None and name in ("location", "attendees",
                                                               "outcome") else value)
    _check(event, organisations, departments, majors)
    with transaction.atomic():
        event.save()
        event.organisations.set(organisations)
        event.departments.set(departments)
        event.majors.set(majors)
        audit.record(actor=actor, action="changed", obj=event, before=before,
                     after=audit.snapshot(event, extra=_related_snapshot(
                         event, organisations, departments, majors)))
        _sync_timeline(actor, event)
    return event


def link_agreement(*, actor: User, event: DockingEvent, agreement: Agreement) -> DockingEvent:
    """Record the agreement that resulted from an activity that has none yet; one of the
    activity's enterprises must be a party to it."""
    with transaction.atomic():
        # Two people linking at once: the second sees the first's agreement and is refused.
        event = DockingEvent.objects.select_for_update().select_related("school").get(
            pk=event.pk)
        if event.agreement_id is not None:
            raise DomainError(_("The activity already has its resulting agreement."))
        check_agreement(agreement, school=event.school,
                        organisations=list(event.organisations.all()))
        before = audit.snapshot(event)
        event.agreement = agreement
        event.save(update_fields=["agreement"])
        audit.record(actor=actor, action="talent.docking.agreement_linked", obj=event,
                     before=before, after=audit.snapshot(event))
    return event


def add_follow_up(*, actor: User, event: DockingEvent, action: str, owner: User | None,
                  due_on: dt.date | None) -> FollowUp:
    """Give someone of the school, or of an enterprise that took part, something to follow up
    by a date; they are told and find it on their home page until it is done."""
    action = (action or "").strip()
    if not action:
        raise DomainError(_("Action: say what is to be followed up."), field="action")
    if owner is None or not follow_up_owners(event).filter(pk=owner.pk).exists():
        raise DomainError(_("Owner: choose a person of the school or of an enterprise that "
                            "took part."), field="owner")
    if due_on is None:
        raise DomainError(_("Due date: say by when it is followed up."), field="due_on")
    if due_on < event.held_on:
        raise DomainError(_("Due date: it cannot be before the activity."), field="due_on")
    follow_up = FollowUp(event=event, action=action, owner=owner, due_on=due_on)
    validate(follow_up)
    with transaction.atomic():
        follow_up.save()
        audit.record(actor=actor, action="talent.follow_up.added", obj=follow_up,
                     after=audit.snapshot(follow_up))
        if owner.pk != actor.pk:
            notify(user=owner, title=_("A follow-up for you: %(action)s") % {"action": action},
                   body=_("Due %(due)s (%(event)s).") % {"due": due_on, "event": event.title},
                   url=event.get_absolute_url())
    return follow_up


def complete_follow_up(*, actor: User, follow_up: FollowUp, note: str = "") -> FollowUp:
    """Mark an open follow-up done (its owner or staff), with an optional note."""
    with transaction.atomic():
        # Owner and staff marking it at once: the second is refused.
        follow_up = FollowUp.objects.select_for_update().select_related("event").get(
            pk=follow_up.pk)
        if follow_up.done_at is not None:
            raise DomainError(_("This follow-up is already done."))
        before = audit.snapshot(follow_up)
        follow_up.done_at = timezone.now()
        follow_up.note = (note or "").strip()
        follow_up.save(update_fields=["done_at", "note"])
        audit.record(actor=actor, action="talent.follow_up.done", obj=follow_up,
                     before=before, after=audit.snapshot(follow_up))
    return follow_up
