"""The shared-resources demo: ten resources of the demo college with a semester of bookings
through the services, one awaiting approval, the use of past slots recorded; run again, it
changes nothing; without the college, it does nothing."""

from chanchuang.colleges.choices import Attendance, BookingStatus
from chanchuang.colleges.demo import resources as demo
from chanchuang.colleges.models import Booking, IndustryCollege, SharedResource


def test_the_demo_seeds_ten_resources_and_a_semester_of_bookings(world):
    world.college_programme  # noqa: B018 — the demo college of the cast, with student_liu
    summary = demo.seed()
    assert summary.startswith("10 shared resources")
    bookings = Booking.objects.filter(resource__college=world.college)
    assert bookings.filter(status=BookingStatus.PENDING).count() == 1
    assert bookings.filter(series__isnull=False).values("series").distinct().count() == 5
    assert bookings.filter(attendance=Attendance.ATTENDED).exists()
    assert bookings.filter(attendance=Attendance.NO_SHOW).exists()
    count = bookings.count()
    assert demo.seed().endswith("(already there)") and bookings.count() == count


def test_without_the_demo_college_the_demo_does_nothing(world):
    IndustryCollege.objects.filter(name=demo.COLLEGE).delete()
    assert demo.seed() == "" and not SharedResource.objects.exists()
