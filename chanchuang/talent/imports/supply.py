"""Excel imports of the supply: the academic office's grade list (学号, 课程代码, 学期, 成绩,
是否通过) and certificates recorded by staff (学号, 证书类别, 证书名称, 等级, 发证机构, 证书编号,
发证日期, 技能). Only school staff import; an unknown student number, course code or skill is
reported with its row number and nothing is written unless every row is good. A grade is the
same row again by student, course and term (re-importing a term updates it); a certificate by
student, name and number. Grades and certificates write their evidence in the same
transaction."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from chanchuang.core.models import Student
from chanchuang.core.services import DomainError
from chanchuang.core.tabular.columns import Column
from chanchuang.core.tabular.importing import (
    ImportContext,
    Planned,
    RowInvalid,
    SheetImporter,
    WorkbookImport,
)
from chanchuang.core.tabular.registry import register_import
from chanchuang.talent.choices import CertificateKind, CertificateStatus
from chanchuang.talent.models import Certificate, Course, CourseGrade, Skill
from chanchuang.talent.services.skills import split_words
from chanchuang.talent.services.supply import (
    grade_result,
    refresh_certificate_evidence,
    refresh_grade_evidence,
    term_end,
)

BATCH = 2000
NO_KEY = Column("_line", "_line")  # see colleges.imports: the row has no key of its own

GRADE_COLUMNS = [
    Column("student", pgettext_lazy("talent column", "student number"), kind="lookup",
           lookup="students", required=True, as_text=True, example="2025000001",
           export=lambda g: g.student.student_no),
    Column("course", pgettext_lazy("talent column", "course code"), kind="lookup",
           lookup="courses", required=True, as_text=True, example="DL101",
           export=lambda g: g.course.code),
    Column("term", pgettext_lazy("talent column", "term"), required=True, example="2025-2026-1"),
    Column("score", pgettext_lazy("talent column", "grade"), required=True, example="86",
           note=gettext_lazy("0–100, or 优、良、中、及格、不及格、合格、不合格"),
           export=lambda g: g.score if g.score is not None else ("合格" if g.passed else "不合格")),
    Column("passed", pgettext_lazy("talent column", "passed"), example="",
           note=gettext_lazy("是 or 否; empty: from the grade"),
           export=lambda g: "是" if g.passed else "否"),
]


class GradeSheet(SheetImporter):
    """Course grades, one per row."""

    name = "grades"
    title = gettext_lazy("Course grades")
    model = CourseGrade
    key = NO_KEY.field
    columns = GRADE_COLUMNS

    def __init__(self, context: ImportContext) -> None:
        self.columns = [*type(self).columns, NO_KEY]
        self.seen: set[tuple[int, int, str]] = set()
        super().__init__(context)

    def load_existing(self) -> dict[tuple[int, int, str], CourseGrade]:
        return {(g.student_id, g.course_id, g.term): g for g in CourseGrade.objects.filter(
            student__school=self.context.school)}

    def build(self, values: dict[str, Any], present: set[str]) -> Planned:
        student: Student = values["student"]
        course: Course = values["course"]
        term = values["term"].strip()
        problems: dict[str, str] = {}
        try:
            term_end(term)
        except DomainError as exc:
            problems[self.column_titles["term"]] = exc.message.split("：", 1)[-1]
        score = passed = None
        try:
            score, passed = grade_result(values["score"], values.get("passed") or "")
        except DomainError as exc:
            column = "passed" if exc.field == "passed" else "score"
            problems[self.column_titles[column]] = exc.message.split("：", 1)[-1]
        if problems:
            raise RowInvalid(problems)
        identity = (student.pk, course.pk, term)
        if identity in self.seen:
            raise RowInvalid({"": _("The same grade (student, course and term) is already in "
                                    "a row above.")})
        self.seen.add(identity)
        key = f"{student.student_no} {course.code} {term}"
        stored = self.existing.get(identity)
        if stored is None:
            grade = CourseGrade(student=student, course=course, term=term, score=score,
                                passed=passed)
            return Planned(key, "create", {"coursegrade": grade})
        changes = {}
        for name, new in (("score", score), ("passed", passed)):
            if getattr(stored, name) != new:
                changes[name] = (getattr(stored, name), new)
                setattr(stored, name, new)
        return Planned(key, "update" if changes else "unchanged", {"coursegrade": stored},
                       changes)

    def write(self, plans: list[Planned]) -> None:
        created = CourseGrade.objects.bulk_create(
            [p.objects["coursegrade"] for p in plans if p.action == "create"], batch_size=BATCH)
        updated = [p.objects["coursegrade"] for p in plans if p.action == "update"]
        if updated:
            CourseGrade.objects.bulk_update(updated, ["score", "passed"], batch_size=BATCH)
        refresh_grade_evidence([*created, *updated])


@register_import
class GradeImport(WorkbookImport):
    """The academic office's grade list."""

    name = "grades"
    title = gettext_lazy("Course grades")
    permission = "talent.import_grades"
    audit_action = "talent.grades.imported"
    sheets = [GradeSheet]

    def context(self, school, actor) -> ImportContext:
        return ImportContext(school=school, actor=actor, lookups={
            "students": {s.student_no: s for s in Student.objects.filter(school=school)
                         .only("pk", "student_no", "school_id")},
            "courses": {c.code: c for c in Course.objects.filter(school=school)}})


