"""Read helpers of the indicators: a college's scorecard for a year (targets against what the
records give, the selection-table categories, what its founding agreement promised and the
ledger shows delivered), the status-data table, and the records behind each number."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Case, Count, F, Q, Sum, When
from django.urls import NoReverseMatch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from chanchuang.colleges import indicators as catalogue
from chanchuang.colleges.choices import ContributionKind, ContributionStatus, ProgrammeKind
from chanchuang.colleges.indicators import CategoryScore, Indicator
from chanchuang.colleges.models import (
    CollegeMember,
    CollegeProgramme,
    Contribution,
    Decision,
    IndustryCollege,
    Meeting,
    Target,
)
from chanchuang.core.models import Major
from chanchuang.partners.choices import CommitmentKind
from chanchuang.partners.models import Commitment, Delivery, quantity_text


def link(obj: Any) -> str:
    """The object's page, or "" where it has none (yet)."""
    try:
        return obj.get_absolute_url()
    except (AttributeError, NoReverseMatch):
        return ""


def number(value: Decimal | None) -> str:
    """A figure as people read it: 12, 2.5, — for none."""
    return "—" if value is None else quantity_text(Decimal(value))


def years_of(college: IndustryCollege) -> list[int]:
    """The years a scorecard or report may be about: from the founding year to next year."""
    last = timezone.localdate().year + 1
    if college.closed_on is not None:
        last = min(last, college.closed_on.year)
    return list(range(college.founded_on.year, max(last, college.founded_on.year) + 1))


def default_year(college: IndustryCollege) -> int:
    """This year, within the college's years."""
    years = years_of(college)
    this_year = timezone.localdate().year
    return this_year if this_year in years else years[-1]


def chosen_year(college: IndustryCollege, raw: Any) -> int:
    """The year asked for (``?year=``) if it is one of the college's, else the default."""
    text = str(raw or "").strip()
    if text.isdigit() and int(text) in years_of(college):
        return int(text)
    return default_year(college)


def _seen(model, user):
    """The rows of ``model`` the user sees; every row for ``user=None``, which only the
    college's own documents pass (a report built in the background, about one college)."""
    return model.objects.all() if user is None else model.objects.visible_to(user)


def targets_of(college: IndustryCollege, year: int, user) -> dict[str, Decimal]:
    """The college's targets for the year, by indicator code, as far as the user sees them."""
    return {target.indicator: target.value for target in _seen(Target, user).filter(
        college=college, year=year) if target.indicator in catalogue.BY_CODE}


@dataclass(frozen=True)
class ScoreRow:
    """One line of the scorecard: an indicator, its target and what the records give."""

    indicator: Indicator
    target: Decimal | None
    achieved: Decimal | None

    @property
    def percent(self) -> Decimal | None:
        return catalogue.percent(self.achieved, self.target)

    @property
    def met(self) -> bool | None:
        """The target is reached (None without a target)."""
        if self.target is None:
            return None
        return self.achieved is not None and self.achieved >= self.target

    @property
    def meets_benchmark(self) -> bool | None:
        """The guide's own threshold is reached (None where it sets none)."""
        benchmark = self.indicator.benchmark
        if benchmark is None or self.achieved is None:
            return None
        return self.achieved >= benchmark

    @property
    def target_text(self) -> str:
        return number(self.target)

    @property
    def achieved_text(self) -> str:
        return number(self.achieved)

    @property
    def percent_text(self) -> str:
        return "—" if self.percent is None else f"{self.percent}%"


@dataclass(frozen=True)
class StatusRow:
    """One member organisation's line of the 高职 status-data school–enterprise table."""

    organisation: Any
    since: str
    order_students: int = 0
    courses: int = 0
    textbooks: int = 0
    teachers: int = 0
    interns: Decimal = Decimal(0)
    equipment: Decimal = Decimal(0)
    hires: Decimal = Decimal(0)
    service_income: Decimal = Decimal(0)
    training_days: Decimal = Decimal(0)

    @property
    def name(self) -> str:
        return self.organisation.name

    @property
    def credit_code(self) -> str:
        return self.organisation.credit_code

    def cells(self) -> list[Any]:
        """The row's values in the order of ``STATUS_COLUMN_TITLES``."""
        return [self.name, self.credit_code, self.since, self.order_students, self.courses,
                self.textbooks, self.teachers, number(self.interns), number(self.equipment),
                number(self.hires), number(self.service_income), number(self.training_days)]


