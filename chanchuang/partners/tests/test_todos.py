"""What the partners app puts on a home's to-do list: agreements in their reminder window (the
last 60 days by default; ``queries.falling_due``) or ended and still in force, for their
school's staff, and commitments short of their target under them, for staff and for the
committed organisation; never another school's or another organisation's."""

import datetime as dt
from decimal import Decimal

from django.urls import reverse
from django.utils import timezone

from chanchuang.core.todos import figures_for, todos_for
from chanchuang.partners.choices import AgreementStatus
from chanchuang.partners.models import AgreementParty, Delivery


def _ending(agreement, days: int):
    agreement.end_date = timezone.localdate() + dt.timedelta(days=days)
    agreement.save()
    return agreement


def _whats(user) -> list[str]:
    return [todo.what for todo in todos_for(user)]


def test_staff_see_their_schools_agreements_ending_or_ended(world):
    a = _ending(world.agreement_a, 30)
    b = _ending(world.agreement_b, -5)
    far = _ending(world.agreement_far, 10)
    _ending(world.agreement_draft, 10)  # not signed: nothing to renew
    agreements = [t for t in todos_for(world.staff_wang) if not t.what.startswith("待履约")]
    assert [(t.what, t.due) for t in agreements] == [
        (f"已到期但仍为生效状态：{b}", b.end_date), (f"续签或结束：{a}", a.end_date)]
    assert far.get_absolute_url() not in [t.url for t in todos_for(world.staff_wang)]
    # Its renewal, and its two commitments (the organisation's and the school's).
    assert [t.url for t in todos_for(world.staff_far)] == [far.get_absolute_url()] * 3


def test_three_party_internship_agreements_and_far_off_ends_are_left_out(world):
    _ending(world.agreement_b, 90)
    AgreementParty.objects.create(agreement=_ending(world.agreement_a, 30),
                                  student=world.student_liu)
    assert todos_for(world.staff_wang) == []


def test_an_organisation_is_told_of_its_own_commitments_falling_due(world):
    a = _ending(world.agreement_a, 30)
    [todo] = todos_for(world.hr_li)
    assert todo.what == f"待履约：{world.commitment_a}" and todo.url == a.get_absolute_url()
    assert todo.due == a.end_date and "已履约 0 / 10" in todo.detail
    assert todos_for(world.hr_zhao) == []
    # The school's own commitment under it is staff's to-do, beside the agreement.
    assert f"待履约：{world.commitment_a_school}" in _whats(world.staff_wang)
    Delivery.objects.create(commitment=world.commitment_a, quantity=Decimal(10),
                            delivered_on=a.start_date)
    assert todos_for(world.hr_li) == []


def test_an_expired_agreement_no_longer_in_force_asks_nothing(world):
    agreement = _ending(world.agreement_a, -5)
    agreement.status = AgreementStatus.EXPIRED
    agreement.save()
    assert todos_for(world.staff_wang) == todos_for(world.hr_li) == []


def test_an_enterprise_sees_how_many_of_its_commitments_are_met(world):
    Delivery.objects.create(commitment=world.commitment_a, quantity=Decimal(10),
                            delivered_on=world.agreement_a.start_date)
    world.agreement_draft  # noqa: B018 — not in force: not counted
    [(_role, figures)] = figures_for(world.hr_li)
    met = next(f for f in figures if f.label == "已完成的承诺")
    assert met.value == "1 / 1" and met.url == reverse("partners:agreement_list")


def test_each_agreement_falls_due_by_its_own_reminder_window(world):
    a = _ending(world.agreement_a, 80)
    a.reminder_days = 90
    a.save()
    b = _ending(world.agreement_b, 30)
    b.reminder_days = 20
    b.save()
    assert [t.url for t in todos_for(world.staff_wang) if t.what.startswith("续签")] == [
        a.get_absolute_url()]
