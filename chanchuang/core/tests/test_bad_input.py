"""Bad input is refused with a Chinese message naming the field, and nothing is saved."""

from django.urls import reverse

from chanchuang.core.models import AuditEntry, Organisation, Student, User


def _errors(response) -> str:
    return " ".join(str(e) for errors in response.context["form"].errors.values() for e in errors)


def test_wrong_credit_code_is_refused(client, world):
    client.force_login(world.staff_wang)
    response = client.post(reverse("partners:partner_add"), {
        "kind": "enterprise", "name": "新企业有限公司", "credit_code": "91420100MA4K12345X",
    })
    assert response.status_code == 200
    assert "统一社会信用代码：校验码不正确" in _errors(response)
    assert not Organisation.objects.filter(name="新企业有限公司").exists()
    assert not AuditEntry.objects.exists()


def _student_form(world, **overrides) -> dict:
    data = {
        "student_no": "2025123456", "real_name": "张三", "gender": "male",
        "department": world.department.pk, "major": world.major.pk,
        "school_class": world.school_class.pk, "enrolment_year": 2025, "status": "enrolled",
        "phone": "13800001111", "id_number": "",
    }
    data.update(overrides)
    return data


def test_a_valid_student_is_registered_with_login_and_audit(client, world):
    client.force_login(world.staff_wang)
    response = client.post(reverse("core:student_add"), _student_form(world))
    student = Student.objects.get(student_no="2025123456")
    assert response.status_code == 302
    assert response["Location"] == student.get_absolute_url()
    assert student.school == world.school
    assert student.user.username == "2025123456"
    assert not student.user.has_usable_password()
    assert student.user.memberships.get().role == "student"
    entry = AuditEntry.objects.get(object_id=str(student.pk))
    assert entry.actor == world.staff_wang
    assert entry.changes["phone"] == [None, "138****1111"]  # masked in the log


def test_duplicate_student_number_is_refused(client, world):
    client.force_login(world.staff_wang)
    response = client.post(reverse("core:student_add"),
                           _student_form(world, student_no=world.student_liu.student_no))
    assert response.status_code == 200
    assert "学号：本校已有该学号的学生。" in _errors(response)
    assert Student.objects.count() == 3
    assert not User.objects.filter(real_name="张三", student__isnull=False,
                                   student__school=world.school).exists()


def test_student_in_a_major_of_another_department_is_refused(client, world):
    client.force_login(world.staff_wang)
    response = client.post(reverse("core:student_add"),
                           _student_form(world, department=world.department_2.pk,
                                         school_class=""))
    assert response.status_code == 200
    assert "专业：该专业不属于所选二级学院。" in _errors(response)
    assert not Student.objects.filter(student_no="2025123456").exists()


def test_malformed_phone_is_refused(client, world):
    client.force_login(world.staff_wang)
    response = client.post(reverse("core:student_add"), _student_form(world, phone="1380000"))
    assert "手机号：请输入以 1 开头的 11 位手机号码。" in _errors(response)
    assert not Student.objects.filter(student_no="2025123456").exists()


def test_department_staff_cannot_register_into_another_department(client, world):
    client.force_login(world.dept_zhou)
    response = client.post(reverse("core:student_add"), _student_form(
        world, department=world.department_2.pk, major=world.department_2.majors.get().pk,
        school_class=""))
    assert response.status_code == 200
    assert "department" in response.context["form"].errors  # not among the choices
    assert not Student.objects.filter(student_no="2025123456").exists()


def test_deleting_a_department_with_majors_is_refused_with_a_message(client, world):
    client.force_login(world.staff_wang)
    response = client.post(reverse("core:department_delete", args=[world.department.pk]),
                           follow=True)
    assert "仍有" in response.content.decode() and "不能删除" in response.content.decode()
    assert world.department.__class__.objects.filter(pk=world.department.pk).exists()
