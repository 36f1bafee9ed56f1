"""Co-developed work from Excel (共建成果导入): one row per piece of work, with its college,
kind, title, contributing party, date and amount, and the fields of its kind. Only school staff
import; every row is checked like the form checks it (dates inside the college's life, the
party a member, a teacher's appointment, a service's client and income…), every bad cell is
reported with its row number, and nothing is written unless every row is good. Imported work is
recorded by staff and confirmed at once (so it is delivered to the partners ledger). A row is
the same row again when its college, kind, title, party and date are: importing a file twice
changes nothing."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from chanchuang.colleges.choices import ContributionKind, ContributionStatus
from chanchuang.colleges.models import Contribution, IndustryCollege
from chanchuang.colleges.services import work
from chanchuang.colleges.services.indicators import deliver_to_ledger
from chanchuang.core.models import Organisation
from chanchuang.core.tabular.columns import Column
from chanchuang.core.tabular.importing import (
    ImportContext,
    Planned,
    RowInvalid,
    SheetImporter,
    WorkbookImport,
)
from chanchuang.core.tabular.registry import register_import
from chanchuang.mentors.models import Appointment

BATCH = 1000
UPDATED_FIELDS = ["amount", "authors", "publisher", "isbn", "description", "is_core_course",
                  "is_practice_course"]
SCHOOL = "school"  # the contributing party is the school itself
NO_KEY = Column("_line", "_line")  # see innovation.imports: the row has no key of its own
YES = {"是", "yes", "y", "true", "1", "√"}

COLUMNS = [
    Column("college", gettext_lazy("industry college"), kind="lookup", lookup="colleges",
           required=True, example="碳中和产业学院",
           export=lambda c: c.college.name),
    Column("kind", pgettext_lazy("contribution", "kind"), kind="choice", choices=ContributionKind,
           required=True, example=ContributionKind.COURSE),
    Column("title", pgettext_lazy("contribution", "title"), required=True, max_length=200,
           example="碳排放核算实务"),
    Column("organisation", gettext_lazy("contributed by"), kind="lookup", lookup="parties",
           required=True, example="华电建设集团赣江电力建设有限公司",
           note=gettext_lazy("a member organisation, or 学校 for the school itself"),
           export=lambda c: c.organisation.name if c.organisation_id else "学校"),
    Column("happened_on", gettext_lazy("date"), kind="date", required=True,
           example="2026-09-01"),
    Column("amount", gettext_lazy("amount"), example="32",
           note=gettext_lazy("hours, places, ×10,000 yuan or person-days, by kind"),
           export=lambda c: c.amount),
    Column("authors", gettext_lazy("authors"), max_length=300,
           example="张三（学校）、李四（企业）"),
    Column("is_core_course", gettext_lazy("core course of the major"), example="是",
           export=lambda c: "是" if c.is_core_course else ""),
    Column("is_practice_course", gettext_lazy("practice course"), example="",
           export=lambda c: "是" if c.is_practice_course else ""),
    Column("publisher", gettext_lazy("publisher"), max_length=100, example=""),
    Column("isbn", gettext_lazy("ISBN"), max_length=17, as_text=True, example=""),
    Column("appointment", gettext_lazy("appointment"), kind="lookup", lookup="appointments",
           example="", note=gettext_lazy("enterprise teachers: the letter serial or the "
                                         "mentor's name"),
           export=lambda c: c.appointment.serial if c.appointment_id else ""),
    Column("client", gettext_lazy("client"), kind="lookup", lookup="organisations",
           example="", note=gettext_lazy("technical service: the enterprise served"),
           export=lambda c: c.client.name if c.client_id else ""),
    Column("description", gettext_lazy("description"), example=""),
]


class ContributionSheet(SheetImporter):
    """Co-developed work, one piece per row."""

    name = "contributions"
    title = gettext_lazy("Co-developed work")
    model = Contribution
    key = NO_KEY.field
    columns = COLUMNS

    def __init__(self, context: ImportContext) -> None:
        self.columns = [*type(self).columns, NO_KEY]
        self.seen: set[tuple[Any, ...]] = set()
        super().__init__(context)

    def load_existing(self) -> dict[tuple[Any, ...], Contribution]:
        return {(c.college_id, c.kind, c.title, c.organisation_id, c.happened_on): c
                for c in Contribution.objects.filter(college__school=self.context.school)}

    def build(self, values: dict[str, Any], present: set[str]) -> Planned:
        college: IndustryCollege = values["college"]
        party = values["organisation"]
        organisation = None if party == SCHOOL else party
        amount = self._amount(values.get("amount"))
        identity = (college.pk, values["kind"], values["title"],
                    organisation.pk if organisation else None, values["happened_on"])
        if identity in self.seen:
            raise RowInvalid({"": _("The same work (college, kind, title, party and date) is "
                                    "already in a row above.")})
        self.seen.add(identity)
        given = {
            "amount": amount, "authors": values.get("authors") or "",
            "publisher": values.get("publisher") or "", "isbn": values.get("isbn") or "",
            "description": values.get("description") or "",
            "is_core_course": (values.get("is_core_course") or "").lower() in YES,
            "is_practice_course": (values.get("is_practice_course") or "").lower() in YES,
        }
        stored = self.existing.get(identity)
        key = f"{college.name} {values['title']}"
        if stored is not None and self.context.create_only:
            raise RowInvalid({"": _("This work is already recorded.")})
        if stored is None:
            contribution = Contribution(
                college=college, kind=values["kind"], title=values["title"],
                organisation=organisation, happened_on=values["happened_on"],
                appointment=values.get("appointment"), client=values.get("client"),
                recorded_by=self.context.actor, status=ContributionStatus.CONFIRMED,
                confirmed_by=self.context.actor, confirmed_at=timezone.now(), **given)
            self._check(contribution)
            return Planned(key, "create", {"contribution": contribution})
        changes = self.compare(stored, {k: (v if v != "" else None) for k, v in given.items()},
                               UPDATED_FIELDS, present)
        self._check(stored)
        return Planned(key, "update" if changes else "unchanged", {"contribution": stored},
                       changes)

    def _check(self, contribution: Contribution) -> None:
        work._settle(contribution)
        found = work.problems(contribution, staff=True, actor=self.context.actor)
        if found:
            titles = self.column_titles
            raise RowInvalid({titles.get(field, ""): message.split("：", 1)[-1]
                              for field, message in found.items()})
        self.validate(contribution, ["title", "isbn"], self.column_titles)

    def _amount(self, text: str | None) -> Decimal | None:
        if not text:
            return None
        try:
            amount = Decimal(text)
        except InvalidOperation:
            amount = None
        if amount is None or not amount.is_finite() or amount < 0:
            raise RowInvalid({self.column_titles["amount"]: _(
                "Enter a number that is not negative, e.g. 32 or 12.5.")})
        return amount

    def write(self, plans: list[Planned]) -> None:
        created = Contribution.objects.bulk_create(
            [p.objects["contribution"] for p in plans if p.action == "create"],
            batch_size=BATCH)
        updates = [p for p in plans if p.action == "update"]
        changed = [f for f in UPDATED_FIELDS if any(f in p.changes for p in updates)]
        if changed:
            Contribution.objects.bulk_update([p.objects["contribution"] for p in updates],
                                             changed, batch_size=BATCH)
        for contribution in created:  # confirmed work counts in the partners ledger
            deliver_to_ledger(contribution=contribution, actor=self.context.actor)


@register_import
class ContributionImport(WorkbookImport):
    """A year's co-developed work of the school's industry colleges."""

    name = "contributions"
    title = gettext_lazy("Co-developed work")
    permission = "colleges.import_contributions"
    audit_action = "colleges.contribution.imported"
    sheets = [ContributionSheet]

    def context(self, school, actor) -> ImportContext:
        organisations = {o.name: o for o in Organisation.objects.filter(school=school)}
        parties: dict[str, Any] = {**organisations, "学校": SCHOOL, school.name: SCHOOL,
                                   "school": SCHOOL}
        appointments: dict[str, Any] = {}
        for appointment in Appointment.objects.filter(
                school=school, status__in=work.APPOINTED).select_related("mentor"):
            if appointment.serial:
                appointments[appointment.serial] = appointment
            appointments.setdefault(appointment.mentor.name, appointment)
        return ImportContext(school=school, actor=actor, lookups={
            "colleges": {c.name: c for c in IndustryCollege.objects.filter(school=school)},
            "parties": parties, "organisations": organisations,
            "appointments": appointments})

    def template_lists(self, school) -> dict[str, list[str]]:
        members = Organisation.objects.filter(
            school=school, college_memberships__college__school=school).distinct()
        return {"colleges": list(IndustryCollege.objects.filter(school=school)
                                 .values_list("name", flat=True)),
                "parties": ["学校", *members.values_list("name", flat=True)]}
