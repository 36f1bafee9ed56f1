"""The innovation record: credits by the school's conversion table (only the highest credit of
one project counts), competition results, start-ups, and a student's whole record."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from chanchuang.core import audit
from chanchuang.core.models import School, Student, User
from chanchuang.core.services import DomainError, validate
from chanchuang.innovation.choices import CreditCategory
from chanchuang.innovation.models import Competition, Credit, CreditRule, Project, Startup

# (category, level, award) → credits: one school's conversion table, read in one query.
ConversionTable = dict[tuple[str, str, str], Decimal]


def conversion_table(school_id: int) -> ConversionTable:
    """The school's whole conversion table (one query; imports look every row up in it)."""
    return {(rule.category, rule.level, rule.award): rule.credits
            for rule in CreditRule.objects.filter(school_id=school_id)}


def credits_from(table: ConversionTable, category: str, level: str = "",
                 award: str = "") -> Decimal | None:
    """The credits a conversion table gives: the most specific line that fits (category, level
    and award; then category and level; then category and award; then the category alone)."""
    award = award.strip()
    for key in [(category, level, award), (category, level, ""), (category, "", award),
                (category, "", "")]:
        if key in table:
            return table[key]
    return None


def credits_by_rule(school_id: int, category: str, level: str = "",
                    award: str = "") -> Decimal | None:
    """The credits the school's conversion table gives for one line (see ``credits_from``)."""
    return credits_from(conversion_table(school_id), category, level, award)


def future_date_refused(earned_on: dt.date) -> str | None:
    """The message refusing a credit dated after today (None when the date is fine)."""
    if earned_on > timezone.localdate():
        return _("Date: credits are recorded once earned.")
    return None


def record_credit(*, actor: User, student: Student, category: str, title: str,
                  earned_on: dt.date, credits: Decimal | None = None, award: str = "",
                  competition: Competition | None = None, project: Project | None = None,
                  startup: Startup | None = None) -> Credit:
    """Add a line to a student's record; without credits, the conversion table decides."""
    award, title = award.strip(), title.strip()
    refused = future_date_refused(earned_on)
    if refused:
        raise DomainError(refused, field="earned_on")
    if competition is not None and competition.school_id != student.school_id:
        raise DomainError(_("Competition: not one of the school's."), field="competition")
    if project is not None and project.school_id != student.school_id:
        raise DomainError(_("Project: not one of the school's."), field="project")
    if credits is None:
        credits = credits_by_rule(student.school_id, category,
                                  competition.level if competition else "", award)
        if credits is None:
            raise DomainError(_("The conversion table has no line for this; give the credits."),
                              field="credits")
    credit = Credit(student=student, category=category, title=title, earned_on=earned_on,
                    credits=credits, award=award, competition=competition, project=project,
                    startup=startup, recorded_by=actor)
    validate(credit)
    with transaction.atomic():
        # Two clicks on "save" must not record the line twice: lock the student's row.
        Student.objects.select_for_update().only("pk").get(pk=student.pk)
        if Credit.objects.filter(student=student, category=category, title=title,
                                 earned_on=earned_on).exists():
            raise DomainError(_("This line is already on the student's record."))
        credit.save()
        audit.record(actor=actor, action="innovation.credit.recorded", obj=credit,
                     school_id=student.school_id, after=audit.snapshot(credit))
    return credit


@dataclass
class YearOfRecord:
    """The lines of one calendar year and the credits that count in it."""

    year: int
    lines: list[Credit]
    total: Decimal


@dataclass
class Record:
    """A student's innovation record: every credit, which of them count, and the totals."""

    student: Student
    lines: list[Credit] = field(default_factory=list)
    total: Decimal = Decimal(0)
    by_category: dict[str, Decimal] = field(default_factory=dict)  # category value → credits
    by_year: dict[int, Decimal] = field(default_factory=dict)

    @property
    def years(self) -> list[YearOfRecord]:
        """The lines grouped by year, the latest first."""
        grouped: dict[int, list[Credit]] = {}
        for line in self.lines:
            grouped.setdefault(line.earned_on.year, []).append(line)
        return [YearOfRecord(year, grouped[year], self.by_year.get(year, Decimal(0)))
                for year in sorted(grouped, reverse=True)]

    @property
    def category_totals(self) -> list[tuple[str, Decimal]]:
        """(label, credits) per category, in the order of the categories."""
        return [(str(category.label), self.by_category[category.value])
                for category in CreditCategory if category.value in self.by_category]

    @property
    def bootcamps(self) -> list[Credit]:
        """The bootcamp lines (given when a cohort the student completed finishes)."""
        return [line for line in self.lines if line.category == CreditCategory.BOOTCAMP]


