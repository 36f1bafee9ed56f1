"""The provincial view: every KPI across the colleges of the observer's province, small counts
withheld as "<5" with their complements, the same cells on the page, the college's page, the
workbook and the API; the observer's home; constant queries whatever the colleges."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from chanchuang.core.tests import factories as f
from chanchuang.core.tests.querycounts import assert_list_queries
from chanchuang.insights.choices import DestinationCode
from chanchuang.insights.kpis import KPIS, Kpi, Unit
from chanchuang.insights.queries.province import province_view
from chanchuang.insights.tests import factories as inf

YEAR = 2026


def _graduates(school, n: int, *, code=DestinationCode.LABOUR_CONTRACT, year=YEAR, **fields):
    """``n`` graduates of ``school`` with a destination of ``code``."""
    school_class = f.SchoolClassFactory(major=f.MajorFactory(
        department=f.DepartmentFactory(school=school)))
    for _ in range(n):
        inf.destination(student=f.StudentFactory(school_class=school_class), code=code,
                        year=year, **fields)


@pytest.fixture
def province(world):
    """江城 with 30 graduates (24 employed), 楚天 (the other school) with 3."""
    _graduates(world.school, 24)
    _graduates(world.school, 6, code=DestinationCode.SEEKING, employer_name="")
    _graduates(world.other_school, 3)
    return world


def _row(page: str, school_name: str) -> str:
    start = page.index(school_name, page.index('id="province-comparison"'))
    return page[start:page.index("</tr>", start)]


def test_a_college_with_three_graduates_shows_less_than_five(client, province):
    client.force_login(province.observer_hubei)
    page = client.get(reverse("insights:province"), {"year": YEAR}).content.decode()
    far = _row(page, "楚天工程职业学院")
    assert "&lt;5" in far and "100.0%" not in far
    # 江城's rate would be recovered from the province's (27 of 33) minus 楚天's: it is
    # withheld with it, and so is the province's own rest (6 + 0 = 6 shown; part 27 shown).
    own = _row(page, "江城职业技术学院")
    assert "80.0%" not in own and "&lt;5" in own


def test_the_comparison_shows_everything_when_no_count_is_small(client, province):
    _graduates(province.other_school, 5)
    _graduates(province.other_school, 7, code=DestinationCode.SEEKING, employer_name="")
    client.force_login(province.observer_hubei)
    page = client.get(reverse("insights:province"), {"year": YEAR}).content.decode()
    assert "80.0%" in _row(page, "江城职业技术学院")  # 24 of 30
    assert "53.3%" in _row(page, "楚天工程职业学院")  # 8 of 15
    totals = page[page.index('id="province-totals"'):page.index('id="province-data"')]
    assert "71.1%" in totals  # 32 of 45


def _counting_kpi(values: dict) -> Kpi:
    return Kpi("test_count", "测试计数", "测试", Unit.COUNT, lambda piece: {
        pk: n for pk, n in values.items() if pk in piece.school_ids})


def test_totals_add_up_with_and_without_suppression(province, monkeypatch):
    world = province
    big = {world.school.pk: 40, world.other_school.pk: 12}
    monkeypatch.setitem(KPIS, "test_count", _counting_kpi(big))
    monkeypatch.setitem(KPIS, "test_amount", Kpi(
        "test_amount", "测试金额", "测试", Unit.AMOUNT,
        lambda piece: {world.school.pk: Decimal("12.5"), world.other_school.pk: Decimal("2")}))
    view = province_view(world.observer_hubei, YEAR)
    counts = next(c for c in view.columns if c.key == "test_count")
    assert [counts.cells[pk].number for pk in big] == [40, 12]
    assert counts.total.number == 52 == sum(counts.cells[pk].number for pk in big)
    amounts = next(c for c in view.columns if c.key == "test_amount")
    # Amounts are sums of money, never withheld: 2 万元 is shown.
    assert (amounts.cells[world.other_school.pk].text, amounts.total.number) == ("2", 14.5)
    rate = next(c for c in view.columns if c.key == "employment_rate")
    assert rate.total.suppressed is False and (rate.total.part, rate.total.whole) == (27, 33)

    monkeypatch.setitem(KPIS, "test_count", _counting_kpi({world.school.pk: 40,
                                                           world.other_school.pk: 3}))
    view = province_view(world.observer_hubei, YEAR)
    counts = next(c for c in view.columns if c.key == "test_count")
    # 3 is withheld; 43 − 40 would give it back, so 40 is withheld too; the total is true.
    assert all(counts.cells[pk].suppressed for pk in big)
    assert (counts.total.text, counts.total.number) == ("43", 43)


def test_a_withheld_cell_keeps_no_count(province, monkeypatch):
    world = province
    monkeypatch.setitem(KPIS, "test_count", _counting_kpi({world.school.pk: 40,
                                                           world.other_school.pk: 3}))
    view = province_view(world.observer_hubei, YEAR)
    column = next(c for c in view.columns if c.key == "test_count")
    cell = column.cells[world.other_school.pk]
    assert (cell.text, cell.number, cell.part, cell.whole, cell.api()) == (
        "<5", None, None, None, "<5")
    assert view.chart_data()["figures"]["test_count"]["values"] == [None, None]


def test_sorting_puts_withheld_cells_last_whatever_their_size(client, province, monkeypatch):
    world = province
    third = f.SchoolFactory(name="鄂东职业技术学院", short_name="鄂东")
    monkeypatch.setitem(KPIS, "test_count", _counting_kpi({
        world.school.pk: 3, world.other_school.pk: 9, third.pk: 20}))
    view = province_view(world.observer_hubei, YEAR)
    # 3 is withheld and 9 with it (the next smallest); 20 alone is shown.
    order = [school.pk for school in view.sorted_schools("test_count", descending=False)]
    # then by name: 楚天 before 江城
    assert order == [third.pk, world.other_school.pk, world.school.pk]
    client.force_login(world.observer_hubei)
    page = client.get(reverse("insights:province"), {"year": YEAR, "sort": "test_count",
                                                     "desc": "0"}).content.decode()
    body = page[page.index("<tbody>", page.index('id="province-comparison"')):]
    assert body.index("鄂东职业技术学院") < body.index("楚天工程职业学院") < body.index(
        "江城职业技术学院")


def test_the_observer_sees_only_their_province(client, province):
    hunan = province.school_hunan
    _graduates(hunan, 12)
    client.force_login(province.observer_hubei)
    page = client.get(reverse("insights:province"), {"year": YEAR}).content.decode()
    assert "江城职业技术学院" in page and "楚天工程职业学院" in page
    assert "湘江职业技术学院" not in page
    assert client.get(reverse("insights:province_school", args=[hunan.pk])).status_code == 404
    api = client.get("/api/v1/insights/province", {"year": YEAR}).json()
    assert {s["name"] for s in api["schools"]} == {"江城职业技术学院", "楚天工程职业学院"}
    client.force_login(province.admin)  # the platform admin: every college of the deployment
    page = client.get(reverse("insights:province"), {"year": YEAR}).content.decode()
    assert "湘江职业技术学院" in page


def test_a_colleges_page_shows_the_same_cells_as_the_comparison(client, province):
    client.force_login(province.observer_hubei)
    page = client.get(reverse("insights:province_school", args=[province.other_school.pk]),
                      {"year": YEAR}).content.decode()
    row = page[page.index('data-kpi="employment_rate"'):]
    row = row[:row.index("</tr>")]
    assert "&lt;5" in row and "100.0%" not in row
    assert "text-success" not in row  # no trend from a withheld value


def test_the_year_filter_reads_that_years_graduates(client, province):
    _graduates(province.school, 8, year=YEAR - 1)
    client.force_login(province.observer_hubei)
    page = client.get(reverse("insights:province"), {"year": YEAR - 1}).content.decode()
    assert '<option value="2025" selected>' in page
    assert "100.0%" in _row(page, "江城职业技术学院")  # 8 of 8 in 2025
    # A year not offered shows the current one.
    assert client.get(reverse("insights:province"), {"year": "abc"}).status_code == 200


def test_the_comparison_downloads_with_withheld_cells_as_less_than_five(client, province):
    client.force_login(province.observer_hubei)
    response = client.get(reverse("insights:province"), {"year": YEAR, "export": "xlsx"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = {row[0]: row[1:] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert set(rows) == {"江城职业技术学院", "楚天工程职业学院"}
    headers = [cell.value for cell in sheet[1]]
    rate = headers.index("就业去向落实率") if "就业去向落实率" in headers else 1
    assert rows["楚天工程职业学院"][rate - 1] == "<5"


def test_the_api_answers_withheld_values_as_less_than_five(client, province):
    client.force_login(province.observer_hubei)
    data = client.get("/api/v1/insights/province", {"year": YEAR}).json()
    far = next(s for s in data["schools"] if s["name"] == "楚天工程职业学院")
    rate = next(v for v in far["values"] if v["kpi"] == "employment_rate")
    assert rate == {"kpi": "employment_rate", "value": "<5", "part": "<5", "whole": "<5"}
    total = next(k for k in data["kpis"] if k["key"] == "employment_rate")["total"]
    assert (total["part"], total["whole"]) == (27, 33)
    one = client.get(f"/api/v1/insights/province/schools/{province.other_school.pk}",
                     {"year": YEAR}).json()
    assert next(v for v in one["values"] if v["kpi"] == "employment_rate")["value"] == "<5"


def test_the_observers_home_is_the_provincial_view(client, province):
    province.report_submitted  # noqa: B018 — an annual report awaiting the observer's receipt
    client.force_login(province.observer_hubei)
    response = client.get(reverse("core:home"))
    assert response.status_code == 302 and response["Location"] == reverse("insights:province")
    page = client.get(response["Location"]).content.decode()
    assert "待办事项" in page and 'class="list-group-item list-group-item-action todo"' in page
    client.force_login(province.staff_wang)  # everyone else keeps core's home
    assert client.get(reverse("core:home")).status_code == 200


def _grow(world):
    def grow(n: int) -> None:
        for _ in range(n):
            school = f.SchoolFactory()
            _graduates(school, 2)
            _graduates(school, 6, code=DestinationCode.SEEKING, employer_name="")
    return grow


def test_the_page_runs_the_same_queries_whatever_the_colleges(client, province):
    # session, user, memberships, the schools; per registered KPI this year and last; per
    # breakdown; the to-dos of the observer (colleges' annual reports awaiting receipt).
    client.force_login(province.observer_hubei)
    assert_list_queries(client, reverse("insights:province"), None, grow=_grow(province))
