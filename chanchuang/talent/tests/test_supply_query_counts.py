"""The skills and supply lists run a constant number of queries (pinned): ten times the rows
do not change the count of a page or an API list."""

from functools import partial
from itertools import count

import pytest
from django.urls import reverse

from chanchuang.core.tests import factories as f
from chanchuang.core.tests.querycounts import assert_list_queries, pinned_lists
from chanchuang.talent.services.supply import refresh_grade_evidence
from chanchuang.talent.tests import factories as tf

# Every page: session, user, memberships, unread notifications (4), then its own: the row
# count and rows (with their prefetches), the filters' choices; the supply page its figures.
# API lists: session, user, memberships, then count and rows (with their prefetches).
PAGES = [
    ("talent:skill_list", "staff_wang", 6),
    ("talent:skill_list", "hr_li", 6),
    ("talent:course_list", "staff_wang", 11),
    ("talent:coursegrade_list", "staff_wang", 9),
    ("talent:coursegrade_list", "dept_zhou", 9),
    ("talent:certificate_list", "staff_wang", 9),
    ("talent:certificate_list", "student_user", 9),
    ("talent:supply_students", "staff_wang", 9),
    ("talent:supply", "staff_wang", 10),
    ("talent:supply", "hr_li", 10),
    ("talent:my_skills", "student_user", 7),
    ("talent:programme_skills", "staff_wang", 6),
]
API_LISTS = [
    ("/api/v1/skills", 5),
    ("/api/v1/courses", 7),
    ("/api/v1/grades", 5),
    ("/api/v1/certificates", 6),
    ("/api/v1/supply/by-major", 5),
    ("/api/v1/supply/by-skill", 5),
]
NUMBERS = count(10)


def _grow(world, n: int) -> None:
    """Add n skills, courses (with majors and skills), students with passed grades and their
    evidence, and certificates (student_liu's too)."""
    world.programme_skill  # noqa: B018
    for _ in range(n):
        number = next(NUMBERS)
        skill = tf.skill(school=world.school, name=f"技能{number}", synonyms=[f"别名{number}"])
        course = tf.course(school=world.school, code=f"K{number}", name=f"课程{number}",
                           department=world.department, majors=[world.major],
                           skills=[skill, world.skill])
        student = f.StudentFactory(school_class=world.school_class,
                                   student_no=f"2025{number:06d}")
        refresh_grade_evidence([tf.grade(student=student, course=course),
                                tf.grade(student=world.student_liu, course=course)])
        tf.certificate(student=student, skills=[skill], name=f"证书{number}")
        tf.certificate(student=world.student_liu, skills=[skill], name=f"证书{number}")


@pytest.mark.parametrize(("url", "who", "pinned"), pinned_lists(PAGES, API_LISTS))
def test_list_query_count_is_constant(client, world, url, who, pinned):
    client.force_login(getattr(world, who))
    assert_list_queries(client, url, pinned, grow=partial(_grow, world))


def test_a_majors_skills_with_their_courses_in_a_constant_number_of_queries(client, world):
    client.force_login(world.staff_wang)
    url = f"{reverse('talent:major_skills')}?major={world.major.pk}"
    assert_list_queries(client, url, 8, grow=partial(_grow, world))
