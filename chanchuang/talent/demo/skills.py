"""Demo data of the talent app: the skill dictionary of the demo school's majors and their
courses, and the skills the demo bootcamp programme trains, from ``talent/data/skills.json``
(each skill cites the catalogue major it comes from). Through the services; idempotent."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from chanchuang.core.demo import MAIN_SCHOOL
from chanchuang.core.models import Department, Major, School, User
from chanchuang.innovation.models import Programme
from chanchuang.talent.models import Course, ProgrammeSkill, Skill
from chanchuang.talent.services import skills as services

DATA = Path(__file__).resolve().parent.parent / "data" / "skills.json"
PROGRAMME = "双创特训营"  # innovation's demo bootcamp programme


def load() -> dict:
    """The demo dictionary and courses."""
    return json.loads(DATA.read_text(encoding="utf-8"))


def seed() -> str:
    """Create the dictionary, the courses and the programme's skills if missing."""
    school = School.objects.filter(code=MAIN_SCHOOL["code"]).first()
    staff = User.objects.filter(username="staff_wang").first()
    if school is None or staff is None:
        return ""
    data = load()
    existing = set(Skill.objects.filter(school=school).values_list("name", flat=True))
    added = 0
    for entry in data["skills"]:
        if entry["name"] in existing:
            continue
        services.save_skill(actor=staff, skill=Skill(
            school=school, name=entry["name"], category=entry["category"],
            synonyms=entry["synonyms"],
            description=entry["description"] or f"出处：{entry['source']}"))
        added += 1
    skills = {s.name: s for s in Skill.objects.filter(school=school)}
    majors = {m.code: m for m in Major.objects.filter(school=school)}
    departments = {d.name: d for d in Department.objects.filter(school=school)}
    codes = set(Course.objects.filter(school=school).values_list("code", flat=True))
    courses = 0
    for entry in data["courses"]:
        if entry["code"] in codes:
            continue
        services.save_course(
            actor=staff, course=Course(school=school, code=entry["code"], name=entry["name"],
                                       department=departments.get(entry["department"] or ""),
                                       credits=Decimal(3 if entry["department"] else 2)),
            majors=[majors[c] for c in entry["majors"] if c in majors],
            skills=[skills[name] for name in entry["skills"]])
        courses += 1
    programme = Programme.objects.filter(school=school, name=PROGRAMME).first()
    if programme is not None and not ProgrammeSkill.objects.filter(programme=programme).exists():
        services.set_programme_skills(actor=staff, programme=programme,
                                      skills=[skills[n] for n in data["programme_skills"]])
    return (f"{len(skills)} skills ({added} added), "
            f"{Course.objects.filter(school=school).count()} courses ({courses} added)")
