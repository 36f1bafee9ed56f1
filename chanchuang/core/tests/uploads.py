"""What the upload-policy tests of every app share: a script to smuggle in, the files stored."""

from __future__ import annotations

from pathlib import Path

SCRIPT = b"<script>alert(document.cookie)</script>"


def stored_files(settings) -> list[Path]:
    """Every file in the media folder of the test."""
    root = Path(settings.MEDIA_ROOT)
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []
