"""The selection round through the API, and pinned query counts of the placements lists."""

import datetime as dt
from functools import partial

import pytest
from django.utils import timezone

from chanchuang.core.tests import factories as f
from chanchuang.core.tests.querycounts import assert_list_queries, pinned_lists
from chanchuang.placements.models import Placement
from chanchuang.placements.tests import factories as pf


def test_a_round_through_the_api(client, world, django_capture_on_commit_callbacks):
    world.position_a, world.position_b  # noqa: B018
    client.force_login(world.staff_wang)
    deadline = timezone.now() + dt.timedelta(days=1)
    opened = client.post(f"/api/v1/plans/{world.plan.pk}/rounds", {
        "choices_deadline": deadline.isoformat(),
        "rankings_deadline": (deadline + dt.timedelta(days=1)).isoformat()},
        content_type="application/json")
    assert opened.status_code == 201, opened.content
    round_id = opened.json()["id"]

    client.force_login(world.student_user)
    chosen = client.put(f"/api/v1/rounds/{round_id}/choices",
                        {"positions": [world.position_b.pk, world.position_a.pk]},
                        content_type="application/json")
    assert chosen.json() == [world.position_b.pk, world.position_a.pk]
    twice = client.put(f"/api/v1/rounds/{round_id}/choices",
                       {"positions": [world.position_a.pk, world.position_a.pk]},
                       content_type="application/json")
    assert twice.status_code == 400 and "填报了两次" in twice.json()["detail"]

    client.force_login(world.hr_li)
    ranked = client.put(f"/api/v1/rounds/{round_id}/positions/{world.position_a.pk}/rankings",
                        {"ranks": {str(world.student_liu.pk): 1}},
                        content_type="application/json")
    assert ranked.json() == 1
    foreign = client.put(f"/api/v1/rounds/{round_id}/positions/{world.position_b.pk}/rankings",
                         {"ranks": {}}, content_type="application/json")
    assert foreign.status_code == 404

    client.force_login(world.staff_wang)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(f"/api/v1/rounds/{round_id}/run").status_code == 400  # too soon
        assert client.post(f"/api/v1/rounds/{round_id}/run?early=true").status_code == 200
    assert client.post(f"/api/v1/rounds/{round_id}/publish").json()["status"] == "published"

    client.force_login(world.student_user)
    outcome = client.get(f"/api/v1/rounds/{round_id}/result").json()
    assert outcome["assigned"] == world.position_b.pk  # unranked B: everyone acceptable
    assert outcome["reasons"] == []


# Pages: session, user, memberships, notifications, count, rows = 6, plus the filter's
# choice lists (placements: plan and enterprise; positions: plan and enterprise).
PAGES = [
    ("placements:trainingplan_list", "staff_wang", 6),
    ("placements:position_list", "staff_wang", 8),
    ("placements:placement_list", "staff_wang", 8),
    ("placements:placement_list", "hr_li", 8),
    ("placements:insurancepolicy_list", "staff_wang", 6),
]
API_LISTS = [("/api/v1/positions", 5), ("/api/v1/placements", 5)]


def _grow(world, n: int) -> None:
    for i in range(n):
        position = pf.position(plan=world.plan, organisation=world.enterprise_a,
                               title=f"岗位{i}")
        student = f.StudentFactory(school_class=world.school_class)
        Placement.objects.create(student=student, position=position,
                                 start_date=pf.ENTERPRISE_BLOCK[0],
                                 end_date=pf.ENTERPRISE_BLOCK[1])
        pf.plan(school=world.school, major=world.major, name=f"方案{i}")
        pf.policy(world.school)


@pytest.mark.parametrize(("url", "who", "pinned"), pinned_lists(PAGES, API_LISTS))
def test_list_query_count_is_constant(client, world, url, who, pinned):
    client.force_login(getattr(world, who))
    assert_list_queries(client, url, pinned, grow=partial(_grow, world))
