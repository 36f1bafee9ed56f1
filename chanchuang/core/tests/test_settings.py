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


def test_production_with_rotated_keys_and_throttles_passes_the_deploy_check(tmp_path):
    result = _check(tmp_path, DEBUG="false", HTTPS="true", ALLOWED_HOSTS="x",
                    SECRET_KEY="new-" + "k7Qz" * 14,
                    SECRET_KEY_FALLBACKS="old-" + "p3Xw" * 14 + ",older-" + "m9Rt" * 14,
                    VERIFY_RATE="5/m", API_RATE="1000/h", API_ANON_RATE="20/m",
                    AXES_ADDRESS_FAILURE_LIMIT="50", BEHIND_PROXY="true")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(("env", "message"), [
    ({"VERIFY_RATE": "ten a minute"}, "VERIFY_RATE='ten a minute' is not a rate"),
    ({"API_RATE": "0/m"}, "API_RATE='0/m' is not a rate"),
    ({"SECRET_KEY_FALLBACKS": "short"}, "SECRET_KEY_FALLBACKS: every key must be at least 50"),
    ({"AXES_FAILURE_LIMIT": "10", "AXES_ADDRESS_FAILURE_LIMIT": "5"},
     "AXES_ADDRESS_FAILURE_LIMIT must not be below AXES_FAILURE_LIMIT"),
    ({"CACHE_URL": "memcached://x"}, "CACHE_URL='memcached://x'"),
])
def test_a_bad_security_setting_stops_start_up(tmp_path, env, message):
    result = _check(tmp_path, **env)
    assert result.returncode != 0 and message in result.stderr, result.stderr


def test_an_old_key_still_opens_sessions_signed_before_the_rotation(tmp_path):
    old, new = "o" * 60, "n" * 60
    signed = _manage(tmp_path, "shell", "-v", "0", "-c", (
        "from django.core import signing; print(signing.dumps('hello', salt='t'))"),
        SECRET_KEY=old).stdout.strip()
    check = ("from django.core import signing; "
             f"print(signing.loads('{signed}', salt='t'))")
    assert _manage(tmp_path, "shell", "-v", "0", "-c", check, SECRET_KEY=new,
                   SECRET_KEY_FALLBACKS=old).stdout.strip() == "hello"
    refused = _manage(tmp_path, "shell", "-v", "0", "-c", check, SECRET_KEY=new)
    assert "BadSignature" in refused.stderr
