"""The skill dictionary and courses: synonyms typed as one text are normalised and unique in
the school; a skill in use is not deleted; a course's or programme's skills changing moves its
students' evidence with it; bootcamp credits write and remove their evidence; the Excel
imports report every bad row with its number and write nothing."""

import datetime as dt

import pytest
from django.urls import reverse

from chanchuang.core.services import DomainError
from chanchuang.innovation.models import Credit
from chanchuang.talent.choices import EvidenceKind
from chanchuang.talent.models import Course, ProgrammeSkill, Skill, SkillEvidence
from chanchuang.talent.services import skills as services
from chanchuang.talent.services.supply import refresh_grade_evidence
from chanchuang.talent.tests import factories as tf
from chanchuang.talent.tests.helpers import errors_of, run_import

pytestmark = pytest.mark.django_db


def _evidence(student, kind=None):
    rows = SkillEvidence.objects.filter(student=student)
    if kind:
        rows = rows.filter(kind=kind)
    return sorted(rows.values_list("skill__name", flat=True))


def test_synonyms_typed_as_one_text_are_trimmed_and_deduplicated(client, world):
    client.force_login(world.staff_wang)
    response = client.post(reverse("talent:skill_add"), {
        "name": "碳排放核算", "category": "professional",
        "synonyms_text": " 碳核算、温室气体核算，碳核算\n碳排放核算,  ", "description": ""})
    assert response.status_code == 302
    skill = Skill.objects.get(school=world.school, name="碳排放核算")
    assert skill.synonyms == ["碳核算", "温室气体核算"]


def test_a_synonym_that_is_another_skills_word_is_refused(client, world):
    world.skill  # noqa: B018 — PLC编程 ← 可编程控制器
    client.force_login(world.staff_wang)
    response = client.post(reverse("talent:skill_add"), {
        "name": "电气控制", "category": "professional", "synonyms_text": "可编程控制器"})
    assert response.status_code == 200
    assert "已经是技能“PLC编程”的名称或同义词" in response.content.decode()
    assert not Skill.objects.filter(name="电气控制").exists()


def test_the_same_synonym_in_another_school_is_fine(world):
    world.skill  # noqa: B018
    skill = services.save_skill(actor=world.staff_far, skill=Skill(
        school=world.other_school, name="PLC编程", synonyms=["可编程控制器"]))
    assert skill.pk


def test_a_skill_that_evidence_uses_is_not_deleted(client, world):
    world.evidence_liu  # noqa: B018
    client.force_login(world.staff_wang)
    response = client.post(reverse("talent:skill_delete", args=[world.skill.pk]), follow=True)
    assert "不能删除" in response.content.decode()
    assert Skill.objects.filter(pk=world.skill.pk).exists()


def test_changing_a_courses_skills_moves_its_students_evidence(world):
    refresh_grade_evidence([world.grade_liu])
    assert _evidence(world.student_liu) == ["PLC编程"]
    services.save_course(actor=world.staff_wang, course=world.course, majors=[world.major],
                         skills=[world.skill_safety])
    assert _evidence(world.student_liu) == ["电气安全操作"]
    row = SkillEvidence.objects.get(student=world.student_liu)
    assert (row.kind, row.source_key, row.source_label, row.evidenced_on) == (
        EvidenceKind.COURSE, f"grade:{world.grade_liu.pk}", "PLC控制技术", dt.date(2026, 1, 31))


def test_a_course_cannot_take_another_schools_skill(world):
    with pytest.raises(DomainError, match="技能"):
        services.save_course(actor=world.staff_wang, course=world.course, majors=[],
                             skills=[world.skill_far])


def test_a_bootcamp_credit_evidences_its_programmes_skills_and_goes_with_it(world):
    world.programme_skill  # noqa: B018 — the programme trains 电气安全操作
    credit = Credit.objects.create(student=world.student_liu, category="bootcamp",
                                   title="结营", earned_on=dt.date(2026, 7, 1), credits=2,
                                   cohort=world.cohort)
    assert _evidence(world.student_liu, EvidenceKind.BOOTCAMP) == ["电气安全操作"]
    services.set_programme_skills(actor=world.staff_wang, programme=world.programme,
                                  skills=[world.skill, world.skill_safety])
    assert _evidence(world.student_liu, EvidenceKind.BOOTCAMP) == ["PLC编程", "电气安全操作"]
    credit.delete()
    assert _evidence(world.student_liu, EvidenceKind.BOOTCAMP) == []


def test_a_credit_without_a_cohort_evidences_nothing(world):
    world.programme_skill  # noqa: B018
    world.credit_liu  # noqa: B018
    assert _evidence(world.student_liu) == []


def test_programme_skills_page_sets_them(client, world):
    client.force_login(world.staff_wang)
    response = client.post(reverse("talent:programme_skills_edit", args=[world.programme.pk]),
                           {"skills": [world.skill.pk]})
    assert response.status_code == 302
    assert list(ProgrammeSkill.objects.filter(programme=world.programme)
                .values_list("skill__name", flat=True)) == ["PLC编程"]


