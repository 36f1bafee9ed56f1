"""Demo scenario of the carbon app: the standard scenario in the school's library; a finished
two-year session of the 碳排放管理与核算 class with simulated traders beside the students
(played through the services, so its results, replay, workbook and graded reports are real);
and a session paused in its first year, where student_liu runs a company and staff_wang can
resume the clock. The people are fictional."""

from __future__ import annotations

from django.utils import timezone

from chanchuang.carbon.choices import SessionState, Strategy
from chanchuang.carbon.models import Scenario, Simulation
from chanchuang.carbon.services import bots, clock, scenarios, sessions
from chanchuang.carbon.services.clock import reference_price
from chanchuang.core.models import SchoolClass, Student, User

SCENARIO = "全国碳市场·发电行业（2019—2020 基准）"
FINISHED = "碳交易实训第1讲：两个履约年度"
PAUSED = "碳交易实训第2讲：挂牌与大宗协议交易"
ROUNDS_PER_DAY = 5


def _move_clock(simulation: Simulation, elapsed: float) -> Simulation:
    """Set the running time and let the session catch up, as the live floor would."""
    Simulation.objects.filter(pk=simulation.pk).update(elapsed=elapsed, anchor=timezone.now())
    clock.tick(simulation.pk)
    return Simulation.objects.select_related("scenario").get(pk=simulation.pk)


def _play(simulation: Simulation, until_day: float) -> Simulation:
    """Run the session to ``until_day`` trading days, the students' companies played by the
    compliance-driven strategy between the simulated traders' rounds."""
    step = simulation.scenario.seconds_per_day / ROUNDS_PER_DAY
    elapsed = simulation.running_time()
    students = list(simulation.companies.filter(bot=""))
    round_no = 0
    while elapsed < until_day * simulation.scenario.seconds_per_day:
        elapsed += step
        round_no += 1
        simulation = _move_clock(simulation, elapsed)
        if simulation.state != SessionState.RUNNING:
            break
        moment = simulation.moment()
        for company in students:
            bots.play(simulation, company, moment, Strategy.COMPLIANCE,
                      reference_price(simulation), round_no)
    return simulation


def seed() -> str:
    """Create the carbon scenario if it is not there yet; return a one-line summary."""
    staff = User.objects.filter(username="staff_wang").first()
    if staff is None:
        return "no staff_wang: core's demo comes first"
    school = staff.memberships.get().school
    template = Scenario.objects.filter(school=school, name=SCENARIO, is_template=True).first()
    if template is None:
        template = scenarios.create_standard_scenario(actor=staff, school=school, name=SCENARIO)
        template.days_per_year = 4
        template.seconds_per_day = 150
        template.save()
    carbon_class = SchoolClass.objects.filter(school=school, major__code="420807").order_by(
        "-enrolment_year", "name").first()
    if not Simulation.objects.filter(school=school, name=FINISHED).exists():
        simulation = sessions.create_simulation(actor=staff, template=template, name=FINISHED,
                                                school_class=carbon_class)
        for student in Student.objects.filter(school_class=carbon_class).select_related(
                "user").order_by("student_no")[:12]:
            sessions.join(user=student.user, code=simulation.join_code)
        sessions.add_bots(actor=staff, simulation=simulation, strategies={
            Strategy.MARKET_MAKER: 2, Strategy.NOISE: 2, Strategy.COMPLIANCE: 4})
        simulation = sessions.start(actor=staff, simulation=simulation)
        calendar = simulation.scenario.calendar
        simulation = _play(simulation, calendar.total_days)
        if simulation.state != SessionState.FINISHED:
            sessions.finish(actor=staff, simulation=simulation)
    if not Simulation.objects.filter(school=school, name=PAUSED).exists():
        liu = User.objects.get(username="student_liu")
        simulation = sessions.create_simulation(actor=staff, template=template, name=PAUSED,
                                                school_class=carbon_class)
        Simulation.objects.filter(pk=simulation.pk).update(join_code="TAN268")
        simulation.refresh_from_db()
        sessions.join(user=liu, code="TAN268")
        for student in Student.objects.filter(school_class=carbon_class).select_related(
                "user").order_by("student_no")[:5]:
            sessions.join(user=student.user, code="TAN268")
        sessions.add_bots(actor=staff, simulation=simulation, strategies={
            Strategy.MARKET_MAKER: 1, Strategy.NOISE: 2, Strategy.COMPLIANCE: 2})
        simulation = sessions.start(actor=staff, simulation=simulation)
        simulation = _play(simulation, 2.4)
        sessions.pause(actor=staff, simulation=simulation)
    return (f"{Scenario.objects.filter(is_template=True).count()} scenarios, "
            f"{Simulation.objects.count()} sessions")
