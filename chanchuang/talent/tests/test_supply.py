"""The supply: the grade import writes grades and their evidence (a failed grade none;
re-importing a term updates it), reports every bad row and writes nothing; certificates a
student claims await a check, verifying evidences their skills and tells the student,
rejecting needs a reason; staff see the students behind the figures (department staff their
department's), enterprise members counts only; a student sees their own skills."""

import datetime as dt

import pytest
from django.urls import reverse

from chanchuang.core import todos
from chanchuang.core.models import Notification
from chanchuang.core.sections import STUDENT_RECORD, sections_for
from chanchuang.core.services import DomainError
from chanchuang.talent.choices import CertificateStatus, EvidenceKind
from chanchuang.talent.models import Certificate, CourseGrade, SkillEvidence
from chanchuang.talent.services import supply as services
from chanchuang.talent.tests.helpers import errors_of, run_import

pytestmark = pytest.mark.django_db

GRADE_HEADERS = ["学号", "课程代码", "学期", "成绩", "是否通过"]


def _skills(student, kind=None):
    rows = SkillEvidence.objects.filter(student=student)
    if kind:
        rows = rows.filter(kind=kind)
    return sorted(rows.values_list("skill__name", flat=True))


@pytest.mark.parametrize(("term", "end"), [("2025-2026-1", dt.date(2026, 1, 31)),
                                           ("2025-2026-2", dt.date(2026, 7, 31))])
def test_a_term_ends_in_january_or_july(term, end):
    assert services.term_end(term) == end


@pytest.mark.parametrize("term", ["2025-2027-1", "2025-2026-3", "2025秋"])
def test_a_malformed_term_is_refused(term):
    with pytest.raises(DomainError, match="学期"):
        services.term_end(term)


@pytest.mark.parametrize(("score", "passed", "expected"), [
    ("86", "", True), ("59.5", "", False), ("良", "", True), ("不合格", "", False),
    ("55", "是", True), ("合格", "否", False)])
def test_a_grade_passes_at_sixty_or_by_its_word(score, passed, expected):
    assert services.grade_result(score, passed)[1] is expected


def test_the_grade_import_writes_grades_with_their_evidence_and_updates_a_term(world):
    world.course  # noqa: B018
    rows = [["2025000001", "DL101", "2025-2026-1", 88, None]]
    plan = run_import("grades", GRADE_HEADERS, rows, school=world.school, actor=world.staff_wang)
    assert not plan.errors
    grade = CourseGrade.objects.get(student=world.student_liu)
    evidence = SkillEvidence.objects.get(student=world.student_liu)
    assert (evidence.kind, evidence.source_key, evidence.evidenced_on) == (
        EvidenceKind.COURSE, f"grade:{grade.pk}", dt.date(2026, 1, 31))
    # The office corrects the grade: the same term is updated, and a fail takes the evidence.
    run_import("grades", GRADE_HEADERS, [["2025000001", "DL101", "2025-2026-1", "不及格", None]],
               school=world.school, actor=world.staff_wang)
    assert CourseGrade.objects.filter(student=world.student_liu).count() == 1
    assert not CourseGrade.objects.get(pk=grade.pk).passed
    assert _skills(world.student_liu) == []


def test_the_grade_import_reports_every_bad_row_and_writes_nothing(world):
    world.course  # noqa: B018
    rows = [["2025000001", "DL101", "2025-2026-1", 90, None],
            ["2099999999", "DL101", "2025-2026-1", 90, None],
            ["2025000002", "XX999", "2025-2026-1", 90, None],
            ["2025000002", "DL101", "2025-2026-5", "好", None],
            ["2025000003", "DL101", "2025-2026-1", 90, None]]  # student_far: another school's
    plan = run_import("grades", GRADE_HEADERS, rows, school=world.school, actor=world.staff_wang)
    assert [(row, column) for row, column, _message in errors_of(plan)] == [
        (3, "学号"), (4, "课程代码"), (5, "学期"), (5, "成绩"), (6, "学号")]
    assert "2099999999" in errors_of(plan)[0][2]
    assert not CourseGrade.objects.exists()
    assert not SkillEvidence.objects.exists()


def test_a_student_claims_a_certificate_and_staff_verify_it(client, world):
    world.skill  # noqa: B018
    client.force_login(world.student_user)
    response = client.post(reverse("talent:certificate_add"), {
        "kind": "one_plus_x", "name": "可编程控制器系统应用编程", "level": "中级",
        "issued_on": "2026-06-30", "skills": [world.skill.pk]})
    assert response.status_code == 302
    certificate = Certificate.objects.get(name="可编程控制器系统应用编程")
    assert certificate.status == CertificateStatus.CLAIMED
    assert certificate.student == world.student_liu
    assert _skills(world.student_liu) == []
    assert any("审核证书" in t.what for t in todos.todos_for(world.dept_zhou))
    client.force_login(world.dept_zhou)
    client.post(reverse("talent:certificate_verify", args=[certificate.pk]))
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.VERIFIED
    assert _skills(world.student_liu, EvidenceKind.CERTIFICATE) == ["PLC编程"]
    assert Notification.objects.filter(user=world.student_user, title__contains="已审核通过")
    assert not any("审核证书" in t.what for t in todos.todos_for(world.dept_zhou))


