"""The selection page reads: under review it shows the live ranking without writing a row,
and the scores application pages show are stored when a review is submitted."""

from __future__ import annotations

from decimal import Decimal

from django.urls import reverse

from chanchuang.core.tests.test_permission_matrix import no_writes
from chanchuang.innovation.models import Application
from chanchuang.innovation.services import intake
from chanchuang.innovation.tests.test_intake import _reviewed


def test_the_selection_page_under_review_writes_nothing(client, world):
    cohort, apps = _reviewed(world, [[(9, 9), (7, 7)], [(5, 5), (3, 3)]])
    client.force_login(world.staff_wang)
    with no_writes():
        response = client.get(reverse("innovation:cohort_selection", args=[cohort.pk]))
    assert response.status_code == 200
    assert [a.pk for a in response.context["ranked"]] == [apps[0].pk, apps[1].pk]


def test_a_submitted_review_stores_the_scores_the_application_page_shows(world):
    _cohort, apps = _reviewed(world, [[(9, 9), (7, 7)], [(5, 5), (3, 3)]])
    stored = Application.objects.get(pk=apps[0].pk)
    assert (stored.rank, stored.raw_score) == (1, Decimal("70.00"))
    intake.withdraw(actor=world.staff_wang, application=Application.objects.get(pk=apps[0].pk))
    assert Application.objects.get(pk=apps[1].pk).rank == 1
