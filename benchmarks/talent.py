"""Benchmark: the gap (供需缺口) on 100,000 students × 2,000 demands, and skill suggestion
throughput on 10,000 job descriptions.

    python benchmarks/talent.py [--students N] [--demands N] [--runs N]

Uses a fresh SQLite database in a temporary folder, or PostgreSQL when PGDATABASE is set (run
it under bin/with-postgres). Builds a school with ~20 majors, ~200 skills (each major's courses
teach 30 of them), the students (graduating over four years, ~8 skills evidenced each), and the
demands of 200 partners (1–3 majors, 2–6 skills each, over the three time frames); then prints
the median time of the gap query for each horizon, of the gap page as staff and as an
enterprise member (Django test client, server time), with the queries each runs, and the
suggestion throughput when ``chanchuang.talent.suggest`` is there."""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks._timing import median_ms  # noqa: E402  (needs the root on the path)

MAJORS, SKILLS, PARTNERS, EVIDENCED_PER_STUDENT = 20, 200, 200, 8


def build(students: int, demands: int) -> dict:
    """The school, its dictionary, students with evidence and the partners' demands."""
    from django.contrib.auth.hashers import make_password

    from chanchuang.core.choices import Role, StudentStatus
    from chanchuang.core.models import (
        Department,
        Major,
        Membership,
        Organisation,
        School,
        Student,
        User,
    )
    from chanchuang.talent.choices import EvidenceKind, TimeFrame
    from chanchuang.talent.models import Course, Demand, DemandSkill, Skill, SkillEvidence
    from chanchuang.talent.queries.demand import current_year
    from chanchuang.talent.services.supply import refresh_holdings

    rng = random.Random(15)
    year = current_year()
    school = School.objects.create(name="基准职业学院", code="4142000000", province_id="420000")
    departments = Department.objects.bulk_create(
        [Department(school=school, name=f"二级学院{n}") for n in range(5)])
    majors = Major.objects.bulk_create([
        Major(school=school, department=departments[n % 5], code=f"{460100 + n:06d}",
              name=f"专业{n:02d}", duration_years=3) for n in range(MAJORS)])
    skills = Skill.objects.bulk_create(
        [Skill(school=school, name=f"技能{n:03d}", synonyms=[f"同义{n}"]) for n in range(SKILLS)])
    taught: dict[int, list] = {}
    for n, major in enumerate(majors):
        chosen = rng.sample(skills, 30)
        taught[major.pk] = chosen
        for c in range(6):
            course = Course.objects.create(school=school, code=f"K{n:02d}{c}",
                                           name=f"课程{n}-{c}", department=major.department)
            course.majors.add(major)
            course.skills.add(*chosen[c * 5:(c + 1) * 5])
    organisations = Organisation.objects.bulk_create([
        Organisation(school=school, name=f"基准企业{n:03d}有限公司", kind="enterprise",
                     industry=rng.choice("CDEGIMF")) for n in range(PARTNERS)])
    password = make_password("bench")
    users = User.objects.bulk_create([
        User(username=f"s{n}", real_name=f"学生{n}", password=password)
        for n in range(students)], batch_size=5000)
    made = Student.objects.bulk_create([
        Student(school=school, user=user, student_no=f"S{n:07d}", major=majors[n % MAJORS],
                department=majors[n % MAJORS].department,
                enrolment_year=year - 3 + n % 4, gender="female",
                status=StudentStatus.ENROLLED if n % 25 else StudentStatus.SUSPENDED)
        for n, user in enumerate(users)], batch_size=5000)
    evidence = []
    for student in made:
        mine = list(dict.fromkeys(taught[student.major_id][:20] + rng.sample(skills, 10)))
        for skill in rng.sample(mine, EVIDENCED_PER_STUDENT):
            evidence.append(SkillEvidence(student=student, skill=skill, kind=EvidenceKind.COURSE,
                                          evidenced_on=f"{year}-01-15",
                                          source_key=f"grade:{student.pk}-{skill.pk}",
                                          source_label="课程"))
        if len(evidence) >= 50000:
            SkillEvidence.objects.bulk_create(evidence, batch_size=5000)
            evidence = []
    SkillEvidence.objects.bulk_create(evidence, batch_size=5000)
    refresh_holdings(student.pk for student in made)  # as the services that write evidence do
    windows = {TimeFrame.THIS_YEAR: (0, 0), TimeFrame.NEXT_YEAR: (1, 1), TimeFrame.LATER: (2, 3)}
    for n in range(demands):
        timeframe = rng.choice(list(windows))
        start, end = windows[timeframe]
        demand = Demand.objects.create(
            organisation=organisations[n % PARTNERS], post=f"岗位{n}",
            headcount=rng.randint(1, 20), timeframe=timeframe, year_from=year + start,
            year_to=year + end, description="负责设备运维")
        if n % 10:
            demand.majors.add(*rng.sample(majors, rng.randint(1, 3)))
        DemandSkill.objects.bulk_create([DemandSkill(demand=demand, skill=skill)
                                         for skill in rng.sample(skills, rng.randint(2, 6))])
    staff = User.objects.create(username="bench_staff", real_name="基准")
    Membership.objects.create(user=staff, role=Role.SCHOOL_STAFF, school=school)
    hr = User.objects.create(username="bench_hr", real_name="企业")
    Membership.objects.create(user=hr, role=Role.ENTERPRISE_MEMBER, school=school,
                              organisation=organisations[0])
    return {"school": school, "staff": staff, "hr": hr}


