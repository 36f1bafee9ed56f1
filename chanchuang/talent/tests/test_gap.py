"""The gap (供需缺口): its arithmetic on small fixtures (window overlap, a demand listing two
majors, any major, closed demands, students not in school, evidenced against taught, horizon
boundaries), the suggestions' figures, what an enterprise member sees (its own demand, never
another enterprise's name or a student), who sees the students behind a figure, the API, the
college page's card, the chart exports and the pinned query counts."""

from __future__ import annotations

import io
import json
from functools import partial

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from chanchuang.core.choices import StudentStatus
from chanchuang.core.models import Student
from chanchuang.core.tests import factories as f
from chanchuang.core.tests.querycounts import assert_list_queries, queries_of_get
from chanchuang.talent.choices import DemandStatus, EvidenceKind, TimeFrame
from chanchuang.talent.queries import gap as queries
from chanchuang.talent.tests import factories as tf

Y = queries.current_year()


def _student(school_class, graduates: int, status=StudentStatus.ENROLLED, name="学生"):
    """A student of the class's major who graduates in ``graduates``."""
    return f.StudentFactory(school_class=school_class, status=status,
                            enrolment_year=graduates - school_class.major.duration_years,
                            user=f.UserFactory(real_name=name))


def _gap(world, user=None, horizon=queries.NEXT_YEAR, **scope):
    return queries.gap(user or world.staff_wang, queries.GapScope(
        school_id=world.school.pk, horizon=queries.horizon_of(horizon, Y), **scope))


def _major(found, major):
    return next(m for m in found.majors if m.major_id == major.pk)


def _skill(found, skill):
    return next(s for s in found.skills if s.skill_id == skill.pk)


@pytest.fixture
def setting(world):
    """Enterprise A wants 5 next year for the first major with PLC编程, 4 for both majors
    (later), 2 for any major this year; enterprise B 3 cooks next year for the second major;
    a filled demand of 9 and one of another school. Students: two of the first major graduate
    next year (one evidences PLC编程 twice, one does not), one the year after, one suspended
    and one withdrawn next year; one of the second major next year. The course of the first
    major teaches PLC编程."""
    Student.objects.filter(pk__in=[world.student_liu.pk, world.student_ma.pk]).update(
        enrolment_year=Y - 10)  # outside every horizon
    major, major_2 = world.major, world.class_2.major
    s = type("Setting", (), {})()
    s.major, s.major_2 = major, major_2
    s.next_a = tf.demand(organisation=world.enterprise_a, headcount=5, year=Y, majors=[major],
                         skills=[world.skill, world.skill_safety])
    s.later_both = tf.demand(organisation=world.enterprise_a, post="储能运维", headcount=4,
                             timeframe=TimeFrame.LATER, year=Y, majors=[major, major_2],
                             skills=[world.skill])
    s.any_now = tf.demand(organisation=world.enterprise_a, post="综合管理", headcount=2,
                          timeframe=TimeFrame.THIS_YEAR, year=Y)
    s.cooks_b = tf.demand(organisation=world.enterprise_b, post="中餐厨师", headcount=3,
                          year=Y, majors=[major_2], skills=[world.skill_safety])
    tf.demand(organisation=world.enterprise_a, post="已招满", headcount=9, year=Y,
              majors=[major], skills=[world.skill], status=DemandStatus.FILLED)
    tf.demand(organisation=world.org_far, post="施工员", headcount=7, year=Y,
              majors=[world.major_far])
    s.has_it = _student(world.school_class, Y + 1, name="甲有证")
    s.taught = _student(world.school_class, Y + 1, name="乙在学")
    s.later = _student(world.school_class, Y + 2, name="丙后年")
    _student(world.school_class, Y + 1, status=StudentStatus.SUSPENDED, name="丁休学")
    _student(world.school_class, Y + 1, status=StudentStatus.WITHDRAWN, name="戊退学")
    s.cook = _student(world.class_2, Y + 1, name="己烹饪")
    s.course = world.course  # teaches PLC编程 to the first major
    tf.evidence(student=s.has_it, skill=world.skill, source_key="grade:1")
    tf.evidence(student=s.has_it, skill=world.skill, kind=EvidenceKind.CERTIFICATE,
                source_key="certificate:1", label="PLC证书")
    tf.evidence(student=s.later, skill=world.skill, source_key="grade:2")
    return s


# --- Arithmetic --------------------------------------------------------------------------------


