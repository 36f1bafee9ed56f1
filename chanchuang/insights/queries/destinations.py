"""Read helpers of graduate destinations: who may get a destination (graduates, and enrolled
students in their final year), the year they graduate, the facts a destination's derived fields
come from (the school's organisations, its partners, the graduates' placement hosts) read in a
constant number of queries for any number of destinations, and what awaits verification.
Nothing here writes.

Who is a graduate here: a student whose status is *graduated*, or an *enrolled* student in
their final year — from 1 September of the year before their expected graduation (enrolment
year + the major's length of study), when the autumn recruitment starts and schools begin to
record destinations. Anyone else (suspended, withdrawn, or not yet in the final year) gets none.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import F, Q
from django.utils import timezone

from chanchuang.core.choices import StudentStatus
from chanchuang.core.models import Organisation, Student
from chanchuang.insights.choices import Verification
from chanchuang.insights.models import GraduateDestination
from chanchuang.partners.choices import IN_FORCE
from chanchuang.partners.models import AgreementParty
from chanchuang.placements.choices import PlacementStatus
from chanchuang.placements.models import Placement


def current_year() -> int:
    """The calendar year today (the project's notion, as ``talent.queries.demand``)."""
    return timezone.localdate().year


def expected_graduation_year(student: Student) -> int:
    """The year a student graduates on schedule: enrolment year + the major's length."""
    return student.enrolment_year + student.major.duration_years


def final_year_starts(graduation_year: int) -> dt.date:
    """The first day of the final school year of those graduating in ``graduation_year``."""
    return dt.date(graduation_year - 1, 9, 1)


def may_have_destination(student: Student, today: dt.date | None = None) -> bool:
    """Whether the student is a graduate here (see the module docstring)."""
    if student.status == StudentStatus.GRADUATED:
        return True
    today = today or timezone.localdate()
    return (student.status == StudentStatus.ENROLLED
            and today >= final_year_starts(expected_graduation_year(student)))


def eligible_students(user, today: dt.date | None = None):
    """The students the user sees who may get a destination and have none yet."""
    today = today or timezone.localdate()
    # In the final year: enrolment year + length of study <= the year whose graduates are
    # in their final year today.
    final = today.year + 1 if today >= dt.date(today.year, 9, 1) else today.year
    students = Student.objects.visible_to(user).filter(destination__isnull=True)
    return students.filter(
        Q(status=StudentStatus.GRADUATED)
        | Q(status=StudentStatus.ENROLLED,
            enrolment_year__lte=final - F("major__duration_years")))


@dataclass
class Facts:
    """What a school's destinations derive from: its organisations by credit code and by name,
    the organisations with an agreement in force, and each graduate's placement hosts."""

    by_code: dict[str, Organisation] = field(default_factory=dict)
    by_name: dict[str, Organisation] = field(default_factory=dict)
    partners: set[int] = field(default_factory=set)
    hosts: dict[int, set[int]] = field(default_factory=dict)


def facts_for(school_id: int, student_ids: Iterable[int]) -> Facts:
    """The facts of ``school_id`` for these graduates (three queries, whatever their number)."""
    facts = Facts()
    for organisation in Organisation.objects.filter(school_id=school_id).only(
            "pk", "name", "credit_code", "region_id", "school_id"):
        facts.by_name[organisation.name] = organisation
        if organisation.credit_code:
            facts.by_code[organisation.credit_code] = organisation
    facts.partners = set(AgreementParty.objects.filter(
        agreement__school_id=school_id, agreement__status__in=IN_FORCE,
        organisation__isnull=False).values_list("organisation_id", flat=True))
    ids = sorted(set(student_ids))
    for start in range(0, len(ids), 2000):
        for student_id, organisation_id in Placement.objects.filter(
                student_id__in=ids[start:start + 2000]).exclude(
                status=PlacementStatus.CANCELLED).values_list(
                "student_id", "position__organisation_id"):
            facts.hosts.setdefault(student_id, set()).add(organisation_id)
    return facts


def awaiting_verification(user):
    """Destinations the user sees whose evidence a staff member has not verified yet: those
    the graduate or the list reported (self-reported)."""
    return GraduateDestination.objects.visible_to(user).filter(
        verification=Verification.SELF_REPORTED)
