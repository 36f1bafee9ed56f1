"""The one upload policy (core.uploads): types by content, limits, generated names, safe
display names, pictures re-encoded, and files served only through views that check who sees
them (issue 11, finding 4)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse
from PIL import Image

from chanchuang.core import uploads
from chanchuang.core.uploads import DOCUMENT, IMAGE, safe_display_name
from chanchuang.partners.tests.factories import TINY_PDF
from chanchuang.placements.choices import PlacementStatus
from chanchuang.placements.models import Log, Placement

SCRIPT = b"<script>alert(document.cookie)</script>"
STORED = re.compile(r"^placements/logs/\d{4}/\d{2}/[0-9a-f]{32}\.pdf$")


def _stored_files(settings) -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def _jpeg_with_exif(size=(40, 30)) -> bytes:
    exif = Image.Exif()
    exif[0x010E] = "拍摄于学生宿舍 3 栋"  # ImageDescription
    exif[0x0112] = 6  # Orientation: turn 90° to show upright
    exif[0x8825] = {1: "N", 2: (30.0, 35.0, 0.0)}  # a GPS position
    out = io.BytesIO()
    Image.new("RGB", size, "#d63939").save(out, "JPEG", exif=exif)
    return out.getvalue()


def _picture(file_format: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (12, 9), "#206bc4").save(out, file_format)
    return out.getvalue()


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


# --- Refused ---------------------------------------------------------------------------------


def test_a_30_mb_html_file_named_to_climb_out_is_refused_and_nothing_is_stored(
        client, world, confirmed, settings):
    evil = SimpleUploadedFile("../../evil.html", b"<html>" + SCRIPT + b" " * (30 * 2 ** 20),
                              "application/pdf")
    page = _write_log(client, world, confirmed, evil).content.decode()
    assert "文件太大：最大 20 MB" in page
    assert not Log.objects.exists()
    assert _stored_files(settings) == []


def test_html_within_the_size_is_refused_by_its_content(client, world, confirmed, settings):
    page = _write_log(client, world, confirmed, SimpleUploadedFile(
        "周志.pdf", b"<html>" + SCRIPT, "application/pdf")).content.decode()
    assert "只接受 PDF、PNG、JPEG 文件" in page
    assert not Log.objects.exists() and _stored_files(settings) == []


def test_a_png_renamed_pdf_is_refused_as_a_document():
    with pytest.raises(ValidationError) as refused:
        DOCUMENT.check(SimpleUploadedFile("扫描件.pdf", _picture("PNG"), "application/pdf"))
    assert refused.value.messages == ["文件内容是 PNG，但文件名后缀为“.pdf”"]


def test_a_gif_with_a_script_appended_is_refused_as_a_photo(client, world, settings):
    client.force_login(world.staff_wang)
    gif = _picture("GIF") + SCRIPT
    page = client.post(reverse("mentors:mentor_edit", args=[world.mentor_a.pk]), {
        "school": world.school.pk, "name": "向晓斌", "organisation": world.enterprise_a.pk,
        "photo": SimpleUploadedFile("头像.gif", gif, "image/gif")}).content.decode()
    assert "只接受 JPEG、PNG、WebP 图片" in page
    world.mentor_a.refresh_from_db()
    assert not world.mentor_a.photo and _stored_files(settings) == []


def test_a_picture_that_is_not_what_it_says_is_refused():
    fake = b"\x89PNG\r\n\x1a\n" + SCRIPT * 10
    with pytest.raises(ValidationError) as refused:
        IMAGE.check(SimpleUploadedFile("a.png", fake))
    assert refused.value.messages == ["文件已损坏，或不是它声称的图片。"]


def test_a_picture_over_the_pixel_limit_is_refused(monkeypatch):
    import dataclasses

    monkeypatch.setitem(uploads.POLICIES, "image",
                        dataclasses.replace(IMAGE, max_pixels=1_000_000))
    out = io.BytesIO()
    Image.new("L", (1100, 1000)).save(out, "PNG")
    with pytest.raises(ValidationError) as refused:
        uploads.POLICIES["image"].check(SimpleUploadedFile("big.png", out.getvalue()))
    assert refused.value.messages == ["图片太大：最多 1 百万像素"]


def test_no_path_stores_an_unchecked_file(world, settings):
    """A service or fixture that forgets the form still goes through the policy on save."""
    placement, mentor = world.placement_liu, world.mentor_a
    with pytest.raises(ValidationError), transaction.atomic():
        Log.objects.create(placement=placement, period_start=placement.start_date,
                           period_end=placement.start_date, content="x" * 30,
                           attachment=ContentFile(SCRIPT, name="a.html"))
    with pytest.raises(ValidationError), transaction.atomic():
        mentor.photo.save("a.png", ContentFile(_picture("GIF")))
    assert not Log.objects.exists() and _stored_files(settings) == []


# --- Accepted: re-encoded, renamed -----------------------------------------------------------


def test_a_photo_is_re_encoded_without_exif_turned_upright_and_without_a_trailer(
        client, world):
    client.force_login(world.staff_wang)
    url = reverse("mentors:mentor_edit", args=[world.mentor_a.pk])
    form = {"school": world.school.pk, "name": "向晓斌", "organisation": world.enterprise_a.pk}
    response = client.post(url, {**form, "photo": SimpleUploadedFile(
        "../../我的照片.jpg", _jpeg_with_exif() + SCRIPT, "image/jpeg")})
    assert response.status_code == 302
    world.mentor_a.refresh_from_db()
    stored = world.mentor_a.photo.open("rb").read()
    assert SCRIPT not in stored
    with Image.open(io.BytesIO(stored)) as picture:
        assert picture.format == "JPEG"
        assert not picture.getexif()  # no description, no GPS, no orientation
        assert "icc_profile" not in picture.info
        assert picture.size == (30, 40)  # turned upright before the metadata went
    assert re.fullmatch(r"mentors/photos/\d{4}/\d{2}/[0-9a-f]{32}\.jpg",
                        world.mentor_a.photo.name)
    # The page links the photo through its view, never a storage path.
    page = client.get(world.mentor_a.get_absolute_url()).content.decode()
    assert reverse("mentors:mentor_photo", args=[world.mentor_a.pk]) in page
    assert world.mentor_a.photo.name not in page


def test_a_png_with_a_script_appended_is_stored_without_it():
    checked = IMAGE.check(SimpleUploadedFile("图.png", _picture("PNG") + SCRIPT))
    content = checked.read()
    assert SCRIPT not in content and content.startswith(b"\x89PNG")


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
    assert all(".." not in str(p) and "周志" not in str(p) for p in _stored_files(settings))


@pytest.mark.parametrize(("given", "shown"), [
    ("../../evil.html", "evil.html"),
    ("C:\\Users\\刘欣怡\\周志.pdf", "周志.pdf"),
    ("报告\u202efdp.exe", "报告fdp.exe"),  # a right-to-left override hiding .exe
    ("a\x00b\r\n.pdf", "ab.pdf"),
    ("／etc／passwd", "passwd"),  # full-width slashes, normalised
    ("  . 签字版 .pdf  ", "签字版 .pdf"),
])
def test_display_names_keep_no_path_and_no_control_characters(given, shown):
    assert safe_display_name(given) == shown


def test_a_workbook_is_stored_under_a_generated_name(world):
    from chanchuang.core.tabular.jobs import start_import
    from chanchuang.core.tabular.registry import import_kind
    from chanchuang.core.tabular.templates import build_template

    kind = import_kind("roster")
    content = build_template(kind, kind.template_lists(world.school))
    job = start_import(actor=world.staff_wang, school=world.school, kind="roster",
                       upload=SimpleUploadedFile("../名册\x07.xlsx", content))
    assert re.fullmatch(r"imports/\d{4}/\d{2}/[0-9a-f]{32}\.xlsx", job.file.name)
    assert job.original_name == "名册.xlsx"


# --- Served ----------------------------------------------------------------------------------


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


def test_a_picture_is_shown_inline_with_nosniff(client, world):
    mentor = world.mentor_a_photo
    client.force_login(world.student_user)
    response = client.get(reverse("mentors:mentor_photo", args=[mentor.pk]))
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].startswith("inline")
    assert response["X-Content-Type-Options"] == "nosniff"
    client.force_login(world.staff_far)
    assert client.get(reverse("mentors:mentor_photo", args=[mentor.pk])).status_code == 404


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


def test_no_media_url_serves_stored_files(client, world):
    log = world.log_liu
    client.force_login(world.admin)
    assert client.get("/" + log.attachment.name).status_code == 404
    assert client.get("/media/" + log.attachment.name).status_code == 404
    assert log.attachment.url == reverse("placements:log_attachment", args=[log.pk])
