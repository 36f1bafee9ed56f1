"""Read helpers of the reports handed upward: the rows of each national layout for a school and
a year (a fixed number of queries whatever the number of rows), the figures of the annual
partnership report read from the KPI registry (whatever is registered), and the report jobs'
list. A build is about one school and reads its records whole: it runs as the school's
background task, and the files are served only to who sees the job."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Count, F, Min, Q, Sum

from chanchuang.colleges.choices import ContributionKind, ContributionStatus, ProgrammeKind
from chanchuang.colleges.models import CollegeProgramme, Contribution
from chanchuang.core.models import Organisation, School
from chanchuang.insights import kpis
from chanchuang.insights.choices import UNEMPLOYED_GROUPS, JobStatus
from chanchuang.insights.kpis import Share, Slice, Unit
from chanchuang.insights.models import GraduateDestination, ReportJob
from chanchuang.mentors.choices import AppointmentStatus
from chanchuang.mentors.models import Appointment
from chanchuang.partners.choices import AgreementStatus
from chanchuang.partners.models import AgreementParty, quantity_text
from chanchuang.placements.choices import PlacementStatus
from chanchuang.placements.models import Placement


def day(value: dt.date | None) -> str:
    """2026-09-07, blank for none."""
    return f"{value:%Y-%m-%d}" if value else ""


def academic_year(start: dt.date) -> str:
    """The academic year a day falls in: from September, that year's (2026-2027)."""
    first = start.year if start.month >= 9 else start.year - 1
    return f"{first}-{first + 1}"


def amount(value: Decimal | None) -> Decimal | int:
    """A sum as a workbook cell: 0 for none, a whole number without decimals."""
    value = Decimal(value or 0)
    return int(value) if value == value.to_integral_value() else value


# --- Internship records (national platform) --------------------------------------------------

def placements_of(school: School, year: int):
    """The school's placements that started in the year (cancelled ones excepted), with what
    the record shows."""
    return (Placement.objects.filter(student__school=school, start_date__year=year)
            .exclude(status=PlacementStatus.CANCELLED)
            .select_related("student__user", "student__department", "student__major",
                            "student__school_class", "supervisor", "position__organisation")
            .order_by("student__student_no", "start_date", "pk"))


def internship_rows(school: School, year: int) -> Iterator[list[Any]]:
    """One row per placement, in the order of ``layouts.INTERNSHIPS`` (gaps blank)."""
    for placement in placements_of(school, year):
        student, position = placement.student, placement.position
        organisation = position.organisation
        yield [
            student.student_no, student.user.real_name, student.enrolment_year,
            student.department.name, student.school_class.name if student.school_class else "",
            student.major.name, academic_year(placement.start_date),
            "", "", "",  # course name, code, credits: no source
            placement.supervisor.real_name if placement.supervisor else "",
            "", "",  # internship type, organisation form: no source
            "现场",
            organisation.name, organisation.credit_code, organisation.region_id or "",
            position.location, position.title,
            f"{day(placement.start_date)}至{day(placement.end_date)}",
        ]


# --- Graduate destinations --------------------------------------------------------------------

def destinations_of(school: School, year: int):
    """The destinations of the school's graduates of the year."""
    return (GraduateDestination.objects.filter(school=school, graduation_year=year)
            .select_related("student__user", "department", "major")
            .order_by("student__student_no", "pk"))


def destination_rows(school: School, year: int) -> Iterator[list[Any]]:
    """One row per graduate, in the order of ``layouts.DESTINATIONS``."""
    for record in destinations_of(school, year):
        student = record.student
        yield [
            student.student_no, student.user.real_name, str(student.get_gender_display()),
            record.department.name, record.major.code, record.major.name,
            record.graduation_year, record.code, str(record.get_code_display()),
            str(record.get_group_display()), record.employer_name, record.employer_credit_code,
            record.employer_region_id or "", record.post, day(record.contract_start),
            str(record.get_evidence_kind_display()) if record.evidence else "",
            str(record.get_verification_display()),
        ]


