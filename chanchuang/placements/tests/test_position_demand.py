"""Positions count as talent demand, never typed twice: a position saved anywhere (here through
the ORM, as the generic pages, the API, imports and the demo do) has one demand that mirrors it
— enterprise, post, head count, majors, description, the skills its words suggest, the years of
its plan's enterprise blocks, its status — and loses it when deleted."""

import datetime as dt

from django.urls import reverse

from chanchuang.placements.choices import BlockKind, PlacementStatus, PositionStatus
from chanchuang.placements.models import PlanBlock
from chanchuang.placements.signals import plan_years
from chanchuang.talent.choices import DemandOrigin, DemandStatus
from chanchuang.talent.models import Demand
from chanchuang.talent.tests import factories as tf


def _demand(position) -> Demand:
    return Demand.objects.get(source_key=f"position:{position.pk}")


def test_a_new_position_is_mirrored_as_open_demand_with_suggested_skills(world):
    world.skill  # noqa: B018 — PLC编程 (可编程控制器)
    position = world.position_a
    position.description = "负责光伏电站巡检，调试可编程控制器。"
    position.save()
    demand = _demand(position)
    assert demand.origin == DemandOrigin.POSITION and demand.status == DemandStatus.OPEN
    assert (demand.organisation, demand.post, demand.headcount) == (
        world.enterprise_a, position.title, position.seats)
    assert demand.source_url == position.get_absolute_url()
    assert (demand.year_from, demand.year_to) == (2026, 2027)  # the enterprise block's years
    assert [(r.skill, r.suggested) for r in demand.demand_skills.all()] == [(world.skill, True)]
    assert Demand.objects.filter(source_key__startswith="position:").count() == 1


def test_seats_and_majors_changed_on_the_position_change_its_demand(world):
    position = world.position_a
    position.seats = 7
    position.save()
    assert _demand(position).headcount == 7
    position.required_majors.set([world.major])
    assert list(_demand(position).majors.all()) == [world.major]
    position.required_majors.clear()
    assert not _demand(position).majors.exists()


def test_a_closed_position_is_filled_demand_with_interns_and_withdrawn_without(world):
    position, empty = world.position_a, world.position_b
    placement = world.placement_liu  # at position A
    placement.status = PlacementStatus.CONFIRMED
    placement.save()
    for closed in (position, empty):
        closed.status = PositionStatus.CLOSED
        closed.save()
    assert _demand(position).status == DemandStatus.FILLED
    assert _demand(empty).status == DemandStatus.WITHDRAWN
    empty.status = PositionStatus.OPEN
    empty.save()
    assert _demand(empty).status == DemandStatus.OPEN


def test_a_deleted_position_takes_its_demand_with_it(world):
    position = world.position_b
    key = f"position:{position.pk}"
    assert Demand.objects.filter(source_key=key).exists()
    position.delete()
    assert not Demand.objects.filter(source_key=key).exists()


def test_moving_the_plans_blocks_moves_the_window(world, django_capture_on_commit_callbacks):
    position = world.position_a
    with django_capture_on_commit_callbacks(execute=True):
        PlanBlock.objects.create(plan=world.plan, kind=BlockKind.ENTERPRISE,
                                 start_date=dt.date(2028, 3, 1), end_date=dt.date(2028, 6, 30))
    assert (_demand(position).year_from, _demand(position).year_to) == (2026, 2028)
    assert plan_years(world.plan) == (2026, 2028)


def test_the_mirrored_demand_is_read_only_on_talents_pages(client, world):
    demand = _demand(world.position_a)
    client.force_login(world.hr_li)
    page = client.get(demand.get_absolute_url()).content.decode()
    assert world.position_a.get_absolute_url() in page
    assert client.get(reverse("talent:demand_edit", args=[demand.pk])).status_code == 403


def test_a_declared_demand_is_left_alone(world):
    declared = tf.demand(organisation=world.enterprise_a)
    world.position_a.save()
    declared.refresh_from_db()
    assert declared.origin == DemandOrigin.DECLARED and declared.source_key is None
