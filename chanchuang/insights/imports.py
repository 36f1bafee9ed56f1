"""The school's list of graduate destinations from Excel (毕业去向导入): one row per graduate —
学号, 毕业年份, 去向代码 (the national code, its Chinese name, or a legacy code read as today's),
用人单位, 统一社会信用代码 (checked), 单位所在地区 (GB/T 2260 code or name), 岗位, 合同起始日期,
证明类型 and, optionally, 核验状态. Only school staff import. Every bad cell of every row is
reported with its row number and nothing is written unless every row is good; a graduate who
already has a destination is updated (importing the same file twice changes nothing). The
derived fields (registered employer, partner, placement host, in province) are set as the
services set them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from chanchuang.core.identifiers import validate_credit_code
from chanchuang.core.models import Region, Student
from chanchuang.core.tabular.columns import CellError, Column, choice_spellings
from chanchuang.core.tabular.importing import (
    ImportContext,
    Planned,
    RowInvalid,
    SheetImporter,
    WorkbookImport,
)
from chanchuang.core.tabular.registry import register_import
from chanchuang.insights.choices import (
    EMPLOYER_CODES,
    LEGACY_CODES,
    DestinationCode,
    EvidenceKind,
    Verification,
)
from chanchuang.insights.models import GraduateDestination
from chanchuang.insights.queries.destinations import current_year, may_have_destination
from chanchuang.insights.services import destinations as services

BATCH = 1000
UPDATED_FIELDS = ["graduation_year", "code", "employer_name", "employer_credit_code",
                  "employer_region", "post", "contract_start", "evidence_kind", "verification"]
WRITTEN_FIELDS = [*UPDATED_FIELDS, "group", "verified_by", "verified_at", "employer",
                  "is_partner", "is_placement_host", "in_province"]


def destination_code(text: str) -> str | None:
    """The national code a cell names: the code, a legacy code, or the national name."""
    text = text.strip()
    text = LEGACY_CODES.get(text, text)
    return choice_spellings(DestinationCode).get(text.lower())


@dataclass(frozen=True)
class CodeColumn(Column):
    """The destination code: a national code, its name, or a legacy code (50, 51, 77, 80)."""

    def _parse_destination_code(self, text: str, lookups) -> str:
        code = destination_code(text)
        if code is None:
            raise CellError(_("“%(value)s” is not a national destination code or its name "
                              "(e.g. 11 or 签劳动合同形式就业).") % {"value": text})
        return code


def region_lookup() -> dict[str, Region]:
    """Regions by GB/T 2260 code, by full name (湖北省武汉市) and by their own name when no
    other region shares it (one query)."""
    regions = {r.code: r for r in Region.objects.all()}
    names: dict[str, list[Region]] = {}
    table: dict[str, Region] = dict(regions)
    for region in regions.values():
        parts, current = [], region
        while current is not None:
            if current.name != "市辖区":
                parts.append(current.name)
            current = regions.get(current.parent_id) if current.parent_id else None
        table["".join(reversed(parts))] = region
        names.setdefault(region.name, []).append(region)
    for name, found in names.items():
        if len(found) == 1:
            table.setdefault(name, found[0])
    return table


COLUMNS = [
    Column("student_no", gettext_lazy("student number"), required=True, as_text=True,
           aliases=("学号",), example="2023420101001", export=lambda d: d.student.student_no),
    Column("graduation_year", gettext_lazy("graduation year"), kind="int", required=True,
           aliases=("毕业年份",), example=2026),
    CodeColumn("code", gettext_lazy("destination code"), kind="destination_code",
               required=True, as_text=True, aliases=("去向代码",), example="11",
               note=gettext_lazy("the national code (e.g. 11) or its name; 50, 51, 77 and 80 "
                                 "are read as 502, 503, 76 and 801")),
    Column("employer_name", gettext_lazy("employer"), max_length=200,
           aliases=("用人单位",), example="华电建设集团赣江电力建设有限公司"),
    Column("employer_credit_code", gettext_lazy("unified social credit code"), as_text=True,
           aliases=("统一社会信用代码",), validators=(validate_credit_code,),
           example="91420100MA4K0000XJ"),
    Column("employer_region", gettext_lazy("employer's region"), kind="lookup",
           lookup="regions", as_text=True, aliases=("单位所在地区",), example="420100",
           note=gettext_lazy("the GB/T 2260 code or the name (湖北省武汉市)"),
           export=lambda d: d.employer_region_id or ""),
    Column("post", pgettext_lazy("destination", "post"), max_length=100, aliases=("岗位",),
           example="变电运维技术员"),
    Column("contract_start", gettext_lazy("contract start"), kind="date",
           aliases=("合同起始日期",), example="2026-07-01"),
    Column("evidence_kind", gettext_lazy("evidence"), kind="choice", choices=EvidenceKind,
           aliases=("证明类型",), example=EvidenceKind.CONTRACT),
    Column("verification", gettext_lazy("verification"), kind="choice", choices=Verification,
           aliases=("核验状态",), example=Verification.SELF_REPORTED,
           note=gettext_lazy("empty: self-reported with evidence, missing without")),
]


class DestinationSheet(SheetImporter):
    """Graduate destinations, one graduate per row, by student number."""

    name = "destinations"
    title = gettext_lazy("Graduate destinations")
    model = GraduateDestination
    key = "student_no"
    columns = COLUMNS

    def load_existing(self) -> dict[str, GraduateDestination]:
        return {d.student.student_no: d for d in GraduateDestination.objects.filter(
            school=self.context.school).select_related("student__major", "employer_region",
                                                       "verified_by")}

    def build(self, values: dict[str, Any], present: set[str]) -> Planned:
        titles = self.column_titles
        problems: dict[str, str] = {}
        number = values["student_no"]
        student: Student | None = self.context.lookups["students"].get(number)
        if student is None:
            problems[titles["student_no"]] = _("“%(value)s” is not a student of this school.") \
                % {"value": number}
        elif not may_have_destination(student):
            problems[titles["student_no"]] = _("Only a graduate, or a student in the final "
                                               "year, has a destination.")
        stored = self.existing.get(number)
        employer = values.get("employer_name") or (stored.employer_name if stored else "")
        if values["code"] in EMPLOYER_CODES and not employer:
            problems[titles["employer_name"]] = _("This destination code names its employer; "
                                                  "enter the employer's name.")
        year = values["graduation_year"]
        if student is not None and not student.enrolment_year < year <= current_year() + 1:
            problems[titles["graduation_year"]] = _(
                "Between the year after enrolment (%(first)d) and next year (%(last)d).") % {
                "first": student.enrolment_year + 1, "last": current_year() + 1}
        if problems:
            raise RowInvalid(problems)
        if stored is None:
            destination = GraduateDestination(student=student)
            for name in UPDATED_FIELDS:
                value = values.get(name)
                if value is not None:
                    setattr(destination, name, value)
            if values.get("verification") is None:
                destination.verification = services.reported(destination)
            self._settle(destination, None)
            return Planned(number, "create", {"graduatedestination": destination})
        was = {name: getattr(stored, name) for name in services.VERIFIED_FIELDS}
        before_verification = stored.verification
        changes = self.compare(stored, values, UPDATED_FIELDS, present)
        if "verification" not in changes and values.get("verification") is None and any(
                getattr(stored, name) != old for name, old in was.items()) and \
                before_verification in (Verification.VERIFIED, Verification.MISSING):
            new = services.reported(stored)
            if new != before_verification:
                changes["verification"] = (before_verification, new)
                stored.verification = new
        self._settle(stored, before_verification)
        return Planned(number, "update" if changes else "unchanged",
                       {"graduatedestination": stored}, changes)

    def _settle(self, destination: GraduateDestination, before: str | None) -> None:
        services.settle_verification(destination)
        if destination.verification == Verification.VERIFIED:
            if before != Verification.VERIFIED:
                destination.verified_by = self.context.actor
                destination.verified_at = timezone.now()
        else:
            destination.verified_by = None
            destination.verified_at = None
        services.copy_from_student(destination)

    def write(self, plans: list[Planned]) -> None:
        written = [p.objects["graduatedestination"] for p in plans if p.action != "unchanged"]
        services.derive_many(written, self.context.school)
        creates = [p.objects["graduatedestination"] for p in plans if p.action == "create"]
        GraduateDestination.objects.bulk_create(creates, batch_size=BATCH)
        updates = [p.objects["graduatedestination"] for p in plans if p.action == "update"]
        if updates:
            now = timezone.now()
            for destination in updates:
                destination.updated_at = now
            GraduateDestination.objects.bulk_update(
                updates, [*WRITTEN_FIELDS, "updated_at"], batch_size=BATCH)


@register_import
class DestinationImport(WorkbookImport):
    """The school's list of graduate destinations."""

    name = "destinations"
    title = gettext_lazy("Graduate destinations")
    permission = "insights.import_destinations"
    audit_action = "insights.destinations.imported"
    sheets = [DestinationSheet]

    def context(self, school, actor) -> ImportContext:
        students = {s.student_no: s for s in Student.objects.filter(school=school)
                    .select_related("major")}
        return ImportContext(school=school, actor=actor,
                             lookups={"students": students, "regions": region_lookup()})
