"""Read helpers of the outcome chain (成效链): for a graduation year or a bootcamp cohort, each
graduate's chain — bootcamp participation → mentor → placement position → destination — with
the evidence status of every link, and the flags that expose inflated employment (被就业), each
explaining itself in a sentence and linking to the record.

The flag rules live here (pure reads). A whole selection is read in a fixed number of queries
whatever the number of graduates (``chain()`` runs seven for a year, eight for a cohort): the
rows (a cohort's members, then their destinations), the bootcamp participations, the credits,
the mentors' appointments, the placements, the start-ups the graduates founded and one grouped
count of the year's destinations per class, major and employer. Everything starts from
``visible_to(user)``: department staff get their department's graduates only, and the employer
shares are counted over what the user sees (a class and a major lie inside one department, so
department staff see whole classes and majors)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from chanchuang.core.identifiers import validate_credit_code
from chanchuang.core.models import Student
from chanchuang.core.visibility import scope_of
from chanchuang.innovation.models import ApplicationMember, Cohort, Credit, Startup
from chanchuang.insights.choices import (
    EMPLOYER_CODES,
    UNEMPLOYED_GROUPS,
    DestinationCode,
    EvidenceKind,
    Verification,
)
from chanchuang.insights.models import GraduateDestination
from chanchuang.mentors.choices import AppointmentStatus
from chanchuang.mentors.models import Appointment
from chanchuang.placements.choices import PlacementStatus
from chanchuang.placements.models import Placement

EMPLOYER_SHARE_LIMIT = Decimal("0.30")
"""The share of one class's (or one major's) graduates of a year that one employer may hire
before the chain calls it implausible. A vocational class is 30–50 graduates spread over many
employers; even an order class (订单班) hired by its partner is a named programme staff know
about. When one employer takes 30% or more of a class, the list most often pads employment
with the employer that signs for everyone (被就业): the records are worth a look."""

EMPLOYER_SHARE_MIN_HIRES = 5
"""The fewest graduates one employer must hire before its share is judged at all: in a class
of six, two graduates at the same company is a third of the class and means nothing."""


def share_limit_percent() -> int:
    """``EMPLOYER_SHARE_LIMIT`` in percent, as the page and the explanations say it."""
    return int(EMPLOYER_SHARE_LIMIT * 100)


class Flag(models.TextChoices):
    """What the chain flags on a graduate's record."""

    WITHOUT_EVIDENCE = "destination_without_evidence", _("Destination without evidence")
    SELF_REPORTED = "destination_self_reported", _("Destination only self-reported")
    EMPLOYER_SHARE = "implausible_employer_share", _("Implausible employer share")
    STARTUP_WITHOUT_COMPANY = "startup_without_company", _("Start-up without a company")
    EMPLOYER_NOT_REGISTERED = "employer_not_registered", _("Employer not registered")


# How loud each flag is: the weak one (self-reported) is a warning.
SEVERITY = dict.fromkeys(Flag, "danger") | {Flag.SELF_REPORTED: "warning"}


class LinkStatus(models.TextChoices):
    """How far one link of the chain is evidenced."""

    EVIDENCED = "evidenced", pgettext_lazy("chain link", "Evidenced")
    UNVERIFIED = "unverified", pgettext_lazy("chain link", "Not verified")
    MISSING = "missing", pgettext_lazy("chain link", "Evidence missing")
    NONE = "none", pgettext_lazy("chain link", "No such link")


@dataclass(frozen=True)
class Selection:
    """What the chain is read for: a graduation year, or a bootcamp cohort."""

    graduation_year: int | None = None
    cohort: Cohort | None = None

    @property
    def query(self) -> dict[str, Any]:
        """The selection as API / export filter parameters."""
        if self.cohort is not None:
            return {"cohort": self.cohort.pk}
        return {"graduation_year": self.graduation_year}


@dataclass
class Link:
    """One link of a graduate's chain: what it is, how far it is evidenced, its record."""

    status: str
    text: str = ""
    detail: str = ""
    url: str = ""

    @property
    def status_label(self) -> str:
        return str(LinkStatus(self.status).label)


@dataclass
class RaisedFlag:
    """A flag raised on a graduate's record, with the sentence that explains it."""

    flag: str
    explanation: str
    url: str = ""

    @property
    def label(self) -> str:
        return str(Flag(self.flag).label)

    @property
    def severity(self) -> str:
        return SEVERITY[Flag(self.flag)]


