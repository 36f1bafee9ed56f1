"""State changes of an industry college's governance: seats on its council and committee,
meetings (dated within the college's life), decisions with an owner and a due date (on the
owner's to-do list until carried out), and meeting papers checked by content."""

from __future__ import annotations

import datetime as dt

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from chanchuang.colleges.choices import DecisionStatus
from chanchuang.colleges.models import Council, CouncilSeat, Decision, Meeting, MeetingPaper
from chanchuang.colleges.queries.colleges import insider_users
from chanchuang.core import audit
from chanchuang.core.models import Organisation, User
from chanchuang.core.services import DomainError, notify, validate
from chanchuang.core.uploads import DOCUMENT


def check_in_life(college, day: dt.date, field: str, label: str) -> None:
    """Refuse a date outside the college's life, naming the field."""
    if day is not None and not college.is_open_on(day):
        raise DomainError(_("%(field)s: the date falls outside the industry college's life "
                            "(founded %(founded)s%(closed)s).") % {
            "field": label, "founded": college.founded_on,
            "closed": _(", closed %(closed)s") % {"closed": college.closed_on}
            if college.closed_on else ""}, field=field)


def check_seat(council: Council, organisation: Organisation | None, user: User | None) -> None:
    """A seat's party is the school or a member organisation; its login an insider."""
    college = council.college
    if organisation is not None and not college.members.filter(
            organisation=organisation).exists():
        raise DomainError(_("Organisation: choose a member organisation of the college, or "
                            "leave it empty for the school."), field="organisation")
    if user is not None and not insider_users(college).filter(pk=user.pk).exists():
        raise DomainError(_("Login: choose a person of the school or of a member "
                            "organisation."), field="user")


def add_seat(*, actor: User, council: Council, name: str, term_start: dt.date,
             term_end: dt.date, post: str, organisation: Organisation | None = None,
             job_title: str = "", user: User | None = None) -> CouncilSeat:
    """Seat a person of one of the parties on a council or committee for a term."""
    check_seat(council, organisation, user)
    seat = CouncilSeat(council=council, name=name, organisation=organisation,
                       job_title=job_title, post=post, term_start=term_start,
                       term_end=term_end, user=user)
    validate(seat)
    with transaction.atomic():
        seat.save()
        audit.record(actor=actor, action="colleges.seat.added", obj=seat,
                     school_id=council.college.school_id, after=audit.snapshot(seat))
    return seat


def record_meeting(*, actor: User, council: Council, title: str, held_on: dt.date,
                   place: str = "", agenda: str = "", minutes: str = "") -> Meeting:
    """Record a meeting of a council or committee, dated within the college's life."""
    check_in_life(council.college, held_on, "held_on", _("Date"))
    meeting = Meeting(council=council, title=title, held_on=held_on, place=place,
                      agenda=agenda, minutes=minutes)
    validate(meeting)
    with transaction.atomic():
        meeting.save()
        audit.record(actor=actor, action="colleges.meeting.recorded", obj=meeting,
                     after=audit.snapshot(meeting))
    return meeting


def add_decision(*, actor: User, meeting: Meeting, text: str, owner: User | None,
                 due_on: dt.date | None) -> Decision:
    """Record what a meeting decided, owned by an insider of the college until a due date;
    the owner is told and finds it on their home page."""
    college = meeting.council.college
    text = (text or "").strip()
    if not text:
        raise DomainError(_("Decision: say what was decided."), field="text")
    if owner is None:
        raise DomainError(_("Owner: choose who carries the decision out."), field="owner")
    if not insider_users(college).filter(pk=owner.pk).exists():
        raise DomainError(_("Owner: choose a person of the school or of a member "
                            "organisation."), field="owner")
    if due_on is None:
        raise DomainError(_("Due date: say by when the decision is carried out."),
                          field="due_on")
    if due_on < meeting.held_on:
        raise DomainError(_("Due date: it cannot be before the meeting."), field="due_on")
    decision = Decision(meeting=meeting, text=text, owner=owner, due_on=due_on)
    validate(decision)
    with transaction.atomic():
        decision.save()
        audit.record(actor=actor, action="colleges.decision.added", obj=decision,
                     after=audit.snapshot(decision))
        if owner.pk != actor.pk:
            notify(user=owner, title=_("A decision for you to carry out: %(text)s")
                   % {"text": text}, body=_("Due %(due)s (%(meeting)s).") % {
                       "due": due_on, "meeting": meeting},
                   url=meeting.get_absolute_url())
    return decision


def _close(decision: Decision, status: str, actor: User, outcome: str, action: str) -> Decision:
    if decision.status != DecisionStatus.OPEN:
        raise DomainError(_("The decision is already %(status)s.")
                          % {"status": decision.get_status_display()})
    with transaction.atomic():
        decision = Decision.objects.select_for_update().get(pk=decision.pk)
        before = audit.snapshot(decision)
        decision.status = status
        decision.done_on = timezone.localdate() if status == DecisionStatus.DONE else None
        decision.outcome = outcome.strip()
        decision.save()
        audit.record(actor=actor, action=action, obj=decision, before=before,
                     after=audit.snapshot(decision))
    return decision


def complete_decision(*, actor: User, decision: Decision, outcome: str = "") -> Decision:
    """Mark an open decision carried out (by its owner or staff), with what was done."""
    return _close(decision, DecisionStatus.DONE, actor, outcome, "colleges.decision.done")


def drop_decision(*, actor: User, decision: Decision, outcome: str) -> Decision:
    """Drop an open decision (staff), saying why."""
    if not (outcome or "").strip():
        raise DomainError(_("Outcome: say why the decision is dropped."), field="outcome")
    return _close(decision, DecisionStatus.DROPPED, actor, outcome,
                  "colleges.decision.dropped")


def add_paper(*, actor: User, meeting: Meeting, upload: UploadedFile,
              description: str = "") -> MeetingPaper:
    """Attach a paper to a meeting (a PDF or image, checked by its content)."""
    checked = DOCUMENT.accept(upload, field="file")
    with transaction.atomic():
        paper = MeetingPaper.objects.create(meeting=meeting, file=checked,
                                            original_name=checked.display_name,
                                            description=description, uploaded_by=actor)
        audit.record(actor=actor, action="colleges.paper.uploaded", obj=paper,
                     after=audit.snapshot(paper))
    return paper
