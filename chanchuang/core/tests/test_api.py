"""The API: session and token auth, the same filters as the pages, 404 outside one's sight."""

from django.urls import reverse

from chanchuang.core.models import ApiToken, AuditEntry


def _create_token(client, user) -> str:
    client.force_login(user)
    client.post(reverse("core:token_create"), {"name": "教务系统"})
    page = client.get(reverse("core:profile")).content.decode()
    key = page.split('id="new-api-key">')[1].split("<")[0]
    assert key.startswith("cc_")
    return key


def test_a_token_authenticates_as_its_owner_and_stops_when_revoked(client, world):
    key = _create_token(client, world.staff_wang)
    token = ApiToken.objects.get()
    assert token.digest == ApiToken.digest_of(key) and key not in token.digest
    assert AuditEntry.objects.filter(action="token_created").count() == 1

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
    _create_token(client, world.staff_wang)
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
