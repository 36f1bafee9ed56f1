"""The to-do registry and the home page that shows it: what is waiting comes first, by due date
(overdue first and in red, undated last), each with its link; then the figures of each role.
The observer's home reads aggregates only, one query per figure whatever the schools."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from chanchuang.core import registry, todos
from chanchuang.core.choices import Role
from chanchuang.core.tests import factories as f
from chanchuang.core.tests.querycounts import queries_of_get
from chanchuang.core.todos import Figure, ToDo, figures_for, register, register_figures, todos_for


@pytest.fixture
def only(monkeypatch):
    """Leave out every app's providers: a test registers its own."""
    monkeypatch.setattr(todos, "_PROVIDERS", [])
    monkeypatch.setattr(todos, "_FIGURES", [])


def _days(n: int) -> dt.date:
    return timezone.localdate() + dt.timedelta(days=n)


def test_todos_come_by_due_date_overdue_first_undated_last(world, only):
    register(lambda user, scope: [ToDo("稍后", "/b/", _days(3)), ToDo("无期限", "/c/")])
    register(lambda user, scope: [ToDo("已逾期", "/a/", _days(-2)), ToDo("今天", "/t/", _days(0))])
    found = todos_for(world.staff_wang)
    assert [t.what for t in found] == ["已逾期", "今天", "稍后", "无期限"]
    assert [t.overdue for t in found] == [True, False, False, False]


def test_a_provider_registered_twice_counts_once(world, only):
    def provider(user, scope):
        return [ToDo("一件事", "/a/")]

    register(provider)
    register(provider)
    assert len(todos_for(world.staff_wang)) == 1


def test_figures_are_grouped_by_role_in_the_roles_order(world, only):
    register_figures(lambda user, scope: [
        Figure(Role.STUDENT, 20, "乙", 2), Figure(Role.SCHOOL_STAFF, 10, "丙", 3),
        Figure(Role.STUDENT, 10, "甲", 1)])
    groups = figures_for(world.staff_wang)
    assert [(role, [f.label for f in figures]) for role, figures in groups] == [
        ("学校管理员", ["丙"]), ("学生", ["甲", "乙"])]


def test_home_shows_the_todos_first_with_their_links_overdue_in_red(client, world, only):
    register(lambda user, scope: [ToDo("续签协议", "/agreements/1/", _days(-3), "已于某日到期"),
                                  ToDo("审批聘任", "/appointments/2/", _days(5))])
    client.force_login(world.staff_wang)
    page = client.get(reverse("core:home")).content.decode()
    assert page.index("待办事项") < page.index("续签协议") < page.index("审批聘任") \
        < page.index("在读学生")
    assert 'href="/agreements/1/"' in page and 'href="/appointments/2/"' in page
    overdue = page[page.index("续签协议"):page.index("审批聘任")]
    assert "text-danger" in overdue and f"已逾期（{_days(-3):%Y-%m-%d}）" in overdue
    later = page[page.index("审批聘任"):]
    assert f"{_days(5):%Y-%m-%d} 前" in later and "text-danger" not in later[:400]


def test_home_says_when_nothing_is_waiting(client, world, only):
    client.force_login(world.hr_li)
    page = client.get(reverse("core:home")).content.decode()
    assert "待办事项" in page and "目前没有等您处理的事项。" in page


def test_department_staff_see_the_students_of_their_department(client, world):
    client.force_login(world.dept_zhou)
    page = client.get(reverse("core:home")).content.decode()
    figures = page[page.index("二级学院管理员"):]
    assert "在读学生" in figures
    # student_liu only: student_ma is of the other department.
    assert '<div class="figure-value text-truncate">1</div>' in figures


@pytest.fixture
def no_registered_home(monkeypatch):
    """Without a home registered for the observer by an app above (insights' provincial view),
    core's home serves them: the aggregate counts of their province."""
    monkeypatch.setattr(registry, "_HOMES", {})


def test_a_role_with_a_registered_home_is_sent_there_when_it_is_the_only_one(client, world,
                                                                            monkeypatch):
    monkeypatch.setattr(registry, "_HOMES", {})
    registry.register_home(Role.OBSERVER, "core:profile")
    client.force_login(world.observer_hubei)
    response = client.get(reverse("core:home"))
    assert response.status_code == 302 and response["Location"] == reverse("core:profile")
    # Someone who also holds another role keeps core's home, with the province's counts.
    f.MembershipFactory(user=world.observer_hubei, role=Role.MENTOR, school=world.school)
    page = client.get(reverse("core:home")).content.decode()
    assert "本省学校（汇总数据）" in page and "江城职业技术学院" in page
    client.force_login(world.staff_wang)
    assert client.get(reverse("core:home")).status_code == 200


def test_observer_home_has_no_todo_list_and_counts_the_province(client, world,
                                                                no_registered_home):
    client.force_login(world.observer_hubei)
    page = client.get(reverse("core:home")).content.decode()
    assert "待办事项" not in page
    rows = page[page.index("本省学校（汇总数据）"):]
    start = rows.index("江城职业技术学院")
    jiangcheng = rows[start:rows.index("</tr>", start)]
    # Two enrolled students, two departments, two majors, two enterprises.
    assert jiangcheng.count('<td class="text-end">2</td>') == 4


def _grow_province(n: int) -> None:
    for _ in range(n):
        school = f.SchoolFactory(province_id="420000")
        department = f.DepartmentFactory(school=school)
        major = f.MajorFactory(department=department)
        f.StudentFactory(school_class=f.SchoolClassFactory(major=major))
        f.OrganisationFactory(school=school, region_id="420100")


def test_observer_home_query_count_is_constant_whatever_the_schools(client, world,
                                                                    no_registered_home):
    # session, user, memberships, unread notifications; the schools, then one grouped count
    # each of students, departments, majors and organisations; the annual reports awaiting the
    # observer's receipt (colleges/todos.py) = 10.
    client.force_login(world.observer_hubei)
    _grow_province(1)
    few = queries_of_get(client, reverse("core:home"))
    _grow_province(8)
    many = queries_of_get(client, reverse("core:home"))
    assert (len(few), len(many)) == (10, 10)
    # Counting students, departments, majors and organisations through one join of the four
    # tables multiplied the rows (2.3 s on the demo): each count is a query of its own table.
    assert not any("COUNT(DISTINCT" in sql for sql in many)
