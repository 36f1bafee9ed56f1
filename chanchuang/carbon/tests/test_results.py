"""A session's results on a hand-played finished session: the ranking, the grade's arithmetic
and the cost per tonne by a worked example; who sees which names and reports; the replay; the
session workbook and its audit entry; the API; pinned query counts.

The session (``finished``): student_liu runs 滨江发电 01 (600 MW, intensity 0.9: 2,295,000 t a
year), buys 99,999 t from a simulated trader at ¥50.00 and 20,000 t of CCER at ¥40, reports on
time and surrenders in full both years; student_ma runs 北岭空冷电厂 02 (allocated 56,145 t a
year more than it emits), sells 2 × 99,999 t to the simulated trader at ¥50.00, reports year 1
late, surrenders it in full, and in year 2 only what it still holds; the simulated trader
(临港热电 03, a noise trader that never acts here) sells liu the 99,999 t, buys ma's and
surrenders nothing."""

from __future__ import annotations

import io
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from ninja.testing import TestClient
from openpyxl import load_workbook

from chanchuang.carbon.api.results import router
from chanchuang.carbon.choices import Side, Strategy
from chanchuang.carbon.models import ComplianceYear, Entry, Event, MarketDay, Order
from chanchuang.carbon.queries import results as queries
from chanchuang.carbon.services import clock, compliance, ledger, sessions, trading
from chanchuang.core.models import AuditEntry

pytestmark = pytest.mark.django_db


def at_day(simulation, day: float):
    """Move the clock to ``day`` trading days of running time and catch up (without the
    simulated traders' turn: they stay still, so the figures are the test's own)."""
    with sessions.locked(simulation.pk) as locked:
        locked.elapsed = locked.scenario.seconds_per_day * day
        locked.anchor = timezone.now()
        locked.save(update_fields=["elapsed", "anchor"])
        clock.catch_up(locked)
    simulation.refresh_from_db()
    return simulation


def surrender_all(company, year: int) -> None:
    """Surrender what is owed for ``year``: allowances as far as they go, then offsets."""
    record = ComplianceYear.objects.get(company=company, year=year)
    owed = record.obligation - record.surrendered
    cea = min(owed, ledger.balances([company])[company.pk].cea)
    ccer = min(owed - cea, ledger.balances([company])[company.pk].ccer)
    compliance.surrender(company=company, cea=cea, ccer=ccer)


def play(world) -> SimpleNamespace:
    """The finished session of the module docstring."""
    liu_part = world.participant_liu
    ma_part = sessions.join(user=world.student_ma.user, code=world.simulation.join_code)
    liu, ma = liu_part.company, ma_part.company
    bot = sessions.add_bots(actor=world.staff_wang, simulation=world.simulation,
                            strategies={Strategy.NOISE: 1})[0]
    simulation = sessions.start(actor=world.staff_wang, simulation=world.simulation)
    calendar = simulation.scenario.calendar
    listing = trading.place_order(company=bot, side=Side.SELL, price="50.00", quantity=99_999)
    trading.take(company=liu, listing_id=listing.pk, quantity=99_999)
    for _n in range(2):  # ma sells more than its two years' surplus (56,145 t a year)
        listing = trading.place_order(company=ma, side=Side.SELL, price="50.00",
                                      quantity=99_999)
        trading.take(company=bot, listing_id=listing.pk, quantity=99_999)
    at_day(simulation, calendar.report_day(1) + 0.5)  # year 1 over: the report is due
    compliance.report(company=liu)
    surrender_all(liu, 1)
    at_day(simulation, calendar.surrender_day(1) + 0.5)  # ma's report was verified late
    surrender_all(ma, 1)
    at_day(simulation, calendar.report_day(2) + 0.5)
    compliance.report(company=liu)
    compliance.report(company=ma)
    compliance.buy_ccer(company=liu, quantity=20_000)
    surrender_all(liu, 2)
    surrender_all(ma, 2)
    at_day(simulation, calendar.total_days)
    return SimpleNamespace(simulation=simulation, liu=liu, ma=ma, bot=bot, liu_part=liu_part,
                           ma_part=ma_part)


@pytest.fixture
def finished(world):
    return play(world)


