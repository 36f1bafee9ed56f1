"""Benchmark: every dashboard figure (成效看板) on province-scale data — 1,000,000 events across
20 colleges of one province.

    python benchmarks/insights.py [--scale F] [--runs N] [--explain KEY]
    bin/with-postgres .venv/bin/python benchmarks/insights.py    # the same on PostgreSQL 15

Uses a fresh SQLite database in a temporary folder (removed at exit), or PostgreSQL when
PGDATABASE is set (run it under bin/with-postgres). Builds 20 schools in Hubei, each with
departments, majors, classes, ~5,000 students over four enrolment years, ~100 partner
organisations with their agreements, commitments and deliveries, mentors with their activities,
a bootcamp programme (applications, members, reviews, teams, credits), two industry colleges
with shared resources and their bookings, training plans with positions (and the talent demand
each mirrors, written directly rather than through the placements signal), selection rounds,
choices and ~1 placement per student in school per year over two years with weekly milestone
logs, and the graduate destinations of two graduation years; logs take up whatever brings the
events to 1,000,000 × ``--scale`` (``--scale 0.05`` for a quick run). Rows are written with
``bulk_create`` and their fields computed directly (no services).

Then it times ``compute(slice)`` of every KPI and breakdown registered in
``chanchuang.insights.kpis`` (whatever is registered when it runs) for one school (staff view),
one department of it, one industry college of it and all 20 schools (provincial view), this year
and last, the median of ``--runs`` runs after a warm one, with the queries one run sends; the
budget is 300 ms each (``--explain KEY`` prints a figure's SQL and query plan). It also times
the dashboard and provincial pages through the Django test client when the URL names
``insights:dashboard`` / ``insights:province`` exist."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import random
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks._timing import median_ms  # noqa: E402  (needs the root on the path)

SCHOOLS = 20
PROVINCE = "420000"  # Hubei
EVENTS = 1_000_000
BUDGET_MS = 300
STUDENTS, PARTNERS, MENTORS = 5_000, 100, 40
DEPARTMENTS, MAJORS_PER_DEPARTMENT = 8, 3
APPLICATIONS_PER_COHORT, BOOKINGS, ACTIVITIES, CONTRIBUTIONS_PER_COLLEGE = 250, 2_000, 1_000, 100
BATCH = 5_000
LOG_TEXT = "本周参与产线调试，学习了设备点检流程。"


@contextlib.contextmanager
def explicit_timestamps(model, *names):
    """Let ``bulk_create`` write the given auto_now/auto_now_add fields as set on the objects
    (a benchmark's facts happened over two years, not all at the moment it ran)."""
    fields = [model._meta.get_field(name) for name in names]
    saved = [(field.auto_now, field.auto_now_add) for field in fields]
    for field in fields:
        field.auto_now = field.auto_now_add = False
    try:
        yield
    finally:
        for field, (now, now_add) in zip(fields, saved, strict=True):
            field.auto_now, field.auto_now_add = now, now_add


class Writer:
    """Collects rows per model and writes them with ``bulk_create`` in large batches."""

    def __init__(self):
        self.pending: dict[type, list] = {}

    def add(self, obj) -> None:
        rows = self.pending.setdefault(type(obj), [])
        rows.append(obj)
        if len(rows) >= 4 * BATCH:
            self.flush(type(obj))

    def flush(self, model=None) -> None:
        for each in [model] if model else list(self.pending):
            rows = self.pending.pop(each, [])
            if rows:
                each.objects.bulk_create(rows, batch_size=BATCH)


def _aware(day: dt.date, hour: int = 9, minute: int = 0) -> dt.datetime:
    from django.utils import timezone

    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


def _workdays(first: dt.date, last: dt.date) -> list[dt.date]:
    days, day = [], first
    while day <= last:
        if day.weekday() < 5:
            days.append(day)
        day += dt.timedelta(days=1)
    return days


def _scaled(value: int, scale: float, least: int = 1) -> int:
    return max(least, round(value * scale))


# --- The generator ----------------------------------------------------------------------------

def build(scale: float, year: int) -> dict:
    """The 20 schools and their facts (see the module's docstring); returns what the timing
    needs: the schools, a department and an industry college of the first, and the users."""
    from django.contrib.auth.hashers import make_password
    from django.db import transaction

    from chanchuang.core.choices import Role
    from chanchuang.core.models import Membership, Region, User

    rng = random.Random(16)
    password = make_password("bench")
    hubei = list(Region.objects.filter(code__startswith="42").exclude(code=PROVINCE)
                 .values_list("code", flat=True))
    elsewhere = list(Region.objects.filter(level="city").exclude(code__startswith="42")
                     .values_list("code", flat=True)[:200])
    assert hubei and elsewhere, "the reference regions are not loaded"
    world: dict = {"schools": [], "year": year}
    writer = Writer()
    started = time.perf_counter()
    for number in range(SCHOOLS):
        with transaction.atomic():  # one commit a school, not one a batch
            school_world = _build_school(number, scale, year, rng, password, hubei, elsewhere,
                                         writer)
        print(f"  school {number + 1}/{SCHOOLS} built ({time.perf_counter() - started:.0f} s)",
              file=sys.stderr, flush=True)
        world["schools"].append(school_world["school"])
        if number == 0:
            world.update(school_world)
    writer.flush()
    with transaction.atomic():
        _logs(scale, year, rng)
    print(f"  logs written ({time.perf_counter() - started:.0f} s)", file=sys.stderr, flush=True)
    observer = User.objects.create(username="bench_observer", real_name="省级观察员",
                                   password=password)
    Membership.objects.create(user=observer, role=Role.OBSERVER, province_id=PROVINCE)
    world["observer"] = observer
    return world


def _build_school(number: int, scale: float, year: int, rng: random.Random, password: str,
                  hubei: list[str], elsewhere: list[str], writer: Writer) -> dict:
    from chanchuang.core.choices import Industry, OrganisationSize, Role, StudentStatus
    from chanchuang.core.models import (
        Department,
        Major,
        Membership,
        Organisation,
        School,
        SchoolClass,
        Student,
        User,
    )

    school = School.objects.create(name=f"基准职业技术学院{number:02d}", code=f"41420{number:05d}",
                                   province_id=PROVINCE, short_name=f"基准{number:02d}")
    tag = f"b{number:02d}"

    def person(username: str, name: str, role: str, **scope) -> User:
        user = User.objects.create(username=f"{tag}{username}", real_name=name,
                                   password=password, name_pinyin=username)
        Membership.objects.create(user=user, role=role, school=school, **scope)
        return user

    departments = Department.objects.bulk_create([
        Department(school=school, name=f"二级学院{n}", code=f"D{n}") for n in range(DEPARTMENTS)])
    majors = Major.objects.bulk_create([
        Major(school=school, department=department, code=f"{460100 + d * 10 + m:06d}",
              name=f"专业{d}-{m}")
        for d, department in enumerate(departments) for m in range(MAJORS_PER_DEPARTMENT)])
    staff = person("staff", "学校管理员", Role.SCHOOL_STAFF)
    dept_staff = person("dept", "二级学院负责人", Role.DEPARTMENT_STAFF, department=departments[0])
    reviewers = [person(f"rev{n}", f"评审{n}", Role.SCHOOL_STAFF) for n in range(6)]

    # Students: four enrolment years (three-year programmes); the two oldest have graduated.
    cohorts = [year - 4, year - 3, year - 2, year - 1]
    per_cohort = _scaled(STUDENTS, scale, 8) // len(cohorts)
    classes: dict[tuple, list] = {}
    wanted = []
    for enrolment in cohorts:
        for major in majors:
            for c in range(max(1, per_cohort // len(majors) // 45)):
                wanted.append(SchoolClass(school=school, major=major, enrolment_year=enrolment,
                                          name=f"{major.name}{enrolment % 100}级{c + 1}班"))
    for made in SchoolClass.objects.bulk_create(wanted, batch_size=BATCH):
        classes.setdefault((made.major_id, made.enrolment_year), []).append(made)
    plan = []
    for enrolment in cohorts:
        for n in range(per_cohort):
            plan.append((enrolment, majors[n % len(majors)]))
    users = User.objects.bulk_create([
        User(username=f"{tag}s{n:05d}", real_name=f"学生{number:02d}{n:05d}",
             password=password, name_pinyin=f"xuesheng{n:05d}")
        for n in range(len(plan))], batch_size=BATCH)
    students = Student.objects.bulk_create([
        Student(school=school, user=user, student_no=f"{enrolment}{n:06d}", major=major,
                department_id=major.department_id,
                school_class=rng.choice(classes[(major.pk, enrolment)]),
                enrolment_year=enrolment, gender=rng.choice(["male", "female"]),
                status=StudentStatus.GRADUATED if enrolment + 3 <= year
                else StudentStatus.ENROLLED if n % 40 else StudentStatus.SUSPENDED,
                grade_point=Decimal(rng.randint(200, 400)) / 100)
        for n, (user, (enrolment, major)) in enumerate(zip(users, plan, strict=True))],
        batch_size=BATCH)

    # Partner organisations, most of them in the province.
    organisations = []
    for n in range(_scaled(PARTNERS, scale, 10)):
        organisation = Organisation(
            school=school, name=f"基准{number:02d}合作企业{n:03d}有限公司",
            industry=rng.choice(Industry.values), size=rng.choice(OrganisationSize.values),
            staff_on_duty=rng.randint(50, 2000),
            region_id=rng.choice(hubei) if rng.random() < 0.8 else rng.choice(elsewhere))
        organisation.refresh_pinyin()
        organisations.append(organisation)
    organisations = Organisation.objects.bulk_create(organisations)

    agreements = _partners(school, organisations, staff, year, rng, writer)
    mentors = _mentors(school, organisations, staff, year, scale, rng, writer)
    _innovation(school, students, reviewers, mentors, staff, year, scale, rng, writer)
    colleges = _colleges(school, departments, majors, organisations, students, staff, year,
                         scale, rng, writer)
    hosts = _placements(school, departments, students, organisations, agreements, staff, year,
                        rng, writer)
    _destinations(school, students, organisations, hosts, year, rng, hubei, elsewhere, writer)
    writer.flush()
    return {"school": school, "department": departments[0], "college": colleges[0],
            "staff": staff, "dept_staff": dept_staff}


def _partners(school, organisations, staff, year, rng, writer) -> dict[int, object]:
    """One agreement per partner (most in force), its parties, two commitments each and
    deliveries against them over the two years; a timeline entry or two per partner."""
    from chanchuang.partners.choices import (
        AgreementStatus,
        CommitmentKind,
        DeliverySource,
        InteractionKind,
        PartyRole,
    )
    from chanchuang.partners.models import (
        Agreement,
        AgreementParty,
        AgreementType,
        Commitment,
        Delivery,
        Interaction,
    )

    kind = AgreementType.objects.filter(school__isnull=True).first()
    statuses = [AgreementStatus.ACTIVE] * 7 + [AgreementStatus.EXPIRING, AgreementStatus.EXPIRED,
                                               AgreementStatus.DRAFT]
    wanted = []
    for n, organisation in enumerate(organisations):
        start = dt.date(year - rng.randint(1, 3), rng.randint(1, 12), 1)
        status = rng.choice(statuses)
        wanted.append(Agreement(
            school=school, type=kind, number=f"CJ{school.pk:02d}-{n:04d}",
            title=f"与{organisation.name}的校企合作协议", status=status, start_date=start,
            end_date=start.replace(year=start.year + 3) - dt.timedelta(days=1), owner=staff,
            signed_on=None if status == AgreementStatus.DRAFT else start))
    agreements = Agreement.objects.bulk_create(wanted)
    parties = AgreementParty.objects.bulk_create(
        [AgreementParty(agreement=agreement, role=PartyRole.LEAD) for agreement in agreements]
        + [AgreementParty(agreement=agreement, organisation=organisation, role=PartyRole.PARTY)
           for agreement, organisation in zip(agreements, organisations, strict=True)])
    of_organisation = parties[len(agreements):]
    kinds = list(CommitmentKind.values)
    commitments = Commitment.objects.bulk_create([
        Commitment(agreement=party.agreement, party=party, kind=chosen,
                   target=Decimal(rng.randint(5, 50)))
        for party in of_organisation for chosen in rng.sample(kinds, 2)])
    with explicit_timestamps(Delivery, "created_at"), \
            explicit_timestamps(Interaction, "created_at"):
        for commitment in commitments:
            if commitment.agreement.status == AgreementStatus.DRAFT:
                continue
            for _ in range(5):
                day = dt.date(year - rng.randint(0, 1), rng.randint(1, 12), rng.randint(1, 28))
                writer.add(Delivery(commitment=commitment, quantity=Decimal(rng.randint(1, 5)),
                                    delivered_on=day, source=rng.choice(DeliverySource.values),
                                    recorded_by=staff, created_at=_aware(day, 17)))
        for organisation in organisations:
            for _ in range(2):
                day = dt.date(year - rng.randint(0, 1), rng.randint(1, 12), rng.randint(1, 28))
                writer.add(Interaction(school=school, organisation=organisation,
                                       kind=rng.choice(InteractionKind.values), happened_on=day,
                                       title="走访交流", recorded_by=staff,
                                       created_at=_aware(day, 18)))
        writer.flush()
    return {organisation.pk: agreement
            for agreement, organisation in zip(agreements, organisations, strict=True)
            if agreement.status != AgreementStatus.DRAFT}


def _mentors(school, organisations, staff, year, scale, rng, writer) -> list:
    """The mentor pool (most from partners) and their activities with hours."""
    from chanchuang.mentors.choices import ActivityKind
    from chanchuang.mentors.models import Activity, Mentor

    wanted = []
    for n in range(_scaled(MENTORS, scale, 5)):
        mentor = Mentor(school=school, name=f"导师{school.pk:02d}{n:03d}", job_title="高级工程师",
                        organisation=rng.choice(organisations) if n % 4 else None,
                        email=f"mentor{n}@b{school.pk}.example.cn")
        mentor.refresh_pinyin()
        wanted.append(mentor)
    mentors = Mentor.objects.bulk_create(wanted)
    for _ in range(_scaled(ACTIVITIES, scale, 10)):
        day = dt.date(year - rng.randint(0, 1), rng.randint(1, 12), rng.randint(1, 28))
        writer.add(Activity(mentor=rng.choice(mentors), kind=rng.choice(ActivityKind.values),
                            title="专题讲座", happened_on=day,
                            hours=Decimal(rng.randint(2, 16)) / 2, recorded_by=staff))
    return mentors


def _innovation(school, students, reviewers, mentors, staff, year, scale, rng, writer) -> None:
    """A bootcamp programme with two cohorts a year over two years: applications (alone or as a
    team) with their members, two reviews each, teams of the accepted with mentor and awards,
    completion credits, and a few start-ups."""
    from chanchuang.core.choices import StudentStatus
    from chanchuang.innovation.choices import (
        ApplicationStatus,
        CohortPhase,
        CreditCategory,
        ReviewStatus,
    )
    from chanchuang.innovation.models import (
        Application,
        ApplicationMember,
        Cohort,
        Credit,
        Programme,
        Review,
        Startup,
        Team,
    )

    programme = Programme.objects.create(school=school, name="双创特训营")
    cohorts = []
    for n, (when, month) in enumerate([(year - 1, 3), (year - 1, 9), (year, 3), (year, 9)]):
        starts = dt.date(when, month, 1)
        cohorts.append(Cohort(
            school=school, programme=programme, number=n + 1,
            phase=CohortPhase.RUNNING if n == 3 else CohortPhase.FINISHED, starts_on=starts,
            ends_on=starts + dt.timedelta(days=120),
            applications_open_at=_aware(starts - dt.timedelta(days=30)),
            applications_close_at=_aware(starts - dt.timedelta(days=10)),
            capacity=_scaled(200, scale, 4), demo_day=starts + dt.timedelta(days=110)))
    cohorts = Cohort.objects.bulk_create(cohorts)
    enrolled = [s for s in students if s.status != StudentStatus.GRADUATED] or students
    statuses = [ApplicationStatus.ACCEPTED] * 4 + [ApplicationStatus.DECLINED] \
        + [ApplicationStatus.REJECTED] * 5
    for cohort in cohorts:
        applied = rng.sample(enrolled, min(len(enrolled), 2 * _scaled(APPLICATIONS_PER_COHORT,
                                                                     scale, 4)))
        groups, at = [], 0
        while at < len(applied) and len(groups) < _scaled(APPLICATIONS_PER_COHORT, scale, 4):
            size = rng.choice([1, 1, 2, 3])
            groups.append(applied[at:at + size])
            at += size
        submitted = _aware(cohort.starts_on - dt.timedelta(days=rng.randint(11, 29)))
        with explicit_timestamps(Application, "submitted_at"):
            applications = Application.objects.bulk_create([
                Application(cohort=cohort, lead=group[0],
                            team_name=f"团队{cohort.pk}-{n}" if len(group) > 1 else "",
                            status=rng.choice(statuses), submitted_at=submitted,
                            raw_score=Decimal(rng.randint(5000, 9500)) / 100, rank=n + 1)
                for n, group in enumerate(groups)], batch_size=BATCH)
        finished = cohort.phase == CohortPhase.FINISHED
        teams = Team.objects.bulk_create([
            Team(cohort=cohort, application=application,
                 name=application.team_name or f"个人{application.pk}",
                 mentor=rng.choice(mentors),
                 award=rng.choice(["一等奖", "二等奖", "优胜奖"]) if rng.random() < 0.1 else "")
            for application in applications
            if application.status == ApplicationStatus.ACCEPTED], batch_size=BATCH)
        accepted = {team.application_id for team in teams}
        with explicit_timestamps(Review, "assigned_at"):
            for application, group in zip(applications, groups, strict=True):
                for student in group:
                    completed = (rng.random() < 0.85) if finished and application.pk in accepted \
                        else None
                    writer.add(ApplicationMember(application=application, student=student,
                                                 cohort=cohort, completed=completed))
                    if completed:
                        writer.add(Credit(student=student, category=CreditCategory.BOOTCAMP,
                                          title="双创特训营结业", earned_on=cohort.ends_on,
                                          credits=cohort.credits, cohort=cohort,
                                          recorded_by=staff))
                for reviewer in rng.sample(reviewers, 2):
                    writer.add(Review(application=application, reviewer=reviewer,
                                      status=ReviewStatus.SUBMITTED,
                                      total=Decimal(rng.randint(5000, 9800)) / 100,
                                      assigned_at=submitted,
                                      submitted_at=submitted + dt.timedelta(days=3)))
            writer.flush()
    wanted = []
    for n in range(_scaled(10, scale)):
        startup = Startup(school=school, name=f"基准{school.pk:02d}学生创业公司{n:02d}",
                          credit_code=f"9142{school.pk:04d}{n:04d}MA0000"[:18],
                          registered_on=dt.date(year - n % 2, rng.randint(1, 12), 1),
                          funding=Decimal(rng.randint(0, 500)), jobs=rng.randint(1, 20))
        startup.refresh_pinyin()
        wanted.append(startup)
    Startup.objects.bulk_create(wanted)


def _colleges(school, departments, majors, organisations, students, staff, year, scale, rng,
              writer) -> list:
    """Two industry colleges with members, majors, programmes (with students), shared
    resources booked over two years (no two live bookings of a resource overlap), and
    co-developed work."""
    from chanchuang.colleges.choices import (
        Attendance,
        BookingStatus,
        ContributionKind,
        ContributionStatus,
        MemberRole,
        ProgrammeKind,
        ResourceKind,
    )
    from chanchuang.colleges.models import (
        Booking,
        CollegeMember,
        CollegeProgramme,
        Contribution,
        IndustryCollege,
        SharedResource,
    )

    colleges = IndustryCollege.objects.bulk_create([
        IndustryCollege(school=school, name=f"产业学院{n}", founded_on=dt.date(year - 3, 9, 1),
                        dean=staff) for n in range(2)])
    resources, programmes = [], []
    for n, college in enumerate(colleges):
        served = [m for m in majors if m.department_id in
                  (departments[2 * n].pk, departments[2 * n + 1].pk)]
        college.majors.add(*served)
        CollegeMember.objects.bulk_create([
            CollegeMember(college=college, organisation=organisation,
                          role=MemberRole.LEAD if m == 0 else MemberRole.CO_BUILDER,
                          joined_on=college.founded_on)
            for m, organisation in enumerate(rng.sample(organisations, 5))])
        for p, kind in enumerate([ProgrammeKind.ORDER_CLASS, ProgrammeKind.APPRENTICESHIP]):
            programme = CollegeProgramme.objects.create(
                college=college, kind=kind, name=f"{college.name}订单班{p}", major=served[p],
                partner=rng.choice(organisations), start_year=year - 1, places=40)
            pool = [s for s in students if s.major_id == served[p].pk]
            programme.students.add(*rng.sample(pool, min(len(pool), 40)))
            programmes.append(programme)
        resources += SharedResource.objects.bulk_create([
            SharedResource(college=college, kind=rng.choice(ResourceKind.values),
                           name=f"{college.name}实训室{r}", capacity=40,
                           owner=rng.choice(organisations) if r % 2 else None)
            for r in range(5)])
        for _ in range(_scaled(CONTRIBUTIONS_PER_COLLEGE, scale, 2)):
            day = dt.date(year - rng.randint(0, 1), rng.randint(1, 12), rng.randint(1, 28))
            writer.add(Contribution(
                college=college, kind=rng.choice(ContributionKind.values), title="共建课程",
                organisation=rng.choice(organisations), happened_on=day,
                amount=Decimal(rng.randint(1, 100)),
                status=ContributionStatus.CONFIRMED if rng.random() < 0.8
                else ContributionStatus.RECORDED, recorded_by=staff))
    slots = [(9, 11), (11, 12), (14, 16), (16, 18)]
    days = _workdays(dt.date(year - 1, 1, 1), dt.date(year, 12, 31))
    statuses = [BookingStatus.APPROVED] * 16 + [BookingStatus.PENDING] * 2 \
        + [BookingStatus.REFUSED, BookingStatus.CANCELLED]
    today = dt.date.today()
    per_resource = _scaled(BOOKINGS, scale, 10) // len(resources)
    with explicit_timestamps(Booking, "created_at"):
        for resource in resources:
            free = [(d, s) for d in days for s in slots]
            for day, (start, end) in rng.sample(free, min(per_resource, len(free))):
                status = rng.choice(statuses)
                writer.add(Booking(
                    resource=resource, booked_by=staff, purpose="实训教学",
                    programme=rng.choice(programmes) if rng.random() < 0.5 else None,
                    starts_at=_aware(day, start), ends_at=_aware(day, end),
                    people=rng.randint(5, 40), status=status,
                    decided_by=staff if status != BookingStatus.PENDING else None,
                    attendance=(Attendance.ATTENDED if rng.random() < 0.9
                                else Attendance.NO_SHOW)
                    if status == BookingStatus.APPROVED and day < today else "",
                    created_at=_aware(day - dt.timedelta(days=7))))
    return colleges


def _placements(school, departments, students, organisations, agreements, staff, year, rng,
                writer) -> dict[int, set[int]]:
    """A training plan per department and enrolment year; for each of the two years an
    enterprise block, a published selection round and positions of partners with enough seats;
    ~one placement per student in school that year, most through the round with the choices
    that led to it (the rank obtained). Returns each student's host organisations."""
    from chanchuang.placements.choices import (
        BlockKind,
        InsurancePayer,
        PlacementStatus,
        PositionStatus,
        RoundStatus,
        Shift,
    )
    from chanchuang.placements.models import (
        InsurancePolicy,
        Placement,
        PlanBlock,
        Position,
        Preference,
        SelectionRound,
        TrainingPlan,
    )
    from chanchuang.talent.choices import DemandOrigin, DemandStatus, TimeFrame
    from chanchuang.talent.models import Demand

    policies = {when: InsurancePolicy.objects.create(
        school=school, number=f"BX{school.pk}{when}", insurer="基准保险公司",
        payer=InsurancePayer.SCHOOL, start_date=dt.date(when, 1, 1),
        end_date=dt.date(when, 12, 31)) for when in (year - 1, year)}
    by_cohort: dict[tuple, list] = {}
    for student in students:
        by_cohort.setdefault((student.department_id, student.enrolment_year), []).append(student)
    hosts: dict[int, set[int]] = {}
    today = dt.date.today()
    for (department_id, enrolment), cohort in by_cohort.items():
        plan = TrainingPlan.objects.create(
            school=school, name=f"{enrolment}级工学交替计划（{department_id}）",
            department_id=department_id, enrolment_year=enrolment)
        for number, when in enumerate((year - 1, year), start=1):
            if not enrolment + 1 <= when <= enrolment + 3:
                continue  # not in school that year (freshers stay at school)
            # Final-year students go out in the spring before they graduate, others in autumn.
            first = dt.date(when, 3, 2) if when == enrolment + 3 else dt.date(when, 9, 7)
            last = first + dt.timedelta(weeks=rng.randint(8, 16))
            # bulk_create sends no post_save: the positions' demands (which the placements
            # signal would mirror one by one, with skills and audit) are written below.
            PlanBlock.objects.bulk_create([PlanBlock(
                plan=plan, kind=BlockKind.ENTERPRISE, title="企业实践", start_date=first,
                end_date=last)])
            selection = SelectionRound.objects.create(
                plan=plan, number=number, status=RoundStatus.PUBLISHED,
                choices_deadline=_aware(first - dt.timedelta(days=30)),
                rankings_deadline=_aware(first - dt.timedelta(days=20)),
                published_at=_aware(first - dt.timedelta(days=14)))
            wanted, seats = [], 0
            while seats < len(cohort) * 1.15:
                host = rng.choice(organisations)
                wanted.append(Position(
                    plan=plan, organisation=host, agreement=agreements.get(host.pk),
                    title=f"实习岗位{len(wanted)}", seats=rng.randint(5, 15),
                    shift=Shift.NIGHT if rng.random() < 0.03 else Shift.DAY,
                    overtime=rng.random() < 0.05, post_headcount=rng.randint(20, 200),
                    stipend=Decimal(rng.randint(2000, 4000)),
                    probation_wage=Decimal(rng.randint(2500, 4500)),
                    status=PositionStatus.CLOSED if when < year else PositionStatus.OPEN))
                seats += wanted[-1].seats
            positions = Position.objects.bulk_create(wanted)
            for position in positions:
                writer.add(Demand(
                    school=school, organisation_id=position.organisation_id,
                    post=position.title, headcount=position.seats,
                    timeframe=TimeFrame.THIS_YEAR, year_from=when, year_to=when,
                    status=DemandStatus.OPEN if when == year else DemandStatus.FILLED,
                    origin=DemandOrigin.POSITION, source_key=f"position:{position.pk}",
                    source_url=position.get_absolute_url()))
            free = [p for p in positions for _ in range(p.seats)]
            rng.shuffle(free)
            for student, position in zip(cohort, free, strict=False):
                if student.status == "suspended":
                    continue
                matched = rng.random() < 0.9
                rank = rng.choices([1, 2, 3], weights=[60, 27, 13])[0] if matched else None
                status = PlacementStatus.CANCELLED if rng.random() < 0.03 else \
                    PlacementStatus.COMPLETED if last < today else PlacementStatus.CONFIRMED
                start = first + dt.timedelta(days=rng.randint(0, 6))
                writer.add(Placement(
                    student=student, position=position, round=selection if matched else None,
                    choice_rank=rank,
                    status=status, start_date=start, end_date=last, supervisor=staff,
                    mentor_name="企业导师", mentor_email=f"m{position.organisation_id}@example.cn",
                    insurance=policies[when] if rng.random() < 0.97 else None,
                    confirmed_at=_aware(start - dt.timedelta(days=5)), confirmed_by=staff))
                hosts.setdefault(student.pk, set()).add(position.organisation_id)
                if matched:
                    others = rng.sample([p for p in positions if p.pk != position.pk],
                                        min(rank - 1, len(positions) - 1))
                    for r, chosen in enumerate([*others, position], start=1):
                        writer.add(Preference(round=selection, student=student, position=chosen,
                                              rank=r))
    writer.flush()
    return hosts


def _destinations(school, students, organisations, hosts, year, rng, hubei, elsewhere,
                  writer) -> None:
    """The graduate destinations of the two graduation years (this year and last): national
    codes in realistic shares, employers partly partners and placement hosts, most in the
    province, evidence verified, self-reported or missing."""
    from chanchuang.insights.choices import (
        EMPLOYER_CODES,
        GROUP_OF_CODE,
        EvidenceKind,
        Verification,
    )
    from chanchuang.insights.models import GraduateDestination

    codes = {"11": 45, "10": 10, "12": 10, "75": 3, "76": 7, "801": 8, "46": 2, "502": 1,
             "70": 10, "72": 4}
    by_pk = {organisation.pk: organisation for organisation in organisations}
    for student in students:
        graduation = student.enrolment_year + 3
        if graduation not in (year - 1, year):
            continue
        code = rng.choices(list(codes), weights=list(codes.values()))[0]
        record = GraduateDestination(
            school_id=school.pk, student=student, department_id=student.department_id,
            major_id=student.major_id, graduation_year=graduation, code=code,
            group=GROUP_OF_CODE[code])
        if code in EMPLOYER_CODES:
            mine = hosts.get(student.pk, set())
            if mine and rng.random() < 0.3:
                employer = by_pk[rng.choice(sorted(mine))]
            elif rng.random() < 0.3:
                employer = rng.choice(organisations)
            else:
                employer = None
            record.employer = employer
            record.employer_name = employer.name if employer else f"外部企业{rng.randint(1, 9999)}"
            record.employer_region_id = employer.region_id if employer else (
                rng.choice(hubei) if rng.random() < 0.65 else rng.choice(elsewhere))
            record.is_partner = employer is not None
            record.is_placement_host = employer is not None and employer.pk in mine
            record.in_province = record.employer_region_id.startswith(PROVINCE[:2])
            record.post = "技术员"
            record.contract_start = dt.date(graduation, rng.randint(6, 9), 1)
            record.evidence_kind = EvidenceKind.LICENCE if code == "75" \
                else EvidenceKind.CONTRACT
        elif code in ("801", "85"):
            record.evidence_kind = EvidenceKind.ADMISSION
        record.verification = rng.choices(
            [Verification.VERIFIED, Verification.SELF_REPORTED, Verification.MISSING],
            weights=[60, 25, 15])[0]
        if record.verification == Verification.MISSING:
            record.evidence_kind = ""
        writer.add(record)


def _logs(scale: float, year: int, rng: random.Random) -> None:
    """Weekly milestone logs of the placements: as many as bring the events to the target,
    spread over the placements' weeks (most signed off, a few returned)."""
    from chanchuang.placements.choices import LogStatus
    from chanchuang.placements.models import Log, Placement

    target = round(EVENTS * scale)
    wanted = max(0, target - sum(model.objects.count() for _label, model in event_models()
                                 if model is not Log))
    placements = list(Placement.objects.order_by("pk").values_list("pk", "start_date",
                                                                   "end_date"))
    if not placements:
        return
    average = wanted / len(placements)
    statuses = [LogStatus.SIGNED_OFF] * 8 + [LogStatus.SUBMITTED, LogStatus.RETURNED]
    rows = []
    with explicit_timestamps(Log, "submitted_at"):
        for pk, start, end in placements:
            weeks = int(average) + (rng.random() < average - int(average))
            for week in range(weeks):
                period_start = start + dt.timedelta(weeks=week)
                if period_start > end:
                    break
                period_end = min(end, period_start + dt.timedelta(days=6))
                rows.append(Log(placement_id=pk, period_start=period_start,
                                period_end=period_end, content=LOG_TEXT,
                                status=rng.choice(statuses),
                                submitted_at=_aware(period_end, 20)))
            if len(rows) >= 4 * BATCH:
                Log.objects.bulk_create(rows, batch_size=BATCH)
                rows = []
        Log.objects.bulk_create(rows, batch_size=BATCH)


def event_models() -> list[tuple[str, type]]:
    """The tables whose rows count as events, with their labels."""
    from chanchuang.colleges.models import Booking, Contribution
    from chanchuang.innovation.models import Application, ApplicationMember, Credit, Review, Team
    from chanchuang.insights.models import GraduateDestination
    from chanchuang.mentors.models import Activity
    from chanchuang.partners.models import Delivery, Interaction
    from chanchuang.placements.models import Log, Placement, Preference

    return [("placements", Placement), ("placement choices", Preference),
            ("placement logs", Log), ("bootcamp applications", Application),
            ("application members", ApplicationMember), ("application reviews", Review),
            ("bootcamp teams", Team), ("innovation credits", Credit),
            ("resource bookings", Booking), ("college contributions", Contribution),
            ("mentor activities", Activity), ("commitment deliveries", Delivery),
            ("partner interactions", Interaction), ("graduate destinations", GraduateDestination)]


def print_counts() -> None:
    """The rows per event table (and the people and partners they concern)."""
    from chanchuang.core.models import Organisation, Student
    from chanchuang.partners.models import Agreement, Commitment
    from chanchuang.placements.models import Position
    from chanchuang.talent.models import Demand

    total = 0
    for label, model in event_models():
        count = model.objects.count()
        total += count
        print(f"  {label:24}{count:>12,}")
    print(f"  {'events in all':24}{total:>12,}")
    for label, model in (("students", Student), ("organisations", Organisation),
                         ("agreements", Agreement), ("commitments", Commitment),
                         ("positions", Position), ("talent demands", Demand)):
        print(f"  ({label:22}{model.objects.count():>12,})")


# --- The timing --------------------------------------------------------------------------------

def kpi_figures(world: dict, runs: int) -> None:
    """Each registered KPI and breakdown per view and year: median ms and queries a run."""
    from chanchuang.insights.kpis import BREAKDOWNS, KPIS, Slice

    year = world["year"]
    first = frozenset({world["school"].pk})
    views = [("school", first, None, None),
             ("department", first, world["department"].pk, None),
             ("college", first, None, world["college"].pk),
             ("province", frozenset(school.pk for school in world["schools"]), None, None)]
    figures = [("", key, kpi) for key, kpi in KPIS.items()] \
        + [("▤ ", key, breakdown) for key, breakdown in BREAKDOWNS.items()]
    columns = [f"{name[:6]} {when}" for name, *_rest in views for when in (year, year - 1)]
    print(f"  {'figure':34}" + "".join(f"{c:>14}" for c in columns) + f"{'queries':>9}")
    slowest = ("", 0.0)
    sums = [0.0] * len(columns)
    for mark, key, figure in figures:
        cells, queries = [], 0
        for name, school_ids, department_id, college_id in views:
            for when in (year, year - 1):
                piece = Slice(when, school_ids, department_id, college_id)
                ms, count = median_ms(lambda piece=piece, figure=figure:
                                       figure.compute(piece), runs)
                cells.append(ms)
                queries = max(queries, count)
                if ms > slowest[1]:
                    slowest = (f"{key} ({name} {when})", ms)
        sums = [a + b for a, b in zip(sums, cells, strict=True)]
        flag = " !" if max(cells) > BUDGET_MS else ""
        print(f"  {mark + key:34}" + "".join(f"{ms:>11.1f} ms" for ms in cells)
              + f"{queries:>9}{flag}")
    print(f"  {'all figures of a view':34}" + "".join(f"{ms:>11.1f} ms" for ms in sums))
    print(f"  {len(KPIS)} KPIs and {len(BREAKDOWNS)} breakdowns registered, {runs} runs each")
    print(f"slowest: {slowest[0]} {slowest[1]:.1f} ms (budget {BUDGET_MS} ms)")


def explain(world: dict, key: str) -> None:
    """The SQL and the database's plan of each query one figure sends for the provincial view
    this year (``--explain KEY``), to see which index it lacks."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from chanchuang.insights.kpis import BREAKDOWNS, KPIS, Slice

    figure = KPIS.get(key) or BREAKDOWNS.get(key)
    if figure is None:
        print(f"  --explain {key}: no such figure")
        return
    piece = Slice(world["year"], frozenset(school.pk for school in world["schools"]))
    with CaptureQueriesContext(connection) as captured:
        figure.compute(piece)
    prefix = "EXPLAIN ANALYZE " if connection.vendor == "postgresql" else "EXPLAIN QUERY PLAN "
    for query in captured.captured_queries:
        print(f"  {query['time']} s  {query['sql']}")
        with connection.cursor() as cursor:
            cursor.execute(prefix + query["sql"])
            for row in cursor.fetchall():
                print("      " + " ".join(str(cell) for cell in row))


def page_figures(world: dict, runs: int) -> None:
    """The dashboard as school staff and department staff, the provincial page as the
    observer: server time through the test client, when those pages exist."""
    from django.conf import settings
    from django.test import Client
    from django.urls import NoReverseMatch, reverse

    settings.ALLOWED_HOSTS = ["testserver"]
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
    missing = set()
    for name, who in (("insights:dashboard", "staff"), ("insights:dashboard", "dept_staff"),
                      ("insights:province", "observer")):
        try:
            url = reverse(name)
        except NoReverseMatch:
            if name not in missing:
                print(f"  {name}: no such page yet, skipped")
            missing.add(name)
            continue
        client = Client()
        client.force_login(world[who])

        def page(client=client, url=url):
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)

        ms, count = median_ms(page, runs)
        print(f"  {name} as {who:10} {ms:8.1f} ms (median), {count} queries")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0,
                        help="fraction of the 1,000,000 events (and of the students, partners, "
                             "…) to build; 0.05 for a quick run")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--explain", action="append", default=[], metavar="KEY",
                        help="print the SQL and query plan of this figure (repeatable)")
    args = parser.parse_args()

    data_dir = tempfile.TemporaryDirectory(prefix="chanchuang-bench-")  # removed at exit
    os.environ["DATA_DIR"] = data_dir.name
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chanchuang.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    call_command("migrate", verbosity=0)
    year = timezone.localdate().year
    started = time.perf_counter()
    world = build(args.scale, year)
    built = time.perf_counter() - started
    if connection.vendor == "postgresql":  # what autovacuum would have done by then
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(f"{connection.vendor}: {SCHOOLS} schools of one province, scale {args.scale:g} "
          f"(built in {built:.0f} s), years {year} and {year - 1}")
    print_counts()
    kpi_figures(world, args.runs)
    page_figures(world, args.runs)
    for key in args.explain:
        explain(world, key)


if __name__ == "__main__":
    main()