def test_next_year_counts_the_demand_whose_window_overlaps_and_the_students_graduating(
        world, setting):
    found = _gap(world)
    first, second = _major(found, setting.major), _major(found, setting.major_2)
    assert (first.demand, first.supply, first.gap, first.partner_count) == (5, 2, 3, 1)
    assert (second.demand, second.supply, second.gap, second.partner_count) == (3, 1, 2, 1)
    # in school: the three above and student_liu; suspended and withdrawn students are not
    assert first.enrolled == 4
    assert (found.demand, found.any_major, found.demands) == (8, 0, 2)
    assert found.supply == 3 and found.balance == 5


def test_this_year_and_three_years_take_their_own_windows(world, setting):
    this_year = _gap(world, horizon=queries.THIS_YEAR)
    assert (this_year.demand, this_year.any_major, this_year.supply) == (2, 2, 0)
    assert _major(this_year, setting.major).demand == 0
    three = _gap(world, horizon=queries.THREE_YEARS)
    first, second = _major(three, setting.major), _major(three, setting.major_2)
    assert (first.demand, second.demand) == (5 + 4, 3 + 4)  # the two-major demand in each
    assert three.demand == 5 + 4 + 2 + 3  # … and once in the total
    assert (first.supply, second.supply) == (3, 1)
    assert three.any_major == 2


def test_per_skill_counts_evidenced_once_and_taught_without_evidence(world, setting):
    plc = _skill(_gap(world), world.skill)
    assert (plc.demand, plc.evidenced, plc.taught, plc.gap) == (5, 1, 1, 3)
    assert plc.taught_anywhere
    safety = _skill(_gap(world), world.skill_safety)
    assert (safety.demand, safety.evidenced, safety.taught) == (5 + 3, 0, 0)
    assert not safety.taught_anywhere
    three = _skill(_gap(world, horizon=queries.THREE_YEARS), world.skill)
    assert (three.demand, three.evidenced, three.taught) == (9, 2, 1)


def test_heat_map_and_sankey_carry_the_head_counts(world, setting):
    found = _gap(world)
    heat = found.heat()
    assert set(heat["partners"]) == {world.enterprise_a.name, world.enterprise_b.name}
    safety_row = heat["skills"].index(world.skill_safety.name)
    cells = {(heat["partners"][c[0]], c[2]) for c in heat["cells"] if c[1] == safety_row}
    assert cells == {(world.enterprise_a.name, 5), (world.enterprise_b.name, 3)}
    assert {(s, v) for s, _t, v in found.industry_links} == {
        (setting.major.name, 5), (setting.major_2.name, 3)}


def test_a_department_counts_its_majors_and_any_major(world, setting):
    found = _gap(world, horizon=queries.THREE_YEARS, department=world.department)
    assert [m.major_id for m in found.majors] == [setting.major.pk]
    assert found.demand == 5 + 4 + 2  # the cooks of the other department are not counted


def test_an_industry_college_counts_its_majors(world, setting):
    world.college.majors.set([setting.major_2])
    found = _gap(world, college=world.college)
    assert [m.major_id for m in found.majors] == [setting.major_2.pk]
    assert found.demand == 3


# --- Suggestions -------------------------------------------------------------------------------


def test_suggestions_carry_their_figures(world, setting):
    tf.demand(organisation=world.enterprise_b, post="电工", headcount=1, year=Y,
              majors=[setting.major])
    suggested = queries.suggestions(_gap(world))
    first = next(m for m in suggested.order_classes if m.major_id == setting.major.pk)
    assert (first.demand, first.supply, first.gap) == (6, 2, 4)
    assert [(p.name, p.headcount) for p in first.top_partners()] == [
        (world.enterprise_a.name, 5), (world.enterprise_b.name, 1)]
    few = {m.major_id: (m.partner_count, m.enrolled) for m in suggested.few_partners}
    assert few == {setting.major_2.pk: (1, 2)}  # the first major has two partners now
    assert [s.skill_id for s in suggested.untaught] == [world.skill_safety.pk]
    assert {s.skill_id for s in suggested.under_supplied} == {world.skill.pk,
                                                              world.skill_safety.pk}


# --- The page, by who looks --------------------------------------------------------------------


def test_staff_see_the_figures_charts_and_suggestions(client, world, setting):
    client.force_login(world.staff_wang)
    response = client.get(reverse("talent:gap"))
    assert response.status_code == 200
    page = response.content.decode()
    assert f'<tr data-skill="{world.skill.name}">' in page
    assert 'id="skill-gap"' in page and "<td class=\"text-end\" data-demand>" in page
    charts = response.context["charts"]
    assert [world.skill.name, 5, 1, 1] in charts["skills"]
    assert response.context["suggestions"].order_classes
    assert reverse("talent:gap_students") in page  # supply numbers drill down to students


