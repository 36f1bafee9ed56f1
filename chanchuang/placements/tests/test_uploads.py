"""Placements' files under the one upload policy: a log's attachment refused by size and by
content, stored under a generated name, downloaded as an attachment only by who sees the
placement; a guardian's consent kept from the host enterprise; no media URL serves them."""

from __future__ import annotations

import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse

from chanchuang.core.tests.factories import TINY_PDF, picture
from chanchuang.core.tests.uploads import SCRIPT, stored_files
from chanchuang.placements.choices import PlacementStatus
from chanchuang.placements.models import Log, Placement

STORED = re.compile(r"^placements/logs/\d{4}/\d{2}/[0-9a-f]{32}\.pdf$")


@pytest.fixture
def confirmed(world):
    """student_liu's placement, confirmed (logs may be written)."""
    Placement.objects.filter(pk=world.placement_liu.pk).update(status=PlacementStatus.CONFIRMED)
    return world.placement_liu


def _write_log(client, world, placement, upload):
    client.force_login(world.student_user)
    return client.post(reverse("placements:log_add", args=[placement.pk]), {
        "period_start": placement.start_date, "period_end": placement.start_date,
        "content": "第一周：熟悉变电站巡检流程和安全规程，跟岗学习。", "attachment": upload},
        follow=True)


def test_a_30_mb_html_file_named_to_climb_out_is_refused_and_nothing_is_stored(
        client, world, confirmed, settings):
    evil = SimpleUploadedFile("../../evil.html", b"<html>" + SCRIPT + b" " * (30 * 2 ** 20),
                              "application/pdf")
    page = _write_log(client, world, confirmed, evil).content.decode()
    assert "文件太大：最大 20 MB" in page
    assert not Log.objects.exists()
    assert stored_files(settings) == []


def test_html_within_the_size_is_refused_by_its_content(client, world, confirmed, settings):
    page = _write_log(client, world, confirmed, SimpleUploadedFile(
        "周志.pdf", b"<html>" + SCRIPT, "application/pdf")).content.decode()
    assert "只接受 PDF、PNG、JPEG 文件" in page
    assert not Log.objects.exists() and stored_files(settings) == []


def test_no_path_stores_an_unchecked_file(world, settings):
    """A service or fixture that forgets the form still goes through the policy on save."""
    placement, mentor = world.placement_liu, world.mentor_a
    with pytest.raises(ValidationError), transaction.atomic():
        Log.objects.create(placement=placement, period_start=placement.start_date,
                           period_end=placement.start_date, content="x" * 30,
                           attachment=ContentFile(SCRIPT, name="a.html"))
    with pytest.raises(ValidationError), transaction.atomic():
        mentor.photo.save("a.png", ContentFile(picture("GIF")))
    assert not Log.objects.exists() and stored_files(settings) == []


def test_stored_names_are_random_and_the_users_name_is_only_a_safe_display_name(
        client, world, confirmed, settings):
    for week in range(2):
        start = confirmed.start_date.toordinal() + 7 * week
        client.force_login(world.student_user)
        client.post(reverse("placements:log_add", args=[confirmed.pk]), {
            "period_start": confirmed.start_date.fromordinal(start),
            "period_end": confirmed.start_date.fromordinal(start + 6),
            "content": "本周在班组长带领下完成配电柜巡检和记录。",
            "attachment": SimpleUploadedFile("..\\..\\C:\\周志\u202e.pdf", TINY_PDF)})
    names = [log.attachment.name for log in Log.objects.all()]
    assert len(names) == 2 and names[0] != names[1]
    assert all(STORED.match(name) for name in names), names
    assert {log.attachment_name for log in Log.objects.all()} == {"周志.pdf"}
    assert all(".." not in str(p) and "周志" not in str(p) for p in stored_files(settings))


def test_a_document_downloads_as_an_attachment_with_nosniff_to_those_who_see_it(client, world):
    log = world.log_liu
    url = reverse("placements:log_attachment", args=[log.pk])
    client.force_login(world.hr_li)  # the host enterprise sees the placement
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "filename*=utf-8''%E5%91%A8%E5%BF%97.pdf" in response["Content-Disposition"]
    assert response["Cache-Control"].startswith("private")
    assert b"".join(response.streaming_content) == TINY_PDF
    client.force_login(world.staff_far)
    assert client.get(url).status_code == 404
    client.force_login(world.hr_zhao)  # enterprise B: not their intern
    assert client.get(url).status_code == 404


def test_an_old_unchecked_file_is_served_as_octet_stream_attachment(client, world):
    """A file stored before the policy (an HTML page under a .pdf name) cannot run."""
    log = world.log_liu
    log.attachment.storage.save("placements/logs/old/evil.pdf", ContentFile(b"<html>" + SCRIPT))
    Log.objects.filter(pk=log.pk).update(attachment="placements/logs/old/evil.pdf")
    client.force_login(world.staff_wang)
    response = client.get(reverse("placements:log_attachment", args=[log.pk]))
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_the_host_enterprise_cannot_open_a_guardians_consent(client, world):
    placement = world.placement_liu_consent
    url = reverse("placements:placement_consent", args=[placement.pk])
    client.force_login(world.hr_li)
    assert client.get(url).status_code == 403
    client.force_login(world.student_user)
    assert client.get(url)["Content-Type"] == "application/pdf"


def test_no_media_url_servesstored_files(client, world):
    log = world.log_liu
    client.force_login(world.admin)
    assert client.get("/" + log.attachment.name).status_code == 404
    assert client.get("/media/" + log.attachment.name).status_code == 404
    assert log.attachment.url == reverse("placements:log_attachment", args=[log.pk])
