"""The docking demo: five activities of the past year with their enterprises' timeline
entries, the new-energy meeting linked to the carbon-neutrality industry college's agreement,
follow-ups one overdue and one done; seeding again changes nothing; staff_wang, dept_zhou and
hr_li find their open follow-ups on their home page."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.db import transaction
from django.test import override_settings
from django.utils import timezone, translation

from chanchuang.core import demo as core_demo
from chanchuang.core.models import User
from chanchuang.core.todos import todos_for
from chanchuang.partners import demo as partners_demo
from chanchuang.talent.demo import docking as demo
from chanchuang.talent.models import DockingEvent, FollowUp

SEEDED = [core_demo, partners_demo, demo]  # what the docking demo stands on, in seed order


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo the docking part needs, seeded once for the module and rolled back after it."""
    media = tmp_path_factory.mktemp("media")
    storages = {**settings.STORAGES, "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": media}}}
    with django_db_blocker.unblock(), translation.override(settings.LANGUAGE_CODE), \
            override_settings(MEDIA_ROOT=media, STORAGES=storages), transaction.atomic():
        for module in SEEDED:
            module.seed()
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo_data(seeded, db):
    return seeded


def test_the_demo_activities_with_their_timeline_and_agreement(demo_data):
    events = DockingEvent.objects.all()
    assert events.count() == 5
    today = timezone.localdate()
    assert all((today - event.held_on).days <= 366 for event in events)
    new_energy = events.get(title="新能源企业与电力专业对接会")
    assert new_energy.agreement.title == "共建碳中和产业学院协议"
    assert new_energy.majors.count() == 3
    assert sorted(e.title for e in new_energy.timeline_entries.all()) == [
        "对接活动：新能源企业与电力专业对接会"] * 2
    assert FollowUp.objects.filter(done_at__isnull=False).count() == 1
    assert FollowUp.objects.filter(done_at__isnull=True, due_on__lt=today).count() == 1
    before = (DockingEvent.objects.count(), FollowUp.objects.count())
    demo.seed()
    assert (DockingEvent.objects.count(), FollowUp.objects.count()) == before


def test_demo_logins_find_their_follow_ups(demo_data):
    for username, action in (("staff_wang", "跟进：起草2027级餐饮智能管理订单班续签方案"),
                             ("hr_li", "跟进：提供2027届新能源运维岗位需求清单")):
        whats = [t.what for t in todos_for(User.objects.get(username=username))]
        assert any(what.startswith(action) for what in whats), whats
    overdue = [t for t in todos_for(User.objects.get(username="staff_wang"))
               if t.what.startswith("跟进：对接研究院")]
    assert overdue and overdue[0].overdue
