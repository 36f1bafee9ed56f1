"""The one PDF renderer: every PDF the platform makes goes through ``render_pdf``.

This is the only module that imports WeasyPrint (a test greps the code base). Its URL fetcher
serves only the platform's own files and refuses everything else, so a document, whatever its
HTML says, can neither read the server's files (``file:``) nor make the server fetch an address
(``http:``/``https:`` to any host, ``ftp:``, …):

- ``/static/<path>``: a file of the platform's static files (found by Django's staticfiles
  finders, else in ``STATIC_ROOT``), of a type a document uses (images, stylesheets, fonts);
- ``/media/<path>``: an image the platform itself stored in one of ``MEDIA_IMAGE_DIRS``
  (mentors' photos, showcase pictures), resolved inside ``MEDIA_ROOT``; content must be a
  raster image;
- ``data:image/png|jpeg|gif|webp;base64,…``: a raster image inline (never SVG, CSS or HTML,
  which could reference further addresses).

Relative references resolve against ``BASE_URL``, under the made-up origin ``ORIGIN`` (a
reserved ``.invalid`` name that no resolver answers), so they stay in the static space. Every
refusal is logged as a warning and renders nothing. PDF attachments (``<link rel=attachment>``,
``<a rel=attachment>``) are dropped from the rendered document before it is written.
"""

from __future__ import annotations

import base64
import binascii
import logging
import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

logger = logging.getLogger("chanchuang.pdf")

ORIGIN = "https://chanchuang.invalid"
MEDIA_IMAGE_DIRS = ("mentors/photos/", "showcase/")
STATIC_SUFFIXES = {
    ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
    ".webp": "image/webp", ".svg": "image/svg+xml", ".css": "text/css",
    ".woff": "font/woff", ".woff2": "font/woff2", ".ttf": "font/ttf", ".otf": "font/otf",
}
RASTER_TYPES = {"image/png", "image/jpeg", "image/gif", "image/webp"}
RASTER_MAGIC = ((b"\x89PNG\r\n\x1a\n", "image/png"), (b"\xff\xd8\xff", "image/jpeg"),
                (b"GIF87a", "image/gif"), (b"GIF89a", "image/gif"))
MAX_BYTES = 10 * 1024 * 1024


class Refused(ValueError):
    """An address the renderer does not fetch."""


def _prefix(url_setting: str, default: str) -> str:
    path = urlsplit(url_setting or "").path.strip("/") or default.strip("/")
    return f"/{path}/"  # never the whole URL space, even where the setting is empty


def static_prefix() -> str:
    """``/static/``: where the platform's static files live in the document's URL space."""
    return _prefix(settings.STATIC_URL, "static/")


def media_prefix() -> str:
    """``/media/``: where the platform's stored images live in the document's URL space."""
    return _prefix(settings.MEDIA_URL, "media/")


def base_url() -> str:
    """What relative references in a document resolve against."""
    return ORIGIN + static_prefix()


def _clean_relative(path: str) -> str | None:
    """The path below a prefix, or None where it could leave it (``..``, ``\\``, NUL, empty
    segments, absolute)."""
    path = unquote(path)
    if not path or "\\" in path or "\x00" in path or path.startswith("/"):
        return None
    parts = path.split("/")
    if any(part in ("", ".", "..") for part in parts):
        return None
    if posixpath.normpath(path) != path:
        return None
    return path


def app_path(url: str) -> tuple[str, str] | None:
    """``("static"|"media", relative path)`` where ``url`` (a path, or an address under
    ``ORIGIN``) names one of the platform's own files that a document may show; else None."""
    parts = urlsplit(url)
    if (parts.scheme or parts.netloc) and f"{parts.scheme}://{parts.netloc}".lower() != ORIGIN:
        return None
    path = parts.path
    for kind, prefix in (("static", static_prefix()), ("media", media_prefix())):
        if path.startswith(prefix):
            relative = _clean_relative(path[len(prefix):])
            if relative is None:
                return None
            if kind == "media" and not relative.startswith(MEDIA_IMAGE_DIRS):
                return None
            if kind == "static" and Path(relative).suffix.lower() not in STATIC_SUFFIXES:
                return None
            return kind, relative
    return None


def _inside(root: Path, relative: str) -> Path | None:
    """The existing file ``root/relative``, only if it really is inside ``root``."""
    root = root.resolve()
    candidate = (root / relative).resolve()
    if not candidate.is_relative_to(root) or not candidate.is_file():
        return None
    return candidate


def _static_file(relative: str) -> Path | None:
    found = finders.find(relative)
    if found:
        return Path(found)
    if settings.STATIC_ROOT:
        return _inside(Path(settings.STATIC_ROOT), relative)
    return None


def _raster_type(head: bytes) -> str | None:
    for magic, content_type in RASTER_MAGIC:
        if head.startswith(magic):
            return content_type
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    return None


def _read(path: Path) -> bytes:
    if path.stat().st_size > MAX_BYTES:
        raise Refused("larger than the renderer reads")
    return path.read_bytes()


def _data_image(url: str) -> tuple[bytes, str]:
    header, _, payload = url[len("data:"):].partition(",")
    fields = [field.strip().lower() for field in header.split(";")]
    if fields[0] not in RASTER_TYPES or "base64" not in fields[1:]:
        raise Refused("only base64 raster images are read from data: addresses")
    try:
        body = base64.b64decode(unquote(payload), validate=True)
    except (binascii.Error, ValueError):
        raise Refused("not base64") from None
    content_type = _raster_type(body[:16])
    if content_type is None:
        raise Refused("not a raster image")
    return body, content_type


def fetch_own(url: str) -> tuple[bytes, str]:
    """The bytes and content type of one of the platform's own files, or ``Refused``."""
    if url[:5].lower() == "data:":
        return _data_image(url)
    found = app_path(url)
    if found is None:
        raise Refused("not one of the platform's own files")
    kind, relative = found
    if kind == "static":
        path = _static_file(relative)
        if path is None:
            raise Refused("no such static file")
        return _read(path), STATIC_SUFFIXES[Path(relative).suffix.lower()]
    path = _inside(Path(settings.MEDIA_ROOT), relative)
    if path is None:
        raise Refused("no such stored image")
    body = _read(path)
    content_type = _raster_type(body[:16])
    if content_type is None:
        raise Refused("a stored file that is not a raster image")
    return body, content_type


class OwnFilesFetcher(URLFetcher):
    """WeasyPrint's fetcher, narrowed to the platform's own files; nothing else is opened."""

    def __init__(self) -> None:
        super().__init__(allowed_protocols=(), allow_redirects=False, fail_on_errors=False)

    def fetch(self, url, headers=None):
        try:
            body, content_type = fetch_own(url)
        except (Refused, OSError) as exc:
            logger.warning("PDF renderer refused %s: %s", url[:200], exc)
            raise Refused(f"refused: {url[:200]}") from None
        return URLFetcherResponse(url, body, {"Content-Type": content_type})

    def open(self, url, data=None, timeout=None):  # urllib's entry: never used to reach out
        raise Refused("the PDF renderer opens no address")


def render_pdf(html: str) -> bytes:
    """The HTML as a PDF: only the platform's own files are fetched, no attachment is kept."""
    document = HTML(string=html, base_url=base_url(), url_fetcher=OwnFilesFetcher()).render()
    if document.metadata.attachments:
        logger.warning("PDF renderer dropped %d attachment(s)", len(document.metadata.attachments))
    document.metadata.attachments = []
    for page in document.pages:
        page.links = [link for link in page.links if link[0] != "attachment"]
    return document.write_pdf()