@dataclass
class ChainRow:
    """One graduate (or participant) and their chain."""

    student: Student
    destination: GraduateDestination | None
    bootcamp: Link
    mentor: Link
    placement: Link
    outcome: Link
    hired_by_host: bool = False
    flags: list[RaisedFlag] = field(default_factory=list)

    @property
    def school_id(self) -> int:
        return self.student.school_id

    @property
    def department_id(self) -> int:
        return self.student.department_id

    @property
    def flag_keys(self) -> set[str]:
        return {raised.flag for raised in self.flags}


@dataclass
class Chain:
    """The chain of a selection: its rows and how many rows carry each flag."""

    selection: Selection
    rows: list[ChainRow]

    @property
    def counts(self) -> list[tuple[Flag, int]]:
        """(flag, rows carrying it) for every flag, in the order of ``Flag``."""
        tally: dict[str, int] = defaultdict(int)
        for row in self.rows:
            for key in row.flag_keys:
                tally[key] += 1
        return [(flag, tally[flag.value]) for flag in Flag]

    @property
    def flagged(self) -> int:
        """Rows carrying at least one flag."""
        return sum(1 for row in self.rows if row.flags)

    def rows_with(self, flag: str | None) -> list[ChainRow]:
        """The rows carrying ``flag`` (every row for no flag or an unknown one)."""
        if flag not in Flag.values:
            return self.rows
        return [row for row in self.rows if flag in row.flag_keys]


def record_url(obj: Any) -> str:
    """The page of a record, or "" when there is no record."""
    return "" if obj is None else obj.get_absolute_url()


# --- Selecting ---------------------------------------------------------------------------------


def years_of(user) -> list[int]:
    """The graduation years of the destinations the user sees, latest first."""
    return list(GraduateDestination.objects.visible_to(user).order_by("-graduation_year")
                .values_list("graduation_year", flat=True).distinct())


def cohorts_of(user) -> list[Cohort]:
    """The bootcamp cohorts the user may read the chain of (their schools'), latest first."""
    return list(Cohort.objects.visible_to(user).select_related("programme")
                .order_by("-starts_on", "-number"))


def default_year(years: list[int]) -> int:
    """The year shown when none is asked for: the latest with destinations, else this one."""
    return years[0] if years else timezone.localdate().year


# --- The chain ---------------------------------------------------------------------------------


def _graduates(user, selection: Selection):
    """(the students of the selection in order, their destinations by student id, the
    subquery of their ids): one query for a year, two for a cohort."""
    destinations = GraduateDestination.objects.visible_to(user).select_related(
        "student__user", "student__school_class", "student__department", "major", "employer")
    if selection.cohort is None:
        found = list(destinations.filter(graduation_year=selection.graduation_year)
                     .order_by("department_id", "student__school_class_id",
                               "student__student_no"))
        ids = GraduateDestination.objects.visible_to(user).filter(
            graduation_year=selection.graduation_year).values("student_id")
        return [d.student for d in found], {d.student_id: d for d in found}, ids
    members = ApplicationMember.objects.filter(
        cohort=selection.cohort, active=True, application__team__isnull=False,
        student__in=Student.objects.visible_to(user))
    students = [m.student for m in members.select_related(
        "student__user", "student__school_class", "student__department", "student__major")
        .order_by("student__department_id", "student__school_class_id", "student__student_no")]
    ids = members.values("student_id")
    found = {d.student_id: d for d in destinations.filter(student_id__in=ids)}
    return students, found, ids


def chain(user, selection: Selection) -> Chain:
    """The chain of every graduate of the selection the user sees, with its flags."""
    students, destinations, ids = _graduates(user, selection)
    if not students:
        return Chain(selection, [])
    participations = _participations(ids, selection.cohort)
    credits = _credits(ids)
    appointed = _appointed({m.application.team.mentor_id for m in participations.values()
                            if m.application.team.mentor_id})
    placements = _placements(ids)
    founded = _founded(ids)
    shares = _employer_shares(user, {d.graduation_year for d in destinations.values()})
    rows = []
    for student in students:
        destination = destinations.get(student.pk)
        member = participations.get(student.pk)
        placement = placements.get(student.pk)
        row = ChainRow(
            student=student, destination=destination,
            bootcamp=_bootcamp_link(member, credits),
            mentor=_mentor_link(member, appointed),
            placement=_placement_link(placement),
            outcome=_destination_link(destination),
            hired_by_host=bool(destination and placement and destination.employer_id
                               and destination.employer_id
                               == placement.position.organisation_id),
        )
        if destination is not None:
            row.flags = flags_of(destination, shares=shares,
                                 founded=founded.get(student.pk, {}))
        rows.append(row)
    return Chain(selection, rows)


