"""Credits from Excel: competition results and other lines of students' innovation records.

A row is a student (by student number), a category, a title, the date, and optionally the
competition, the award and the credits; without credits the school's conversion table decides,
and a row it has no line for is refused with its row number. As every import, it is all or
nothing, and importing the same file twice changes nothing: a line is the same line when the
student, category, title and date are.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from chanchuang.core.models import Student
from chanchuang.core.tabular.columns import Column
from chanchuang.core.tabular.importing import (
    ImportContext,
    Planned,
    RowInvalid,
    SheetImporter,
    WorkbookImport,
)
from chanchuang.core.tabular.registry import register_import
from chanchuang.innovation.choices import CreditCategory
from chanchuang.innovation.models import Competition, Credit
from chanchuang.innovation.services.records import (
    conversion_table,
    credits_from,
    future_date_refused,
)

BATCH = 1000
UPDATED_FIELDS = ["credits", "award", "competition"]

# The categories an import may carry: bootcamp lines come with the cohort a student completed.
ImportedCategory = models.TextChoices("ImportedCategory", [
    (category.name, (category.value, category.label)) for category in CreditCategory
    if category != CreditCategory.BOOTCAMP])

# The engine checks each sheet's natural key for repeats within the file. A credit has no key
# of its own (a student can earn two lines of one title), so the sheet's key is this column,
# which no template and no workbook carries; ``build`` checks repeats of (student, category,
# title, date) instead.
NO_KEY = Column("_line", "_line")


@dataclass(frozen=True)
class Ambiguous:
    """A competition name that several years share: the cell must say which year."""

    name: str


class CreditSheet(SheetImporter):
    """Lines of students' records, one per row."""

    name = "credits"
    title = gettext_lazy("Innovation credits")
    model = Credit
    key = NO_KEY.field
    columns = [
        Column("student", gettext_lazy("student number"), kind="lookup", lookup="students",
               required=True, as_text=True, example="2025010001",
               note=gettext_lazy("a student of the school")),
        Column("category", gettext_lazy("category"), kind="choice", choices=ImportedCategory,
               required=True, example=CreditCategory.COMPETITION),
        Column("title", pgettext_lazy("credit", "title"), required=True, max_length=200,
               example="“互联网+”大学生创新创业大赛省赛一等奖"),
        Column("competition", gettext_lazy("competition"), kind="lookup",
               lookup="competitions", example="2026 “互联网+”大学生创新创业大赛",
               note=gettext_lazy("by name, or the year and the name")),
        Column("award", gettext_lazy("award"), max_length=100, example="一等奖"),
        Column("earned_on", gettext_lazy("date"), kind="date", required=True,
               example="2026-10-20"),
        Column("credits", gettext_lazy("credits"), example="",
               note=gettext_lazy("empty: the conversion table decides")),
    ]

    def __init__(self, context: ImportContext) -> None:
        self.columns = [*type(self).columns, NO_KEY]
        self.table = conversion_table(context.school.pk)
        self.seen: set[tuple[Any, ...]] = set()
        super().__init__(context)

    def load_existing(self) -> dict[tuple[Any, ...], Credit]:
        return {(c.student_id, c.category, c.title, c.earned_on): c
                for c in Credit.objects.filter(student__school=self.context.school)
                .select_related("competition")}

    def build(self, values: dict[str, Any], present: set[str]) -> Planned:
        titles = self.column_titles
        student: Student = values["student"]
        category, title, earned_on = values["category"], values["title"], values["earned_on"]
        competition = values.get("competition")
        award = values.get("award") or ""
        if category == CreditCategory.BOOTCAMP:
            raise RowInvalid({titles["category"]: _(
                "Bootcamp credits come with the cohort a student completed; they are not "
                "imported.")})
        if isinstance(competition, Ambiguous):
            raise RowInvalid({titles["competition"]: _(
                "Several years have a competition of this name: write the year first, e.g. "
                "“2026 %(name)s”.") % {"name": competition.name}})
        refused = future_date_refused(earned_on)
        if refused:
            raise RowInvalid({titles["earned_on"]: refused})
        credits = self._credits(values.get("credits"), category, competition, award)
        identity = (student.pk, category, title, earned_on)
        if identity in self.seen:
            raise RowInvalid({"": _("The same line (student, category, title and date) is "
                                    "already in a row above.")})
        self.seen.add(identity)
        stored = self.existing.get(identity)
        if stored is not None and self.context.create_only:
            raise RowInvalid({"": _("This line is already on the student's record.")})
        if stored is None:
            credit = Credit(student=student, category=category, title=title,
                            earned_on=earned_on, credits=credits, award=award,
                            competition=competition, recorded_by=self.context.actor)
            self.validate(credit, ["title", "award", "credits"], titles)
            return Planned(f"{student.student_no} {title}", "create", {"credit": credit})
        given = {"credits": credits if values.get("credits") else None,
                 "award": award or None, "competition": competition}
        changes = self.compare(stored, given, UPDATED_FIELDS, present)
        self.validate(stored, ["award", "credits"], titles)
        return Planned(f"{student.student_no} {title}", "update" if changes else "unchanged",
                       {"credit": stored}, changes)

    def _credits(self, text: str | None, category: str, competition: Competition | None,
                 award: str) -> Decimal:
        """The credits the row gives, or those of the conversion table when it gives none."""
        column = self.column_titles["credits"]
        if text:
            try:
                credits = Decimal(text)
            except InvalidOperation:
                raise RowInvalid({column: _("Enter a number of credits, e.g. 2 or 1.5.")}) \
                    from None
            if not credits.is_finite():
                raise RowInvalid({column: _("Enter a number of credits, e.g. 2 or 1.5.")})
            return credits
        credits = credits_from(self.table, category,
                               competition.level if competition else "", award)
        if credits is None:
            raise RowInvalid({column: _("The conversion table has no line for this; give the "
                                        "credits.")})
        return credits

    def write(self, plans: list[Planned]) -> None:
        Credit.objects.bulk_create([p.objects["credit"] for p in plans if p.action == "create"],
                                   batch_size=BATCH)
        updates = [p for p in plans if p.action == "update"]
        changed = [f for f in UPDATED_FIELDS if any(f in p.changes for p in updates)]
        if changed:
            Credit.objects.bulk_update([p.objects["credit"] for p in updates], changed,
                                       batch_size=BATCH)


@register_import
class CreditImport(WorkbookImport):
    """Competition results and other credits of the school's students."""

    name = "credits"
    title = gettext_lazy("Innovation credits")
    permission = "innovation.record_credit"
    audit_action = "innovation.credit.imported"
    sheets = [CreditSheet]

    def context(self, school, actor) -> ImportContext:
        return ImportContext(school=school, actor=actor, lookups={
            "students": {s.student_no: s for s in Student.objects.filter(school=school)
                         .only("pk", "school_id", "student_no")},
            "competitions": competition_lookup(school)})

    def template_lists(self, school) -> dict[str, list[str]]:
        return {"competitions": [str(c) for c in Competition.objects.filter(school=school)]}


def competition_lookup(school) -> dict[str, Competition | Ambiguous]:
    """The school's competitions by "year name" (as the template's list shows them) and by
    name alone when only one year has that name."""
    lookup: dict[str, Competition | Ambiguous] = {}
    for competition in Competition.objects.filter(school=school):
        lookup[str(competition)] = competition
        name = competition.name
        lookup[name] = Ambiguous(name) if name in lookup else competition
    return lookup
