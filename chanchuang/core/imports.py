"""The student roster as an import: departments, majors, classes and students, from one
workbook with a sheet each or from one sheet alone, keyed by name, major code, class name and
student number. Students get a login (named by their student number) created or linked."""

from __future__ import annotations

from typing import Any, ClassVar

from django.contrib.auth.hashers import make_password
from django.utils.translation import gettext_lazy as _

from chanchuang.core import registry
from chanchuang.core.choices import Gender, MajorLevel, Role, StudentStatus
from chanchuang.core.identifiers import validate_id_number, validate_phone
from chanchuang.core.models import Department, Major, Membership, SchoolClass, Student, User
from chanchuang.core.pinyin import pinyin_keys
from chanchuang.core.tabular.columns import Column
from chanchuang.core.tabular.importing import (
    ImportContext,
    Planned,
    SheetImporter,
    WorkbookImport,
)
from chanchuang.core.tabular.registry import register_import

BATCH = 2000


class StructureSheet(SheetImporter):
    """A sheet of the school's structure (departments, majors, classes): its rows are read from
    and added to the import's ``lookup`` by key, so later sheets can refer to them; an update
    writes ``fields``."""

    lookup: ClassVar[str]
    fields: ClassVar[list[str]]
    validated: ClassVar[list[str] | None] = None  # fields whose validators run, then clean()

    def load_existing(self):
        return dict(self.context.lookups[self.lookup])

    def build(self, values, present):
        obj = self.existing.get(values[self.key])
        creating = obj is None
        if creating:
            obj = self.model(school=self.context.school)
        changes = self.compare(obj, values, [self.key, *self.fields], present)
        if self.validated is not None:
            self.validate(obj, self.validated, self.column_titles)
        key = getattr(obj, self.key)
        objects = {self.model._meta.model_name: obj}
        if creating:
            return Planned(key, "create", objects)
        return Planned(key, "update" if changes else "unchanged", objects, changes)

    def register(self, planned):
        obj = planned.objects[self.model._meta.model_name]
        self.context.lookups[self.lookup][getattr(obj, self.key)] = obj

    def write(self, plans):
        _write(self.model, plans, self.model._meta.model_name, self.fields)


class DepartmentSheet(StructureSheet):
    """Departments by name."""

    name = "departments"
    title = _("Departments")
    model = Department
    key = "name"
    lookup = "departments"
    fields = ["code"]
    columns = [
        Column("name", _("department name"), required=True, example="新能源与电力学院",
               max_length=100),
        Column("code", _("department code"), example="01", as_text=True, max_length=20),
    ]


class MajorSheet(StructureSheet):
    """Majors by their national catalogue code."""

    name = "majors"
    title = _("Majors")
    model = Major
    key = "code"
    lookup = "majors"
    fields = ["name", "department", "level", "duration_years"]
    validated = ["code"]
    columns = [
        Column("code", _("major code"), required=True, example="430105", as_text=True,
               note=_("six digits of the national catalogue")),
        Column("name", _("major name"), required=True, example="电力系统自动化技术",
               max_length=100),
        Column("department", _("department"), kind="lookup", lookup="departments",
               required=True, example="新能源与电力学院"),
        Column("level", _("level"), kind="choice", choices=MajorLevel,
               example=MajorLevel.HIGHER),
        Column("duration_years", _("length of study (years)"), kind="int", example=3),
    ]


class ClassSheet(StructureSheet):
    """Classes by name."""

    name = "classes"
    title = _("Classes")
    model = SchoolClass
    key = "name"
    lookup = "classes"
    fields = ["major", "enrolment_year"]
    columns = [
        Column("name", _("class name"), required=True, example="电力系统自动化技术2501班",
               max_length=100),
        Column("major", _("major"), kind="lookup", lookup="majors", required=True,
               example="430105", note=_("major code, or pick from the list"),
               export=lambda c: c.major.code),
        Column("enrolment_year", _("enrolment year"), kind="int", required=True, example=2025),
    ]


STUDENT_FIELDS = ["department", "major", "school_class", "enrolment_year", "gender",
                  "date_of_birth", "status"]
PERSON_FIELDS = ["real_name", "phone", "id_number"]