CERTIFICATE_COLUMNS = [
    Column("student", pgettext_lazy("talent column", "student number"), kind="lookup",
           lookup="students", required=True, as_text=True, example="2025000001",
           export=lambda c: c.student.student_no),
    Column("kind", pgettext_lazy("talent column", "certificate kind"), kind="choice",
           choices=CertificateKind, required=True, example=CertificateKind.ONE_PLUS_X),
    Column("name", pgettext_lazy("talent column", "certificate name"), required=True,
           max_length=100, example="可编程控制器系统应用编程"),
    Column("level", pgettext_lazy("talent column", "level"), max_length=30, example="中级"),
    Column("issuer", pgettext_lazy("talent column", "issued by"), max_length=100,
           example="北京新奥时代科技有限责任公司"),
    Column("number", pgettext_lazy("talent column", "certificate number"), as_text=True,
           max_length=50, example="1+X-PLC-2026-0001"),
    Column("issued_on", pgettext_lazy("talent column", "issued on"), kind="date",
           required=True, example="2026-06-30"),
    Column("skills", pgettext_lazy("talent column", "skills"), example="PLC编程",
           note=gettext_lazy("names from the skill dictionary, separated by 、"),
           export=lambda c: "、".join(s.name for s in c.skills.all())),
]


class CertificateSheet(SheetImporter):
    """Certificates, one per row, recorded as verified."""

    name = "certificates"
    title = gettext_lazy("Certificates")
    model = Certificate
    key = NO_KEY.field
    columns = CERTIFICATE_COLUMNS

    def __init__(self, context: ImportContext) -> None:
        self.columns = [*type(self).columns, NO_KEY]
        self.seen: set[tuple[Any, ...]] = set()
        super().__init__(context)

    def load_existing(self) -> dict[tuple[Any, ...], Certificate]:
        return {(c.student_id, c.name, c.number): c for c in Certificate.objects.filter(
            student__school=self.context.school)}

    def build(self, values: dict[str, Any], present: set[str]) -> Planned:
        student: Student = values["student"]
        words = self.context.lookups["skill_words"]
        skills, unknown = [], []
        for word in split_words(values.get("skills") or ""):
            skill = words.get(word.lower())
            (skills if skill is not None else unknown).append(skill if skill is not None
                                                              else word)
        problems = {}
        if unknown:
            problems[self.column_titles["skills"]] = _(
                "Not in this school's list: %(names)s.") % {"names": "、".join(unknown)}
        if values["issued_on"] > dt.date.today():
            problems[self.column_titles["issued_on"]] = _("The date is in the future.")
        if problems:
            raise RowInvalid(problems)
        number = values.get("number") or ""
        identity = (student.pk, values["name"], number)
        if identity in self.seen:
            raise RowInvalid({"": _("The same certificate (student, name and number) is "
                                    "already in a row above.")})
        self.seen.add(identity)
        key = f"{student.student_no} {values['name']}"
        if identity in self.existing:
            return Planned(key, "unchanged", {"certificate": self.existing[identity]})
        certificate = Certificate(
            student=student, kind=values["kind"], name=values["name"],
            level=values.get("level") or "", issuer=values.get("issuer") or "", number=number,
            issued_on=values["issued_on"], status=CertificateStatus.VERIFIED,
            checked_by=self.context.actor)
        certificate.import_skills = list(dict.fromkeys(skills))
        return Planned(key, "create", {"certificate": certificate})

    def write(self, plans: list[Planned]) -> None:
        created = Certificate.objects.bulk_create(
            [p.objects["certificate"] for p in plans if p.action == "create"], batch_size=BATCH)
        through = Certificate.skills.through
        through.objects.bulk_create([through(certificate_id=c.pk, skill_id=s.pk)
                                     for c in created for s in c.import_skills],
                                    batch_size=BATCH)
        refresh_certificate_evidence(created)


@register_import
class CertificateImport(WorkbookImport):
    """Certificates students hold, recorded by staff (verified at once)."""

    name = "certificates"
    title = gettext_lazy("Certificates")
    permission = "talent.import_certificates"
    audit_action = "talent.certificates.imported"
    sheets = [CertificateSheet]

    def context(self, school, actor) -> ImportContext:
        words: dict[str, Skill] = {}
        for skill in Skill.objects.filter(school=school):
            words[skill.name.lower()] = skill
            for synonym in skill.synonyms or ():
                words.setdefault(synonym.lower(), skill)
        return ImportContext(school=school, actor=actor, lookups={
            "students": {s.student_no: s for s in Student.objects.filter(school=school)
                         .only("pk", "student_no", "school_id")},
            "skill_words": words})