def test_rejecting_needs_a_reason_and_tells_the_student(world):
    with pytest.raises(DomainError, match="原因"):
        services.reject_certificate(actor=world.staff_wang, certificate=world.certificate_liu,
                                    note=" ")
    services.reject_certificate(actor=world.staff_wang, certificate=world.certificate_liu,
                                note="扫描件不清晰")
    assert world.certificate_liu.status == CertificateStatus.REJECTED
    assert _skills(world.student_liu) == []
    note = Notification.objects.get(user=world.student_user)
    assert note.body == "扫描件不清晰"
    with pytest.raises(DomainError, match="已审核"):
        services.verify_certificate(actor=world.staff_wang, certificate=world.certificate_liu)


def test_staff_record_a_certificate_verified_at_once(client, world):
    client.force_login(world.staff_wang)
    response = client.post(reverse("talent:certificate_add"), {
        "student": world.student_ma.pk, "kind": "skill_level", "name": "中式烹调师",
        "level": "四级", "issued_on": "2026-05-01", "skills": [world.skill_safety.pk]})
    assert response.status_code == 302
    assert _skills(world.student_ma, EvidenceKind.CERTIFICATE) == ["电气安全操作"]


def test_department_staff_cannot_record_for_another_departments_student(client, world):
    client.force_login(world.dept_zhou)
    response = client.post(reverse("talent:certificate_add"), {
        "student": world.student_ma.pk, "kind": "skill_level", "name": "中式烹调师",
        "issued_on": "2026-05-01"})
    assert response.status_code == 200
    assert not Certificate.objects.filter(name="中式烹调师").exists()


def test_enterprise_members_see_counts_and_never_a_student(client, world):
    world.evidence_liu  # noqa: B018
    client.force_login(world.hr_li)
    body = client.get(reverse("talent:supply")).content.decode()
    assert "PLC编程" in body and "电力系统自动化技术" in body
    assert "刘欣怡" not in body and "2025000001" not in body
    assert reverse("talent:supply_students") not in body
    assert client.get(reverse("talent:supply_students")).status_code == 403


def test_the_students_behind_a_figure_are_those_the_user_supervises(client, world):
    world.evidence_liu  # noqa: B018
    url = reverse("talent:supply_students")
    client.force_login(world.dept_zhou)
    body = client.get(url, {"skill": world.skill.pk}).content.decode()
    assert "刘欣怡" in body
    assert "马超" not in client.get(url).content.decode()  # another department's
    client.force_login(world.staff_wang)
    body = client.get(url, {"skill": world.skill.pk, "kind": "certificate"}).content.decode()
    assert "刘欣怡" not in body  # her PLC编程 is shown by a course, not a certificate


def test_supply_counts_by_skill_and_kind(world):
    world.evidence_liu  # noqa: B018
    world.certificate_verified  # noqa: B018 — PLC编程 by certificate too
    from chanchuang.talent.queries.supply import by_skill
    rows = by_skill(world.hr_li)
    plc = next(r for r in rows if r.skill == world.skill)
    assert (plc.students, plc.by_kind["course"], plc.by_kind["certificate"]) == (1, 1, 1)


def test_a_student_sees_their_own_skills_with_the_source(client, world):
    world.evidence_liu  # noqa: B018
    client.force_login(world.student_user)
    body = client.get(reverse("talent:my_skills")).content.decode()
    assert "PLC编程" in body and "PLC控制技术" in body
    sections = sections_for(STUDENT_RECORD, world.student_liu, world.student_user)
    assert any(template.startswith("talent/") for template, _context in sections)


def test_the_supply_api_answers_counts(client, world):
    world.evidence_liu  # noqa: B018
    client.force_login(world.hr_li)
    by_major = client.get("/api/v1/supply/by-major").json()
    expected = {"major_id": world.major.pk, "major": "电力系统自动化技术"}
    assert expected.items() <= by_major[0].items()
    by_skill = client.get("/api/v1/supply/by-skill").json()
    assert by_skill[0]["skill"] == "PLC编程" and by_skill[0]["students"] == 1
    assert client.get("/api/v1/supply/by-skill", {"major_id": world.major_far.pk}
                      ).status_code in (400, 404, 422)
