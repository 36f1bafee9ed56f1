"""The audit log: who changed what, before and after, written with the change."""

from django.urls import reverse

from chanchuang.core.models import AuditEntry


def test_changing_a_student_records_before_and_after(client, world):
    client.force_login(world.staff_wang)
    student = world.student_liu
    response = client.post(reverse("core:student_edit", args=[student.pk]), {
        "student_no": student.student_no, "real_name": "刘欣悦", "gender": "female",
        "department": world.department.pk, "major": world.major.pk,
        "school_class": world.school_class.pk, "enrolment_year": 2025, "status": "suspended",
        "date_of_birth": "2006-03-15",
        "phone": "13812345678", "id_number": student.user.id_number,
    })
    assert response.status_code == 302
    entry = AuditEntry.objects.get()
    assert entry.actor == world.staff_wang
    assert entry.school == world.school
    assert entry.action == "changed"
    assert entry.changes == {"real_name": ["刘欣怡", "刘欣悦"], "status": ["enrolled", "suspended"]}


def test_audit_page_lists_and_filters_the_schools_entries(client, world):
    client.force_login(world.staff_wang)
    client.post(reverse("core:department_add"), {"name": "智能制造学院", "code": "07"}, follow=True)
    client.force_login(world.staff_far)
    client.post(reverse("core:department_add"), {"name": "远方学院", "code": "09"}, follow=True)

    client.force_login(world.staff_wang)
    page = client.get(reverse("core:auditentry_list")).content.decode()
    assert "智能制造学院" in page and "远方学院" not in page
    assert "王凯" in page and "名称" in page  # the field's Chinese label in the changes

    filtered = client.get(reverse("core:auditentry_list"), {"action": "deleted"})
    assert "智能制造学院" not in filtered.content.decode()


def test_a_refused_change_writes_no_entry(client, world):
    client.force_login(world.staff_wang)
    client.post(reverse("core:department_add"), {"name": world.department.name})
    assert not AuditEntry.objects.exists()
