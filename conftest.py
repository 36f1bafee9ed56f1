"""What every test shares: test settings, the frozen ``today``, the browser's launch and the
skips of tests whose tools are missing.

The named people and places live in casts: core's in ``chanchuang/core/tests/cast.py``, each
app's own in its ``tests/cast.py``; each app's ``tests/conftest.py`` gives its tests a ``world``
of core's cast with its own and those of the apps below it.
"""

from __future__ import annotations

import datetime as dt

import pytest

pytest_plugins = ["chanchuang.core.tests.browser"]

TODAY = dt.date(2026, 11, 29)


@pytest.fixture
def today(monkeypatch) -> dt.date:
    """Freeze the platform's idea of today at ``TODAY``."""
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: TODAY)
    return TODAY


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    """Tests render pages without collectstatic, hash test passwords fast, keep uploads in a
    temporary folder, and run background tasks at once (when their transaction commits)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {**settings.STORAGES, "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": tmp_path / "media"}}}
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    from django.core.cache import cache

    cache.clear()  # throttles count in the cache: each test starts with none
    from django.utils import translation

    # A request leaves its language active in the thread (the language-switch test leaves
    # English); services called directly in the next test speak the default, Chinese.
    translation.activate(settings.LANGUAGE_CODE)


CHROMIUM = "/usr/bin/chromium"


def _has_cjk_font() -> bool:
    import subprocess

    try:
        listed = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True)
    except FileNotFoundError:
        return False
    return bool(listed.stdout.strip())


def pytest_collection_modifyitems(config, items):
    """Browser tests need Debian's Chromium, PDF text tests a CJK font: skipped without them,
    unless CI makes them mandatory."""
    import os
    from pathlib import Path

    if not _has_cjk_font():
        if os.environ.get("CI", "").lower() == "true":
            raise pytest.UsageError("CI=true but no CJK font is installed: fonts-noto-cjk.")
        for item in items:
            if "cjk_fonts" in item.keywords:
                item.add_marker(pytest.mark.skip(reason="no CJK font (apt-get install "
                                                        "fonts-noto-cjk)"))
    if Path(CHROMIUM).exists():
        if any("browser" in item.keywords for item in items):
            # Playwright's sync API keeps an event loop running for the whole session.
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
        return
    if os.environ.get("CI", "").lower() == "true":
        raise pytest.UsageError(f"CI=true but {CHROMIUM} is missing: install chromium.")
    skip = pytest.mark.skip(reason=f"{CHROMIUM} not installed (apt-get install chromium)")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Drive Debian's Chromium (Playwright's own download does not work here)."""
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"],
    }