def gap_figures(world: dict, runs: int) -> None:
    """The gap query per horizon, and the gap page's server time."""
    from django.conf import settings
    from django.test import Client

    from chanchuang.talent.queries import gap as queries

    staff, school = world["staff"], world["school"]
    for key, _label in queries.HORIZON_CHOICES:
        scope = queries.GapScope(school_id=school.pk, horizon=queries.horizon_of(key))
        ms, count = median_ms(lambda scope=scope: queries.gap(staff, scope), runs)
        print(f"  gap query, {key:12} {ms:8.1f} ms (median), {count} queries")
        if os.environ.get("BENCH_EXPLAIN"):
            from django.db import connection
            from django.test.utils import CaptureQueriesContext

            with CaptureQueriesContext(connection) as captured:
                queries.gap(staff, scope)
            for query in captured.captured_queries:
                print(f"    {query['time']}s {query['sql'][:150]}")
    settings.ALLOWED_HOSTS = ["testserver"]
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
    for who, horizon in (("staff", "next_year"), ("staff", "three_years"), ("hr", "next_year")):
        client = Client()
        client.force_login(world[who])

        def page(client=client, horizon=horizon):
            response = client.get("/gap/", {"horizon": horizon})
            assert response.status_code == 200, response.status_code

        ms, count = median_ms(page, runs)
        print(f"  gap page as {who:5}, {horizon:12} {ms:8.1f} ms (median), {count} queries")


def suggestion_throughput(descriptions: int = 10_000) -> None:
    """Skill suggestions per second on ``descriptions`` job descriptions (the suggester of
    ``chanchuang.talent.suggest``; skipped while that module is not there)."""
    try:
        from chanchuang.talent.suggest import SkillSuggester
    except ImportError as exc:
        print(f"  suggestion throughput: skipped ({exc})")
        return
    rng = random.Random(7)
    vocabulary = [(n, f"技能{n:03d}", [f"同义{n}", f"别称{n}"]) for n in range(SKILLS)]
    phrases = ["熟悉", "掌握", "具备", "能够独立完成", "了解", "精通"]
    texts = []
    for _ in range(descriptions):
        parts = []
        for _ in range(6):
            _pk, name, synonyms = rng.choice(vocabulary)
            parts.append(f"{rng.choice(phrases)}{rng.choice([name, *synonyms])}")
        texts.append("，".join(parts) + "，有相关工作经验者优先。")
    started = time.perf_counter()
    suggester = SkillSuggester(vocabulary)
    built = time.perf_counter() - started
    started = time.perf_counter()
    found = sum(len(suggester.suggest(text)) for text in texts)
    spent = time.perf_counter() - started
    print(f"  suggestion: dictionary of {SKILLS} skills built in {built * 1000:.0f} ms; "
          f"{descriptions} descriptions in {spent:.2f} s = {descriptions / spent:,.0f} per s, "
          f"{found / descriptions:.1f} skills each")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=100_000)
    parser.add_argument("--demands", type=int, default=2_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    data_dir = tempfile.TemporaryDirectory(prefix="chanchuang-bench-")  # removed at exit
    os.environ["DATA_DIR"] = data_dir.name
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chanchuang.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    world = build(args.students, args.demands)
    print(f"{connection.vendor}: {args.students:,} students × {args.demands:,} demands, "
          f"{MAJORS} majors, {SKILLS} skills, {EVIDENCED_PER_STUDENT} evidenced per student "
          f"(built in {time.perf_counter() - started:.0f} s), {args.runs} runs")
    gap_figures(world, args.runs)
    suggestion_throughput()


if __name__ == "__main__":
    main()