def _participations(ids, cohort: Cohort | None) -> dict[int, ApplicationMember]:
    """Each student's bootcamp participation (a place in a team): in the cohort asked for,
    else the latest."""
    members = ApplicationMember.objects.filter(
        student_id__in=ids, active=True, application__team__isnull=False).select_related(
        "cohort__programme", "application__team__mentor").order_by("cohort__starts_on", "pk")
    if cohort is not None:
        members = members.filter(cohort=cohort)
    return {member.student_id: member for member in members}  # the latest wins


def _credits(ids) -> dict[tuple[int, int], Decimal]:
    """The bootcamp credits recorded, by (student, cohort)."""
    return {(c["student_id"], c["cohort_id"]): c["credits"] for c in Credit.objects.filter(
        student_id__in=ids, cohort__isnull=False).values("student_id", "cohort_id", "credits")}


def _appointed(mentor_ids: set[int]) -> set[int]:
    """The mentors (of these) holding an approved or active appointment today."""
    if not mentor_ids:
        return set()
    today = timezone.localdate()
    return set(Appointment.objects.filter(
        mentor_id__in=mentor_ids, start_date__lte=today, end_date__gte=today,
        status__in=[AppointmentStatus.APPROVED, AppointmentStatus.ACTIVE],
    ).values_list("mentor_id", flat=True))


def _placements(ids) -> dict[int, Placement]:
    """Each student's latest placement that was not cancelled."""
    placements = Placement.objects.filter(student_id__in=ids).exclude(
        status=PlacementStatus.CANCELLED).select_related("position__organisation").order_by(
        "start_date", "pk")
    return {placement.student_id: placement for placement in placements}  # the latest wins


def _founded(ids) -> dict[int, dict[str, Startup]]:
    """The start-ups (in the innovation records) each student founded, by credit code."""
    through = Startup.founders.through
    found: dict[int, dict[str, Startup]] = defaultdict(dict)
    for link in through.objects.filter(student_id__in=ids).select_related("startup"):
        found[link.student_id][link.startup.credit_code] = link.startup
    return found


# --- Links -------------------------------------------------------------------------------------


def _bootcamp_link(member: ApplicationMember | None, credits) -> Link:
    if member is None:
        return Link(LinkStatus.NONE, detail=gettext("No bootcamp"))
    team = member.application.team
    text = gettext("%(programme)s, cohort %(number)s · %(team)s") % {
        "programme": member.cohort.programme.name, "number": member.cohort.number,
        "team": team.name}
    credit = credits.get((member.student_id, member.cohort_id))
    if member.completed and credit is not None:
        status, detail = LinkStatus.EVIDENCED, gettext("Completed, %(credits)s credits") % {
            "credits": credit}
    elif member.completed:
        status, detail = LinkStatus.UNVERIFIED, gettext("Completed, no credit recorded")
    elif member.completed is False:
        status, detail = LinkStatus.UNVERIFIED, gettext("Did not complete")
    else:
        status, detail = LinkStatus.UNVERIFIED, gettext("Completion not yet decided")
    return Link(status, text, detail, record_url(team))


def _mentor_link(member: ApplicationMember | None, appointed: set[int]) -> Link:
    if member is None:
        return Link(LinkStatus.NONE)
    mentor = member.application.team.mentor
    if mentor is None:
        return Link(LinkStatus.MISSING, detail=gettext("The team has no mentor"))
    if mentor.pk in appointed:
        return Link(LinkStatus.EVIDENCED, mentor.name, gettext("Appointment in force"),
                    record_url(mentor))
    return Link(LinkStatus.UNVERIFIED, mentor.name, gettext("No appointment in force"),
                record_url(mentor))