def record_of(student: Student, credits: Iterable[Credit] | None = None) -> Record:
    """The student's record. Of several credits for one project only the highest counts (the
    others are listed, marked as not counted)."""
    lines = list(credits if credits is not None else student.credits.select_related(
        "competition", "project", "cohort__programme"))
    best: dict[int, Credit] = {}
    for line in lines:
        if line.project_id is not None:
            kept = best.get(line.project_id)
            if kept is None or (line.credits, -line.pk) > (kept.credits, -kept.pk):
                best[line.project_id] = line
    record = Record(student=student, lines=lines)
    for line in lines:
        line.counts = line.project_id is None or best[line.project_id] is line
        if line.counts:
            record.total += line.credits
            record.by_category[line.category] = (record.by_category.get(line.category, Decimal(0))
                                                 + line.credits)
            year = line.earned_on.year
            record.by_year[year] = record.by_year.get(year, Decimal(0)) + line.credits
    return record


def _check_founders(school: School, founders: list[Student]) -> None:
    if not founders:
        raise DomainError(_("Founders: at least one student."), field="founders")
    if any(f.school_id != school.pk for f in founders):
        raise DomainError(_("Founders: students of this school only."), field="founders")


def _startup_credits(actor: User, startup: Startup, founders: Iterable[Student]) -> None:
    """Give founders the start-up credit of the conversion table (if it has one)."""
    credits = credits_by_rule(startup.school_id, CreditCategory.STARTUP)
    if credits is None:
        return
    Credit.objects.bulk_create([Credit(
        student=founder, category=CreditCategory.STARTUP,
        title=_("Founded %(name)s") % {"name": startup.name},
        earned_on=min(startup.registered_on, timezone.localdate()), credits=credits,
        project=startup.project, startup=startup, recorded_by=actor) for founder in founders])


def register_startup(*, actor: User, school: School, name: str, credit_code: str,
                     registered_on: dt.date, founders: list[Student], project: Project | None,
                     funding: Decimal = Decimal(0), jobs: int = 0, notes: str = "") -> Startup:
    """Record a company students registered; each founder earns the start-up credit of the
    conversion table (if it has one)."""
    startup = Startup(school=school, name=name.strip(), credit_code=credit_code.strip().upper(),
                      registered_on=registered_on, project=project, funding=funding, jobs=jobs,
                      notes=notes)
    validate(startup)
    _check_founders(school, founders)
    if project is not None and project.school_id != school.pk:
        raise DomainError(_("Project: not one of the school's."), field="project")
    with transaction.atomic():
        startup.save()
        startup.founders.set(founders)
        audit.record(actor=actor, action="innovation.startup.recorded", obj=startup,
                     after={**audit.snapshot(startup),
                            "founders": [str(f) for f in founders]})
        _startup_credits(actor, startup, founders)
    return startup


def change_startup(*, actor: User, startup: Startup, founders: list[Student]) -> Startup:
    """Save a start-up's changed fields and founders: a new founder earns the start-up credit,
    a founder taken off loses the credit this start-up gave them."""
    startup.name, startup.credit_code = startup.name.strip(), startup.credit_code.strip().upper()
    validate(startup)
    _check_founders(startup.school, founders)
    if startup.project is not None and startup.project.school_id != startup.school_id:
        raise DomainError(_("Project: not one of the school's."), field="project")
    stored = Startup.objects.get(pk=startup.pk)
    before = {**audit.snapshot(stored), "founders": sorted(str(f) for f in stored.founders.all())}
    with transaction.atomic():
        startup.save()
        old = set(stored.founders.values_list("pk", flat=True))
        new = {founder.pk for founder in founders}
        startup.founders.set(founders)
        Credit.objects.filter(startup=startup, category=CreditCategory.STARTUP,
                              student_id__in=old - new).delete()
        _startup_credits(actor, startup, [f for f in founders if f.pk not in old])
        audit.record(actor=actor, action="changed", obj=startup, before=before,
                     after={**audit.snapshot(startup),
                            "founders": sorted(str(f) for f in founders)})
    return startup
