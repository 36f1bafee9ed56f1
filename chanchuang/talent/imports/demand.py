"""Talent demand from Excel (人才需求导入): one row per demand — the enterprise (by name or
unified social credit code), post, head count, when (今年/明年/两到三年), majors by code and
skills by name or synonym (separated by 、), pay band and job description. When the skills
cell is empty, the skills the description suggests are kept. Only school staff import; every
bad cell (an unknown major code or skill included) is reported with its row number, and
nothing is written unless every row is good. A row is the same demand again when its
enterprise, post and time frame are those of an open declared demand: importing a file twice
changes nothing."""

from __future__ import annotations

import re
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from chanchuang.core.models import Major, Organisation
from chanchuang.core.tabular.columns import Column
from chanchuang.core.tabular.importing import (
    ImportContext,
    Planned,
    RowInvalid,
    SheetImporter,
    WorkbookImport,
)
from chanchuang.core.tabular.registry import register_import
from chanchuang.talent.choices import DemandOrigin, DemandStatus, TimeFrame
from chanchuang.talent.models import Demand, DemandSkill, Skill
from chanchuang.talent.queries.demand import suggester_for
from chanchuang.talent.services.demand import window

BATCH = 1000
SEPARATORS = re.compile(r"[、,，;；/\s]+")
NO_KEY = Column("_line", "_line")  # see innovation.imports: the row has no key of its own
UPDATED_FIELDS = ["headcount", "pay_min", "pay_max", "description"]


def _listed(text: str | None) -> list[str]:
    return [part for part in SEPARATORS.split(text or "") if part]


COLUMNS = [
    Column("organisation", pgettext_lazy("demand", "enterprise name"), kind="lookup",
           lookup="organisations", required=True, example="华电建设集团赣江电力建设有限公司",
           aliases=("企业名称", "统一社会信用代码", "enterprise name", "credit code"),
           note=gettext_lazy("the partner's name or its unified social credit code"),
           export=lambda d: d.organisation.name),
    Column("post", pgettext_lazy("demand", "post"), required=True, max_length=100,
           aliases=("岗位",), example="变电运维技术员"),
    Column("headcount", gettext_lazy("head count"), kind="int", required=True,
           aliases=("人数",), example="5"),
    Column("timeframe", gettext_lazy("needed"), kind="choice", choices=TimeFrame,
           required=True, aliases=("需求时间",), example=TimeFrame.NEXT_YEAR),
    Column("majors", gettext_lazy("major codes"), aliases=("专业代码",), example="430105、430301",
           note=gettext_lazy("six-digit codes separated by 、; empty for any major"),
           export=lambda d: "、".join(m.code for m in d.majors.all())),
    Column("skills", gettext_lazy("skills wanted"), aliases=("技能",),
           example="继电保护、变电站运维",
           note=gettext_lazy("names or synonyms of the skill dictionary separated by 、; empty: "
                             "those the description suggests"),
           export=lambda d: "、".join(row.skill.name for row in d.demand_skills.all())),
    Column("pay_min", gettext_lazy("monthly pay from (yuan)"), kind="int",
           aliases=("薪资下限",), example="5000"),
    Column("pay_max", gettext_lazy("monthly pay up to (yuan)"), kind="int",
           aliases=("薪资上限",), example="8000"),
    Column("description", gettext_lazy("job description"), aliases=("岗位描述",),
           example="岗位职责：负责变电站设备巡检与继电保护装置调试……"),
]


