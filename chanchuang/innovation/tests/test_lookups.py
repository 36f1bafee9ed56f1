"""Ids from user input in the innovation app: a team's mentor choices and a credit's student,
competition and project. Another school's object answers exactly like one that does not exist
(same status, the same message but for the id, no name)."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from chanchuang.innovation.models import Credit, MentorChoice
from chanchuang.mentors.tests import factories as mf


def _without_ids(text: str) -> str:
    return re.sub(r"#\d+", "#…", text)


@pytest.fixture
def offered(world):
    """Cohort 3 (running) offers mentor_chen's record; the other school offers its own."""
    world.cohort_running.mentor_offers.create(mentor=world.mentor_own, capacity=2)
    world.offer_far  # noqa: B018
    made = mf.mentor(school=world.school, name="已离职导师")
    missing = made.pk
    made.delete()
    return world.offer_far.mentor, missing


def test_api_mentor_choices_answer_a_foreign_mentor_like_a_missing_one(client, world, offered):
    foreign, missing = offered
    client.force_login(world.student_user)
    url = f"/api/v1/teams/{world.team_liu.pk}/mentor-choices"
    answers = [client.post(url, {"mentor_ids": [world.mentor_own.pk, pk]},
                           content_type="application/json") for pk in (foreign.pk, missing)]
    assert [a.status_code for a in answers] == [400, 400]
    assert answers[0].json()["detail"] == f"导师 #{foreign.pk} 不存在。"
    assert _without_ids(answers[0].json()["detail"]) == _without_ids(answers[1].json()["detail"])
    assert foreign.name not in answers[0].content.decode()
    assert not MentorChoice.objects.filter(team=world.team_liu).exists()


def test_mentor_choices_page_answers_a_foreign_mentor_like_a_missing_one(client, world,
                                                                         offered):
    foreign, missing = offered
    client.force_login(world.student_user)
    url = reverse("innovation:team_choices", args=[world.team_liu.pk])
    answers = [client.post(url, {"mentor": [pk]}, follow=True) for pk in (foreign.pk, missing)]
    shown = [[str(m) for m in a.context["messages"]] for a in answers]
    assert shown[0] == [f"导师 #{foreign.pk} 不存在。"]
    assert [_without_ids(m) for m in shown[0]] == [_without_ids(m) for m in shown[1]]
    assert answers[0].redirect_chain == answers[1].redirect_chain
    assert not MentorChoice.objects.filter(team=world.team_liu).exists()


@pytest.mark.parametrize("field", ["student_id", "competition_id"])
def test_api_credit_naming_another_schools_object_reads_like_a_missing_one(client, world,
                                                                          field):
    foreign, name = {"student_id": (world.student_far, world.student_far.user.real_name),
                     "competition_id": (world.competition_far, world.competition_far.name)}[field]
    body = {"student_id": world.student_liu.pk, "category": "competition",
            "title": "校赛一等奖", "earned_on": "2026-05-01",
            "competition_id": world.competition.pk}
    client.force_login(world.staff_wang)
    answers = [client.post("/api/v1/credits", {**body, field: pk},
                           content_type="application/json")
               for pk in (foreign.pk, foreign.pk + 1000)]
    assert [a.status_code for a in answers] == [400, 400]
    assert f"#{foreign.pk}" in answers[0].json()["detail"]
    assert _without_ids(answers[0].json()["detail"]) == _without_ids(answers[1].json()["detail"])
    assert {a.json()["field"] for a in answers} == {field}
    assert name not in answers[0].content.decode()
    assert not Credit.objects.filter(title="校赛一等奖").exists()


def test_the_credit_page_takes_any_student_in_its_address(client, world):
    client.force_login(world.staff_wang)
    for value in ("abc", str(world.student_far.pk)):
        page = client.get(reverse("innovation:credit_add"), {"student": value})
        assert page.status_code == 200
        assert world.student_far.user.real_name not in page.content.decode()