def test_an_enterprise_member_sees_its_own_demand_against_the_aggregate_supply(
        client, world, setting):
    client.force_login(world.hr_li)
    response = client.get(reverse("talent:gap"), {"horizon": queries.THREE_YEARS})
    page = response.content.decode()
    assert world.enterprise_b.name not in page
    assert "中餐厨师" not in page
    for student in Student.objects.select_related("user"):
        assert student.user.real_name not in page
    assert reverse("talent:gap_students") not in page
    assert response.context["suggestions"] is None
    found = response.context["gap"]
    assert _major(found, setting.major_2).demand == 4  # its own two-major demand only
    assert _major(found, setting.major_2).supply == 1  # the school's aggregate
    assert found.heat()["partners"] == [world.enterprise_a.name]
    data = json.loads(page.split('id="gap-data" type="application/json">')[1]
                      .split("</script>")[0])
    assert world.enterprise_b.name not in json.dumps(data, ensure_ascii=False)


def test_hr_zhao_sees_only_enterprise_b(client, world, setting):
    client.force_login(world.hr_zhao)
    page = client.get(reverse("talent:gap")).content.decode()
    assert world.enterprise_a.name not in page and world.enterprise_b.name in page


def test_a_department_or_college_of_another_school_is_refused_and_the_default_shown(
        client, world, setting):
    client.force_login(world.staff_wang)
    response = client.get(reverse("talent:gap"), {"department": world.department_far.pk,
                                                  "college": world.college_far.pk})
    assert response.status_code == 200
    assert response.context["scope"].department is None
    assert response.context["scope"].school_id == world.school.pk
    assert world.department_far.name not in response.content.decode()


def test_each_chart_downloads_its_data(client, world, setting):
    client.force_login(world.staff_wang)
    for chart, expected in (("majors", setting.major.name), ("skills", world.skill.name),
                            ("heat", world.enterprise_b.name), ("sankey", setting.major.name)):
        response = client.get(reverse("talent:gap"), {"chart": chart, "export": "xlsx"})
        assert response.status_code == 200, chart
        sheet = load_workbook(io.BytesIO(response.content), read_only=True).active
        values = {cell.value for row in sheet.iter_rows() for cell in row}
        assert expected in values, chart
    assert client.get(reverse("talent:gap"), {"chart": "nope", "export": "xlsx"}
                      ).status_code == 404


# --- Drill-downs -------------------------------------------------------------------------------


def test_the_demands_behind_a_major_figure(client, world, setting):
    client.force_login(world.staff_wang)
    response = client.get(reverse("talent:gap_demands"), {
        "horizon": queries.THREE_YEARS, "major": setting.major_2.pk})
    shown = {row.record.pk for row in response.context["table"].rows}
    assert shown == {setting.later_both.pk, setting.cooks_b.pk}
    response = client.get(reverse("talent:gap_demands"), {"any_major": "true"})
    assert {row.record.pk for row in response.context["table"].rows} == {setting.any_now.pk}


def test_an_enterprise_member_drills_down_to_its_own_demands_only(client, world, setting):
    client.force_login(world.hr_li)
    response = client.get(reverse("talent:gap_demands"), {"skill": world.skill_safety.pk})
    assert {row.record.pk for row in response.context["table"].rows} == {setting.next_a.pk}
    assert world.enterprise_b.name not in response.content.decode()
    assert client.get(reverse("talent:gap_students")).status_code == 403


def test_the_students_behind_a_skill_figure(client, world, setting):
    client.force_login(world.staff_wang)
    url = reverse("talent:gap_students")
    base = {"horizon": queries.NEXT_YEAR, "skill": world.skill.pk}
    evidenced = client.get(url, {**base, "supply": "evidenced"}).context["table"].rows
    assert [row.record.pk for row in evidenced] == [setting.has_it.pk]
    taught = client.get(url, {**base, "supply": "taught"}).context["table"].rows
    assert [row.record.pk for row in taught] == [setting.taught.pk]


def test_department_staff_see_only_their_departments_students(client, world, setting):
    client.force_login(world.dept_zhou)
    response = client.get(reverse("talent:gap_students"), {"horizon": queries.NEXT_YEAR})
    shown = {row.record.pk for row in response.context["table"].rows}
    assert shown == {setting.has_it.pk, setting.taught.pk}
    assert setting.cook.pk not in shown  # the second department's