# --- 高职 status data: the school–enterprise cooperation table ---------------------------------

# Agreements that were signed at some point (not drafts or under review).
SIGNED_ONCE = [status for status in AgreementStatus
               if status not in (AgreementStatus.DRAFT, AgreementStatus.REVIEW)]


@dataclass(frozen=True)
class PartnerRow:
    """One partner enterprise's line of the status-data table."""

    organisation: Organisation
    since: dt.date
    order_students: int = 0
    courses: int = 0
    textbooks: int = 0
    teachers: int = 0
    interns: int = 0
    equipment: Decimal = Decimal(0)
    hires: int = 0
    service_income: Decimal = Decimal(0)
    training_days: Decimal = Decimal(0)

    def cells(self) -> list[Any]:
        """The row in the order of ``layouts.STATUS_DATA``."""
        return [self.organisation.name, self.organisation.credit_code, f"{self.since:%Y-%m}",
                self.order_students, self.courses, self.textbooks, self.teachers, self.interns,
                amount(self.equipment), self.hires, amount(self.service_income),
                amount(self.training_days)]


def _counted(rows, key: str) -> dict[int, dict[str, Any]]:
    return {row[key]: row for row in rows}


def partner_rows(school: School, year: int) -> list[PartnerRow]:
    """The school's partner enterprises of the year with what each did (seven queries)."""
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    partners = list(AgreementParty.objects.filter(
        agreement__school=school, agreement__status__in=SIGNED_ONCE,
        agreement__start_date__lte=last, agreement__end_date__gte=first,
        organisation__isnull=False).order_by().values("organisation_id").annotate(
        since=Min("agreement__start_date")))
    if not partners:
        return []
    ids = [row["organisation_id"] for row in partners]
    organisations = Organisation.objects.in_bulk(ids)
    classes = _counted(CollegeProgramme.objects.filter(
        college__school=school, kind=ProgrammeKind.ORDER_CLASS, start_year__lte=year,
        partner_id__in=ids).order_by().values("partner_id").annotate(
        n=Count("students", distinct=True)), "partner_id")

    def kind(name: str) -> Q:
        return Q(kind=name)

    work = Contribution.objects.filter(college__school=school,
                                       status=ContributionStatus.CONFIRMED,
                                       happened_on__year=year)
    made = _counted(work.filter(organisation_id__in=ids).order_by().values("organisation_id")
                    .annotate(courses=Count("pk", filter=kind(ContributionKind.COURSE)),
                              textbooks=Count("pk", filter=kind(ContributionKind.TEXTBOOK)),
                              equipment=Sum("amount", filter=kind(ContributionKind.EQUIPMENT)),
                              training=Sum("amount", filter=kind(ContributionKind.TRAINING))),
                    "organisation_id")
    # A technical-service project counts for its client when it has one (as the industry
    # college's own status table counts it).
    services = _counted(work.filter(kind=ContributionKind.SERVICE).annotate(
        party=F("client_id")).exclude(client__isnull=True).filter(party__in=ids)
        .order_by().values("party").annotate(income=Sum("amount")), "party")
    services_own = _counted(work.filter(kind=ContributionKind.SERVICE, client__isnull=True,
                                        organisation_id__in=ids)
                            .order_by().values("organisation_id").annotate(income=Sum("amount")),
                            "organisation_id")
    teachers = _counted(Appointment.objects.filter(
        school=school, mentor__organisation_id__in=ids, start_date__lte=last,
        end_date__gte=first, status__in=[AppointmentStatus.APPROVED, AppointmentStatus.ACTIVE,
                                         AppointmentStatus.EXPIRED])
        .order_by().values("mentor__organisation_id").annotate(n=Count("mentor", distinct=True)),
        "mentor__organisation_id")
    interns = _counted(placements_of(school, year).filter(position__organisation_id__in=ids)
                       .order_by().values("position__organisation_id")
                       .annotate(n=Count("student", distinct=True)), "position__organisation_id")
    hires = _counted(GraduateDestination.objects.filter(
        school=school, graduation_year=year, employer_id__in=ids)
        .exclude(group__in=UNEMPLOYED_GROUPS).order_by().values("employer_id")
        .annotate(n=Count("pk")), "employer_id")
    rows = []
    for partner in partners:
        org = partner["organisation_id"]
        did = made.get(org, {})
        income = (services.get(org, {}).get("income") or Decimal(0)) + \
            (services_own.get(org, {}).get("income") or Decimal(0))
        rows.append(PartnerRow(
            organisation=organisations[org], since=partner["since"],
            order_students=classes.get(org, {}).get("n", 0),
            courses=did.get("courses", 0), textbooks=did.get("textbooks", 0),
            teachers=teachers.get(org, {}).get("n", 0), interns=interns.get(org, {}).get("n", 0),
            equipment=did.get("equipment") or Decimal(0),
            hires=hires.get(org, {}).get("n", 0), service_income=income,
            training_days=did.get("training") or Decimal(0)))
    return sorted(rows, key=lambda row: (row.since, row.organisation.name))