def _placement_link(placement: Placement | None) -> Link:
    if placement is None:
        return Link(LinkStatus.NONE, detail=gettext("No placement"))
    text = str(placement.position)
    if placement.status == PlacementStatus.MATCHED:
        status, detail = LinkStatus.UNVERIFIED, gettext("Matched, not yet confirmed")
    elif placement.tripartite_agreement_id is None:
        status, detail = LinkStatus.UNVERIFIED, gettext("No three-party agreement")
    else:
        status, detail = LinkStatus.EVIDENCED, gettext("Confirmed, three-party agreement on file")
    return Link(status, text, detail, record_url(placement))


VERIFICATION_STATUS = {Verification.VERIFIED: LinkStatus.EVIDENCED,
                       Verification.SELF_REPORTED: LinkStatus.UNVERIFIED,
                       Verification.MISSING: LinkStatus.MISSING}


def _destination_link(destination: GraduateDestination | None) -> Link:
    if destination is None:
        return Link(LinkStatus.NONE, detail=gettext("No destination recorded"))
    text = destination.get_code_display()
    if destination.employer_name:
        text = f"{text} · {destination.employer_name}"
    return Link(VERIFICATION_STATUS[Verification(destination.verification)], text,
                destination.get_verification_display(), record_url(destination))


# --- Flags -------------------------------------------------------------------------------------


@dataclass
class Shares:
    """How many graduates of a year each employer hired, per class and per major, against the
    graduates of that class and major."""

    class_hires: dict[tuple[int, int, tuple], int] = field(default_factory=dict)
    class_totals: dict[tuple[int, int], int] = field(default_factory=dict)
    major_hires: dict[tuple[int, int, tuple], int] = field(default_factory=dict)
    major_totals: dict[tuple[int, int], int] = field(default_factory=dict)


def employer_key(employer_id: int | None, credit_code: str, name: str) -> tuple | None:
    """Who an employer is, for counting: the registered organisation, else the credit code,
    else the name as written (None when nothing names one)."""
    if employer_id:
        return ("organisation", employer_id)
    if credit_code:
        return ("credit_code", credit_code)
    name = " ".join(name.split())
    return ("name", name) if name else None


def _employer_shares(user, years: set[int]) -> Shares:
    """One grouped count of the years' destinations the user sees by year, class, major and
    employer (employers counted only for the codes that name one)."""
    shares = Shares(defaultdict(int), defaultdict(int), defaultdict(int), defaultdict(int))
    if not years:
        return shares
    grouped = (GraduateDestination.objects.visible_to(user).filter(graduation_year__in=years)
               .order_by()
               .values("graduation_year", "student__school_class_id", "major_id", "employer_id",
                       "employer_credit_code", "employer_name")
               .annotate(graduates=Count("pk"),
                         hires=Count("pk", filter=Q(code__in=EMPLOYER_CODES))))
    for group in grouped:
        year, school_class, major = (group["graduation_year"], group["student__school_class_id"],
                                     group["major_id"])
        shares.major_totals[year, major] += group["graduates"]
        if school_class is not None:
            shares.class_totals[year, school_class] += group["graduates"]
        key = employer_key(group["employer_id"], group["employer_credit_code"],
                           group["employer_name"])
        if key is None or not group["hires"]:
            continue
        shares.major_hires[year, major, key] += group["hires"]
        if school_class is not None:
            shares.class_hires[year, school_class, key] += group["hires"]
    return shares


def implausible(hires: int, graduates: int) -> bool:
    """Whether one employer hiring ``hires`` of ``graduates`` is implausible (see
    ``EMPLOYER_SHARE_LIMIT`` and ``EMPLOYER_SHARE_MIN_HIRES``)."""
    return (hires >= EMPLOYER_SHARE_MIN_HIRES and graduates > 0
            and Decimal(hires) >= EMPLOYER_SHARE_LIMIT * graduates)


def _percent(part: int, whole: int) -> int:
    return round(100 * part / whole)


def _valid_credit_code(code: str) -> bool:
    try:
        validate_credit_code(code)
    except ValidationError:
        return False
    return True


