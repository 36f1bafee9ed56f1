"""Every list that offers an export answers both formats with a file that opens, for a role
that may see the list, with rows in it (related objects included)."""

import csv
import io

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from openpyxl import load_workbook

from chanchuang.core.tabular.columns import Column
from chanchuang.core.tabular.exporting import cell_of
from chanchuang.core.tests.cast import every_app_cast, world_fixture

# Every app's lists need rows: the world is the cast of every app.
world = world_fixture(*every_app_cast())


def _exporting_routes(patterns=None, prefix="") -> list[str]:
    """Paths of every URL pattern whose view has an exporter (list routes take no argument)."""
    found = []
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            found += _exporting_routes(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            view_class = getattr(pattern.callback, "view_class", None)
            if getattr(view_class, "exporter_class", None) is not None:
                found.append("/" + prefix + str(pattern.pattern))
    return found


ROUTES = _exporting_routes()
# Who sees each list: school staff sees most; the rest by the permission matrix.
VIEWERS = ("staff_wang", "admin", "dept_zhou", "mentor_chen", "hr_li")


def _fill(world) -> None:
    """Rows for every list: the world's lazily created objects."""
    for name in ("agreement_a", "commitment_a", "contact_a", "mentor_a", "appointment_a",
                 "activity_a", "application_liu", "credit_liu", "plan", "position_a",
                 "placement_liu", "college_programme", "council_seat", "decision",
                 "contribution_school", "booking_hr", "report_submitted",
                 "demand_a", "evidence_liu", "certificate_liu", "destination_liu", "scenario",
                 "session_liu",
                 "report_job"):
        getattr(world, name)
    world.docking_event  # noqa: B018 — talent: docking


def test_every_exporting_list_is_found():
    assert "/majors/" in ROUTES
    assert len(ROUTES) >= 11
    assert all("<" not in route for route in ROUTES), ROUTES


@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize("file_format", ["xlsx", "csv"])
def test_every_list_exports_a_file_that_opens(client, world, route, file_format):
    _fill(world)
    for username in VIEWERS:
        client.force_login(getattr(world, username))
        if client.get(route).status_code == 200:
            break
    else:
        pytest.fail(f"nobody of {VIEWERS} sees {route}")
    response = client.get(route, {"export": file_format})
    assert response.status_code == 200, (route, username)
    assert response["Content-Disposition"].endswith(f'.{file_format}"')
    if file_format == "xlsx":
        sheet = load_workbook(io.BytesIO(response.content), read_only=True).active
        rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    else:
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) >= 2, (route, username, rows)  # the header and at least one row
    assert all(len(row) == len(rows[0]) for row in rows)


def test_majors_export_their_department_by_the_name_the_import_reads(client, world):
    client.force_login(world.staff_wang)
    response = client.get("/majors/", {"export": "xlsx"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert ["430105", "电力系统自动化技术", "新能源与电力学院"] in [row[:3] for row in rows]


def test_a_related_object_becomes_its_lookup_key_or_its_text(world):
    assert cell_of(Column("major", "m", kind="lookup", lookup="majors"), world.major) == "430105"
    assert cell_of(Column("department", "d"), world.department) == "新能源与电力学院"
    assert cell_of(Column("n", "n"), 3) == 3