class DemandSheet(SheetImporter):
    """Talent demand, one demand per row."""

    name = "demands"
    title = gettext_lazy("Talent demand")
    model = Demand
    key = NO_KEY.field
    columns = COLUMNS

    def __init__(self, context: ImportContext) -> None:
        self.columns = [*type(self).columns, NO_KEY]
        self.seen: set[tuple[Any, ...]] = set()
        super().__init__(context)

    def load_existing(self) -> dict[tuple[Any, ...], Demand]:
        return {(d.organisation_id, d.post, d.timeframe): d for d in Demand.objects.filter(
            school=self.context.school, origin=DemandOrigin.DECLARED,
            status=DemandStatus.OPEN)}

    def build(self, values: dict[str, Any], present: set[str]) -> Planned:
        titles = self.column_titles
        problems: dict[str, str] = {}
        lookups = self.context.lookups
        organisation: Organisation = values["organisation"]
        codes = _listed(values.get("majors"))
        unknown_majors = [c for c in codes if c not in lookups["major_codes"]]
        if unknown_majors:
            problems[titles["majors"]] = _("Unknown major codes: %(codes)s.") % {
                "codes": "、".join(unknown_majors)}
        names = _listed(values.get("skills"))
        unknown_skills = [n for n in names if n.lower() not in lookups["skill_terms"]]
        if unknown_skills:
            problems[titles["skills"]] = _("Not in the skill dictionary: %(names)s.") % {
                "names": "、".join(unknown_skills)}
        headcount = values["headcount"]
        if headcount < 1:
            problems[titles["headcount"]] = _("At least one.")
        pay_min, pay_max = values.get("pay_min"), values.get("pay_max")
        if any(p is not None and p < 0 for p in (pay_min, pay_max)):
            problems[titles["pay_min"]] = _("Pay cannot be negative.")
        elif pay_min is not None and pay_max is not None and pay_max < pay_min:
            problems[titles["pay_max"]] = _("The upper end is below the lower end.")
        if problems:
            raise RowInvalid(problems)
        identity = (organisation.pk, values["post"], values["timeframe"])
        if identity in self.seen:
            raise RowInvalid({"": _("The same demand (enterprise, post and time frame) is "
                                    "already in a row above.")})
        self.seen.add(identity)
        description = values.get("description") or ""
        key = f"{organisation.name} {values['post']}"
        stored = self.existing.get(identity)
        if stored is not None and self.context.create_only:
            raise RowInvalid({"": _("This demand is already declared.")})
        if stored is None:
            year_from, year_to = window(values["timeframe"])
            demand = Demand(school_id=organisation.school_id, organisation=organisation,
                            post=values["post"], headcount=headcount,
                            timeframe=values["timeframe"], year_from=year_from,
                            year_to=year_to, pay_min=pay_min, pay_max=pay_max,
                            description=description, created_by=self.context.actor)
            if names:
                skills = list(dict.fromkeys(lookups["skill_terms"][n.lower()] for n in names))
                suggested = {s.skill_id for s in lookups["suggester"].suggest(
                    f"{values['post']}\n{description}")}
                rows = [(skill_id, skill_id in suggested) for skill_id in skills]
            else:
                rows = [(s.skill_id, True) for s in lookups["suggester"].suggest(
                    f"{values['post']}\n{description}")]
            majors = [lookups["major_codes"][c] for c in dict.fromkeys(codes)]
            return Planned(key, "create", {"demand": demand},
                           {"_majors": majors, "_skills": rows})
        given = {"headcount": headcount, "pay_min": pay_min, "pay_max": pay_max,
                 "description": description or None}
        changes = self.compare(stored, given, UPDATED_FIELDS, present)
        return Planned(key, "update" if changes else "unchanged", {"demand": stored}, changes)

    def write(self, plans: list[Planned]) -> None:
        creates = [p for p in plans if p.action == "create"]
        created = Demand.objects.bulk_create([p.objects["demand"] for p in creates],
                                             batch_size=BATCH)
        through = Demand.majors.through
        major_rows, skill_rows = [], []
        for plan, demand in zip(creates, created, strict=True):
            major_rows += [through(demand_id=demand.pk, major_id=m.pk)
                           for m in plan.changes.pop("_majors")]
            skill_rows += [DemandSkill(demand_id=demand.pk, skill_id=skill_id,
                                       suggested=suggested)
                           for skill_id, suggested in plan.changes.pop("_skills")]
        through.objects.bulk_create(major_rows, batch_size=BATCH)
        DemandSkill.objects.bulk_create(skill_rows, batch_size=BATCH)
        updates = [p for p in plans if p.action == "update"]
        changed = [f for f in UPDATED_FIELDS if any(f in p.changes for p in updates)]
        if changed:
            Demand.objects.bulk_update([p.objects["demand"] for p in updates], changed,
                                       batch_size=BATCH)


@register_import
class DemandImport(WorkbookImport):
    """A list of the partners' talent demand."""

    name = "demands"
    title = gettext_lazy("Talent demand")
    permission = "talent.import_demands"
    audit_action = "talent.demand.imported"
    sheets = [DemandSheet]

    def context(self, school, actor) -> ImportContext:
        organisations: dict[str, Any] = {}
        for organisation in Organisation.objects.filter(school=school):
            organisations[organisation.name] = organisation
            if organisation.credit_code:
                organisations[organisation.credit_code] = organisation
                organisations[organisation.credit_code.lower()] = organisation
        terms: dict[str, int] = {}
        for pk, name, synonyms in Skill.objects.filter(school=school).values_list(
                "pk", "name", "synonyms"):
            for term in (name, *(synonyms or [])):
                terms.setdefault(str(term).strip().lower(), pk)
        return ImportContext(school=school, actor=actor, lookups={
            "organisations": organisations,
            "major_codes": {m.code: m for m in Major.objects.filter(school=school)},
            "skill_terms": terms, "suggester": suggester_for(school.pk)})

    def template_lists(self, school) -> dict[str, list[str]]:
        return {"organisations": list(Organisation.objects.filter(school=school)
                                      .values_list("name", flat=True))}