# --- API ---------------------------------------------------------------------------------------


def test_the_api_gives_the_figures_and_the_suggestions(client, world, setting):
    client.force_login(world.staff_wang)
    body = client.get("/api/v1/talent/gap", {"horizon": "next_year"}).json()
    first = next(m for m in body["majors"] if m["major_id"] == setting.major.pk)
    assert (first["demand"], first["supply"], first["gap"]) == (5, 2, 3)
    plc = next(s for s in body["skills"] if s["skill_id"] == world.skill.pk)
    assert (plc["demand"], plc["evidenced"], plc["taught"], plc["gap"]) == (5, 1, 1, 3)
    suggested = client.get("/api/v1/talent/gap/suggestions").json()
    assert suggested["untaught"][0]["name"] == world.skill_safety.name
    assert client.get("/api/v1/talent/gap", {"department": world.department_far.pk}
                      ).status_code == 400


def test_the_api_gives_an_enterprise_its_own_demand(client, world, setting):
    client.force_login(world.hr_zhao)
    body = client.get("/api/v1/talent/gap").json()
    assert body["demand"] == 3
    assert client.get("/api/v1/talent/gap/suggestions").status_code == 403


# --- The college page's card -------------------------------------------------------------------


def test_the_college_page_shows_the_gap_of_its_majors(client, world, setting):
    world.college.majors.set([setting.major])
    client.force_login(world.staff_wang)
    page = client.get(reverse("colleges:industrycollege_detail", args=[world.college.pk])
                      ).content.decode()
    assert 'id="college-gap"' in page
    assert f"college={world.college.pk}" in page
    client.force_login(world.observer_hubei)
    page = client.get(reverse("colleges:industrycollege_detail", args=[world.college.pk])
                      ).content.decode()
    assert 'id="college-gap"' not in page


# --- Query counts ------------------------------------------------------------------------------


def _grow(world, count: int) -> None:
    """``count`` more of everything the gap counts: majors with students graduating next year,
    skills with evidence and a course, demands from new partners listing them."""
    for _ in range(count):
        school_class = f.SchoolClassFactory(major=f.MajorFactory(department=world.department))
        student = _student(school_class, Y + 1)
        skill = tf.skill(school=world.school, name=f"技能{student.pk}", synonyms=())
        tf.course(school=world.school, code=f"C{student.pk}", majors=[school_class.major],
                  skills=[skill])
        tf.evidence(student=student, skill=skill, source_key=f"grade:{student.pk}")
        organisation = f.OrganisationFactory(school=world.school)
        tf.demand(organisation=organisation, year=Y, majors=[school_class.major, world.major],
                  skills=[skill, world.skill])
        tf.demand(organisation=organisation, year=Y, timeframe=TimeFrame.THIS_YEAR)


@pytest.mark.parametrize(("who", "pinned"), [("staff_wang", 13), ("hr_li", 11),
                                             ("dept_zhou", 13)])
def test_the_gap_page_runs_a_fixed_number_of_queries(client, world, who, pinned):
    client.force_login(getattr(world, who))
    assert_list_queries(client, reverse("talent:gap"), pinned, grow=partial(_grow, world))


def test_the_api_runs_a_fixed_number_of_queries(client, world):
    client.force_login(world.staff_wang)
    assert_list_queries(client, "/api/v1/talent/gap/suggestions", None,
                        grow=partial(_grow, world))


@pytest.mark.parametrize(("route", "who", "pinned"), [
    ("talent:gap_demands", "staff_wang", None), ("talent:gap_demands", "hr_li", None),
    ("talent:gap_students", "staff_wang", None), ("talent:gap_students", "dept_zhou", None)])
def test_the_drill_downs_run_a_fixed_number_of_queries(client, world, route, who, pinned):
    client.force_login(getattr(world, who))
    url = reverse(route) + f"?horizon={queries.NEXT_YEAR}"
    assert_list_queries(client, url, pinned, grow=partial(_grow, world))


def test_the_college_card_runs_a_fixed_number_of_queries(client, world):
    client.force_login(world.staff_wang)
    world.college.majors.set([world.major])
    url = reverse("colleges:industrycollege_detail", args=[world.college.pk])
    assert_list_queries(client, url, None, grow=partial(_grow, world))
    assert queries_of_get(client, url)
