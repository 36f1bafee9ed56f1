"""Excel imports of the skill dictionary (技能名称, 类别, 同义词, 说明) and of courses
(课程代码, 课程名称, 开课院系, 学分, 适用专业代码, 技能). Only school staff import; every bad cell
of every row is reported with its row number (an unknown major code or skill named per row, a
synonym that is another skill's word), and nothing is written unless every row is good. A skill
is the same row again by its name, a course by its code: importing a file twice changes
nothing. A course whose skills change has its students' evidence refreshed in the same
transaction."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from chanchuang.core.models import Department, Major
from chanchuang.core.services import DomainError
from chanchuang.core.tabular.columns import MAJOR_CODE, Column
from chanchuang.core.tabular.importing import (
    ImportContext,
    Planned,
    RowInvalid,
    SheetImporter,
    WorkbookImport,
)
from chanchuang.core.tabular.registry import register_import
from chanchuang.talent.choices import SkillCategory
from chanchuang.talent.models import Course, Skill
from chanchuang.talent.services.skills import clean_synonyms, split_words
from chanchuang.talent.services.supply import refresh_course_evidence

BATCH = 1000
SKILL_FIELDS = ["category", "synonyms", "description"]
COURSE_FIELDS = ["name", "department", "credits"]

SKILL_COLUMNS = [
    Column("name", pgettext_lazy("talent column", "skill name"), required=True, max_length=50,
           example="PLC编程"),
    Column("category", pgettext_lazy("talent column", "category"), kind="choice",
           choices=SkillCategory, example=SkillCategory.PROFESSIONAL),
    Column("synonyms", pgettext_lazy("talent column", "synonyms"), example="可编程控制器、PLC",
           note=gettext_lazy("separated by 、"), export=lambda s: "、".join(s.synonyms or ())),
    Column("description", pgettext_lazy("talent column", "description"),
           example="按工艺要求编写、调试PLC程序"),
]


def _problem(title: str, message: str) -> RowInvalid:
    return RowInvalid({title: message})


class SkillSheet(SheetImporter):
    """Skills of the dictionary, one per row, by name."""

    name = "skills"
    title = gettext_lazy("Skill dictionary")
    model = Skill
    key = "name"
    columns = SKILL_COLUMNS

    def load_existing(self) -> dict[str, Skill]:
        skills = {s.name: s for s in Skill.objects.filter(school=self.context.school)}
        # Every word of the dictionary → its skill's name; rows of the file add theirs.
        self.words: dict[str, str] = {}
        for skill in skills.values():
            self.words[skill.name.lower()] = skill.name
            for synonym in skill.synonyms or ():
                self.words.setdefault(synonym.lower(), skill.name)
        return skills

    def build(self, values: dict[str, Any], present: set[str]) -> Planned:
        name = values["name"]
        stored = self.existing.get(name)
        mine = {word for word, owner in self.words.items() if owner == name}
        taken = {word: owner for word, owner in self.words.items() if word not in mine}
        try:
            synonyms = clean_synonyms(name, split_words(values.get("synonyms") or ""), taken)
        except DomainError as exc:
            column = "synonyms" if exc.field == "synonyms" else "name"
            raise _problem(self.column_titles[column], exc.message.split("：", 1)[-1]) from None
        for word in [name, *synonyms]:
            self.words[word.lower()] = name
        given = {"category": values.get("category"), "synonyms": synonyms if
                 values.get("synonyms") is not None else None,
                 "description": values.get("description")}
        if stored is None:
            skill = Skill(school=self.context.school, name=name,
                          category=given["category"] or SkillCategory.PROFESSIONAL,
                          synonyms=synonyms, description=given["description"] or "")
            return Planned(name, "create", {"skill": skill})
        changes = self.compare(stored, given, SKILL_FIELDS, present)
        return Planned(name, "update" if changes else "unchanged", {"skill": stored}, changes)

    def write(self, plans: list[Planned]) -> None:
        Skill.objects.bulk_create([p.objects["skill"] for p in plans if p.action == "create"],
                                  batch_size=BATCH)
        updates = [p.objects["skill"] for p in plans if p.action == "update"]
        if updates:
            Skill.objects.bulk_update(updates, SKILL_FIELDS, batch_size=BATCH)


@register_import
class SkillImport(WorkbookImport):
    """The school's skill dictionary."""

    name = "skills"
    title = gettext_lazy("Skill dictionary")
    permission = "talent.import_vocabulary"
    audit_action = "talent.skills.imported"
    sheets = [SkillSheet]


COURSE_COLUMNS = [
    Column("code", pgettext_lazy("talent column", "course code"), required=True, as_text=True,
           max_length=20, example="DL101"),
    Column("name", pgettext_lazy("talent column", "course name"), required=True,
           max_length=100, example="PLC控制技术"),
    Column("department", pgettext_lazy("talent column", "department teaching it"),
           kind="lookup", lookup="departments", example="新能源与电力学院",
           export=lambda c: c.department.name if c.department_id else ""),
    Column("credits", pgettext_lazy("talent column", "credits"), example="3"),
    Column("majors", pgettext_lazy("talent column", "major codes"), example="430105、430301",
           note=gettext_lazy("six-digit major codes separated by 、"),
           export=lambda c: "、".join(m.code for m in c.majors.all())),
    Column("skills", pgettext_lazy("talent column", "skills"), example="PLC编程、电气安全操作",
           note=gettext_lazy("names from the skill dictionary, separated by 、"),
           export=lambda c: "、".join(s.name for s in c.skills.all())),
]


