"""The colleges demo: the 碳中和产业学院 founded on the ceremony's agreement with its two
partners, two councils with meetings and decisions, two programmes with students and a year
of co-developed work; seeding again changes nothing; staff_wang and hr_li find their decisions
(and staff the work to confirm, hr_li the returned record) on their home page."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.db import transaction
from django.test import override_settings
from django.utils import translation

from chanchuang.colleges import demo
from chanchuang.colleges.choices import ContributionStatus
from chanchuang.colleges.models import Contribution, IndustryCollege
from chanchuang.core import demo as core_demo
from chanchuang.core.models import User
from chanchuang.core.todos import todos_for
from chanchuang.mentors import demo as mentors_demo
from chanchuang.partners import demo as partners_demo

SEEDED = [core_demo, partners_demo, mentors_demo, demo]  # seed_demo's order, up to this app


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo up to the colleges app, seeded once for the module and rolled back after it
    (its files in a temporary folder)."""
    media = tmp_path_factory.mktemp("media")
    storages = {**settings.STORAGES, "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": media}}}
    with django_db_blocker.unblock(), translation.override(settings.LANGUAGE_CODE), \
            override_settings(MEDIA_ROOT=media, STORAGES=storages), transaction.atomic():
        for module in SEEDED:
            module.seed()
            core_demo.refresh_statistics()
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo_data(seeded, db):
    return seeded


def test_the_demo_college_and_its_year_of_work(demo_data):
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
    demo.seed()
    assert Contribution.objects.count() == before


def test_demo_logins_find_their_college_to_dos(demo_data):
    staff = [t.what for t in todos_for(User.objects.get(username="staff_wang"))]
    assert "落实决议：编制产业学院年度建设报告" in staff
    assert "确认共建成果：2项待确认" in staff
    hr = [t.what for t in todos_for(User.objects.get(username="hr_li"))]
    assert "落实决议：提供2027年企业教师授课计划" in hr
    assert "更正被退回的成果：华电检修实训车间" in hr