@dataclass
class Scorecard:
    """A college's scorecard for one year."""

    college: IndustryCollege
    year: int
    rows: list[ScoreRow]
    scores: list[CategoryScore]
    total: Decimal
    out_of: int
    status_rows: list[StatusRow] = field(default_factory=list)
    promised: list[Commitment] = field(default_factory=list)

    @property
    def radar(self) -> list[list[Any]]:
        """The radar chart's data: [category, score, weight] for each category."""
        return [[str(s.category.label), float(s.score or 0), s.category.weight]
                for s in self.scores]

    @property
    def has_targets(self) -> bool:
        return any(row.target is not None for row in self.rows)


def scorecard(college: IndustryCollege, year: int, user, *, with_status: bool = True,
              with_promised: bool = True) -> Scorecard:
    """The scorecard of a college (visible to ``user``) for a year: a fixed number of queries."""
    values = catalogue.compute(college, year)
    targets = targets_of(college, year, user)
    rows = [ScoreRow(item, targets.get(item.code), values[item.code])
            for item in catalogue.CATALOGUE]
    scores = catalogue.category_scores(values, targets)
    total, out_of = catalogue.total_score(scores)
    return Scorecard(college=college, year=year, rows=rows, scores=scores, total=total,
                     out_of=out_of,
                     status_rows=status_table(college, year) if with_status else [],
                     promised=promised(college, user) if with_promised else [])


def promised(college: IndustryCollege, user) -> list[Commitment]:
    """What the parties promised under the college's founding agreement, each with what the
    ledger shows delivered (``delivered``), as far as the user sees the agreement."""
    if college.founding_agreement_id is None:
        return []
    return list(_seen(Commitment, user).filter(
        agreement_id=college.founding_agreement_id).with_delivered().select_related(
        "party__organisation", "party__agreement__school").order_by("party_id", "kind"))


# The columns of the 高职 status-data school–enterprise table, in the order of ``cells``.
STATUS_COLUMN_TITLES = (
    _("Partner enterprise"), _("Unified social credit code"), _("Cooperation since"),
    _("Order-class students"), _("Co-developed courses"), _("Co-developed textbooks"),
    _("Enterprise part-time teachers"), _("Interns hosted"),
    _("Equipment donated (×10,000 yuan)"), _("Graduates hired"),
    _("Technical-service income (×10,000 yuan)"), _("Staff training delivered (person-days)"),
)


def _by(rows, key: str) -> dict[Any, dict[str, Any]]:
    return {row[key]: row for row in rows}


def status_table(college: IndustryCollege, year: int) -> list[StatusRow]:
    """The school–enterprise cooperation table of the 高职 status data for the college's member
    organisations in a year (four queries). A technical-service project counts for its client
    when it has one, else for the organisation that did it."""
    members = list(CollegeMember.objects.filter(college=college).filter(
        Q(joined_on__isnull=True) | Q(joined_on__lte=catalogue.year_end(year)))
        .select_related("organisation").order_by("role", "pk"))
    if not members:
        return []
    org_ids = [member.organisation_id for member in members]

    def kind(name: str) -> Q:
        return Q(kind=name)

    work = _by(Contribution.objects.filter(
        college=college, status=ContributionStatus.CONFIRMED, happened_on__year=year)
        .annotate(party=Case(When(kind=ContributionKind.SERVICE, client__isnull=False,
                                  then=F("client_id")), default=F("organisation_id")))
        .filter(party__in=org_ids).values("party").annotate(
            courses=Count("pk", filter=kind(ContributionKind.COURSE)),
            textbooks=Count("pk", filter=kind(ContributionKind.TEXTBOOK)),
            teachers=Count("pk", filter=kind(ContributionKind.TEACHER)),
            equipment=Sum("amount", filter=kind(ContributionKind.EQUIPMENT)),
            service_income=Sum("amount", filter=kind(ContributionKind.SERVICE)),
            training_days=Sum("amount", filter=kind(ContributionKind.TRAINING)))
        .order_by(), "party")
    classes = _by(CollegeProgramme.objects.filter(
        college=college, kind=ProgrammeKind.ORDER_CLASS, start_year__lte=year,
        partner_id__in=org_ids).values("partner_id").annotate(
        students=Count("students", distinct=True)).order_by(), "partner_id")
    ledger = _by(Delivery.objects.filter(
        commitment__agreement__school_id=college.school_id, delivered_on__year=year,
        commitment__party__organisation_id__in=org_ids)
        .values("commitment__party__organisation_id").annotate(
            interns=Sum("quantity", filter=Q(commitment__kind=CommitmentKind.INTERNSHIP_POSTS)),
            hires=Sum("quantity", filter=Q(commitment__kind=CommitmentKind.HIRES)))
        .order_by(), "commitment__party__organisation_id")
    table = []
    for member in members:
        org = member.organisation_id
        done, delivered = work.get(org, {}), ledger.get(org, {})
        since = member.joined_on or college.founded_on
        table.append(StatusRow(
            organisation=member.organisation, since=f"{since:%Y-%m}",
            order_students=classes.get(org, {}).get("students", 0),
            courses=done.get("courses", 0), textbooks=done.get("textbooks", 0),
            teachers=done.get("teachers", 0),
            interns=delivered.get("interns") or Decimal(0),
            equipment=done.get("equipment") or Decimal(0),
            hires=delivered.get("hires") or Decimal(0),
            service_income=done.get("service_income") or Decimal(0),
            training_days=done.get("training_days") or Decimal(0)))
    return table