class CourseSheet(SheetImporter):
    """Courses, one per row, by code, with their majors and skills."""

    name = "courses"
    title = gettext_lazy("Courses")
    model = Course
    key = "code"
    columns = COURSE_COLUMNS

    def load_existing(self) -> dict[str, Course]:
        return {c.code: c for c in Course.objects.filter(school=self.context.school)
                .select_related("department").prefetch_related("majors", "skills")}

    def _credits(self, text: str | None) -> Decimal | None:
        if not text:
            return None
        try:
            credits = Decimal(text)
        except InvalidOperation:
            credits = None
        if credits is None or not credits.is_finite() or not 0 <= credits < 100:
            raise _problem(self.column_titles["credits"],
                           _("Enter a number of credits, e.g. 2 or 3.5."))
        return credits.quantize(Decimal("0.1"))

    def _names(self, column: str, text: str | None, table: dict[str, Any], key) -> list | None:
        if text is None:
            return None
        found, unknown = [], []
        for word in split_words(text):
            obj = table.get(key(word))
            (found if obj is not None else unknown).append(obj if obj is not None else word)
        if unknown:
            raise _problem(self.column_titles[column],
                           _("Not in this school's list: %(names)s.")
                           % {"names": "、".join(unknown)})
        return list(dict.fromkeys(found))

    def build(self, values: dict[str, Any], present: set[str]) -> Planned:
        lookups = self.context.lookups
        problems: dict[str, str] = {}
        majors = skills = credits = None
        for column, work in (
                ("credits", lambda: self._credits(values.get("credits"))),
                ("majors", lambda: self._names(
                    "majors", values.get("majors"), lookups["majors"],
                    lambda w: (MAJOR_CODE.match(w).group(1) if MAJOR_CODE.match(w) else w))),
                ("skills", lambda: self._names("skills", values.get("skills"),
                                               lookups["skill_words"], str.lower))):
            try:
                result = work()
            except RowInvalid as exc:
                problems.update(exc.problems)
                continue
            if column == "credits":
                credits = result
            elif column == "majors":
                majors = result
            else:
                skills = result
        if problems:
            raise RowInvalid(problems)
        code = values["code"]
        stored = self.existing.get(code)
        given = {"name": values["name"], "department": values.get("department"),
                 "credits": credits}
        if stored is None:
            course = Course(school=self.context.school, code=code, name=values["name"],
                            department=given["department"], credits=credits or Decimal(2))
            course.import_majors, course.import_skills = majors or [], skills or []
            return Planned(code, "create", {"course": course})
        changes = self.compare(stored, given, COURSE_FIELDS, present)
        stored.import_majors, stored.import_skills = majors, skills
        for name, new in (("majors", majors), ("skills", skills)):
            old = list(getattr(stored, name).all())
            if new is not None and {o.pk for o in old} != {n.pk for n in new}:
                changes[name] = ("、".join(map(str, old)), "、".join(map(str, new)))
        return Planned(code, "update" if changes else "unchanged", {"course": stored}, changes)

    def write(self, plans: list[Planned]) -> None:
        created = Course.objects.bulk_create(
            [p.objects["course"] for p in plans if p.action == "create"], batch_size=BATCH)
        updates = [p for p in plans if p.action == "update"]
        fields = [f for f in COURSE_FIELDS if any(f in p.changes for p in updates)]
        if fields:
            Course.objects.bulk_update([p.objects["course"] for p in updates], fields,
                                       batch_size=BATCH)
        majors_through, skills_through = Course.majors.through, Course.skills.through
        touched = [*created, *(p.objects["course"] for p in updates)]
        new_majors = [c for c in touched if c.import_majors is not None]
        new_skills = [c for c in touched if c.import_skills is not None]
        majors_through.objects.filter(course__in=[c.pk for c in new_majors]).delete()
        majors_through.objects.bulk_create(
            [majors_through(course_id=c.pk, major_id=m.pk) for c in new_majors
             for m in c.import_majors], batch_size=BATCH)
        skills_through.objects.filter(course__in=[c.pk for c in new_skills]).delete()
        skills_through.objects.bulk_create(
            [skills_through(course_id=c.pk, skill_id=s.pk) for c in new_skills
             for s in c.import_skills], batch_size=BATCH)
        refresh_course_evidence(p.objects["course"].pk for p in updates
                                if "skills" in p.changes)


@register_import
class CourseImport(WorkbookImport):
    """The school's courses with the majors that take them and the skills they teach."""

    name = "courses"
    title = gettext_lazy("Courses")
    permission = "talent.import_vocabulary"
    audit_action = "talent.courses.imported"
    sheets = [CourseSheet]

    def context(self, school, actor) -> ImportContext:
        words: dict[str, Skill] = {}
        for skill in Skill.objects.filter(school=school):
            words[skill.name.lower()] = skill
            for synonym in skill.synonyms or ():
                words.setdefault(synonym.lower(), skill)
        return ImportContext(school=school, actor=actor, lookups={
            "departments": {d.name: d for d in Department.objects.filter(school=school)},
            "majors": {m.code: m for m in Major.objects.filter(school=school)},
            "skill_words": words})

    def template_lists(self, school) -> dict[str, list[str]]:
        return {"departments": list(Department.objects.filter(school=school)
                                    .values_list("name", flat=True))}
