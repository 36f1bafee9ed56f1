"""Benchmark: import a 100,000-student roster into a fresh database, against plain bulk_create.

    python benchmarks/import_roster.py [--students N]

Uses a fresh SQLite database in a temporary folder, or PostgreSQL when PGDATABASE is set (run it
under bin/with-postgres for a throwaway cluster). Prints the time of the check (what the preview
does), of the import (check again + write, what "import now" does), of plain ``bulk_create`` of
the same users, students and memberships, their ratios, and the peak memory of the process.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def make_workbook(path: Path, students: int, majors: list[tuple[str, str]]) -> None:
    """Write the roster in a child process, so its memory does not count against the import."""
    code = f"""
import datetime as dt, random
from openpyxl import Workbook
rng = random.Random(7)
majors = {majors!r}
wb = Workbook(write_only=True)
ws = wb.create_sheet("学生")
ws.append(["学号", "姓名", "性别", "二级学院", "专业", "班级", "入学年份", "出生日期", "状态",
           "手机号", "身份证号"])
surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹"
given = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕彬鹏辉"
for i in range({students}):
    code, klass = majors[i % len(majors)]
    year = 2024 + i % 3
    name = rng.choice(surnames) + "".join(rng.choice(given) for _ in range(rng.choice((1, 2))))
    ws.append([f"{{year}}{{i:07d}}", name, rng.choice("男女"), "", code, f"{{klass}}{{year}}",
               year, dt.date(year - 18, 1 + i % 12, 1 + i % 28), "在读",
               f"13{{rng.randrange(10**9):09d}}", ""])
wb.save({str(path)!r})
"""
    subprocess.run([sys.executable, "-c", code], check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=100_000)
    args = parser.parse_args()

    data_dir = tempfile.mkdtemp(prefix="chanchuang-bench-")
    os.environ["DATA_DIR"] = data_dir
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chanchuang.settings")
    import django

    django.setup()
    from django.contrib.auth.hashers import make_password
    from django.core.management import call_command
    from django.db import connection, transaction

    from chanchuang.core.choices import Role
    from chanchuang.core.models import (
        Department,
        Major,
        Membership,
        School,
        SchoolClass,
        Student,
        User,
    )
    from chanchuang.core.pinyin import pinyin_keys
    from chanchuang.core.tabular.importing import apply_workbook, plan_workbook
    from chanchuang.core.tabular.registry import IMPORT_KINDS

    call_command("migrate", verbosity=0)
    school = School.objects.create(name="基准职业学院", code="4142000000", province_id="420000")
    actor = User.objects.create(username="bench", real_name="基准")
    majors = []
    for d in range(6):
        department = Department.objects.create(school=school, name=f"学院{d}")
        for m in range(3):
            major = Major.objects.create(school=school, department=department,
                                         code=f"{430100 + d * 10 + m}", name=f"专业{d}-{m}")
            for year in (2024, 2025, 2026):
                SchoolClass.objects.create(school=school, major=major,
                                           name=f"班{major.code}{year}", enrolment_year=year)
            majors.append((major.code, f"班{major.code}"))

    workbook = Path(data_dir) / "roster.xlsx"
    started = time.perf_counter()
    make_workbook(workbook, args.students, majors)
    generated = time.perf_counter() - started
    print(f"database: {connection.vendor}; students: {args.students:,}; workbook "
          f"{workbook.stat().st_size / 1e6:.1f} MB, generated in {generated:.1f} s")
    kind = IMPORT_KINDS["roster"]
    rss_before = peak_rss_mb()

    started = time.perf_counter()
    with workbook.open("rb") as stream:
        plan = plan_workbook(kind, stream, school=school, actor=actor)
    check_seconds = time.perf_counter() - started
    assert plan.ok, plan.errors[:5]

    started = time.perf_counter()
    with workbook.open("rb") as stream:
        plan = apply_workbook(kind, stream, school=school, actor=actor)
    import_seconds = time.perf_counter() - started
    assert plan.ok and Student.objects.count() == args.students
    rss_after = peak_rss_mb()

    # The same rows with plain bulk_create: users, students, memberships (no checks).
    rows = list(Student.objects.select_related("user").values_list(
        "student_no", "user__real_name", "user__phone", "gender", "department_id", "major_id",
        "school_class_id", "enrolment_year", "date_of_birth"))
    with transaction.atomic():
        Membership.objects.filter(role=Role.STUDENT).delete()
        Student.objects.all().delete()
        User.objects.exclude(pk=actor.pk).delete()
    unusable = make_password(None)
    users = []
    for number, name, phone, *_rest in rows:  # rows prepared before the clock starts
        pinyin, initials = pinyin_keys(name)
        users.append(User(username=number, real_name=name, phone=phone, password=unusable,
                          name_pinyin=pinyin, name_initials=initials))
    started = time.perf_counter()
    with transaction.atomic():
        User.objects.bulk_create(users, batch_size=2000)
        students = [Student(school=school, user=user, student_no=row[0], gender=row[3],
                            department_id=row[4], major_id=row[5], school_class_id=row[6],
                            enrolment_year=row[7], date_of_birth=row[8])
                    for user, row in zip(users, rows, strict=True)]
        Student.objects.bulk_create(students, batch_size=2000)
        Membership.objects.bulk_create(
            [Membership(user=user, role=Role.STUDENT, school=school) for user in users],
            batch_size=2000)
    bulk_seconds = time.perf_counter() - started

    print(f"check (preview):           {check_seconds:6.1f} s")
    print(f"import (check + write):    {import_seconds:6.1f} s   "
          f"= {import_seconds / bulk_seconds:.2f} x bulk_create")
    print(f"check + import, end to end:{check_seconds + import_seconds:6.1f} s   "
          f"= {(check_seconds + import_seconds) / bulk_seconds:.2f} x bulk_create")
    print(f"plain bulk_create:         {bulk_seconds:6.1f} s  (users, students, memberships; "
          f"rows built before timing)")
    print(f"peak memory: {rss_after:.0f} MB resident ({rss_after - rss_before:+.0f} MB during "
          f"check and import)")


if __name__ == "__main__":
    main()
