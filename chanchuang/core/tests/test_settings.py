"""Settings parse the environment strictly: a bad value stops start-up with a clear message."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from chanchuang.env import env_bool, env_int, env_list


def test_parsers(monkeypatch):
    monkeypatch.setenv("X_BOOL", "yes")
    monkeypatch.setenv("X_INT", "12")
    monkeypatch.setenv("X_LIST", "a.example, b.example")
    assert env_bool("X_BOOL", False) is True
    assert env_int("X_INT", 1) == 12
    assert env_list("X_LIST", []) == ["a.example", "b.example"]
    assert env_bool("X_UNSET", True) is True


@pytest.mark.parametrize(("name", "value", "parser"), [
    ("X_BOOL", "maybe", lambda: env_bool("X_BOOL", False)),
    ("X_INT", "twelve", lambda: env_int("X_INT", 1)),
    ("X_INT", "0", lambda: env_int("X_INT", 1, minimum=1)),
    ("X_LIST", "a,,b", lambda: env_list("X_LIST", [])),
])
def test_bad_values_name_the_variable(monkeypatch, name, value, parser):
    monkeypatch.setenv(name, value)
    with pytest.raises(ImproperlyConfigured, match=name):
        parser()


def _check(tmp_path, **env) -> subprocess.CompletedProcess:
    return _manage(tmp_path, "check", "--deploy", "--fail-level", "WARNING", **env)


def _manage(tmp_path, *args: str, **env) -> subprocess.CompletedProcess:
    """Run manage.py in a fresh process with a clean environment plus ``env``."""
    clean = {k: v for k, v in os.environ.items()
             if not k.startswith("PG") and k not in (
                 "DATABASE_URL", "DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE")}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        env={**clean, "DATA_DIR": str(tmp_path), **env}, capture_output=True, text=True,
        cwd=str(settings.BASE_DIR),
    )


def test_a_bad_setting_stops_start_up(tmp_path):
    result = _check(tmp_path, DEBUG="sometimes")
    assert result.returncode != 0
    assert "DEBUG='sometimes' is not a boolean" in result.stderr


def test_production_configuration_passes_the_deploy_check(tmp_path):
    result = _check(tmp_path, DEBUG="false", HTTPS="true", ALLOWED_HOSTS="chanchuang.example.cn",
                    SECRET_KEY="k" * 20 + "-production-secret-key-of-fifty-chars!")
    assert result.returncode == 0, result.stdout + result.stderr


def test_default_database_is_sqlite_in_wal_mode_under_the_data_folder(tmp_path):
    result = _manage(tmp_path, "shell", "-v", "0", "-c", (
        "from django.db import connection; c = connection.cursor(); "
        "c.execute('PRAGMA journal_mode'); print(connection.vendor, c.fetchone()[0])"))
    assert result.stdout.split() == ["sqlite", "wal"], result.stderr
    assert (tmp_path / "chanchuang.sqlite3").exists()
    assert (tmp_path / ".secret_key").stat().st_mode & 0o777 == 0o600
