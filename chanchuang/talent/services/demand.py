"""State changes of talent demand (人才需求): declaring a demand with the skills its job
description suggested and those the person added, changing it, closing it as filled or
withdrawn, and keeping a published position's demand in step with the position (placements
calls ``mirror_position`` and ``drop_position_demand``; talent never imports placements).

The window of years a demand covers is computed here from its time frame and the current year:
this year → (Y, Y), next year → (Y+1, Y+1), in two to three years → (Y+2, Y+3)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db import transaction
from django.utils.translation import gettext as _

from chanchuang.core import audit
from chanchuang.core.models import Major, Organisation, User
from chanchuang.core.services import DomainError, validate
from chanchuang.core.visibility import scope_of
from chanchuang.talent.choices import DemandOrigin, DemandStatus, TimeFrame
from chanchuang.talent.models import Demand, DemandSkill, Skill
from chanchuang.talent.queries.demand import current_year, suggester_for

WINDOWS = {TimeFrame.THIS_YEAR: (0, 0), TimeFrame.NEXT_YEAR: (1, 1), TimeFrame.LATER: (2, 3)}
CLOSED = (DemandStatus.FILLED, DemandStatus.WITHDRAWN)
SNAPSHOT_EXTRA = ("majors", "skills")


def window(timeframe: str, year: int | None = None) -> tuple[int, int]:
    """The calendar years (first, last) a time frame covers, counted from ``year``."""
    year = current_year() if year is None else year
    start, end = WINDOWS[TimeFrame(timeframe)]
    return year + start, year + end


def timeframe_of(year_from: int, year: int | None = None) -> str:
    """The time frame a window starting in ``year_from`` falls in (a past year is this year)."""
    year = current_year() if year is None else year
    if year_from <= year:
        return TimeFrame.THIS_YEAR
    return TimeFrame.NEXT_YEAR if year_from == year + 1 else TimeFrame.LATER


def _snapshot(demand: Demand) -> audit.Snapshot:
    return audit.snapshot(demand, {
        "majors": sorted(m.code for m in demand.majors.all()),
        "skills": sorted(f"{ds.skill.name}{'' if ds.suggested else '*'}"
                         for ds in demand.demand_skills.select_related("skill"))})


def may_declare_for(actor: User, organisation: Organisation) -> bool:
    """School staff declare for any partner of their school; an enterprise member for their
    own organisation only."""
    scope = scope_of(actor)
    return (scope.is_admin or organisation.school_id in scope.staff_schools
            or organisation.pk in scope.organisation_ids)


def _check(demand: Demand, *, actor: User | None, majors: Sequence[Major],
           skills: Iterable[Skill]) -> None:
    """Refuse a demand with the first problem found, naming the field."""
    organisation = demand.organisation
    if actor is not None and not may_declare_for(actor, organisation):
        raise DomainError(_("Enterprise: you can declare demand only for your own "
                            "organisation."), field="organisation")
    if not (demand.post or "").strip():
        raise DomainError(_("Post: name the post."), field="post")
    if not demand.headcount or demand.headcount < 1:
        raise DomainError(_("Head count: at least one."), field="headcount")
    if demand.pay_min is not None and demand.pay_max is not None \
            and demand.pay_max < demand.pay_min:
        raise DomainError(_("Pay: the upper end is below the lower end."), field="pay_max")
    if any(m.school_id != organisation.school_id for m in majors):
        raise DomainError(_("Majors: choose majors of the enterprise's partner school."),
                          field="majors")
    if any(s.school_id != organisation.school_id for s in skills):
        raise DomainError(_("Skills: choose skills of the school's skill dictionary."),
                          field="skills")
    demand.school_id = organisation.school_id
    validate(demand)


def _skill_rows(demand: Demand, kept: Sequence[Skill], added: Sequence[Skill]) -> None:
    """Replace the demand's skills: the kept suggestions (``suggested``) and the added ones.
    A skill kept is marked suggested only if the description still suggests it."""
    found = {s.skill_id for s in suggester_for(demand.school_id).suggest(
        f"{demand.post}\n{demand.description}")}
    rows: dict[int, DemandSkill] = {}
    for skill in kept:
        rows[skill.pk] = DemandSkill(demand=demand, skill=skill, suggested=skill.pk in found)
    for skill in added:
        rows.setdefault(skill.pk, DemandSkill(demand=demand, skill=skill, suggested=False))
    DemandSkill.objects.filter(demand=demand).delete()
    DemandSkill.objects.bulk_create(rows.values())


def declare_demand(*, actor: User, organisation: Organisation, post: str, headcount: int,
                   timeframe: str, majors: Sequence[Major] = (),
                   suggested_skills: Sequence[Skill] = (), added_skills: Sequence[Skill] = (),
                   pay_min: int | None = None, pay_max: int | None = None,
                   description: str = "") -> Demand:
    """Declare an enterprise's talent demand: its window of years from the time frame, its
    majors, and its skills (the suggestions the person kept, and those they added)."""
    year_from, year_to = window(timeframe)
    demand = Demand(organisation=organisation, post=(post or "").strip(), headcount=headcount,
                    timeframe=timeframe, year_from=year_from, year_to=year_to,
                    pay_min=pay_min, pay_max=pay_max, description=(description or "").strip(),
                    status=DemandStatus.OPEN, origin=DemandOrigin.DECLARED, created_by=actor)
    _check(demand, actor=actor, majors=majors, skills=[*suggested_skills, *added_skills])
    with transaction.atomic():
        demand.save()
        demand.majors.set(majors)
        _skill_rows(demand, suggested_skills, added_skills)
        audit.record(actor=actor, action="talent.demand.declared", obj=demand,
                     after=_snapshot(demand))
    return demand


EDITABLE = ("organisation", "post", "headcount", "timeframe", "pay_min", "pay_max",
            "description")


def change_demand(*, actor: User, demand: Demand, majors: Sequence[Major] | None = None,
                  suggested_skills: Sequence[Skill] | None = None,
                  added_skills: Sequence[Skill] = (), **values) -> Demand:
    """Change an open declared demand (its window follows its time frame again); the skills
    are replaced when ``suggested_skills`` is given."""
    unknown = set(values) - set(EDITABLE)
    if unknown:
        raise TypeError(f"not editable: {sorted(unknown)}")
    if demand.origin != DemandOrigin.DECLARED:
        raise DomainError(_("This demand mirrors a published position: change the position."))
    if demand.status != DemandStatus.OPEN:
        raise DomainError(_("Only open demand can be changed."))
    before = _snapshot(Demand.objects.get(pk=demand.pk))
    for name, value in values.items():
        setattr(demand, name, value.strip() if isinstance(value, str) else value)
    if "timeframe" in values:
        demand.year_from, demand.year_to = window(demand.timeframe)
    majors_now = list(majors) if majors is not None else list(demand.majors.all())
    skills_now = [*(suggested_skills or ()), *added_skills]
    _check(demand, actor=actor, majors=majors_now, skills=skills_now)
    with transaction.atomic():
        demand.save()
        if majors is not None:
            demand.majors.set(majors)
        if suggested_skills is not None:
            _skill_rows(demand, suggested_skills, added_skills)
        audit.record(actor=actor, action="changed", obj=demand, before=before,
                     after=_snapshot(demand))
    return demand


def close_demand(*, actor: User, demand: Demand, status: str) -> Demand:
    """Close an open declared demand as filled or withdrawn."""
    if status not in CLOSED:
        raise DomainError(_("Status: a demand is closed as filled or withdrawn."),
                          field="status")
    with transaction.atomic():
        # Two people may close the same demand at once: the second sees it closed.
        demand = Demand.objects.select_for_update().get(pk=demand.pk)
        if demand.origin != DemandOrigin.DECLARED:
            raise DomainError(_("This demand mirrors a published position: close the "
                                "position."))
        if demand.status != DemandStatus.OPEN:
            raise DomainError(_("This demand is already closed."))
        before = audit.snapshot(demand)
        demand.status = status
        demand.save(update_fields=["status", "updated_at"])
        audit.record(actor=actor, action="talent.demand.closed", obj=demand, before=before,
                     after=audit.snapshot(demand))
    return demand


# --- positions counted as demand (called by placements) ---------------------------------------


def position_key(position_pk: int) -> str:
    """The ``source_key`` of the demand mirroring a position."""
    return f"position:{position_pk}"


def mirror_position(*, position, years: tuple[int, int], filled: bool = False) -> Demand:
    """Keep the demand that mirrors a published position in step with it (create or update):
    its enterprise, post (the title), head count (the seats), majors, description, the skills
    its title and description suggest, the window of years its plan covers, and its status
    (open while the position is open; filled or withdrawn once it is closed). ``position`` is
    duck-typed: ``pk``, ``organisation``, ``title``, ``seats``, ``description``,
    ``required_majors``, ``is_open``-like ``status == "open"``, ``get_absolute_url()``."""
    key = position_key(position.pk)
    year_from, year_to = years
    status = DemandStatus.OPEN if position.status == "open" else (
        DemandStatus.FILLED if filled else DemandStatus.WITHDRAWN)
    with transaction.atomic():
        demand = Demand.objects.select_for_update().filter(source_key=key).first()
        creating = demand is None
        if creating:
            demand = Demand(source_key=key, origin=DemandOrigin.POSITION)
        before = {} if creating else _snapshot(demand)
        demand.organisation = position.organisation
        demand.post = position.title[:100]
        demand.headcount = max(position.seats or 1, 1)
        demand.description = position.description or ""
        demand.year_from, demand.year_to = year_from, max(year_to, year_from)
        demand.timeframe = timeframe_of(year_from)
        demand.status = status
        demand.source_url = position.get_absolute_url()
        demand.save()
        demand.majors.set(position.required_majors.all())
        found = suggester_for(demand.school_id).suggest(f"{demand.post}\n{demand.description}")
        DemandSkill.objects.filter(demand=demand).delete()
        DemandSkill.objects.bulk_create([DemandSkill(demand=demand, skill_id=s.skill_id,
                                                     suggested=True) for s in found])
        after = _snapshot(demand)
        if before != after:
            audit.record(actor=None, action="talent.demand.mirrored", obj=demand,
                         before=before, after=after)
    return demand


def drop_position_demand(*, position_pk: int) -> None:
    """Delete the demand that mirrored a deleted position."""
    with transaction.atomic():
        demand = Demand.objects.filter(source_key=position_key(position_pk)).first()
        if demand is None:
            return
        before = audit.snapshot(demand)
        pk = demand.pk
        demand.delete()
        demand.pk = pk
        audit.record(actor=None, action="talent.demand.dropped", obj=demand, before=before)
