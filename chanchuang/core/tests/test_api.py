"""The API: session and token auth, the same filters as the pages, 404 outside one's sight."""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from chanchuang.core.models import ApiToken, AuditEntry, User
from chanchuang.core.tests.factories import api_key


def test_a_token_authenticates_as_its_owner_and_stops_when_revoked(client, world):
    key = api_key(client, world.staff_wang)
    token = ApiToken.objects.get()
    assert token.digest == ApiToken.digest_of(key) and key not in token.digest
    assert AuditEntry.objects.filter(action="core.token.created").count() == 1

    client.logout()
    auth = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    me = client.get("/api/v1/me", **auth)
    assert me.status_code == 200
    assert me.json()["username"] == "staff_wang"
    assert me.json()["roles"] == ["school_staff"]

    client.force_login(world.staff_wang)
    client.post(reverse("core:token_revoke", args=[token.pk]))
    client.logout()
    assert client.get("/api/v1/me", **auth).status_code == 401


def test_the_key_is_shown_only_once(client, world):
    api_key(client, world.staff_wang)
    assert 'id="new-api-key"' not in client.get(reverse("core:profile")).content.decode()


def test_a_wrong_token_is_refused(client, world):
    assert client.get("/api/v1/me", HTTP_AUTHORIZATION="Bearer cc_nope").status_code == 401


def test_list_takes_the_page_filters(client, world):
    client.force_login(world.staff_wang)
    data = client.get("/api/v1/students", {"q": "liu"}).json()
    assert data["count"] == 1
    assert data["items"][0]["name"] == "刘欣怡"
    assert data["items"][0]["department"]["name"] == "新能源与电力学院"


def test_an_invalid_filter_value_answers_400_with_the_reason(client, world):
    client.force_login(world.staff_wang)
    response = client.get("/api/v1/students", {"department": "999999"})
    assert response.status_code == 400
    assert "department" in response.json()["detail"]


def test_foreign_objects_answer_404_in_chinese(client, world):
    client.force_login(world.staff_wang)
    response = client.get(f"/api/v1/students/{world.student_far.pk}")
    assert response.status_code == 404
    assert response.json() == {"detail": "未找到。"}


def test_openapi_docs_are_served_without_a_cdn(client, world):
    client.force_login(world.staff_wang)
    docs = client.get("/api/v1/docs").content.decode()
    assert "cdn." not in docs
    schema = client.get("/api/v1/openapi.json").json()
    params = {p["name"] for p in schema["paths"]["/api/v1/students"]["get"]["parameters"]}
    assert {"q", "department", "major", "school_class", "page"} <= params


# --- Token lifetimes, revocation on a new password, last use (issue 11, finding 5a) ----------


def test_a_token_valid_for_some_days_stops_working_after_them(client, world):
    client.force_login(world.staff_wang)
    client.post(reverse("core:token_create"), {"name": "教务系统", "valid_days": "30"})
    page = client.get(reverse("core:profile")).content.decode()
    key = page.split('id="new-api-key">')[1].split("<")[0]
    token = ApiToken.objects.get()
    assert token.expires_at is not None
    assert token.expires_at.date() == (timezone.now() + timedelta(days=30)).date()
    assert timezone.localtime(token.expires_at).strftime("%Y-%m-%d %H:%M") in page
    client.logout()
    auth = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    assert client.get("/api/v1/me", **auth).status_code == 200
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    expired = client.get("/api/v1/me", **auth)
    assert expired.status_code == 401
    assert "已过期" in expired.json()["detail"]
    client.force_login(world.staff_wang)
    assert "已过期" in client.get(reverse("core:profile")).content.decode()


def test_a_token_lifetime_not_offered_is_refused(client, world):
    client.force_login(world.staff_wang)
    response = client.post(reverse("core:token_create"), {"name": "教务系统",
                                                          "valid_days": "100000"}, follow=True)
    assert "有效期：请选择所列的期限之一" in response.content.decode()
    assert not ApiToken.objects.exists()


