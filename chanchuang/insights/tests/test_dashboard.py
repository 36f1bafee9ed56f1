"""The dashboard page, its figure workbooks and the KPI API: who sees which slice (department
staff held to their department, foreign ids 404), the trend against last year, drill-down
links only for who may see the records, the xlsx content, and a constant number of queries."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from openpyxl import load_workbook

from chanchuang.colleges.tests import factories as cof
from chanchuang.core.models import AuditEntry
from chanchuang.core.tests import factories as f
from chanchuang.insights.kpis import Kpi, Slice, Unit
from chanchuang.insights.queries import dashboard as queries
from chanchuang.mentors.tests import factories as mef
from chanchuang.partners.choices import AgreementStatus
from chanchuang.partners.tests import factories as paf
from chanchuang.placements.choices import PlacementStatus
from chanchuang.placements.models import Placement
from chanchuang.placements.tests import factories as plf
from chanchuang.talent.tests import factories as taf

pytestmark = pytest.mark.django_db
URL = "/insights/"


def some_facts(world, n: int = 1, serial: int = 0) -> None:
    """``n`` more of what the board counts: agreements, placements, mentor hours."""
    kind = paf.agreement_type(world.school, name=f"合作协议{serial}")
    plan = plf.plan(school=world.school, major=world.major, name=f"计划{serial}")
    position = plf.position(plan=plan, organisation=world.enterprise_a, seats=n + 2)
    mentor = mef.mentor(school=world.school, name=f"导师{serial}")
    for i in range(n):
        paf.agreement(school=world.school, organisation=world.enterprise_a, type=kind,
                      number=f"Q-{serial}-{i}")
        student = f.StudentFactory(school_class=world.school_class)
        Placement.objects.create(student=student, position=position,
                                 status=PlacementStatus.CONFIRMED,
                                 start_date=plf.ENTERPRISE_BLOCK[0],
                                 end_date=plf.ENTERPRISE_BLOCK[1])
        mef.activity(mentor=mentor, hours="2", day=dt.date(2026, 5, 1))


def card_of(response, key: str) -> queries.Card:
    return next(card for card in response.context["board"].cards if card.key == key)


def test_staff_see_this_years_figures_against_last_year_with_links(client, world):
    kind = paf.agreement_type(world.school)
    paf.agreement(school=world.school, organisation=world.enterprise_a, type=kind, number="A")
    paf.agreement(school=world.school, organisation=world.enterprise_b, type=kind, number="B")
    paf.agreement(school=world.school, organisation=world.enterprise_b, type=kind, number="C",
                  status=AgreementStatus.EXPIRED, start=dt.date(2024, 1, 1),
                  end=dt.date(2025, 12, 31))
    client.force_login(world.staff_wang)
    response = client.get(URL)
    assert response.status_code == 200
    card = card_of(response, "active_agreements")
    assert (card.value, card.previous, card.trend, card.change) == (2, 1, "up", 1)
    html = response.content.decode()
    assert f'href="{reverse("partners:agreement_list")}?in_force=true">2</a>' in html
    assert "▲ 1" in html
    assert response.context["chosen"].year == 2026  # the current year by default
    last_year = client.get(URL, {"year": 2025})
    assert card_of(last_year, "active_agreements").value == 1
    assert card_of(last_year, "active_agreements").trend == "flat"


def test_department_staff_are_held_to_their_department(client, world):
    plan = plf.plan(school=world.school, major=world.major)
    position = plf.position(plan=plan, organisation=world.enterprise_a, seats=10)
    for student in (world.student_liu, world.student_ma):
        Placement.objects.create(student=student, position=position,
                                 status=PlacementStatus.CONFIRMED,
                                 start_date=plf.ENTERPRISE_BLOCK[0],
                                 end_date=plf.ENTERPRISE_BLOCK[1])
    client.force_login(world.staff_wang)
    assert card_of(client.get(URL), "alternating_students").value == 2
    narrowed = client.get(URL, {"department": world.department_2.pk})
    assert card_of(narrowed, "alternating_students").value == 1
    assert card_of(narrowed, "mentor_hours").narrowed is False  # mentors have no department

    client.force_login(world.dept_zhou)
    response = client.get(URL)
    assert response.context["chosen"].department == world.department
    assert card_of(response, "alternating_students").value == 1  # student_liu only
    assert list(response.context["form"].fields["department"].queryset) == [world.department]
    assert client.get(URL, {"department": world.department_2.pk}).status_code == 404


@pytest.mark.parametrize("param", ["department", "college", "school"])
def test_another_schools_department_college_or_school_answers_404(client, world, param):
    foreign = {"department": lambda: world.department_far,
               "college": lambda: cof.college(school=world.other_school, name="远方产业学院"),
               "school": lambda: world.other_school}[param]()
    client.force_login(world.staff_wang)
    assert client.get(URL, {param: foreign.pk}).status_code == 404
    assert client.get(reverse("insights:dashboard_figure_xlsx", args=["partners"]),
                      {param: foreign.pk}).status_code == 404
    assert client.get("/api/v1/insights/kpis", {param: foreign.pk}).status_code == 404
    client.force_login(world.admin)
    assert client.get(URL, {param: foreign.pk}).status_code == 200


def test_a_link_shows_only_to_who_may_see_the_list(world):
    figure = Kpi("probe", "probe", "probe", Unit.COUNT, lambda piece: {world.school.pk: 3},
                 drill=lambda piece: "/province/", drill_perm="insights.view_province")
    piece = Slice(2026, frozenset({world.school.pk}))
    assert queries.card(figure, piece, world.staff_wang).url == ""
    assert queries.card(figure, piece, world.admin).url == "/province/"
    assert queries.card(figure, piece, world.admin).shown == "3"


def test_the_page_runs_the_same_queries_whatever_the_data(client, world):
    client.force_login(world.staff_wang)
    # A shared resource and a demand over both years: their KPIs read their second query.
    cof.resource(college=cof.college(school=world.school))
    demand = taf.demand(organisation=world.enterprise_a, majors=[world.major])
    demand.year_from, demand.year_to = 2025, 2026
    demand.save()
    some_facts(world, 1, serial=1)
    with CaptureQueriesContext(connection) as few:
        assert client.get(URL).status_code == 200
    some_facts(world, 8, serial=2)
    with CaptureQueriesContext(connection) as many:
        response = client.get(URL)
    assert card_of(response, "active_agreements").value == 9
    assert len(few) == len(many) == PINNED_PAGE, "\n".join(q["sql"][:160] for q in many)


# Session, user, memberships and unread notifications (4); the board: two computations (the
# year, the year before) of each of the 19 KPIs — one grouped query each, two for the
# shared-resource utilisation (the resources, their bookings) and for the majors short (the
# demand, the students graduating) — 42; the three breakdowns (one each); three more years of
# the trend's KPI (the destination rate); the departments and industry colleges of the filter.
PINNED_PAGE = 54


def test_a_figures_workbook_has_its_data_per_school(client, world):
    kind = paf.agreement_type(world.school)
    paf.agreement(school=world.school, organisation=world.enterprise_a, type=kind, number="A")
    client.force_login(world.staff_wang)
    response = client.get(reverse("insights:dashboard_figure_xlsx", args=["partners"]),
                          {"year": 2026})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:2] == ("学校", "数值")
    assert rows[1][:2] == (world.school.name, 1)
    assert AuditEntry.objects.filter(action="exported").exists()

    industry = client.get(reverse("insights:dashboard_figure_xlsx",
                                  args=["partners_by_industry"]))
    rows = list(load_workbook(io.BytesIO(industry.content)).active.iter_rows(values_only=True))
    assert rows[1] == (world.school.name, "C 制造业", 1)

    trend = client.get(reverse("insights:dashboard_figure_xlsx", args=["partners"]),
                       {"series": "trend"})
    rows = list(load_workbook(io.BytesIO(trend.content)).active.iter_rows(values_only=True))
    assert rows[1:] == [(2022, 0), (2023, 0), (2024, 0), (2025, 0), (2026, 1)]
    assert client.get(reverse("insights:dashboard_figure_xlsx",
                              args=["no_such_figure"])).status_code == 404


def test_the_api_answers_each_kpi_with_last_year_and_percent(client, world):
    plan = plf.plan(school=world.school, major=world.major)
    position = plf.position(plan=plan, organisation=world.enterprise_a, seats=4)
    Placement.objects.create(student=world.student_liu, position=position,
                             status=PlacementStatus.CONFIRMED,
                             start_date=plf.ENTERPRISE_BLOCK[0], end_date=plf.ENTERPRISE_BLOCK[1])
    mentor = mef.mentor(school=world.school, name="陈工")
    mef.activity(mentor=mentor, hours="2.5", day=dt.date(2026, 3, 1))
    client.force_login(world.staff_wang)
    body = client.get("/api/v1/insights/kpis", {"year": 2026}).json()
    kpis = {kpi["key"]: kpi for kpi in body["kpis"]}
    assert body["school_ids"] == [world.school.pk]
    assert kpis["placement_fill"]["percent"] == 25.0
    assert (kpis["placement_fill"]["part"], kpis["placement_fill"]["whole"]) == (1, 4)
    assert kpis["placement_fill"]["unit"] == "share"
    assert kpis["mentor_hours"]["value"] == 2.5
    assert kpis["mentor_hours"]["previous"] == 0
    assert {b["key"] for b in body["breakdowns"]} >= {"partners_by_industry", "rank_obtained"}
    assert client.get("/api/v1/insights/kpis", {"year": 1800}).status_code == 422
    client.force_login(world.dept_zhou)
    body = client.get("/api/v1/insights/kpis").json()
    assert body["department_id"] == world.department.pk


def test_home_has_a_dashboard_card_for_staff_and_department_staff(client, world):
    for person in (world.staff_wang, world.dept_zhou):
        client.force_login(person)
        assert f'class="card card-link figure" href="{URL}"' in client.get("/").content.decode()
    client.force_login(world.hr_li)
    assert f'href="{URL}"' not in client.get("/").content.decode()  # nor in the menu


def test_amounts_and_shares_read_as_numbers():
    assert queries.shown(Decimal("12.50"), Unit.AMOUNT) == "12.5"
    assert queries.shown(Decimal("3"), Unit.AMOUNT) == "3"
    assert queries.shown(queries.Share(7, 10), Unit.SHARE) == "70%"
    assert queries.shown(queries.Share(0, 0), Unit.SHARE) == "—"
    assert str(_("Dashboard"))
