"""The one upload policy (core.uploads): types by content, limits, generated names, safe
display names, pictures re-encoded (issue 11, finding 4). Each app tests its own files and the
views that serve them only to who sees them: mentors' photos, placements' logs and consents."""

from __future__ import annotations

import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from chanchuang.core import uploads
from chanchuang.core.tests.factories import picture
from chanchuang.core.tests.uploads import SCRIPT
from chanchuang.core.uploads import DOCUMENT, IMAGE, safe_display_name

# --- Refused ---------------------------------------------------------------------------------


def test_a_png_renamed_pdf_is_refused_as_a_document():
    with pytest.raises(ValidationError) as refused:
        DOCUMENT.check(SimpleUploadedFile("扫描件.pdf", picture("PNG"), "application/pdf"))
    assert refused.value.messages == ["文件内容是 PNG，但文件名后缀为“.pdf”"]


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


# --- Accepted: re-encoded, renamed -----------------------------------------------------------


def test_a_png_with_a_script_appended_is_stored_without_it():
    checked = IMAGE.check(SimpleUploadedFile("图.png", picture("PNG") + SCRIPT))
    content = checked.read()
    assert SCRIPT not in content and content.startswith(b"\x89PNG")


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
