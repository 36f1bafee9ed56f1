"""Two or more requests racing for one slot of a shared resource on PostgreSQL: exactly one
wins, the others are told which booking holds the slot, and no two bookings holding a slot
overlap. The exclusion constraint of migration 0002 is what decides a race the booking
service's own check cannot see (both transactions check before either commits)."""

import datetime as dt

import pytest
from django.db import IntegrityError, connection, transaction

from chanchuang.colleges.choices import BookingStatus
from chanchuang.colleges.models import Booking
from chanchuang.colleges.services import resources as services
from chanchuang.colleges.tests import factories as cf
from chanchuang.colleges.tests.test_resources import at, monday
from chanchuang.core.services import DomainError
from chanchuang.core.tests.races import race

pytestmark = pytest.mark.django_db(transaction=True)

RACERS = 12


@pytest.fixture(autouse=True)
def _postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("the exclusion constraint exists only on PostgreSQL (SQLite serialises "
                    "writers; the service's check inside the transaction covers it)")


def test_many_requests_racing_for_one_slot_exactly_one_wins(world):
    resource = world.resource_a
    people = [world.hr_li, world.staff_wang, world.dept_zhou, world.mentor_chen]
    day = monday()

    def request(user, start):
        return lambda: services.book(actor=user, resource=resource, purpose="抢占实训时段",
                                     starts_at=at(day, start), ends_at=at(day, start + 2))

    outcomes = race([request(people[i % len(people)], 9 + i % 2) for i in range(RACERS)])
    won = [o for o in outcomes if isinstance(o, Booking)]
    lost = [o for o in outcomes if isinstance(o, DomainError)]
    assert len(won) == 1 and len(lost) == RACERS - 1
    winner = won[0]
    assert all("该时段已被占用" in exc.message and f"#{winner.pk}" in exc.message
               for exc in lost), [exc.message for exc in lost]
    assert Booking.objects.filter(resource=resource).count() == 1


def test_racing_weekly_series_one_wins_the_other_books_nothing(world):
    resource = world.resource_a
    first = monday()

    def series(user, weeks):
        return lambda: services.book_weekly(
            actor=user, resource=resource, purpose="学期实训", first_day=first,
            last_day=first + dt.timedelta(weeks=weeks), starts=dt.time(14), ends=dt.time(16))

    outcomes = race([series(world.hr_li, 15), series(world.staff_wang, 17)])
    assert sum(isinstance(o, DomainError) for o in outcomes) == 1
    holding = Booking.objects.filter(resource=resource, status__in=["pending", "approved"])
    assert holding.values("booked_by").distinct().count() == 1


def test_the_constraint_refuses_an_overlap_the_service_did_not_see(world, monkeypatch):
    """The service's own check is blinded (as in a race): the insert fails on the exclusion
    constraint, and the service names the booking that holds the slot; nothing is written."""
    day = monday()
    holder = cf.booking(resource=world.resource_a, user=world.hr_li, day=day,
                        status=BookingStatus.APPROVED)
    real = services.queries.collisions
    calls = []

    def blind_once(resource, slots):
        calls.append(slots)
        return {} if len(calls) == 1 else real(resource, slots)

    monkeypatch.setattr(services.queries, "collisions", blind_once)
    with pytest.raises(DomainError) as refused:
        services.book(actor=world.staff_wang, resource=world.resource_a, purpose="重叠",
                      starts_at=at(day, 10), ends_at=at(day, 12))
    assert f"#{holder.pk}" in refused.value.message
    assert Booking.objects.filter(resource=world.resource_a).count() == 1


def test_the_database_itself_refuses_overlapping_holding_bookings(world):
    day = monday()
    cf.booking(resource=world.resource_a, user=world.hr_li, day=day)
    with pytest.raises(IntegrityError, match="booking_no_overlap"), transaction.atomic():
        cf.booking(resource=world.resource_a, user=world.staff_wang, day=day,
                   start=dt.time(10), end=dt.time(12))
    # Refused and cancelled bookings hold nothing: they may overlap.
    cf.booking(resource=world.resource_a, user=world.staff_wang, day=day,
               status=BookingStatus.CANCELLED)
