"""The demand demo: a year of talent demand from the demo partners, each a real job
description, spread over this year, next year and later, some filled; the skills are what the
school's dictionary suggests (here a small dictionary standing in for the skills demo); hr_li
declared the power company's; seeding again changes nothing."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.db import transaction
from django.utils import translation

from chanchuang.core import demo as core_demo
from chanchuang.core.models import School
from chanchuang.partners import demo as partners_demo
from chanchuang.talent.choices import DemandStatus, TimeFrame
from chanchuang.talent.demo import demand as demo
from chanchuang.talent.models import Demand, DemandSkill, Skill

DICTIONARY = [("继电保护", []), ("变电站运维", ["变电运维"]), ("PLC编程", ["可编程控制器"]),
              ("中式烹调", ["中餐烹饪"]), ("芯片测试", ["IC测试"]),
              ("平面设计", ["Photoshop"]), ("团队协作", ["团队合作", "团队精神"]),
              ("沟通表达", ["沟通能力"]), ("办公软件", ["Excel", "Office"])]


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """The demo up to partners, a small dictionary, then the demand demo, once for the module
    and rolled back after it."""
    with django_db_blocker.unblock(), translation.override(settings.LANGUAGE_CODE), \
            transaction.atomic():
        core_demo.seed()
        partners_demo.seed()
        school = School.objects.get(code="4142099001")
        for name, synonyms in DICTIONARY:
            Skill.objects.create(school=school, name=name, synonyms=synonyms)
        demo.seed()
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo_data(seeded, db):
    return seeded


def test_a_year_of_demand_from_the_demo_partners(demo_data):
    demands = Demand.objects.all()
    assert 30 <= demands.count() <= 40
    assert demands.values("organisation").distinct().count() >= 8
    assert set(demands.values_list("timeframe", flat=True)) == set(TimeFrame.values)
    assert demands.filter(status=DemandStatus.FILLED).count() >= 5
    assert all(150 <= len(d.description) <= 400 for d in demands)
    assert {d.created_by.username for d in demands.filter(
        organisation__name=demo.POWER)} == {"hr_li"}
    assert {d.created_by.username for d in demands.filter(
        organisation__name=demo.CATERING)} == {"hr_zhao"}


def test_the_skills_are_the_suggestions_of_each_description(demo_data):
    relay = Demand.objects.get(post="继电保护调试员")
    assert {r.skill.name for r in relay.demand_skills.all()} >= {"继电保护", "办公软件"}
    assert not DemandSkill.objects.filter(suggested=False).exists()
    assert Demand.objects.filter(skills__name="中式烹调").exists()
    assert Demand.objects.filter(skills__name="芯片测试").exists()
    assert Demand.objects.filter(demand_skills__isnull=True).count() <= 3


def test_seeding_again_changes_nothing(demo_data):
    before = Demand.objects.count(), DemandSkill.objects.count()
    demo.seed()
    assert (Demand.objects.count(), DemandSkill.objects.count()) == before
