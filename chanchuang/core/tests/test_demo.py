"""The demo scenario: idempotent, about 2,000 students, and a working login for every role."""

import io
import re

import pytest
from django.core.management import call_command
from django.urls import reverse

from chanchuang.core import registry
from chanchuang.core.choices import Role
from chanchuang.core.demo import DEMO_PASSWORD, DEMO_PEOPLE
from chanchuang.core.models import Membership, Organisation, School, Student, User


@pytest.fixture
def demo(db):
    call_command("seed_demo", quiet_logins=True, stdout=io.StringIO())


def _counts():
    return (School.objects.count(), Student.objects.count(), Organisation.objects.count(),
            User.objects.count(), Membership.objects.count())


def test_seed_is_idempotent_and_the_size_of_a_college(demo):
    first = _counts()
    call_command("seed_demo", quiet_logins=True, stdout=io.StringIO())
    assert _counts() == first
    main = School.objects.get(code="4142099001")
    # In school: the three enrolment years (the graduates of the insights demo are besides).
    enrolled = main.students.filter(status="enrolled")
    assert 2000 <= enrolled.count() <= 2400
    assert main.organisations.count() == 12
    assert set(enrolled.values_list("enrolment_year", flat=True)) == {2024, 2025, 2026}
    for student in Student.objects.select_related("user")[:200]:
        student.user.full_clean(exclude=["password"])  # valid phones and ID numbers
    for organisation in Organisation.objects.all():
        organisation.full_clean()  # valid credit codes


def test_every_demo_login_reaches_its_home_page_in_chinese(client, demo):
    for username, role, _name, _where in DEMO_PEOPLE:  # one seeding for all of them
        client.logout()
        _check_home(client, username, role)


def test_every_demo_login_finds_something_waiting(client, demo):
    for username, role, _name, _where in DEMO_PEOPLE:  # one seeding for all of them
        client.force_login(User.objects.get(username=username))
        # A role with a home of its own (the observer's provincial view) finds it there.
        page = client.get(reverse("core:home"), follow=True).content.decode()
        todos = page.count('class="list-group-item list-group-item-action todo"')
        assert "待办事项" in page and todos >= 1, username
        if role == Role.STUDENT:  # 我的志愿 in one tap: round 2 waits for her choices
            assert re.search(r'href="/rounds/\d+/choices/"', page), username


def _check_home(client, username: str, role: str) -> None:
    response = client.post(reverse("login"), {"username": username, "password": DEMO_PASSWORD},
                           follow=True)
    page = response.content.decode()
    assert response.status_code == 200, username
    own_home = registry.home_of({role})  # registered by an app above (the observer's)
    if own_home is not None:
        assert response.redirect_chain[-1][0] == reverse(own_home), username
        return
    assert response.redirect_chain[-1][0] == reverse("core:home"), username
    assert "您好" in page
    expected = {
        Role.SCHOOL_STAFF: "在读学生",
        Role.DEPARTMENT_STAFF: "我的二级学院",
        Role.ENTERPRISE_MEMBER: "我的机构",
        Role.MENTOR: "我的团队",
        Role.STUDENT: "我的学籍",
        Role.OBSERVER: "本省学校（汇总数据）",
        Role.PLATFORM_ADMIN: "在读学生",
    }[role]
    assert expected in page
