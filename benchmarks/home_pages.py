"""Benchmark: each demo login's home page (its to-dos and figures) on the full demo.

    python benchmarks/home_pages.py [--data-dir DIR]

Without --data-dir it migrates a throwaway SQLite database and seeds the demo into it (about a
minute and a half); with one it uses the demo already there (e.g. ./data after `make run`).
Prints, per login, the best of three loads after a warm one, and the queries a load runs.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LOGINS = ["observer_hubei", "staff_wang", "staff_xu", "dept_zhou", "hr_li", "hr_zhao",
          "mentor_chen", "student_liu", "admin"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", help="a DATA_DIR that already holds the demo")
    args = parser.parse_args()
    data_dir = args.data_dir or tempfile.mkdtemp(prefix="chanchuang-bench-")
    os.environ["DATA_DIR"] = data_dir
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chanchuang.settings")
    os.environ.pop("DATABASE_URL", None)
    os.environ.pop("PGDATABASE", None)
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from chanchuang.core.models import User

    if not args.data_dir:
        print(f"seeding the demo into {data_dir} …", flush=True)
        call_command("migrate", verbosity=0)
        call_command("seed_demo", verbosity=0)
    settings.ALLOWED_HOSTS = ["testserver"]
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
    print(f"{'login':16}{'best of 3':>12}{'queries':>10}")
    for login in LOGINS:
        client = Client()
        client.force_login(User.objects.get(username=login))
        assert client.get("/").status_code == 200  # warm
        times = []
        for _ in range(3):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                client.get("/")
                times.append(time.perf_counter() - started)
        print(f"{login:16}{min(times) * 1000:>9.0f} ms{len(queries):>10}")


if __name__ == "__main__":
    main()