def flags_of(destination: GraduateDestination, *, shares: Shares,
             founded: dict[str, Startup]) -> list[RaisedFlag]:
    """The flags of one destination (``shares``: the year's counts; ``founded``: the
    start-ups the graduate founded, by credit code). Reads nothing from the database."""
    raised: list[RaisedFlag] = []
    url = record_url(destination)
    code = destination.get_code_display()
    employed = destination.group not in UNEMPLOYED_GROUPS
    employer = destination.employer_name or gettext("(no employer named)")
    if employed and destination.verification == Verification.MISSING:
        raised.append(RaisedFlag(Flag.WITHOUT_EVIDENCE, gettext(
            "Reported as “%(code)s”, but there is no evidence of it (verification: missing): "
            "it should not count as a destination until the proof is in.") % {"code": code},
            url))
    elif employed and destination.verification == Verification.SELF_REPORTED:
        raised.append(RaisedFlag(Flag.SELF_REPORTED, gettext(
            "Reported as “%(code)s” by the graduate; staff have not verified the evidence "
            "yet.") % {"code": code}, url))
    raised += _share_flags(destination, shares, url, employer)
    if destination.code == DestinationCode.STARTUP:
        raised += _startup_flags(destination, founded, url)
    if (destination.code in EMPLOYER_CODES and destination.employer_id is None
            and not destination.employer_credit_code):
        raised.append(RaisedFlag(Flag.EMPLOYER_NOT_REGISTERED, gettext(
            "“%(code)s” at %(employer)s: the employer is not a registered organisation of the "
            "school and has no unified social credit code, so nothing shows it exists.") % {
            "code": code, "employer": employer}, url))
    return raised


def _share_flags(destination, shares: Shares, url: str, employer: str) -> list[RaisedFlag]:
    key = employer_key(destination.employer_id, destination.employer_credit_code,
                       destination.employer_name)
    if key is None or destination.code not in EMPLOYER_CODES:
        return []
    year = destination.graduation_year
    sentences = []
    school_class = destination.student.school_class
    if school_class is not None:
        hires = shares.class_hires.get((year, school_class.pk, key), 0)
        graduates = shares.class_totals.get((year, school_class.pk), 0)
        if implausible(hires, graduates):
            sentences.append(gettext(
                "%(employer)s hired %(hires)s of the %(graduates)s graduates of class "
                "%(class)s in %(year)s (%(percent)s%%).") % {
                "employer": employer, "hires": hires, "graduates": graduates,
                "class": school_class.name, "year": year,
                "percent": _percent(hires, graduates)})
    hires = shares.major_hires.get((year, destination.major_id, key), 0)
    graduates = shares.major_totals.get((year, destination.major_id), 0)
    if implausible(hires, graduates):
        sentences.append(gettext(
            "%(employer)s hired %(hires)s of the %(graduates)s graduates of %(major)s in "
            "%(year)s (%(percent)s%%).") % {
            "employer": employer, "hires": hires, "graduates": graduates,
            "major": destination.major.name, "year": year,
            "percent": _percent(hires, graduates)})
    if not sentences:
        return []
    sentences.append(gettext(
        "One employer taking %(limit)s%% or more of a class or a major (at least %(least)s "
        "graduates) is implausible: check the contracts.") % {
        "limit": share_limit_percent(),
        "least": EMPLOYER_SHARE_MIN_HIRES})
    return [RaisedFlag(Flag.EMPLOYER_SHARE, " ".join(sentences), url)]


def _startup_flags(destination, founded: dict[str, Startup], url: str) -> list[RaisedFlag]:
    credit_code = destination.employer_credit_code
    if not credit_code or not _valid_credit_code(credit_code):
        return [RaisedFlag(Flag.STARTUP_WITHOUT_COMPANY, gettext(
            "Reported as a start-up, but without a valid unified social credit code: nothing "
            "shows a company was registered."), url)]
    licence = destination.evidence_kind == EvidenceKind.LICENCE and bool(destination.evidence)
    if licence or credit_code in founded:
        return []
    return [RaisedFlag(Flag.STARTUP_WITHOUT_COMPANY, gettext(
        "Reported as a start-up (credit code %(credit_code)s), but neither a business licence "
        "is on file nor do the innovation records show the graduate founding that company.")
        % {"credit_code": credit_code}, url)]


def export_school(user, selection: Selection) -> int | None:
    """The school an export of the chain is logged under."""
    if selection.cohort is not None:
        return selection.cohort.school_id
    schools = scope_of(user).member_schools
    return next(iter(schools)) if len(schools) == 1 else None
