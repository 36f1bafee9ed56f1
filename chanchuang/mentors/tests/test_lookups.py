"""Ids in an appointment proposal: another school's mentor, title or agreement answers exactly
like one that does not exist (400, the same message but for the id, no name)."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from chanchuang.mentors.models import Appointment
from chanchuang.mentors.tests import factories as mf


def _body(world, **ids):
    return {"mentor_id": world.mentor_a.pk, "title_id": mf.builtin_title("teaching_director").pk,
            "start_date": "2026-09-01", "end_date": "2027-08-31", **ids}


def _gone(make) -> int:
    obj = make()
    pk = obj.pk
    obj.delete()
    return pk


@pytest.mark.parametrize("field", ["mentor_id", "agreement_id"])
def test_a_proposal_naming_another_schools_object_reads_like_a_missing_one(client, world,
                                                                          today, field):
    foreign, name = {"mentor_id": (world.mentor_far, world.mentor_far.name),
                     "agreement_id": (world.agreement_far, world.agreement_far.title)}[field]
    missing = _gone(lambda: mf.mentor(school=world.school, name="已离职导师")) \
        if field == "mentor_id" else foreign.pk + 1000
    client.force_login(world.staff_wang)
    answers = [client.post("/api/v1/appointments", _body(world, **{field: pk}),
                           content_type="application/json") for pk in (foreign.pk, missing)]
    assert [a.status_code for a in answers] == [400, 400]
    details = [a.json()["detail"] for a in answers]
    assert f"#{foreign.pk}" in details[0] and f"#{missing}" in details[1]
    assert re.sub(r"#\d+", "#…", details[0]) == re.sub(r"#\d+", "#…", details[1])
    assert {a.json()["field"] for a in answers} == {field}
    assert name not in answers[0].content.decode()
    assert not Appointment.objects.filter(mentor=world.mentor_a).exists()


def test_the_proposal_page_takes_any_mentor_in_its_address(client, world):
    client.force_login(world.staff_wang)
    url = reverse("mentors:appointment_add")
    for value in ("abc", str(world.mentor_far.pk), "-1"):
        page = client.get(url, {"mentor": value})
        assert page.status_code == 200
        assert world.mentor_far.name not in page.content.decode()
