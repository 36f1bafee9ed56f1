"""The skill holdings the gap counts from follow the evidence and the student: a second piece of
evidence does not count a student twice, losing the last one drops the skill, a student who
changes major is counted for the new major, and one the roster import suspends is no longer
counted (the import's bulk update tells talent through core's students listener). The supply
counts the gap reads stay equal to the holdings they count after every change."""

import datetime as dt

import pytest
from django.db.models import Count

from chanchuang.core.choices import StudentStatus
from chanchuang.core.tests.factories import MajorFactory
from chanchuang.talent.models import SkillHolding, SkillSupply
from chanchuang.talent.queries.gap import GapScope, gap, horizon_of
from chanchuang.talent.services import supply
from chanchuang.talent.tests import factories as tf
from chanchuang.talent.tests.helpers import run_import

pytestmark = pytest.mark.django_db

ROSTER = ["学号", "姓名", "性别", "二级学院", "专业", "班级", "入学年份", "出生日期", "状态",
          "手机号", "身份证号"]


def _graduating_liu(world) -> int:
    """Set student_liu to graduate this year; return that year."""
    year = dt.date.today().year
    world.student_liu.enrolment_year = year - world.major.duration_years
    world.student_liu.save()
    return year


def assert_counts_are_the_holdings() -> None:
    cohort = ("school_id", "major_id", "enrolment_year", "skill_id", "enrolled")
    held = {tuple(row[:-1]): row[-1] for row in SkillHolding.objects.order_by()
            .values_list(*cohort).annotate(n=Count("pk"))}
    counted = {tuple(row[:-1]): row[-1] for row in SkillSupply.objects
               .filter(students__gt=0).values_list(*cohort, "students")}
    assert counted == held


def _evidenced(world, major) -> int:
    """Students graduating this year in ``major`` shown as holding ``world.skill``."""
    tf.demand(organisation=world.enterprise_a, majors=[world.major, major],
              skills=[world.skill], year=dt.date.today().year - 1)  # next year of last year
    found = gap(world.staff_wang, GapScope(school_id=world.school.pk,
                                           horizon=horizon_of("this_year")))
    skill = next(s for s in found.skills if s.skill_id == world.skill.pk)
    return skill.evidenced


def test_a_student_holds_a_skill_once_whatever_the_evidence(world):
    _graduating_liu(world)
    assert world.evidence_liu
    assert world.certificate_verified  # a second piece of evidence of the same skill
    assert SkillHolding.objects.filter(student=world.student_liu, skill=world.skill).count() == 1
    assert _evidenced(world, world.major) == 1
    assert_counts_are_the_holdings()


def test_the_last_evidence_gone_the_skill_is_no_longer_held(world):
    grade = world.grade_liu
    supply.refresh_grade_evidence([grade])
    assert SkillHolding.objects.filter(student=world.student_liu, skill=world.skill).exists()
    grade.passed = False
    grade.save()
    supply.refresh_grade_evidence([grade])
    assert not SkillHolding.objects.filter(student=world.student_liu).exists()
    assert_counts_are_the_holdings()


def test_a_student_who_changes_major_is_counted_for_the_new_one(world):
    _graduating_liu(world)
    assert world.evidence_liu
    other = MajorFactory(department=world.department, code="430301", name="光伏工程技术")
    world.student_liu.major = other
    world.student_liu.save()
    holding = SkillHolding.objects.get(student=world.student_liu, skill=world.skill)
    assert holding.major == other
    assert_counts_are_the_holdings()


def test_a_student_the_roster_import_suspends_is_no_longer_counted(world):
    year = _graduating_liu(world)
    assert world.evidence_liu
    liu = world.student_liu
    plan = run_import("roster", ROSTER, [[
        liu.student_no, liu.user.real_name, "女", "", world.major.code,
        world.school_class.name, year - world.major.duration_years, "", "休学", "", ""]],
        school=world.school, actor=world.staff_wang)
    assert not plan.errors
    liu.refresh_from_db()
    assert liu.status == StudentStatus.SUSPENDED
    assert not SkillHolding.objects.get(student=liu, skill=world.skill).enrolled
    assert _evidenced(world, world.major) == 0
    assert_counts_are_the_holdings()
