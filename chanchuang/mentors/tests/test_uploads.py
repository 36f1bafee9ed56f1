"""Mentors' photos under the one upload policy: a disguised picture refused, a photo re-encoded
without its metadata, shown inline only to who sees the mentor."""

from __future__ import annotations

import io
import re

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from chanchuang.core.tests.factories import picture
from chanchuang.core.tests.uploads import SCRIPT, stored_files


def _jpeg_with_exif(size=(40, 30)) -> bytes:
    exif = Image.Exif()
    exif[0x010E] = "拍摄于学生宿舍 3 栋"  # ImageDescription
    exif[0x0112] = 6  # Orientation: turn 90° to show upright
    exif[0x8825] = {1: "N", 2: (30.0, 35.0, 0.0)}  # a GPS position
    out = io.BytesIO()
    Image.new("RGB", size, "#d63939").save(out, "JPEG", exif=exif)
    return out.getvalue()


def test_a_gif_with_a_script_appended_is_refused_as_a_photo(client, world, settings):
    client.force_login(world.staff_wang)
    gif = picture("GIF") + SCRIPT
    page = client.post(reverse("mentors:mentor_edit", args=[world.mentor_a.pk]), {
        "school": world.school.pk, "name": "向晓斌", "organisation": world.enterprise_a.pk,
        "photo": SimpleUploadedFile("头像.gif", gif, "image/gif")}).content.decode()
    assert "只接受 JPEG、PNG、WebP 图片" in page
    world.mentor_a.refresh_from_db()
    assert not world.mentor_a.photo and stored_files(settings) == []


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


def test_a_picture_is_shown_inline_with_nosniff(client, world):
    mentor = world.mentor_a_photo
    client.force_login(world.student_user)
    response = client.get(reverse("mentors:mentor_photo", args=[mentor.pk]))
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].startswith("inline")
    assert response["X-Content-Type-Options"] == "nosniff"
    client.force_login(world.staff_far)
    assert client.get(reverse("mentors:mentor_photo", args=[mentor.pk])).status_code == 404


def test_the_mentor_form_sends_the_chosen_photo_as_a_file(client, world):
    # Without multipart encoding a browser sends only the photo's name, and the photo is lost.
    client.force_login(world.staff_wang)
    page = client.get(reverse("mentors:mentor_edit", args=[world.mentor_a.pk])).content.decode()
    assert 'enctype="multipart/form-data"' in page
    assert 'enctype="multipart/form-data"' not in client.get(
        reverse("mentors:appointment_add")).content.decode()
