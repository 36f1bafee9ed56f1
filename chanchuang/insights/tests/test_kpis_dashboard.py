"""The dashboard's KPIs against fixtures built here: agreements in force in a year, partners by
industry, commitments delivered, seats filled, the choice obtained, placements missing a
safeguard, bootcamp figures, start-ups and funding, mentor hours, industry-college figures,
majors short of graduates; each narrowed by department where it says so, and per school."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from chanchuang.colleges.choices import BookingStatus
from chanchuang.colleges.tests import factories as cof
from chanchuang.core.choices import StudentStatus
from chanchuang.core.tests import factories as f
from chanchuang.innovation.choices import ApplicationStatus, CreditCategory
from chanchuang.innovation.models import Credit, Startup
from chanchuang.innovation.tests import factories as inn
from chanchuang.insights.kpis import BREAKDOWNS, KPIS, Share, Slice
from chanchuang.mentors.tests import factories as mef
from chanchuang.partners.choices import AgreementStatus
from chanchuang.partners.models import Commitment, Delivery
from chanchuang.partners.tests import factories as paf
from chanchuang.placements.choices import PlacementStatus
from chanchuang.placements.models import Placement
from chanchuang.placements.tests import factories as plf
from chanchuang.talent.tests import factories as taf

pytestmark = pytest.mark.django_db


def value(key: str, world, year: int = 2026, department=None, college=None):
    piece = Slice(year, frozenset({world.school.pk, world.other_school.pk}),
                  department.pk if department else None, college.pk if college else None)
    return KPIS[key].compute(piece).get(world.school.pk)


def breakdown(key: str, world, year: int = 2026, department=None):
    piece = Slice(year, frozenset({world.school.pk}), department.pk if department else None)
    return BREAKDOWNS[key].compute(piece).get(world.school.pk, {})


def agreements(world):
    """Three agreements of the school: one in force over 2026–2028 with enterprise A, one
    expired in March 2026 with enterprise B (in force in 2025 and 2026), a draft; and one of
    the other school."""
    kind = paf.agreement_type(world.school)
    in_force = paf.agreement(school=world.school, organisation=world.enterprise_a, type=kind,
                             number="T-1")
    ended = paf.agreement(school=world.school, organisation=world.enterprise_b, type=kind,
                          number="T-2", status=AgreementStatus.EXPIRED,
                          start=dt.date(2024, 4, 1), end=dt.date(2026, 3, 31))
    paf.agreement(school=world.school, organisation=world.enterprise_b, type=kind,
                  number="T-3", status=AgreementStatus.DRAFT)
    paf.agreement(school=world.other_school, organisation=world.org_far, type=kind,
                  number="T-9")
    return in_force, ended


def test_agreements_in_force_count_those_whose_term_overlaps_the_year(world):
    agreements(world)
    assert value("active_agreements", world) == 2
    assert value("active_agreements", world, 2025) == 1
    assert value("active_agreements", world, 2029) is None
    piece = Slice(2026, frozenset({world.school.pk, world.other_school.pk}))
    assert KPIS["active_agreements"].compute(piece) == {world.school.pk: 2,
                                                         world.other_school.pk: 1}


def test_partners_are_counted_once_and_broken_down_by_industry(world):
    world.enterprise_b.industry = "H"
    world.enterprise_b.save()
    agreements(world)
    assert value("partners", world) == 2
    assert value("partners", world, 2025) == 1
    assert breakdown("partners_by_industry", world) == {"C": 1, "H": 1}


def test_commitments_delivered_against_promised(world):
    in_force, ended = agreements(world)
    # Each agreement: the partner's internship posts (10) and the school's training (5).
    posts = Commitment.objects.get(agreement=in_force, party__organisation=world.enterprise_a)
    Delivery.objects.create(commitment=posts, quantity=Decimal(6), delivered_on=dt.date(2026, 5, 1))
    Delivery.objects.create(commitment=posts, quantity=Decimal(4), delivered_on=dt.date(2026, 9, 1))
    training = Commitment.objects.get(agreement=ended, party__organisation=None)
    Delivery.objects.create(commitment=training, quantity=Decimal(5),
                            delivered_on=dt.date(2027, 1, 5))  # after 2026: not yet in 2026
    assert value("commitments_delivered", world) == Share(1, 4)
    assert value("commitments_delivered", world).percent == 25.0
    assert value("commitments_delivered", world, 2027) == Share(1, 2)  # only T-1 in 2027


def placed(world, position, student, status=PlacementStatus.CONFIRMED, round=None, **extra):
    return Placement.objects.create(student=student, position=position, status=status,
                                    round=round, start_date=plf.ENTERPRISE_BLOCK[0],
                                    end_date=plf.ENTERPRISE_BLOCK[1], **extra)


def students(world, n, school_class=None):
    return [f.StudentFactory(school_class=school_class or world.school_class)
            for _ in range(n)]


def test_placement_fill_is_filled_seats_over_seats(world):
    plan = plf.plan(school=world.school, major=world.major)
    position = plf.position(plan=plan, organisation=world.enterprise_a, seats=10)
    for student in students(world, 7):
        placed(world, position, student)
    placed(world, position, f.StudentFactory(school_class=world.school_class),
           status=PlacementStatus.CANCELLED)
    assert value("placement_fill", world) == Share(7, 10)
    assert value("placement_fill", world).percent == 70.0
    assert value("placement_fill", world, 2025) is None  # no enterprise block in 2025
    # The plan belongs to the first department's major: the second department has none.
    assert value("placement_fill", world, department=world.department) == Share(7, 10)
    assert value("placement_fill", world, department=world.department_2) is None


def test_a_position_hosting_more_students_than_seats_counts_as_full(world):
    plan = plf.plan(school=world.school, major=world.major)
    full = plf.position(plan=plan, organisation=world.enterprise_a, seats=2)
    half = plf.position(plan=plan, organisation=world.enterprise_b, title="后厨助理", seats=4)
    for student in students(world, 3):  # one after another over the year: 3 on 2 seats
        placed(world, full, student)
    for student in students(world, 2):
        placed(world, half, student)
    assert value("placement_fill", world) == Share(4, 6)


def test_students_in_training_and_missing_safeguards_narrow_by_department(world):
    plan = plf.plan(school=world.school, major=world.major)
    position = plf.position(plan=plan, organisation=world.enterprise_a, seats=10)
    policy = plf.policy(world.school)
    placed(world, position, world.student_liu, insurance=policy)  # no three-party agreement
    placed(world, position, world.student_ma)  # no insurance either
    placed(world, position, f.StudentFactory(school_class=world.school_class),
           status=PlacementStatus.MATCHED)  # not yet in training
    assert value("alternating_students", world) == 2
    assert value("alternating_students", world, department=world.department) == 1
    assert value("alternating_students", world, department=world.department_2) == 1
    assert value("alternating_students", world, 2028) is None
    assert value("compliance_exceptions", world) == 2
    assert value("compliance_exceptions", world, department=world.department_2) == 1


def test_choice_obtained_is_the_rank_the_student_gave_the_position(world):
    plan = plf.plan(school=world.school, major=world.major)
    a = plf.position(plan=plan, organisation=world.enterprise_a, seats=10)
    b = plf.position(plan=plan, organisation=world.enterprise_b, seats=10, title="储备店长")
    selection = plf.selection_round(plan)
    # The rank each student gave the position they got, as the round's publication stores it
    # (None: not among their choices); a placement made outside a round is not counted.
    for rank in (1, 2, None, None, 3):
        placed(world, a, students(world, 1)[0], round=selection, choice_rank=rank)
    placed(world, b, students(world, 1)[0])
    assert breakdown("rank_obtained", world) == {"1": 1, "2": 1, "3": 1, "none": 2}
    placed(world, b, students(world, 1)[0], round=selection, choice_rank=5)
    assert breakdown("rank_obtained", world)["other"] == 1


def test_bootcamp_start_ups_and_awards(world):
    cohort = inn.cohort(world.school)
    cohort.starts_on, cohort.ends_on = dt.date(2026, 3, 1), dt.date(2026, 6, 30)
    cohort.save()
    accepted = inn.application(cohort, world.student_liu, world.student_ma,
                               status=ApplicationStatus.ACCEPTED)
    inn.application(cohort, f.StudentFactory(school_class=world.school_class),
                    status=ApplicationStatus.REJECTED)
    accepted.members.filter(student=world.student_liu).update(completed=True)
    assert value("bootcamp_participants", world) == 2
    assert value("bootcamp_participants", world, department=world.department) == 1
    assert value("bootcamp_completions", world) == 1
    assert value("bootcamp_completions", world, department=world.department_2) is None
    Credit.objects.create(student=world.student_liu, category=CreditCategory.COMPETITION,
                          title="互联网+大赛", earned_on=dt.date(2026, 10, 1), award="省级金奖",
                          credits=Decimal(2))
    Credit.objects.create(student=world.student_ma, category=CreditCategory.COMPETITION,
                          title="挑战杯", earned_on=dt.date(2026, 10, 1), credits=Decimal(1))
    assert value("competition_awards", world) == 1
    startup = Startup.objects.create(school=world.school, name="江城绿电科技有限公司",
                                     credit_code=f.credit_code(901),
                                     registered_on=dt.date(2026, 4, 1), funding=Decimal("12.5"))
    startup.founders.add(world.student_liu)
    Startup.objects.create(school=world.school, name="江城味道餐饮有限公司",
                           credit_code=f.credit_code(902), registered_on=dt.date(2025, 4, 1),
                           funding=Decimal(3))
    assert value("startups", world) == 1
    assert value("startup_funding", world) == Decimal("12.5")
    assert value("startups", world, department=world.department_2) is None
    assert value("startup_funding", world, 2025) == Decimal(3)


def test_mentor_hours_sum_the_year(world):
    mentor = mef.mentor(school=world.school, name="陈工")
    mef.activity(mentor=mentor, hours="2.5", day=dt.date(2026, 3, 1))
    mef.activity(mentor=mentor, hours="3", day=dt.date(2026, 10, 1))
    mef.activity(mentor=mentor, hours="4", day=dt.date(2025, 10, 1))
    assert value("mentor_hours", world) == Decimal("5.5")
    assert value("mentor_hours", world, 2025) == Decimal(4)


def test_industry_college_figures(world):
    college = cof.college(school=world.school, founded_on=dt.date(2025, 9, 1))
    cof.college(school=world.school, name="已撤销产业学院", founded_on=dt.date(2020, 1, 1)) \
        .__class__.objects.filter(name="已撤销产业学院").update(closed_on=dt.date(2025, 6, 30))
    cof.programme(college=college, students=[world.student_liu, world.student_ma])
    cof.programme(college=college, students=[world.student_liu], name="微专业")
    assert value("industry_colleges", world) == 1
    assert value("industry_colleges", world, 2025) == 2
    assert value("programme_students", world) == 2
    assert value("programme_students", world, 2024) == 0
    resource = cof.resource(college=college)
    # Approved: two hours on Monday 14 December 2026 (pending bookings do not count).
    cof.booking(resource=resource, user=world.staff_wang, status=BookingStatus.APPROVED)
    cof.booking(resource=resource, user=world.staff_wang, day=dt.date(2026, 12, 15))
    share = value("resource_utilisation", world)
    assert share.part == 2
    assert share.whole == 2610  # 261 workdays of 2026 × 10 opening hours


def test_short_majors_compare_demand_with_students_graduating(world):
    # student_liu and student_ma enrolled 2025 in three-year majors: they graduate in 2028.
    assert world.student_liu.status == StudentStatus.ENROLLED
    demand = taf.demand(organisation=world.enterprise_a, headcount=3, majors=[world.major])
    demand.year_from = demand.year_to = 2028
    demand.save()
    assert value("short_majors", world, 2028) == 1  # 3 wanted, 1 graduating
    assert value("short_majors", world, 2028, department=world.department_2) is None
    assert value("short_majors", world, 2027) is None
    demand.headcount = 1
    demand.save()
    assert value("short_majors", world, 2028) == 0
