"""Who sees what, through the one visibility mechanism; personal data masked where needed."""

import pytest
from django.urls import reverse

from chanchuang.core.models import AuditEntry, Organisation, School, Student, User
from chanchuang.core.tests import factories as f
from chanchuang.core.visibility import scope_of


def test_students_visible_per_role(world):
    def visible(user):
        return set(Student.objects.visible_to(user).values_list("student_no", flat=True))

    assert visible(world.staff_wang) == {"2025000001", "2025000002"}
    assert visible(world.dept_zhou) == {"2025000001"}
    assert visible(world.student_user) == {"2025000001"}
    assert visible(world.hr_li) == set()
    assert visible(world.mentor_chen) == set()
    assert visible(world.observer_hubei) == set()
    assert visible(world.admin) == {"2025000001", "2025000002", "2025000003"}


def test_observer_sees_aggregates_but_no_personal_data(world):
    observer = world.observer_hubei
    assert set(School.objects.visible_to(observer)) == {world.school, world.other_school}
    assert list(User.objects.visible_to(observer)) == [observer]
    assert not Organisation.objects.visible_to(observer).exists()
    assert not AuditEntry.objects.visible_to(observer).exists()


def test_enterprise_member_sees_only_their_organisation(world):
    assert list(Organisation.objects.visible_to(world.hr_li)) == [world.enterprise_a]


def test_anonymous_sees_nothing(world):
    from django.contrib.auth.models import AnonymousUser

    assert not Student.objects.visible_to(AnonymousUser()).exists()
    assert not School.objects.visible_to(AnonymousUser()).exists()


def test_a_person_with_several_roles_is_listed_once(world):
    f.MembershipFactory(user=world.hr_li, role="mentor", school=world.school)
    people = list(User.objects.visible_to(world.staff_wang).filter(username="hr_li"))
    assert len(people) == 1


def test_id_number_is_masked_for_department_staff_and_clear_for_school_staff(client, world):
    url = world.student_liu.get_absolute_url()
    full = world.student_liu.user.id_number
    client.force_login(world.dept_zhou)
    page = client.get(url).content.decode()
    assert full not in page
    assert full[:3] + "*" * 11 + full[-4:] in page
    client.force_login(world.staff_wang)
    assert full in client.get(url).content.decode()


def test_api_masks_what_the_role_may_not_see(client, world):
    client.force_login(world.dept_zhou)
    data = client.get(f"/api/v1/students/{world.student_liu.pk}").json()
    assert data["phone"] == "13812345678"  # department staff call their students
    assert data["id_number"] == world.student_liu.user.id_number[:3] + "*" * 11 + \
        world.student_liu.user.id_number[-4:]


def test_student_edit_form_hides_the_id_number_from_department_staff(client, world):
    client.force_login(world.dept_zhou)
    form = client.get(reverse("core:student_edit", args=[world.student_liu.pk])).context["form"]
    assert "id_number" not in form.fields
    assert "phone" in form.fields


@pytest.mark.parametrize("query", ["张", "zhang", "zhangsan", "zs", "zhang san", "2025100"])
def test_students_are_found_by_characters_pinyin_initials_or_number(client, world, query):
    f.StudentFactory(school_class=world.school_class, student_no="2025100777",
                     user=f.UserFactory(username="zs", real_name="张三"))
    client.force_login(world.staff_wang)
    response = client.get(reverse("core:student_list"), {"q": query})
    names = [row.record.user.real_name for row in response.context["table"].page.object_list]
    assert names == ["张三"]


def test_students_sort_by_pinyin(client, world):
    for n, name in enumerate(["赵六", "安七", "李四"]):
        f.StudentFactory(school_class=world.school_class, student_no=f"20259{n}",
                         user=f.UserFactory(username=f"p{n}", real_name=name))
    client.force_login(world.dept_zhou)
    response = client.get(reverse("core:student_list"))
    names = [row.record.user.real_name for row in response.context["table"].page.object_list]
    assert names == ["安七", "李四", "刘欣怡", "赵六"]


def test_htmx_filter_returns_only_the_table(client, world):
    client.force_login(world.staff_wang)
    response = client.get(reverse("core:student_list"), {"q": "liu"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="object-table"')
    assert "刘欣怡" in html and "<html" not in html


def test_saving_out_of_ones_own_sight_is_rolled_back(client, world, monkeypatch):
    """The edit view re-reads the saved object through visible_to inside the transaction."""
    from chanchuang.core import views

    monkeypatch.setattr(views.StudentEdit, "get_queryset",
                        lambda self: Student.objects.none())
    client.force_login(world.staff_wang)
    # get_object would 404 on edit; a create goes through and must be rolled back.
    response = client.post(reverse("core:student_add"), {
        "student_no": "2025999999", "real_name": "黄一", "gender": "male",
        "department": world.department.pk, "major": world.major.pk,
        "enrolment_year": 2025, "status": "enrolled"})
    assert response.status_code == 403
    assert not Student.objects.filter(student_no="2025999999").exists()
    assert not AuditEntry.objects.exists()


def test_a_class_of_many_students_is_one_row_for_everyone_who_sees_it(client, world):
    """Visibility through a class's students must not repeat the class (a join would: the
    class page then failed with more than one row)."""
    from chanchuang.core.models import SchoolClass

    for _ in range(3):
        f.StudentFactory(school_class=world.school_class)
    for user in (world.staff_wang, world.dept_zhou, world.student_user):
        rows = SchoolClass.objects.visible_to(user).filter(pk=world.school_class.pk)
        assert rows.count() == 1
        client.force_login(user)
        assert client.get(world.school_class.get_absolute_url()).status_code == 200


@pytest.mark.parametrize(("model", "path"), [("Major", "department"),
                                             ("SchoolClass", "major__department")])
def test_a_row_visible_through_its_parent_is_seen_exactly_when_the_parent_is(db, model, path):
    """Department staff see their own department, not its sibling: so too what hangs off it."""
    from django.apps import apps

    from chanchuang.core.choices import Role
    from chanchuang.core.visibility import visible_through

    school, far = f.SchoolFactory(), f.SchoolFactory()
    own, sibling = f.DepartmentFactory(school=school), f.DepartmentFactory(school=school)
    foreign = f.DepartmentFactory(school=far)
    rows = {department: f.SchoolClassFactory(major=f.MajorFactory(department=department))
            for department in (own, sibling, foreign)}
    if model == "Major":
        rows = {department: row.major for department, row in rows.items()}
    head = f.MembershipFactory(role=Role.DEPARTMENT_STAFF, school=school, department=own).user
    staff = f.MembershipFactory(role=Role.SCHOOL_STAFF, school=school).user
    through = visible_through(path)(model=apps.get_model("core", model))

    def seen(user) -> list:
        return list(through.filter(through.visibility(scope_of(user))))

    assert seen(head) == [rows[own]]
    assert set(seen(staff)) == {rows[own], rows[sibling]}
    assert rows[foreign] not in seen(staff)

