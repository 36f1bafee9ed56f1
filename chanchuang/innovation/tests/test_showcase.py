"""The showcase: the team's consent with only their own names, publishing only with consent,
the public page (no login; published and consented items only; the chosen names and nothing
else personal), a staff edit asking for consent again, pictures checked and stripped."""

from __future__ import annotations

import dataclasses
import io
import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from chanchuang.core import uploads
from chanchuang.core.models import AuditEntry
from chanchuang.core.services import DomainError
from chanchuang.innovation.models import ShowcaseItem
from chanchuang.innovation.services import showcase


def _public(client, world) -> str:
    client.logout()
    response = client.get(reverse("innovation:showcase", args=[world.school.code]))
    assert response.status_code == 200
    return response.content.decode()


def _messages(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def _jpeg(size=(40, 30), **save) -> bytes:
    exif = Image.Exif()
    exif[0x010E] = "拍摄于学生宿舍 3 栋"  # ImageDescription: what a phone may add
    exif[0x0112] = 6  # Orientation: rotated
    out = io.BytesIO()
    Image.new("RGB", size, "#d63939").save(out, "JPEG", exif=exif, **save)
    return out.getvalue()


# --- Consent ---------------------------------------------------------------------------------


def test_names_not_on_the_project_are_refused_and_nothing_changes(client, world):
    item = world.showcase_item_liu  # project of student_liu and student_ma
    refusal = "展示姓名：张三不是项目成员，只能展示团队成员本人的姓名。"
    with pytest.raises(DomainError, match=refusal):
        showcase.consent(actor=world.student_user, item=item, display_names="刘欣怡、张三")

    client.force_login(world.student_user)
    response = client.post(reverse("innovation:showcaseitem_consent", args=[item.pk]),
                           {"names": ["刘欣怡", "张三"]}, follow=True)
    assert _messages(response) == [refusal]
    api = client.post(f"/api/v1/showcase-items/{item.pk}/consent", {"names": ["王五"]},
                      content_type="application/json")
    assert api.status_code == 400 and "王五不是项目成员" in api.json()["detail"]
    item.refresh_from_db()
    assert (item.consent_by, item.display_names) == (None, "")


def test_only_a_student_of_the_project_consents(client, world):
    with pytest.raises(DomainError, match="只有项目成员可以同意展示。"):
        showcase.consent(actor=world.student_user, item=world.showcase_item, display_names="")
    client.force_login(world.staff_wang)  # staff see the item but cannot consent for the team
    response = client.post(reverse("innovation:showcaseitem_consent",
                                   args=[world.showcase_item.pk]), {"names": []})
    assert response.status_code == 403
    assert ShowcaseItem.objects.get(pk=world.showcase_item.pk).consent_by is None


def test_publishing_without_consent_is_refused_in_chinese(client, world):
    item = world.showcase_item
    client.force_login(world.staff_wang)
    response = client.post(reverse("innovation:showcaseitem_publish", args=[item.pk]),
                           follow=True)
    assert _messages(response) == ["团队尚未同意展示，不能发布。"]
    api = client.post(f"/api/v1/showcase-items/{item.pk}/publish")
    assert (api.status_code, api.json()["detail"]) == (400, "团队尚未同意展示，不能发布。")
    assert ShowcaseItem.objects.get(pk=item.pk).published_at is None


# --- The public page -------------------------------------------------------------------------


def test_the_public_page_shows_only_the_chosen_names_and_nothing_else_personal(client, world):
    item = world.showcase_item_liu
    client.force_login(world.student_user)
    response = client.post(reverse("innovation:showcaseitem_consent", args=[item.pk]),
                           {"names": ["刘欣怡"]}, follow=True)
    assert _messages(response) == ["谢谢！团队已同意展示该项目。"]
    client.force_login(world.staff_wang)
    client.post(reverse("innovation:showcaseitem_publish", args=[item.pk]))

    page = _public(client, world)
    assert "阳台光伏" in page and "把阳台变成小电站。" in page and "刘欣怡" in page
    assert "马超" not in page  # on the team, but not chosen
    for personal in ("2025000001", "2025000002", "13812345678", world.department.name,
                     world.major.name):
        assert personal not in page
    assert "2026届毕业设计展" in page

    data = client.get(f"/api/v1/showcase/{world.school.code}").json()
    [section] = data["sections"]
    assert section["exhibition"] == "2026届毕业设计展"
    assert [(i["title"], i["names"]) for i in section["items"]] == [("阳台光伏", ["刘欣怡"])]
    assert set(section["items"][0]) == {"id", "title", "summary", "image_url", "names"}


def test_items_not_published_or_without_consent_stay_off_the_public_page(client, world):
    proposed = world.showcase_item  # no consent
    consented = showcase.consent(actor=world.student_user, item=world.showcase_item_liu,
                                 display_names="刘欣怡")  # consented, not published
    published = world.showcase_item_published
    page = _public(client, world)
    assert published.title in page
    assert proposed.title not in page and consented.title not in page
    titles = [i["title"] for s in client.get(f"/api/v1/showcase/{world.school.code}")
              .json()["sections"] for i in s["items"]]
    assert titles == [published.title]
    assert client.get(reverse("innovation:showcase_image", args=[world.school.code,
                                                                 published.pk])).status_code == 200
    for hidden in (proposed, consented):
        assert client.get(reverse("innovation:showcase_image",
                                  args=[world.school.code, hidden.pk])).status_code == 404
    far = showcase.consent(actor=world.student_far.user, item=world.showcase_item_far,
                           display_names="张三")
    showcase.publish(actor=world.staff_far, item=far)
    assert far.title not in _public(client, world)  # another school's page
    assert client.get(reverse("innovation:showcase", args=["0000000000"])).status_code == 404


def test_withdrawing_the_consent_takes_the_item_off_at_once(client, world):
    item = world.showcase_item_published
    client.force_login(world.student_ma.user)
    response = client.post(reverse("innovation:showcaseitem_withdraw", args=[item.pk]),
                           follow=True)
    assert _messages(response) == ["已撤回同意，该项目不再展示。"]
    item.refresh_from_db()
    assert (item.consent_by, item.published_at) == (None, None)
    assert item.title not in _public(client, world)
    client.force_login(world.staff_wang)
    client.post(reverse("innovation:showcaseitem_publish", args=[item.pk]))
    assert ShowcaseItem.objects.get(pk=item.pk).published_at is None


# --- Staff edits and pictures ----------------------------------------------------------------


def _form(item, **changes) -> dict:
    return {"project": item.project_id, "exhibition": item.exhibition_id or "",
            "title": item.title, "summary": item.summary, **changes}


def test_a_staff_change_to_what_the_team_agreed_to_asks_for_consent_again(client, world):
    item = world.showcase_item_published
    client.force_login(world.staff_wang)
    other = world.exhibition.__class__.objects.create(school=world.school, name="校园开放日",
                                                      held_on=world.exhibition.held_on)
    client.post(reverse("innovation:showcaseitem_edit", args=[item.pk]),
                _form(item, exhibition=other.pk))
    item.refresh_from_db()
    assert item.consent_by == world.student_ma and item.published_at is not None  # placement

    client.post(reverse("innovation:showcaseitem_edit", args=[item.pk]),
                _form(item, summary="扫码点餐，还能预约取餐。"))
    item.refresh_from_db()
    assert (item.summary, item.consent_by, item.consent_at, item.published_at) == (
        "扫码点餐，还能预约取餐。", None, None, None)
    assert item.display_names == "马超"  # offered again when the team consents anew
    assert item.title not in _public(client, world)
    entry = AuditEntry.objects.filter(object_id=str(item.pk), action="changed").latest("pk")
    assert entry.changes["consent_by"] == ["马超（2025000002）", None]


def test_a_picture_is_checked_stripped_of_its_metadata_and_served_to_those_who_see_it(
        client, world):
    client.force_login(world.staff_wang)
    url = reverse("innovation:showcaseitem_add")
    form = {"project": world.project_liu.pk, "exhibition": world.exhibition.pk,
            "title": "阳台光伏", "summary": "把阳台变成小电站。"}
    fake = SimpleUploadedFile("photo.png", b"<script>alert(1)</script>", "image/png")
    page = client.post(url, {**form, "image": fake}).content.decode()
    assert "图片" in page and "is-invalid" in page
    assert not ShowcaseItem.objects.exists()

    response = client.post(url, {**form, "image": SimpleUploadedFile(
        "宿舍照片.jpg", _jpeg(), "image/jpeg")})
    item = ShowcaseItem.objects.get()
    assert response["Location"] == item.get_absolute_url()
    assert "宿舍照片" not in item.image.name and item.image.name.endswith(".jpg")
    with Image.open(item.image.open("rb")) as stored:
        assert not stored.getexif()  # no description, no location, nothing
        assert stored.size == (30, 40)  # turned upright before the metadata went
    picture = client.get(reverse("innovation:showcaseitem_image", args=[item.pk]))
    assert picture["Content-Type"] == "image/jpeg"
    client.force_login(world.hr_li)  # not published: only staff and the team
    assert client.get(reverse("innovation:showcaseitem_image",
                              args=[item.pk])).status_code == 404


def test_a_picture_too_large_is_refused(client, world, monkeypatch):
    monkeypatch.setitem(uploads.POLICIES, "image",
                        dataclasses.replace(uploads.IMAGE, max_bytes=2 ** 20))
    noise = io.BytesIO()
    Image.frombytes("RGB", (800, 800), os.urandom(800 * 800 * 3)).save(noise, "PNG")
    assert len(noise.getvalue()) > 2 ** 20
    client.force_login(world.staff_wang)
    page = client.post(reverse("innovation:showcaseitem_add"), {
        "project": world.project_liu.pk, "title": "阳台光伏", "summary": "把阳台变成小电站。",
        "image": SimpleUploadedFile("big.png", noise.getvalue())}).content.decode()
    assert "文件太大：最大 1 MB" in page
    assert not ShowcaseItem.objects.exists()


# --- Lists -----------------------------------------------------------------------------------


def test_an_item_of_a_team_of_two_is_listed_once_and_students_see_their_own(client, world):
    world.showcase_item, world.showcase_item_liu, world.showcase_item_published  # noqa: B018
    world.showcase_item_far  # noqa: B018
    client.force_login(world.staff_wang)
    titles = [i["title"] for i in client.get("/api/v1/showcase-items").json()["items"]]
    assert sorted(titles) == ["智能点餐", "校园碳足迹小程序", "阳台光伏"]
    page = client.get(reverse("innovation:showcaseitem_list")).content.decode()
    assert page.count(world.showcase_item_liu.get_absolute_url()) == 1
    client.force_login(world.student_user)
    items = client.get("/api/v1/showcase-items").json()["items"]
    assert sorted((i["title"], i["state"]) for i in items) == [
        ("智能点餐", "published"), ("阳台光伏", "proposed")]


def test_the_public_page_offers_each_language_in_its_own_name(client, world):
    page = client.get(reverse("innovation:showcase", args=[world.school.code])).content.decode()
    assert 'value="en"' in page and ">English</button>" in page and "英语" not in page
