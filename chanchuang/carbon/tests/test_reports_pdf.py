"""Each student's graded report as a PDF (through core's one renderer) and the instructor's zip
of them all: what the report says, who may have it, and that each download is logged."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.urls import reverse
from pypdf import PdfReader

from chanchuang.carbon.services import sessions
from chanchuang.carbon.tests.test_results import at_day, play
from chanchuang.core.models import AuditEntry
from chanchuang.core.tests import factories as f

pytestmark = pytest.mark.django_db


def text_of(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return "".join(page.extract_text() for page in reader.pages).replace(" ", "").replace(
        "\n", "")


def test_a_students_report_renders_and_is_logged(client, world):
    session = play(world)
    client.force_login(world.student_user)
    response = client.get(reverse("carbon:report", args=[session.simulation.pk,
                                                         session.liu_part.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'inline; filename="carbon-report-{session.simulation.pk}-2025000001.pdf"')
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) >= 1
    entry = AuditEntry.objects.get(action="exported")
    assert (entry.actor, entry.object_id, entry.data["format"], entry.data["rows"]) == (
        world.student_user, str(session.simulation.pk), "pdf", 1)


@pytest.mark.cjk_fonts
def test_the_report_carries_the_student_the_years_the_trading_and_the_grade(client, world):
    session = play(world)
    client.force_login(world.staff_wang)
    response = client.get(reverse("carbon:report", args=[session.simulation.pk,
                                                         session.liu_part.pk]))
    text = text_of(response.content)
    for expected in ("刘欣怡", "2025000001", "电力自动化2501班", "碳交易实训第1讲",
                     session.liu.name.replace(" ", ""), "2,295,000",  # verified, each year
                     "99,999", "4,999,950.00", "50.00",  # bought, at ¥50.00 on average
                     "20,000", "800,000.00",  # CCER
                     "5,799,950.00", "1.26", "100.00"):
        assert expected in text, expected


@pytest.mark.cjk_fonts
def test_the_zip_holds_every_students_report(client, world):
    """A class of 30 students, built on the request (about 10 s on a busy 2-CPU machine:
    see the view's docstring)."""
    simulation = world.simulation
    world.participant_liu  # noqa: B018
    for n in range(29):
        student = f.StudentFactory(school_class=world.school_class,
                                   student_no=f"20259{n:05d}")
        sessions.join(user=student.user, code=simulation.join_code)
    simulation = sessions.start(actor=world.staff_wang, simulation=simulation)
    at_day(simulation, simulation.scenario.calendar.surrender_day(1) + 1.5)
    client.force_login(world.student_user)
    assert client.get(reverse("carbon:report_zip", args=[simulation.pk])).status_code == 403
    client.force_login(world.staff_wang)
    response = client.get(reverse("carbon:report_zip", args=[simulation.pk]))
    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = archive.namelist()
    assert len(names) == 30
    assert f"carbon-report-{simulation.pk}-2025000001.pdf" in names
    assert "刘欣怡" in text_of(archive.read(f"carbon-report-{simulation.pk}-2025000001.pdf"))
    entry = AuditEntry.objects.get(action="exported")
    assert (entry.data["format"], entry.data["rows"]) == ("zip", 30)