def test_changing_the_password_revokes_every_token(client, world):
    key = api_key(client, world.staff_wang)
    response = client.post(reverse("core:password_change"), {
        "old_password": "pw-for-tests-1", "new_password1": "Wang-new-pass-2026",
        "new_password2": "Wang-new-pass-2026"}, follow=True)
    assert "API 令牌已全部撤销" in response.content.decode()
    assert ApiToken.objects.get().revoked_at is not None
    client.logout()
    assert client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 401


def test_a_password_set_anywhere_else_revokes_the_tokens_too(client, world):
    key = api_key(client, world.staff_wang)
    user = User.objects.get(pk=world.staff_wang.pk)
    user.set_password("Set-by-the-admin-2026")  # the admin, a service, changepassword
    user.save()
    client.logout()
    assert client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 401
    assert AuditEntry.objects.filter(action="core.token.revoked",
                                     data__reason="password changed").count() == 1


def test_a_password_hash_upgrade_at_login_keeps_the_tokens(client, world, settings):
    key = api_key(client, world.staff_wang)
    client.logout()
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher",
                                 "django.contrib.auth.hashers.MD5PasswordHasher"]
    client.post(reverse("login"), {"username": "staff_wang", "password": "pw-for-tests-1"})
    assert User.objects.get(pk=world.staff_wang.pk).password.startswith("pbkdf2_")
    client.logout()
    assert client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 200


def test_last_use_is_recorded_and_written_at_most_once_a_minute(client, world):
    key = api_key(client, world.staff_wang)
    client.logout()
    auth = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    with CaptureQueriesContext(connection) as first:
        client.get("/api/v1/me", **auth)
    used = ApiToken.objects.get().last_used_at
    assert used is not None and _updates(first) == 1
    with CaptureQueriesContext(connection) as second:
        client.get("/api/v1/me", **auth)
    assert _updates(second) == 0 and ApiToken.objects.get().last_used_at == used
    ApiToken.objects.update(last_used_at=used - timedelta(minutes=2))
    with CaptureQueriesContext(connection) as later:
        client.get("/api/v1/me", **auth)
    assert _updates(later) == 1
    client.force_login(world.staff_wang)
    shown = timezone.localtime(ApiToken.objects.get().last_used_at).strftime("%Y-%m-%d %H:%M")
    assert shown in client.get(reverse("core:profile")).content.decode()


def _updates(context) -> int:
    return sum(1 for q in context.captured_queries
               if q["sql"].startswith("UPDATE") and "core_apitoken" in q["sql"])


# --- Throttles (finding 5c) -------------------------------------------------------------------


def test_the_api_throttles_each_user_and_answers_in_chinese(client, world, settings):
    settings.API_RATE = "3/m"
    client.force_login(world.staff_wang)
    assert [client.get("/api/v1/me").status_code for _ in range(3)] == [200] * 3
    response = client.get("/api/v1/me")
    assert response.status_code == 429
    assert "请求过于频繁" in response.json()["detail"] and int(response["Retry-After"]) >= 1
    client.force_login(world.hr_li)  # another user has their own allowance
    assert client.get("/api/v1/me").status_code == 200


def test_the_api_throttles_requests_without_a_login_per_address(client, world, settings):
    settings.API_ANON_RATE = "2/m"
    url = f"/api/v1/showcase/{world.school.code}"
    assert [client.get(url).status_code for _ in range(2)] == [200, 200]
    response = client.get(url)
    assert response.status_code == 429 and "请求过于频繁" in response.json()["detail"]
    other = client.get(url, REMOTE_ADDR="10.0.0.9")  # another address has its own allowance
    assert other.status_code == 200
    assert client.get(url, HTTP_X_FORWARDED_FOR="10.0.0.8").status_code == 429  # not trusted