def test_the_ranking_and_the_grades_of_a_finished_session(finished, world):
    session = finished
    results = queries.results_of(session.simulation, world.staff_wang)
    assert [r.company for r in results] == [session.liu, session.ma, session.bot]
    assert [r.rank for r in results] == [1, 2, 3]
    liu, ma, bot = results
    # student_liu: everything surrendered, both reports on time, the cheapest per tonne
    assert (liu.achieved, liu.shortfall, liu.penalties) == (Decimal(100), 0, 0)
    assert (liu.grade.compliance, liu.grade.reports, liu.grade.cost) == (60, 10, 30)
    assert (liu.grade.total, liu.grade.word) == (100, pgettext("carbon grade", "Excellent"))
    # student_ma: year 1 in full but reported late, year 2 short
    years = ComplianceYear.objects.filter(company=session.ma).order_by("year")
    assert [y.reported_late for y in years] == [True, False]
    assert years[0].shortfall == 0 and years[1].shortfall > 0
    surrendered = sum(y.surrendered for y in years)
    obligation = sum(y.obligation for y in years)
    assert ma.achieved == (Decimal(surrendered) * 100 / obligation).quantize(Decimal("0.01"))
    assert ma.shortfall == years[1].shortfall
    assert ma.penalties == years[1].shortfall * Decimal("50.00") * 5  # the only trade's price
    assert ma.grade.compliance == (60 * ma.achieved / 100).quantize(Decimal("0.01"))
    assert ma.grade.reports == 5  # one year of two on time
    assert ma.grade.cost == 15  # the middle of three
    assert ma.grade.total == ma.grade.compliance + 20
    # the simulated trader: nothing surrendered, reports late, the dearest
    assert (bot.achieved, bot.grade.total, bot.grade.word) == (
        0, 0, pgettext("carbon grade", "Fail"))
    assert bot.cost_per_tonne > ma.cost_per_tonne > liu.cost_per_tonne


def test_cost_per_tonne_worked_example(finished, world):
    liu = queries.result_of(queries.results_of(finished.simulation, world.staff_wang),
                            finished.liu.pk)
    # bought 99,999 t × ¥50.00 = ¥4,999,950; 20,000 t CCER × ¥40 = ¥800,000; nothing sold,
    # no abatement, no penalty: ¥5,799,950 over 2 × 2,295,000 t verified = ¥1.2636 → ¥1.26
    assert (liu.bought, liu.bought_value, liu.ccer_tonnes, liu.ccer_cost) == (
        99_999, Decimal("4999950"), 20_000, Decimal("800000"))
    assert liu.verified == 4_590_000
    assert liu.cost == Decimal("5799950")
    assert liu.cost_per_tonne == Decimal("1.26")
    bot = queries.result_of(queries.results_of(finished.simulation, world.staff_wang),
                            finished.bot.pk)
    # what it sold lowers its cost, what it bought adds to it
    assert bot.cost == bot.penalties - Decimal("4999950") + 2 * Decimal("4999950")
    ma = queries.result_of(queries.results_of(finished.simulation, world.staff_wang),
                           finished.ma.pk)
    assert ma.cost == ma.penalties - 2 * Decimal("4999950")


def test_grade_words_and_cost_points_by_rank():
    assert [queries.grade_word(Decimal(n)) for n in (90, 89.99, 80, 70, 60, 59.99)] == [
        pgettext("carbon grade", w) for w in ("Excellent", "Good", "Good", "Fair", "Pass",
                                              "Fail")]
    results = []
    for number, (cost, verified) in enumerate([(400, 100), (100, 100), (200, 100), (300, 100),
                                               (500, 100)], 1):
        company = SimpleNamespace(number=number)
        year = ComplianceYear(year=1, obligation=100, surrendered_cea=100, shortfall=0,
                              verified_emissions=verified, reported_day=6, penalty=0)
        results.append(queries.CompanyResult(company=company, participants=[], years=[year],
                                             abatement=Decimal(cost)))
    queries._grade(results)
    # all 100 % achieved: ranked by cost per tonne; 30 for the cheapest … 0 for the dearest
    assert [(r.company.number, r.rank, r.grade.cost) for r in results] == [
        (2, 1, 30), (3, 2, Decimal("22.5")), (4, 3, 15), (1, 4, Decimal("7.5")), (5, 5, 0)]
    alone = [queries.CompanyResult(company=SimpleNamespace(number=1), participants=[],
                                   years=[results[0].years[0]], abatement=Decimal(9))]
    queries._grade(alone)
    assert alone[0].grade.cost == 30 and alone[0].grade.total == 100


