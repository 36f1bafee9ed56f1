"""Lookups by id (core.lookups), and imports: another school's object answers exactly like one
that does not exist."""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import Http404

from chanchuang.core.lookups import (
    Missing,
    among,
    visible_or_404,
    visible_or_missing,
    visible_or_none,
)
from chanchuang.core.models import Department, Student
from chanchuang.core.tests import factories as f
from chanchuang.core.tests.test_imports import _import, filled, student_rows, template


def _deleted_department(world) -> int:
    made = f.DepartmentFactory(school=world.school, name="已撤销学院")
    pk = made.pk
    made.delete()
    return pk


def test_visible_or_missing_names_only_the_id_for_foreign_and_missing_alike(world):
    missing = _deleted_department(world)
    with pytest.raises(Missing) as foreign:
        visible_or_missing(Department, world.staff_wang, world.department_far.pk,
                           field="department_id")
    with pytest.raises(Missing) as absent:
        visible_or_missing(Department, world.staff_wang, missing, field="department_id")
    assert foreign.value.message == f"二级学院 #{world.department_far.pk} 不存在。"
    assert absent.value.message == f"二级学院 #{missing} 不存在。"
    assert world.department_far.name not in foreign.value.message
    assert foreign.value.field == absent.value.field == "department_id"
    assert visible_or_missing(Department, world.staff_wang, world.department.pk) \
        == world.department


def test_visible_or_none_and_404_take_any_value(world):
    for junk in (None, "", "abc", "1; drop", -3, 0, True, "٣"):
        assert visible_or_none(Department, world.staff_wang, junk) is None
    assert visible_or_none(Department, world.staff_wang, world.department_far.pk) is None
    assert visible_or_none(Department, world.staff_wang, str(world.department.pk)) \
        == world.department
    with pytest.raises(Http404):
        visible_or_404(Department, world.staff_wang, world.department_far.pk)


def test_among_keeps_the_order_and_lists_every_unknown_id_once(world, django_assert_num_queries):
    own, second = world.department, world.department_2
    with django_assert_num_queries(2):  # the user's memberships, then the departments
        assert among(Department, world.staff_wang, [second.pk, str(own.pk), second.pk]) \
            == [second, own, second]
    missing = _deleted_department(world)
    with pytest.raises(Missing) as refused:
        among(Department.objects.all(), world.staff_wang,
              [own.pk, world.department_far.pk, missing, "x", world.department_far.pk])
    assert refused.value.message == \
        f"二级学院 #{world.department_far.pk}、#{missing}、#x 不存在。"
    assert refused.value.ids == [world.department_far.pk, missing, "x"]
    assert among(Department, world.staff_wang, []) == []


def test_among_for_someone_who_sees_nothing_refuses_every_id(world):
    with pytest.raises(Missing):
        among(Student, world.observer_hubei, [world.student_liu.pk])


def test_a_model_without_visibility_cannot_be_looked_up(world):
    from chanchuang.core.models import Region

    with pytest.raises(TypeError):
        among(Region, world.staff_wang, [1])


# --- Imports -----------------------------------------------------------------------------------


def test_an_import_names_another_schools_major_and_class_like_missing_ones(staff, world):
    rows = student_rows(world, 4)
    rows[0][4] = world.major_far.code          # row 4: the other school's major
    rows[1][4] = "449999"                      # row 5: no such major anywhere
    rows[2][5] = world.class_far.name          # row 6: the other school's class
    rows[3][5] = "不存在2501班"                 # row 7: no such class anywhere
    job = _import(staff, filled(template(staff), rows))
    found = {e["row"]: e["message"] for e in job.errors}

    def alike(a, b, value_a, value_b):
        return a.replace(value_a, "…") == b.replace(value_b, "…")

    assert alike(found[4], found[5], world.major_far.code, "449999")
    assert alike(found[6], found[7], world.class_far.name, "不存在2501班")
    assert world.major_far.name not in found[4]
    assert not Student.objects.filter(student_no__startswith="2026").exists()


def test_the_import_api_answers_another_schools_id_like_a_missing_one(staff, world):
    missing = world.other_school.pk + 1000
    answers = []
    for school_id in (world.other_school.pk, missing):
        response = staff.run(staff.post, "/api/v1/imports", {
            "kind": "roster", "school_id": school_id,
            "file": SimpleUploadedFile("r.xlsx", b"PK")})
        answers.append((response.status_code, re.sub(r"\d+", "…", response.content.decode())))
    assert answers[0] == answers[1]
    assert answers[0][0] == 400
    assert world.other_school.name not in answers[0][1]


def test_an_import_job_of_another_school_is_missing(staff, world):
    far_job = world.import_job_far
    missing = far_job.pk + 1000
    for path in ("", "/errors"):
        assert staff.get(f"/api/v1/imports/{far_job.pk}{path}").status_code == 404
        assert staff.get(f"/api/v1/imports/{missing}{path}").status_code == 404
    assert staff.post(f"/api/v1/imports/{far_job.pk}/confirm").json() == \
        staff.post(f"/api/v1/imports/{missing}/confirm").json()
