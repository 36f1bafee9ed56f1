"""The selection page reads: under review it shows the live ranking without writing a row,
and the scores application pages show are stored when a review is submitted."""

from __future__ import annotations

from decimal import Decimal

from django.urls import reverse

from chanchuang.core.tests.test_permission_matrix import no_writes
from chanchuang.innovation.models import Application, ApplicationMember
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


def test_a_team_passed_over_for_its_size_says_why_and_publishing_asks_first(client, world):
    cohort, apps = _reviewed(world, [[(9, 9), (7, 7), (5, 5)]] * 2, capacity=2)
    ApplicationMember.objects.create(application=apps[1], cohort=cohort,
                                     student=world.student_ma)  # a team of two
    client.force_login(world.staff_wang)
    url = reverse("innovation:cohort_selection", args=[cohort.pk])
    page = client.get(url).content.decode()
    # Rank 2 (two people) does not fit the one seat rank 1 leaves; rank 3 (alone) does.
    assert page.count("未录取原因") == 1
    assert "团队 2 人，超出剩余名额 1 个" in page
    assert 'data-confirm="确定发布录取结果？将向 2 个申请发出录取通知' in page
    intake.publish_selection(actor=world.staff_wang, cohort=cohort)
    page = client.get(url).content.decode()  # still explained once published
    assert "团队 2 人，超出剩余名额 1 个" in page