class StudentSheet(SheetImporter):
    """Students by student number, with their login (created, or linked by login name)."""

    name = "students"
    title = _("Students")
    model = Student
    key = "student_no"
    columns = [
        Column("student_no", _("student number"), required=True, example="2025010001",
               as_text=True, max_length=20),
        Column("real_name", _("full name"), required=True, example="张三", max_length=50,
               export=lambda s: s.user.real_name),
        Column("gender", _("gender"), kind="choice", choices=Gender, required=True,
               example=Gender.MALE),
        Column("department", _("department"), kind="lookup", lookup="departments",
               example="新能源与电力学院", note=_("may be left empty: the major's department"),
               export=lambda s: s.department.name),
        Column("major", _("major"), kind="lookup", lookup="majors", required=True,
               example="430105", note=_("major code, or pick from the list"),
               export=lambda s: s.major.code),
        Column("school_class", _("class"), kind="lookup", lookup="classes",
               example="电力系统自动化技术2501班",
               export=lambda s: s.school_class.name if s.school_class_id else ""),
        Column("enrolment_year", _("enrolment year"), kind="int", required=True, example=2025),
        Column("date_of_birth", _("date of birth"), kind="date", example="2007-03-15",
               note=_("e.g. 2007-03-15")),
        Column("status", _("status"), kind="choice", choices=StudentStatus,
               example=StudentStatus.ENROLLED),
        Column("phone", _("phone"), example="13800001111", as_text=True,
               personal_permission="core.view_phone", export=lambda s: s.user.phone,
               validators=(validate_phone,)),
        Column("id_number", _("ID card number"), example="", as_text=True,
               validators=(validate_id_number,),
               personal_permission="core.view_id_number", export=lambda s: s.user.id_number,
               note=_("18 characters; format the column as text")),
    ]

    def load_existing(self):
        return {s.student_no: s for s in Student.objects.filter(school=self.context.school)
                .select_related("user", "department", "major", "school_class")}

    def build(self, values, present):
        values = dict(values)
        major = values["major"]
        if values.get("department") is None:
            values["department"] = major.department
            present = present | {"department"}
        student = self.existing.get(values["student_no"])
        creating = student is None
        if creating:
            student = Student(school=self.context.school, student_no=values["student_no"],
                              status=StudentStatus.ENROLLED)
            student.user = User(username=values["student_no"])
        changes = self.compare(student, values, STUDENT_FIELDS, present)
        changes |= self.compare(student.user, values, PERSON_FIELDS, present)
        self.validate(student.user, ["phone", "id_number"], self.column_titles)
        self.validate(student, [], self.column_titles)
        if creating:
            return Planned(student.student_no, "create", {"student": student})
        return Planned(student.student_no, "update" if changes else "unchanged",
                       {"student": student}, changes)

    def write(self, plans):
        creates = [p.objects["student"] for p in plans if p.action == "create"]
        self._link_or_create_logins(creates)
        Student.objects.bulk_create(creates, batch_size=BATCH)
        Membership.objects.bulk_create(
            [Membership(user_id=s.user_id, role=Role.STUDENT, school=s.school) for s in creates],
            batch_size=BATCH, ignore_conflicts=True)
        updates = [p for p in plans if p.action == "update"]
        changed = {name for p in updates for name in p.changes}
        person_fields = [f for f in PERSON_FIELDS if f in changed]
        if person_fields:
            users = [p.objects["student"].user for p in updates
                     if set(p.changes) & set(person_fields)]
            for user in users:
                user.refresh_pinyin()
            User.objects.bulk_update(users, [*person_fields, "name_pinyin", "name_initials"],
                                     batch_size=BATCH)
        student_fields = [f for f in STUDENT_FIELDS if f in changed]
        if student_fields:
            students = [p.objects["student"] for p in updates
                        if set(p.changes) & set(student_fields)]
            Student.objects.bulk_update(students, student_fields, batch_size=BATCH)
            registry.students_changed([student.pk for student in students])

    def _link_or_create_logins(self, students: list[Student]) -> None:
        """A login named by the student number: linked if it exists and studies nowhere,
        otherwise created (prefixed by the school code if the name is taken)."""
        numbers = [s.student_no for s in students]
        taken: dict[str, User] = {}
        for start in range(0, len(numbers), BATCH):
            for user in User.objects.filter(username__in=numbers[start:start + BATCH]) \
                    .select_related("student"):
                taken[user.username] = user
        new_users = []
        unusable = make_password(None)
        for student in students:
            person = student.user
            existing = taken.get(student.student_no)
            if existing is not None and not hasattr(existing, "student"):
                for name in PERSON_FIELDS:
                    setattr(existing, name, getattr(person, name))
                existing.refresh_pinyin()
                existing.save(update_fields=[*PERSON_FIELDS, "name_pinyin", "name_initials"])
                student.user = existing
                continue
            if existing is not None:
                person.username = f"{self.context.school.code}-{student.student_no}"
            person.name_pinyin, person.name_initials = pinyin_keys(person.real_name)
            person.password = unusable
            new_users.append(person)
        User.objects.bulk_create(new_users, batch_size=BATCH)


def _write(model, plans: list[Planned], key: str, fields: list[str]) -> None:
    """Bulk-create the new objects and bulk-update the changed fields of the others."""
    model.objects.bulk_create([p.objects[key] for p in plans if p.action == "create"],
                              batch_size=BATCH)
    updates = [p for p in plans if p.action == "update"]
    changed = [f for f in fields if any(f in p.changes for p in updates)]
    if changed:
        model.objects.bulk_update([p.objects[key] for p in updates], changed, batch_size=BATCH)


@register_import
class RosterImport(WorkbookImport):
    """Departments, majors, classes and students; any of the four sheets may be present."""

    name = "roster"
    title = _("Student roster")
    permission = "core.import_roster"
    audit_action = "core.roster.imported"
    sheets = [DepartmentSheet, MajorSheet, ClassSheet, StudentSheet]

    def context(self, school, actor) -> ImportContext:
        return ImportContext(school=school, actor=actor, lookups=roster_lookups(school))

    def template_lists(self, school) -> dict[str, list[str]]:
        lookups = roster_lookups(school)
        return {
            "departments": sorted(lookups["departments"]),
            "majors": [f"{code} {major.name}"
                       for code, major in sorted(lookups["majors"].items())],
            "classes": sorted(lookups["classes"]),
            "enrolment_year": [str(year) for year in range(2020, 2031)],
        }


def roster_lookups(school) -> dict[str, dict[str, Any]]:
    """The school's departments by name, majors by code and classes by name (the sheets
    start from these and add what they create)."""
    return {
        "departments": {d.name: d for d in Department.objects.filter(school=school)},
        "majors": {m.code: m for m in Major.objects.filter(school=school)
                   .select_related("department")},
        "classes": {c.name: c for c in SchoolClass.objects.filter(school=school)
                    .select_related("major")},
    }
