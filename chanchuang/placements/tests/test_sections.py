"""Sections other apps add to a page below them (``core.sections``): a partner's page shows the
mentors who come from it with their current appointments, and its positions with the interns
placed; a student's innovation record shows the positions they took."""

from django.urls import reverse

from chanchuang.mentors.tests import factories as mf
from chanchuang.placements.choices import PlacementStatus
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


def test_the_partner_page_hides_the_positions_from_who_may_not_see_them(client, world):
    world.position_a  # noqa: B018
    client.force_login(world.mentor_chen)
    page = client.get(reverse("partners:partner_detail", args=[world.enterprise_a.pk])
                      ).content.decode()
    assert "来自该合作伙伴的导师" in page
    assert "岗位与实习生" not in page and world.position_a.title not in page


def test_the_record_lists_the_positions_the_student_took(client, world):
    placement = world.placement_liu  # matched in a published round, awaiting confirmation
    client.force_login(world.student_user)
    url = f"/students/{world.student_liu.pk}/innovation-record/"
    page = client.get(url).content.decode()  # issue 13: a match is on the record, not "无"
    assert placement.position.title in page and "已匹配" in page
    Placement.objects.filter(pk=placement.pk).update(status=PlacementStatus.CANCELLED)
    assert placement.position.title not in client.get(url).content.decode()
    Placement.objects.filter(pk=placement.pk).update(status=PlacementStatus.CONFIRMED)
    page = client.get(url).content.decode()
    assert "就业与实习岗位" in page and placement.position.title in page
    assert str(placement.position.organisation) in page
    # The section comes after the record's own cards; another student's record lists none.
    assert page.index("创办的企业") < page.index("就业与实习岗位")
    client.force_login(world.staff_wang)
    page = client.get(reverse("innovation:student_record", args=[world.student_ma.pk])
                      ).content.decode()
    assert "就业与实习岗位" in page and placement.position.title not in page
