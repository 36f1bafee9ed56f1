"""State changes of industry colleges: founding one (from its multi-party agreement, whose
organisation parties become its members), its member organisations, and the students of its
programmes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db import transaction
from django.utils.translation import gettext as _

from chanchuang.colleges.choices import MemberRole
from chanchuang.colleges.models import CollegeMember, CollegeProgramme, IndustryCollege
from chanchuang.core import audit
from chanchuang.core.models import Major, Organisation, Student, User
from chanchuang.core.services import DomainError, validate
from chanchuang.partners.choices import PartyRole
from chanchuang.partners.models import Agreement

# The agreement type an industry college is founded on (partners' built-in kind).
FOUNDING_TYPE = "industry_college"
# A party's role in the founding agreement → the member's role in the college.
ROLE_OF_PARTY = {PartyRole.LEAD: MemberRole.LEAD, PartyRole.CO_BUILDER: MemberRole.CO_BUILDER}


def member_role_for(party_role: str) -> str:
    """The college role of an agreement party: 牵头 for a lead, 共建 for a co-builder, 参建
    for any other."""
    return ROLE_OF_PARTY.get(party_role, MemberRole.PARTICIPANT)


def check_founding_agreement(agreement: Agreement | None, school_id: int) -> None:
    """Refuse an agreement that is not one of the school's industry-college agreements."""
    if agreement is None:
        return
    if agreement.school_id != school_id or agreement.type.code != FOUNDING_TYPE:
        raise DomainError(_("Founding agreement: choose one of the school's agreements to "
                            "co-build an industry college."), field="founding_agreement")


def members_from_agreement(agreement: Agreement) -> list[tuple[Organisation, str]]:
    """The organisation parties of a founding agreement with their college roles."""
    return [(party.organisation, member_role_for(party.role))
            for party in agreement.parties.filter(organisation__isnull=False)
            .select_related("organisation")]


def found_college(*, actor: User, school, name: str, founded_on: dt.date,
                  founding_agreement: Agreement | None = None, description: str = "",
                  dean: User | None = None, majors: Iterable[Major] = (),
                  members: Iterable[tuple[Organisation, str]] | None = None) -> IndustryCollege:
    """Found an industry college of ``school``; without ``members`` given, the organisation
    parties of its founding agreement become its members (the school is always the implicit
    first party)."""
    check_founding_agreement(founding_agreement, school.pk)
    college = IndustryCollege(school=school, name=name, founded_on=founded_on,
                              founding_agreement=founding_agreement, description=description,
                              dean=dean)
    validate(college)
    majors = list(majors)
    if any(major.school_id != school.pk for major in majors):
        raise DomainError(_("Majors served: choose majors of the school."), field="majors")
    if members is None:
        members = members_from_agreement(founding_agreement) if founding_agreement else []
    members = list(members)
    with transaction.atomic():
        college.save()
        college.majors.set(majors)
        audit.record(actor=actor, action="colleges.college.founded", obj=college,
                     after=audit.snapshot(college))
        for organisation, role in members:
            add_member(actor=actor, college=college, organisation=organisation, role=role,
                       joined_on=founded_on)
    return college


def add_member(*, actor: User, college: IndustryCollege, organisation: Organisation,
               role: str = MemberRole.CO_BUILDER,
               joined_on: dt.date | None = None) -> CollegeMember:
    """Make an organisation of the school a member of the college in a role."""
    if organisation.school_id != college.school_id:
        raise DomainError(_("Organisation: choose one of the school's partner organisations."),
                          field="organisation")
    if joined_on is not None and not college.is_open_on(joined_on):
        raise DomainError(_("Joined on: the date falls outside the industry college's life "
                            "(founded %(founded)s).") % {"founded": college.founded_on},
                          field="joined_on")
    member = CollegeMember(college=college, organisation=organisation, role=role,
                           joined_on=joined_on)
    validate(member)
    with transaction.atomic():
        member.save()
        audit.record(actor=actor, action="colleges.member.added", obj=member,
                     school_id=college.school_id, after=audit.snapshot(member))
    return member


def remove_member(*, actor: User, member: CollegeMember) -> None:
    """Remove a member organisation that has recorded no work in the college."""
    college = member.college
    if college.contributions.filter(organisation_id=member.organisation_id).exists():
        raise DomainError(_("%(organisation)s has recorded work in this college: it stays a "
                            "member.") % {"organisation": member.organisation})
    with transaction.atomic():
        before = audit.snapshot(member)
        member.delete()
        audit.record(actor=actor, action="colleges.member.removed", model=CollegeMember,
                     school_id=college.school_id, before=before,
                     data={"college": college.pk, "organisation": member.organisation_id})


def add_students(*, actor: User, programme: CollegeProgramme,
                 students: Iterable[Student]) -> int:
    """Add students of the school to a programme (those already in it are left alone); the
    programme's places, when set, are never exceeded. Returns how many were added."""
    students = list(dict.fromkeys(students))
    school_id = programme.college.school_id
    if any(student.school_id != school_id for student in students):
        raise DomainError(_("Students: choose students of the school."), field="students")
    present = set(programme.students.values_list("pk", flat=True))
    new = [student for student in students if student.pk not in present]
    if programme.places and len(present) + len(new) > programme.places:
        raise DomainError(_("The programme has %(places)d places and %(taken)d are taken: "
                            "%(asked)d more do not fit.") % {
            "places": programme.places, "taken": len(present), "asked": len(new)})
    if not new:
        return 0
    with transaction.atomic():
        programme.students.add(*new)
        audit.record(actor=actor, action="colleges.programme.students_added", obj=programme,
                     data={"students": [student.student_no for student in new]})
    return len(new)


def remove_student(*, actor: User, programme: CollegeProgramme, student: Student) -> None:
    """Take a student off a programme."""
    if not programme.students.filter(pk=student.pk).exists():
        raise DomainError(_("The student is not in this programme."))
    with transaction.atomic():
        programme.students.remove(student)
        audit.record(actor=actor, action="colleges.programme.student_removed", obj=programme,
                     data={"student": student.student_no})
