"""A partner's page shows what other apps know of the partner: the mentors who come from it
with their current appointments, and its positions with the interns placed."""

from django.urls import reverse

from chanchuang.mentors.tests import factories as mf
from chanchuang.placements.models import Placement


def test_the_partner_page_shows_its_mentors_positions_and_interns(client, world):
    appointment = mf.appointment(mentor=world.mentor_a)
    appointment.status = "active"
    appointment.save()
    position = world.position_a
    world.placement_liu  # noqa: B018 — matched to one of the plan's positions
    Placement.objects.filter(student=world.student_liu).update(status="confirmed",
                                                               position=position)
    url = reverse("partners:partner_detail", args=[world.enterprise_a.pk])
    client.force_login(world.staff_wang)
    page = client.get(url).content.decode()
    assert "来自该合作伙伴的导师" in page and "向晓斌" in page
    assert str(appointment.title) in page
    assert "岗位与实习生" in page and position.title in page
    assert f"1 / {position.seats}" in page
    # Another partner's page lists none of them.
    page = client.get(reverse("partners:partner_detail", args=[world.enterprise_b.pk])
                      ).content.decode()
    assert "向晓斌" not in page and "导师库中暂无该合作伙伴的人员" in page


def test_the_enterprise_member_sees_their_own_positions_on_their_page(client, world):
    position = world.position_a
    client.force_login(world.hr_li)
    page = client.get(reverse("partners:partner_detail", args=[world.enterprise_a.pk])
                      ).content.decode()
    assert "岗位与实习生" in page and position.title in page
