"""A static-files finder that serves a declared handful of files from ``node_modules``.

Front-end packages come from npm (package.json + lock); only the files named in
``settings.NPM_STATIC_FILES`` are collected, under their path inside ``node_modules``.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.staticfiles.finders import BaseFinder
from django.core.checks import Error
from django.core.files.storage import FileSystemStorage


class NpmFinder(BaseFinder):
    """Find the whitelisted npm files; ``manage.py check`` reports any that are missing."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.storage = FileSystemStorage(location=settings.NODE_MODULES_DIR)

    def check(self, **kwargs) -> list[Error]:
        return [
            Error(
                f"npm file {path} is missing; run `npm ci` (make install does).",
                id="chanchuang.E001",
            )
            for path in settings.NPM_STATIC_FILES
            if not self.storage.exists(path)
        ]

    def find(self, path: str, find_all: bool = False, **kwargs):
        if path in settings.NPM_STATIC_FILES and self.storage.exists(path):
            match = self.storage.path(path)
            return [match] if find_all else match
        return [] if find_all else None

    def list(self, ignore_patterns):
        for path in settings.NPM_STATIC_FILES:
            if self.storage.exists(path):
                yield path, self.storage
