"""One upload policy for every file a user sends (ARCHITECTURE.md, invariants).

A file's type is decided by its content (magic bytes, and Pillow for pictures), never by its
name or the browser's content type; the name must agree with the content. The file is stored
under a generated random name with the extension of what it really is; the user's name is kept
only as a safe display name (no path, no control characters). Pictures are decoded and
re-encoded before they are stored, which drops EXIF (where a phone photo was taken), ICC
profiles and anything appended after the picture (a script after a GIF's trailer).

Every file field is a ``PolicyFileField``: its form field (``CheckedFileField``) checks and
re-encodes in ``clean``, its model validation checks in ``full_clean``, and its stored file
checks once more on ``save`` — so no form, service, API or fixture path stores an unchecked
file. Stored files are served only by ``core.generic_views.StoredFileView`` (``file_response``):
through ``visible_to``, with the content type of the content, ``attachment`` for anything but a
picture, ``nosniff`` and a private Cache-Control; there is no MEDIA_URL.
"""

from __future__ import annotations

import io
import os
import secrets
import unicodedata
from dataclasses import dataclass
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.db import models
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from PIL import Image, ImageOps, UnidentifiedImageError

MB = 1024 * 1024
DISPLAY_NAME_MAX = 200
PRIVATE_NO_STORE = "private, no-store"
PRIVATE_SHORT = "private, max-age=300"


@dataclass(frozen=True)
class Kind:
    """A type of file we know by its content."""

    key: str
    label: str
    content_type: str
    extension: str  # the one a stored file gets
    extensions: tuple[str, ...]  # the ones a user's file name may carry
    picture: bool = False


KINDS = {kind.key: kind for kind in (
    Kind("pdf", "PDF", "application/pdf", "pdf", ("pdf",)),
    Kind("png", "PNG", "image/png", "png", ("png",), picture=True),
    Kind("jpeg", "JPEG", "image/jpeg", "jpg", ("jpg", "jpeg", "jpe", "jfif"), picture=True),
    Kind("webp", "WebP", "image/webp", "webp", ("webp",), picture=True),
    Kind("xlsx", "Excel .xlsx",
         "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", ("xlsx",)),
)}
PILLOW_FORMATS = {"PNG": "png", "JPEG": "jpeg", "WEBP": "webp"}


def sniff(head: bytes) -> str | None:
    """The kind a file's first bytes say it is (None: none we accept)."""
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head.startswith(b"PK\x03\x04"):
        return "xlsx"  # a zip; core.tabular.reading checks it really is a workbook
    return None


@dataclass(frozen=True)
class UploadPolicy:
    """What one kind of file field accepts: the kinds (by content), bytes and pixels."""

    key: str
    kinds: tuple[str, ...]
    max_bytes: int
    accepted: Promise  # "only … files are accepted"
    hint: Promise  # the help text of the form field, with %(limit)d MB
    max_pixels: int = 40_000_000

    @property
    def extensions(self) -> tuple[str, ...]:
        """Every file-name extension of the accepted kinds."""
        return tuple(ext for key in self.kinds for ext in KINDS[key].extensions)

    def check(self, upload: File, name: str | None = None) -> CheckedUpload:
        """The upload checked (and a picture re-encoded), or ``ValidationError`` saying why."""
        if isinstance(upload, CheckedUpload) and upload.policy_key == self.key:
            return upload
        display = safe_display_name(name if name is not None else upload.name or "")
        size = upload.size
        if not size:
            raise ValidationError(_("The file is empty."), code="empty")
        if size > self.max_bytes:
            raise ValidationError(_("File too large: at most %(limit)d MB.")
                                  % {"limit": self.max_bytes // MB}, code="too_large")
        upload.seek(0)
        head = upload.read(16)
        upload.seek(0)
        key = sniff(head)
        if key not in self.kinds:
            raise ValidationError(str(self.accepted), code="type")
        kind = KINDS[key]
        ext = os.path.splitext(display)[1].lower().lstrip(".")
        if not ext:
            display = f"{display or 'file'}.{kind.extension}"
        elif ext not in kind.extensions:
            raise ValidationError(_("The file's content is %(type)s but its name ends in "
                                    "“.%(ext)s”.") % {"type": kind.label, "ext": ext},
                                  code="mismatch")
        if kind.picture:
            content = _reencode(upload, kind, self.max_pixels)
            return CheckedUpload(io.BytesIO(content), size=len(content), kind=kind,
                                 display_name=display, policy_key=self.key)
        upload.seek(0)
        return CheckedUpload(upload, size=size, kind=kind, display_name=display,
                             policy_key=self.key)

    def accept(self, upload: File, *, field: str | None = None) -> CheckedUpload:
        """``check`` for a service: a refusal is a ``DomainError`` on ``field``."""
        from chanchuang.core.services import DomainError  # services import the models

        try:
            return self.check(upload)
        except ValidationError as exc:
            raise DomainError(exc.messages[0], field=field) from None


DOCUMENT = UploadPolicy(
    "document", ("pdf", "png", "jpeg"), 20 * MB,
    accepted=gettext_lazy("Only PDF, PNG and JPEG files are accepted."),
    hint=gettext_lazy("PDF, PNG or JPEG, at most %(limit)d MB."))
IMAGE = UploadPolicy(
    "image", ("jpeg", "png", "webp"), 5 * MB,
    accepted=gettext_lazy("Only JPEG, PNG and WebP pictures are accepted."),
    hint=gettext_lazy("JPEG, PNG or WebP, at most %(limit)d MB."))
WORKBOOK = UploadPolicy(
    "workbook", ("xlsx",), 30 * MB,
    accepted=gettext_lazy("Only Excel .xlsx workbooks are accepted."),
    hint=gettext_lazy("Excel .xlsx, at most %(limit)d MB."))
# Looked up by key at run time (tests may swap a policy in).
POLICIES = {policy.key: policy for policy in (DOCUMENT, IMAGE, WORKBOOK)}


class CheckedUpload(File):
    """An upload that passed a policy: its real kind, its safe display name, its bytes (a
    picture's re-encoded ones)."""

    def __init__(self, file: Any, *, size: int, kind: Kind, display_name: str,
                 policy_key: str) -> None:
        super().__init__(file, name=f"upload.{kind.extension}")
        self.size = size
        self.kind = kind
        self.display_name = display_name
        self.policy_key = policy_key

    @property
    def content_type(self) -> str:
        """The content type of what the file really is."""
        return self.kind.content_type


def safe_display_name(name: str) -> str:
    """A user's file name fit to show and to offer on download: its last path part only,
    Unicode-normalised (NFKC), without control or format characters, at most 200 characters
    (keeping the extension)."""
    name = unicodedata.normalize("NFKC", str(name))
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(c for c in name if unicodedata.category(c)[0] != "C")
    name = " ".join(name.split()).strip(". ")
    if len(name) > DISPLAY_NAME_MAX:
        stem, ext = os.path.splitext(name)
        name = stem[:DISPLAY_NAME_MAX - len(ext[:20])] + ext[:20]
    return name


def _reencode(upload: File, kind: Kind, max_pixels: int) -> bytes:
    """Decode a picture (verifying it is the kind it claims, within the pixel limit) and encode
    it afresh: upright (EXIF orientation applied), without EXIF, ICC or trailing bytes."""
    damaged = ValidationError(_("The file is damaged, or it is not the picture it claims to "
                                "be."), code="damaged")
    try:
        upload.seek(0)
        with Image.open(upload) as probe:
            if PILLOW_FORMATS.get(probe.format) != kind.key:
                raise damaged
            if probe.width * probe.height > max_pixels:
                raise ValidationError(_("Picture too large: at most %(limit)d megapixels.")
                                      % {"limit": max_pixels // 1_000_000}, code="pixels")
            probe.verify()
        upload.seek(0)
        with Image.open(upload) as image:
            image.load()
            picture = ImageOps.exif_transpose(image)
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, SyntaxError,
            ValueError):
        raise damaged from None
    finally:
        upload.seek(0)
    if kind.key == "jpeg" and picture.mode not in ("RGB", "L"):
        picture = picture.convert("RGB")
    # Keep only what drawing the pixels needs; EXIF, ICC, XMP and text chunks stay behind.
    picture.info = {k: v for k, v in picture.info.items() if k == "transparency"}
    out = io.BytesIO()
    options = {"quality": 90} if kind.key in ("jpeg", "webp") else {}
    picture.save(out, format=kind.key.upper(), **options)
    return out.getvalue()


# --- Stored names ----------------------------------------------------------------------------


@deconstructible
class GeneratedName:
    """The ``upload_to`` of every file field: ``folder/YYYY/MM/<32 random hex>.<ext>``, the
    extension one of the policy's (``bin`` for anything else); nothing of the user's name."""

    def __init__(self, folder: str, policy: str) -> None:
        self.folder = folder.strip("/")
        self.policy = policy

    def __call__(self, instance: models.Model, filename: str) -> str:
        ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
        if ext not in POLICIES[self.policy].extensions:
            ext = "bin"
        return f"{self.folder}/{timezone.now():%Y/%m}/{secrets.token_hex(16)}.{ext}"

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, GeneratedName) and other.folder == self.folder
                and other.policy == self.policy)


# --- Model field -----------------------------------------------------------------------------


class CheckedFieldFile(FieldFile):
    """A stored file of a ``PolicyFileField``: saved only through its policy, with no direct
    URL (``url`` is the route of the view that checks visibility)."""

    def save(self, name: str, content: File, save: bool = True) -> None:
        checked = self.field.policy.check(content, name=name)
        self.field.remember_name(self.instance, checked)
        super().save(checked.name, checked, save)

    @property
    def url(self) -> str:
        self._require_file()
        if self.field.route is None:
            raise ValueError(f"{self.field} is not served.")
        return reverse(self.field.route, args=[self.instance.pk])

    @property
    def display_name(self) -> str:
        """The user's (safe) name of the file, or a generic one."""
        name = getattr(self.instance, self.field.name_field, "") if self.field.name_field \
            else ""
        return name or _("file") + os.path.splitext(self.name or "")[1]


class PolicyFileField(models.FileField):
    """A file field whose uploads pass ``policy`` (``document``, ``image``, ``workbook``) and
    are stored under generated names in ``folder``. ``name_field`` names the model's field
    that keeps the user's safe display name (declare it after this field: it is filled while
    saving); ``route`` is the URL name (taking the object's pk) that serves the file."""

    attr_class = CheckedFieldFile

    def __init__(self, verbose_name: Any = None, name: str | None = None, *, policy: str,
                 folder: str, name_field: str | None = None, route: str | None = None,
                 **kwargs: Any) -> None:
        self.policy_key = policy
        self.folder = folder
        self.name_field = name_field
        self.route = route
        kwargs["upload_to"] = GeneratedName(folder, policy)
        super().__init__(verbose_name, name, **kwargs)

    @property
    def policy(self) -> UploadPolicy:
        return POLICIES[self.policy_key]

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("upload_to", None)
        # name_field and route are not part of the schema: migrations leave them out.
        kwargs.update(policy=self.policy_key, folder=self.folder)
        return name, path, args, kwargs

    def remember_name(self, instance: models.Model, upload: CheckedUpload | None) -> None:
        """Keep the user's safe display name on the object (or clear it)."""
        if self.name_field:
            setattr(instance, self.name_field, upload.display_name if upload else "")

    def validate(self, value: Any, model_instance: models.Model) -> None:
        super().validate(value, model_instance)
        if value and not value._committed:
            value.file = self.policy.check(value.file, name=value.name)

    def pre_save(self, model_instance: models.Model, add: bool) -> Any:
        file = getattr(model_instance, self.attname)
        if not file:
            self.remember_name(model_instance, None)
        elif not file._committed:
            file.file = self.policy.check(file.file, name=file.name)
            self.remember_name(model_instance, file.file)
        return super().pre_save(model_instance, add)

    def formfield(self, **kwargs: Any) -> forms.Field:
        return super().formfield(**{"form_class": CheckedFileField, "policy": self.policy_key,
                                    "max_length": None, **kwargs})


# --- Form field ------------------------------------------------------------------------------


class _CurrentFile:
    """The stored file as the file input shows it: its display name, linked to its view."""

    def __init__(self, value: CheckedFieldFile) -> None:
        self.label = value.display_name
        try:
            self.url = value.url
        except (ValueError, AttributeError):
            self.url = ""

    def __str__(self) -> str:
        return self.label


class StoredFileInput(forms.ClearableFileInput):
    """A file input that shows the current file by its display name, never its stored path."""

    def format_value(self, value: Any) -> Any:
        if self.is_initial(value) and isinstance(value, CheckedFieldFile):
            return _CurrentFile(value)
        return super().format_value(value)


class CheckedFileField(forms.FileField):
    """A form field whose upload passes an ``UploadPolicy``; ``cleaned_data`` holds the
    ``CheckedUpload`` (a picture already re-encoded)."""

    widget = StoredFileInput

    def __init__(self, *, policy: str = "document", **kwargs: Any) -> None:
        self.policy_key = policy
        kwargs.setdefault("help_text", POLICIES[policy].hint
                          % {"limit": POLICIES[policy].max_bytes // MB})
        super().__init__(**kwargs)
        self.widget.attrs.setdefault(
            "accept", ",".join(f".{ext}" for ext in POLICIES[policy].extensions))

    def to_python(self, data: Any) -> Any:
        upload = super().to_python(data)
        if upload is None:
            return None
        return POLICIES[self.policy_key].check(upload)


# --- Serving ---------------------------------------------------------------------------------


def file_response(stored: FieldFile, *, filename: str | None = None,
                  cache: str = PRIVATE_NO_STORE) -> FileResponse:
    """A stored file as a response: the content type of its content (octet-stream if its
    content is not one of its policy's kinds, as an old unchecked file may be), inline only
    for a picture, ``nosniff``, a sandboxing CSP and ``cache``."""
    try:
        handle = stored.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    head = handle.read(16)
    handle.seek(0)
    key = sniff(head)
    policy = getattr(stored.field, "policy", None)
    kind = KINDS[key] if key and (policy is None or key in policy.kinds) else None
    picture = kind is not None and kind.picture
    if filename is None:
        filename = _("file") + (f".{kind.extension}" if kind else ".bin")
    response = FileResponse(handle, as_attachment=not picture, filename=filename,
                            content_type=kind.content_type if kind else
                            "application/octet-stream")
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = cache
    return response