def status_rows(school: School, year: int) -> Iterator[list[Any]]:
    """The status-data table's rows, in the order of ``layouts.STATUS_DATA``."""
    for row in partner_rows(school, year):
        yield row.cells()


# --- The annual partnership report's figures --------------------------------------------------

def value_text(value: Any, unit: str) -> str:
    """A KPI's value as the report prints it: 12, 37.5, 85.0% (3/4), — for none."""
    if value is None:
        return "—"
    if isinstance(value, Share):
        return "—" if value.percent is None else f"{value.percent}%（{value.part}/{value.whole}）"
    if unit == Unit.AMOUNT or isinstance(value, Decimal):
        return quantity_text(Decimal(value))
    return str(value)


def _plain(value: Any) -> float | None:
    """A value as a plain number (a share in percent), for the chart."""
    if value is None:
        return None
    if isinstance(value, Share):
        return value.percent
    return float(value)


@dataclass(frozen=True)
class FigureRow:
    """One KPI of the report: this year's value against last year's."""

    key: str
    section: str
    label: str
    unit: str
    value: Any
    last: Any

    @property
    def cells(self) -> list[str]:
        return [self.section, self.label, value_text(self.value, self.unit),
                value_text(self.last, self.unit)]

    @property
    def plain(self) -> tuple[float | None, float | None]:
        return _plain(self.value), _plain(self.last)


@dataclass(frozen=True)
class BreakdownTable:
    """One breakdown of the report: a count per category, this year and last."""

    key: str
    section: str
    label: str
    rows: list[tuple[str, int, int]]  # (category label, this year, last year)


def figures(school: School, year: int) -> tuple[list[FigureRow], list[BreakdownTable]]:
    """Every KPI and breakdown registered with the dashboard, for the school in the year and
    the year before (the registry is read as it stands: a figure registered later appears in
    the next build)."""
    piece = Slice(year=year, school_ids=frozenset({school.pk}))
    before = piece.last_year()
    rows = []
    for kpi in kpis.KPIS.values():
        rows.append(FigureRow(kpi.key, str(kpi.section), str(kpi.label), kpi.unit,
                              kpi.compute(piece).get(school.pk),
                              kpi.compute(before).get(school.pk)))
    tables = []
    for breakdown in kpis.BREAKDOWNS.values():
        now = breakdown.compute(piece).get(school.pk, {})
        then = breakdown.compute(before).get(school.pk, {})
        tables.append(BreakdownTable(
            breakdown.key, str(breakdown.section), str(breakdown.label),
            [(str(label), now.get(key, 0), then.get(key, 0))
             for key, label in breakdown.categories()]))
    return rows, tables


# --- Jobs --------------------------------------------------------------------------------------

def jobs_under_way(school_id: int, kind: str, year: int):
    """The school's jobs of that report and year still queued or building."""
    return ReportJob.objects.filter(school_id=school_id, kind=kind, year=year,
                                    status__in=[JobStatus.QUEUED, JobStatus.RUNNING])