def test_a_majors_page_lists_each_skill_with_its_courses(client, world):
    world.course  # noqa: B018
    client.force_login(world.hr_li)
    response = client.get(reverse("talent:major_skills"), {"major": world.major.pk})
    body = response.content.decode()
    assert "PLC编程" in body and "DL101 PLC控制技术" in body


def test_a_skill_page_shows_counts_to_hr_and_students_to_staff(client, world):
    world.evidence_liu  # noqa: B018
    url = reverse("talent:skill_detail", args=[world.skill.pk])
    client.force_login(world.hr_li)
    body = client.get(url).content.decode()
    assert "刘欣怡" not in body and "PLC控制技术" in body
    client.force_login(world.staff_wang)
    assert "刘欣怡" in client.get(url).content.decode()


SKILL_HEADERS = ["技能名称", "类别", "同义词", "说明"]


def test_the_skill_import_writes_the_dictionary_and_again_changes_nothing(world):
    rows = [["碳排放核算", "专业技能", "碳核算、温室气体核算", ""],
            ["Python编程", "数字技能", "Python", "数据处理脚本"]]
    plan = run_import("skills", SKILL_HEADERS, rows, school=world.school, actor=world.staff_wang)
    assert not plan.errors
    assert Skill.objects.get(school=world.school, name="碳排放核算").synonyms == [
        "碳核算", "温室气体核算"]
    again = run_import("skills", SKILL_HEADERS, rows, school=world.school,
                       actor=world.staff_wang)
    assert again.summary()["sheets"][0]["unchanged"] == 2


def test_the_skill_import_reports_every_bad_row_and_writes_nothing(world):
    world.skill  # noqa: B018
    rows = [["碳排放核算", "专业技能", "碳核算", ""],
            ["碳交易", "不存在的类别", "", ""],
            ["碳资产管理", "专业技能", "碳核算", ""],
            ["电气控制", "", "PLC编程", ""]]
    plan = run_import("skills", SKILL_HEADERS, rows, school=world.school, actor=world.staff_wang)
    assert [(row, column) for row, column, _message in errors_of(plan)] == [
        (3, "类别"), (4, "同义词"), (5, "同义词")]
    assert not Skill.objects.filter(name="碳排放核算").exists()


COURSE_HEADERS = ["课程代码", "课程名称", "开课院系", "学分", "适用专业代码", "技能"]


def test_the_course_import_reports_unknown_majors_and_skills_per_row(world):
    world.skill  # noqa: B018
    rows = [["DL201", "供配电技术", "新能源与电力学院", 3, "430105", "PLC编程"],
            ["DL202", "电机学", "新能源与电力学院", 2, "999999", "可编程控制器"],
            ["DL203", "电工基础", "新能源与电力学院", "三", "430105", "焊接"]]
    plan = run_import("courses", COURSE_HEADERS, rows, school=world.school,
                      actor=world.staff_wang)
    assert [(row, column) for row, column, _message in errors_of(plan)] == [
        (3, "适用专业代码"), (4, "学分"), (4, "技能")]
    assert "999999" in errors_of(plan)[0][2]
    assert not Course.objects.filter(code__in=["DL201", "DL202", "DL203"]).exists()


def test_the_course_import_links_majors_and_skills_and_refreshes_evidence(world):
    refresh_grade_evidence([world.grade_liu])
    rows = [["DL101", "PLC控制技术", "新能源与电力学院", 4, "430105",
             "PLC编程、电气安全操作"]]
    world.skill_safety  # noqa: B018
    plan = run_import("courses", COURSE_HEADERS, rows, school=world.school,
                      actor=world.staff_wang)
    assert not plan.errors
    course = Course.objects.get(pk=world.course.pk)
    assert sorted(s.name for s in course.skills.all()) == ["PLC编程", "电气安全操作"]
    assert _evidence(world.student_liu) == ["PLC编程", "电气安全操作"]
    assert tf  # factories stay importable for the cast


def test_the_api_changes_a_skill_for_staff_only_and_hides_another_schools(client, world):
    body = {"synonyms": ["PLC", "可编程控制器", "PLC编程调试"]}
    url = f"/api/v1/skills/{world.skill.pk}"
    client.force_login(world.hr_li)
    assert client.patch(url, body, content_type="application/json").status_code == 403
    client.force_login(world.staff_wang)
    response = client.patch(url, body, content_type="application/json")
    assert response.status_code == 200
    world.skill.refresh_from_db()
    assert world.skill.synonyms == ["PLC", "可编程控制器", "PLC编程调试"]
    assert client.patch(f"/api/v1/skills/{world.skill_far.pk}", body,
                        content_type="application/json").status_code == 404