def test_the_instructor_sees_names_totals_links_and_the_chart_data(client, finished, world):
    session = finished
    client.force_login(world.staff_wang)
    response = client.get(reverse("carbon:results", args=[session.simulation.pk]))
    page = response.content.decode()
    assert response.status_code == 200
    for name in ("刘欣怡", "马超", session.liu.name, session.bot.name):
        assert name in page
    for participant in (session.liu_part, session.ma_part):
        assert reverse("carbon:report", args=[session.simulation.pk, participant.pk]) in page
    assert reverse("carbon:export", args=[session.simulation.pk]) in page
    assert reverse("carbon:report_zip", args=[session.simulation.pk]) in page
    assert '<div class="h2 mb-0" data-total="trades">3</div>' in page
    assert '<div class="h2 mb-0" data-total="volume">299,997</div>' in page
    history = response.context["history"]
    assert len(history["days"]) == MarketDay.objects.filter(
        simulation=session.simulation).count() == 14
    assert history["candles"][0] == ["50.00", "50.00", "50.00", "50.00"]
    assert history["volumes"][0] == 299_997
    assert 'id="results-data"' in page and "<script>" not in page


def test_a_student_sees_company_names_their_own_company_and_report_only(client, finished, world):
    session = finished
    client.force_login(world.student_user)
    response = client.get(reverse("carbon:results", args=[session.simulation.pk]))
    page = response.content.decode()
    assert response.status_code == 200
    ranking = page[page.index('id="ranking"'):page.index("</table>")]
    assert session.ma.name in ranking and "马超" not in ranking and "刘欣怡" not in ranking
    assert f'data-company="{session.liu.pk}" class="table-active" data-own' in page
    own = reverse("carbon:report", args=[session.simulation.pk, session.liu_part.pk])
    classmate = reverse("carbon:report", args=[session.simulation.pk, session.ma_part.pk])
    assert own in page and classmate not in page
    assert reverse("carbon:export", args=[session.simulation.pk]) not in page
    assert client.get(own).status_code == 200
    assert client.get(classmate).status_code == 404
    assert client.get(reverse("carbon:export", args=[session.simulation.pk])).status_code == 403
    assert client.get(reverse("carbon:report_zip",
                              args=[session.simulation.pk])).status_code == 403


def test_another_schools_staff_and_student_get_404(client, finished, world):
    session = finished
    urls = [reverse("carbon:results", args=[session.simulation.pk]),
            reverse("carbon:replay", args=[session.simulation.pk]),
            reverse("carbon:export", args=[session.simulation.pk]),
            reverse("carbon:report", args=[session.simulation.pk, session.liu_part.pk]),
            reverse("carbon:report_zip", args=[session.simulation.pk])]
    for person in (world.staff_far, world.student_far.user):
        client.force_login(person)
        assert [client.get(url).status_code for url in urls] == [404] * 5
    # a participant of another session is not a report of this one
    far = world.participant_far
    client.force_login(world.staff_wang)
    assert client.get(reverse("carbon:report", args=[session.simulation.pk, far.pk])
                      ).status_code == 404


def test_the_replay_steps_through_the_log_with_the_last_price(client, finished, world):
    session = finished
    client.force_login(world.student_user)
    response = client.get(reverse("carbon:replay", args=[session.simulation.pk]))
    assert response.status_code == 200
    data = response.context["replay"]
    events = Event.objects.filter(simulation=session.simulation).count()
    assert len(data["steps"]) == events
    assert [(price, tonnes) for _t, price, tonnes in data["trades"]] == [("50.00", 99_999)] * 3
    first, last = data["steps"][0], data["steps"][-1]
    assert first["kind"] == "started" and first["price"] == ""
    assert first["when"] == _("Year %(year)s, day %(day)s, %(time)s") % {
        "year": 1, "day": 1, "time": "09:30"}
    assert last["kind"] == "finished" and last["price"] == "50.00"
    page = response.content.decode()
    assert 'id="replay-slider"' in page and f'max="{events - 1}"' in page
    assert 'id="replay-data"' in page and "<script>" not in page
    content = page[page.index('id="replay-chart"'):]
    assert "刘欣怡" not in content and "马超" not in content  # the tape has no parties