@dataclass(frozen=True)
class RecordRow:
    """One record behind an indicator's value, as the drill-down lists it."""

    title: str
    kind: str
    day: dt.date | None
    party: str
    amount: str
    url: str = ""


def _party(organisation, school) -> str:
    return organisation.name if organisation is not None else school.name


def record_rows(item: Indicator, college: IndustryCollege, year: int, user) -> list[RecordRow]:
    """The records behind an indicator's value that the user may see, newest first (a fixed
    number of queries: each model's rows read with what they show)."""
    queryset = catalogue.records(item, college, year, user)
    school = college.school
    model = item.source.model
    if model is Contribution:
        return [RecordRow(c.title, c.get_kind_display(), c.happened_on,
                          _party(c.organisation, school),
                          f"{number(c.amount)} {c.unit}".strip() if c.amount is not None
                          else "", link(c))
                for c in queryset.select_related("organisation").order_by("-happened_on", "pk")]
    if model is CollegeMember:
        return [RecordRow(m.organisation.name, m.get_role_display(), m.joined_on, "", "")
                for m in queryset.select_related("organisation").order_by("role", "pk")]
    if model is CollegeProgramme:
        return [RecordRow(p.name, p.get_kind_display(), dt.date(p.start_year, 9, 1),
                          p.partner.name if p.partner_id else school.name,
                          str(p.student_count), link(p))
                for p in queryset.select_related("partner").annotate(
                    student_count=Count("students", distinct=True)).order_by("-start_year",
                                                                             "name")]
    if model is Major:
        return [RecordRow(m.name, m.code, None, m.department.name, "", link(m))
                for m in queryset.select_related("department").order_by("code")]
    if model is Meeting:
        return [RecordRow(m.title, m.council.name, m.held_on, m.place, "", link(m))
                for m in queryset.select_related("council").order_by("-held_on", "pk")]
    if model is Decision:
        return [RecordRow(d.text, d.get_status_display(), d.due_on,
                          f"{d.done_on:%Y-%m-%d}" if d.done_on else "", "", link(d))
                for d in queryset.select_related("meeting").order_by("due_on", "pk")]
    if model is Delivery:
        return [RecordRow(d.description or d.commitment.get_kind_display(),
                          d.commitment.get_kind_display(), d.delivered_on,
                          _party(d.commitment.party.organisation, school),
                          number(d.quantity), link(d.commitment.agreement))
                for d in queryset.select_related(
                    "commitment__party__organisation", "commitment__agreement")
                .order_by("-delivered_on", "pk")]
    raise ValueError(f"no drill-down for {model.__name__}")


def summary(college: IndustryCollege, user) -> dict[str, Any] | None:
    """The scorecard card of a college's page for this year: the total against what it is out
    of, the categories and the indicators with a target; None for who may not see it."""
    if not user.has_perm("colleges.view_scorecard", college):
        return None
    year = default_year(college)
    card = scorecard(college, year, user, with_status=False, with_promised=False)
    return {"college": college, "year": year, "scorecard": card,
            "targeted": [row for row in card.rows if row.target is not None]}
