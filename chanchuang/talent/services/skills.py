"""State changes of the skill dictionary (技能词典), the courses that teach its skills and the
skills bootcamp programmes train. Changing which skills a course or a programme teaches
refreshes the evidence of every student it already evidenced, in the same transaction."""

from __future__ import annotations

import re

from django.db import transaction
from django.utils.translation import gettext as _

from chanchuang.core import audit
from chanchuang.core.models import Major, User
from chanchuang.core.services import DomainError, delete_object, validate
from chanchuang.innovation.models import Programme
from chanchuang.talent.models import (
    Course,
    DemandSkill,
    ProgrammeSkill,
    Skill,
    SkillEvidence,
)
from chanchuang.talent.services.supply import refresh_course_evidence, refresh_programme_evidence

SEPARATORS = re.compile(r"[、，,;；\n\r]+")


def split_words(text: str) -> list[str]:
    """Words separated by 、，, ; or new lines: trimmed, blanks and repeats dropped, in order."""
    found: list[str] = []
    for word in SEPARATORS.split(text or ""):
        word = word.strip()
        if word and word not in found:
            found.append(word)
    return found


def vocabulary_of(school_id: int, *, exclude: int | None = None) -> dict[str, str]:
    """Every name and synonym of the school's skills (lower-cased) → the skill's name."""
    words: dict[str, str] = {}
    for name, synonyms in Skill.objects.filter(school_id=school_id).exclude(
            pk=exclude).values_list("name", "synonyms"):
        words[name.lower()] = name
        for synonym in synonyms or ():
            words.setdefault(synonym.lower(), name)
    return words


def clean_synonyms(name: str, synonyms: list[str], taken: dict[str, str]) -> list[str]:
    """The synonyms of a skill called ``name``, normalised; refuses one that is another
    skill's name or synonym (``taken``: words → that skill)."""
    kept = [s for s in dict.fromkeys(s.strip() for s in synonyms) if s and s != name]
    for synonym in kept:
        if len(synonym) > 50:
            raise DomainError(_("Synonyms: “%(word)s” is longer than 50 characters.")
                              % {"word": synonym}, field="synonyms")
        other = taken.get(synonym.lower())
        if other is not None:
            raise DomainError(_("Synonyms: “%(word)s” is already a name or synonym of the "
                                "skill “%(skill)s”.") % {"word": synonym, "skill": other},
                              field="synonyms")
    owner = taken.get(name.lower())
    if owner is not None and owner != name:
        raise DomainError(_("Name: “%(word)s” is already a synonym of the skill "
                            "“%(skill)s”.") % {"word": name, "skill": owner}, field="name")
    return kept


def save_skill(*, actor: User, skill: Skill) -> Skill:
    """Create or change a skill of the dictionary, its synonyms normalised and unique in the
    school."""
    creating = skill._state.adding
    skill.name = skill.name.strip()
    skill.synonyms = clean_synonyms(skill.name, list(skill.synonyms or ()),
                                    vocabulary_of(skill.school_id, exclude=skill.pk))
    before = {} if creating else audit.snapshot(Skill.objects.get(pk=skill.pk))
    validate(skill)
    with transaction.atomic():
        skill.save()
        audit.record(actor=actor, action="created" if creating else "changed", obj=skill,
                     before=before, after=audit.snapshot(skill))
    return skill


def delete_skill(*, actor: User, skill: Skill) -> None:
    """Delete a skill nobody's demand or evidence uses (refused with a message otherwise)."""
    demands = DemandSkill.objects.filter(skill=skill).count()
    evidence = SkillEvidence.objects.filter(skill=skill).count()
    if demands or evidence:
        raise DomainError(_("The skill “%(skill)s” cannot be deleted: %(demands)d talent "
                            "demands and %(evidence)d pieces of skill evidence use it.")
                          % {"skill": skill, "demands": demands, "evidence": evidence})
    with transaction.atomic():
        ProgrammeSkill.objects.filter(skill=skill).delete()
        delete_object(actor=actor, obj=skill)


def _check_course(course: Course, majors: list[Major], skills: list[Skill]) -> None:
    validate(course)
    if any(m.school_id != course.school_id for m in majors):
        raise DomainError(_("Majors: only majors of the course's school."), field="majors")
    if any(s.school_id != course.school_id for s in skills):
        raise DomainError(_("Skills: only skills of the school's dictionary."), field="skills")
    if course.department_id and course.department.school_id != course.school_id:
        raise DomainError(_("Department: only departments of the course's school."),
                          field="department")


def save_course(*, actor: User, course: Course, majors: list[Major],
                skills: list[Skill]) -> Course:
    """Create or change a course with its majors and skills; when its skills change, the
    evidence of every student who passed it follows in the same transaction."""
    creating = course._state.adding
    _check_course(course, majors, skills)
    before = {} if creating else {
        **audit.snapshot(Course.objects.get(pk=course.pk)),
        "skills": sorted(str(s) for s in course.skills.all())}
    old_skills = set() if creating else set(course.skills.values_list("pk", flat=True))
    with transaction.atomic():
        course.save()
        course.majors.set(majors)
        course.skills.set(skills)
        if not creating and old_skills != {s.pk for s in skills}:
            refresh_course_evidence([course.pk])
        audit.record(actor=actor, action="created" if creating else "changed", obj=course,
                     before=before, after={**audit.snapshot(course),
                                           "skills": sorted(str(s) for s in skills)})
    return course


def delete_course(*, actor: User, course: Course) -> None:
    """Delete a course without grades (grades keep it)."""
    delete_object(actor=actor, obj=course)


def set_programme_skills(*, actor: User, programme: Programme, skills: list[Skill]) -> None:
    """Set the skills a bootcamp programme trains; every credit earned in its cohorts
    evidences them from now on (the BOOTCAMP evidence is refreshed)."""
    if any(s.school_id != programme.school_id for s in skills):
        raise DomainError(_("Skills: only skills of the programme's school."), field="skills")
    with transaction.atomic():
        before = sorted(ProgrammeSkill.objects.filter(programme=programme)
                        .values_list("skill__name", flat=True))
        ProgrammeSkill.objects.filter(programme=programme).exclude(skill__in=skills).delete()
        have = set(ProgrammeSkill.objects.filter(programme=programme)
                   .values_list("skill_id", flat=True))
        ProgrammeSkill.objects.bulk_create([ProgrammeSkill(programme=programme, skill=s)
                                            for s in skills if s.pk not in have])
        audit.record(actor=actor, action="talent.programme.skills_set", obj=programme,
                     before={"skills": before},
                     after={"skills": sorted(s.name for s in skills)})
        refresh_programme_evidence(programme.pk)
