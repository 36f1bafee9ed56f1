"""The API's CSRF rule on a write of the mentors' API (recording an activity): a token writes
without a CSRF token, a session write needs one, a bad token is refused (issue 11, finding 7)."""

from django.test import Client
from django.urls import reverse

from chanchuang.core.tests.factories import api_key
from chanchuang.mentors.models import Activity


def _activity(world) -> str:
    return f"/api/v1/mentors/{world.mentor_a.pk}/activities"


ACTIVITY = {"kind": "lecture", "title": "储能讲座", "happened_on": "2026-10-01", "hours": "2"}


def test_a_token_writes_without_a_csrf_token(client, world):
    key = api_key(client, world.staff_wang)
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(world.staff_wang)
    integration = Client(enforce_csrf_checks=True)
    response = integration.post(_activity(world), ACTIVITY, content_type="application/json",
                                HTTP_AUTHORIZATION=f"Bearer {key}")
    assert response.status_code == 201, response.content
    assert Activity.objects.filter(title="储能讲座").exists()
    # Even with the browser's session cookie alongside, the token decides.
    response = browser.post(_activity(world), {**ACTIVITY, "title": "第二讲"},
                            content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {key}")
    assert response.status_code == 201


def test_a_session_write_without_the_csrf_token_is_refused(world):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(world.staff_wang)
    response = browser.post(_activity(world), ACTIVITY, content_type="application/json")
    assert response.status_code == 403
    assert not Activity.objects.exists()
    browser.get(reverse("core:profile"))
    response = browser.post(_activity(world), ACTIVITY, content_type="application/json",
                            HTTP_X_CSRFTOKEN=browser.cookies["csrftoken"].value)
    assert response.status_code == 201


def test_a_bad_token_is_refused_even_with_a_session(world):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(world.staff_wang)
    response = browser.post(_activity(world), ACTIVITY, content_type="application/json",
                            HTTP_AUTHORIZATION="Bearer cc_forged")
    assert response.status_code == 401
    assert not Activity.objects.exists()
