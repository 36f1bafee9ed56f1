"""The colleges demo: the 碳中和产业学院 founded on the ceremony's agreement with its two
partners, two councils with meetings and decisions, two programmes with students and a year
of co-developed work; seeding again changes nothing; staff_wang and hr_li find their decisions
(and staff the work to confirm, hr_li the returned record) on their home page."""

import io

import pytest
from django.core.management import call_command

from chanchuang.colleges.choices import ContributionStatus
from chanchuang.colleges.models import Contribution, IndustryCollege
from chanchuang.colleges.tests.ledger import stand_in
from chanchuang.core.models import User
from chanchuang.core.todos import todos_for


@pytest.fixture
def demo(db, monkeypatch):
    stand_in(monkeypatch)
    call_command("seed_demo", quiet_logins=True, stdout=io.StringIO())


def test_the_demo_college_and_its_year_of_work(demo):
    college = IndustryCollege.objects.get(name="碳中和产业学院")
    assert college.founding_agreement.title == "共建碳中和产业学院协议"
    assert sorted(m.get_role_display() for m in college.members.all()) == ["共建方", "共建方"]
    assert college.councils.count() == 2
    assert [p.students.count() >= 20 for p in college.programmes.all()] == [True, True]
    statuses = {s: college.contributions.filter(status=s).count() for s in ContributionStatus}
    assert statuses[ContributionStatus.RECORDED] == 2
    assert statuses[ContributionStatus.RETURNED] == 1
    assert statuses[ContributionStatus.CONFIRMED] >= 12
    assert set(college.contributions.values_list("kind", flat=True)) == {
        "course", "textbook", "teacher", "base", "service", "training", "equipment"}
    before = Contribution.objects.count()
    call_command("seed_demo", quiet_logins=True, stdout=io.StringIO())
    assert Contribution.objects.count() == before


def test_demo_logins_find_their_college_to_dos(demo):
    staff = [t.what for t in todos_for(User.objects.get(username="staff_wang"))]
    assert "落实决议：编制产业学院年度建设报告" in staff
    assert "确认共建成果：2项待确认" in staff
    hr = [t.what for t in todos_for(User.objects.get(username="hr_li"))]
    assert "落实决议：提供2027年企业教师授课计划" in hr
    assert "更正被退回的成果：华电检修实训车间" in hr