def test_the_workbook_has_every_sheet_and_row_and_is_logged(client, finished, world):
    simulation = finished.simulation
    client.force_login(world.staff_wang)
    response = client.get(reverse("carbon:export", args=[simulation.pk]))
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    titles = [_("Orders"), _("Trades"), _("Ledger"), _("Companies"), _("Compliance"),
              _("Trading days"), _("Log")]
    assert book.sheetnames == titles
    rows = {title: list(book[title].iter_rows(values_only=True)) for title in titles}
    expected = {
        _("Orders"): Order.objects.filter(simulation=simulation).count(),
        _("Trades"): 3,
        _("Ledger"): Entry.objects.filter(transfer__simulation=simulation).count(),
        _("Companies"): 3,
        _("Compliance"): 6,
        _("Trading days"): 14,
        _("Log"): Event.objects.filter(simulation=simulation).count(),
    }
    assert {title: len(found) - 1 for title, found in rows.items()} == expected
    trade = rows[_("Trades")][1]
    assert finished.liu.name in trade and finished.bot.name in trade
    companies = rows[_("Companies")]
    assert companies[1][1] == finished.liu.name and "刘欣怡" in companies[1]
    assert "2025000001" in companies[1]
    entry = AuditEntry.objects.get(action="exported")
    assert (entry.actor, entry.object_id, entry.data["format"]) == (
        world.staff_wang, str(simulation.pk), "xlsx")
    assert entry.data["rows"] == sum(expected.values())
    assert entry.data["personal_fields"]


def test_the_api_answers_the_ranking_as_the_caller_may_see_it(finished, world):
    session = finished
    api = TestClient(router)
    path = f"/carbon/simulations/{session.simulation.pk}/results"
    staff = api.get(path, user=world.staff_wang).json()
    assert [row["company"] for row in staff] == [session.liu.name, session.ma.name,
                                                 session.bot.name]
    assert staff[0]["students"] == ["刘欣怡"] and staff[0]["grade"]["total"] == "100.00"
    assert staff[0]["cost_per_tonne"] == "1.26"
    student = api.get(path, user=world.student_user).json()
    assert [row["students"] for row in student] == [[], [], []]
    assert [row["own"] for row in student] == [True, False, False]
    assert api.get(path, user=world.staff_far).status_code == 404


def test_results_run_a_fixed_number_of_queries_whatever_the_size(client, world):
    """Six queries for the figures, whatever the number of companies; the page the same."""
    def session_of(bots: int):
        simulation = sessions.create_simulation(actor=world.staff_wang,
                                                template=world.scenario, name=f"{bots}")
        sessions.add_bots(actor=world.staff_wang, simulation=simulation,
                          strategies={Strategy.NOISE: bots})
        simulation = sessions.start(actor=world.staff_wang, simulation=simulation)
        return at_day(simulation, 7.5)

    small, big = session_of(2), session_of(9)
    client.force_login(world.staff_wang)
    counts = []
    queries.results_of(small, world.staff_wang)  # the user's scope, read once per request
    for simulation in (small, big):
        with CaptureQueriesContext(connection) as figures:
            queries.results_of(simulation, world.staff_wang)
        with CaptureQueriesContext(connection) as page:
            assert client.get(reverse("carbon:results", args=[simulation.pk])
                              ).status_code == 200
        counts.append((len(figures), len(page)))
    assert counts[0] == counts[1]
    assert counts[0][0] == 5
    assert counts[0][1] == PAGE_QUERIES, counts


# the login's session, user and memberships (3); the session with its scenario (1; the rules
# ask nothing more of an instructor); the figures (6: companies, participants, years, the
# ledger's spending, purchases, sales); the totals (1); the trading days (1); the shell's
# unread notifications (1)
PAGE_QUERIES = 12
