"""Benchmark: book a semester-long weekly series of a shared resource, with its conflict check.

    python benchmarks/bookings.py [--existing N] [--runs N]

Uses a fresh SQLite database in a temporary folder, or PostgreSQL when PGDATABASE is set (run it
under bin/with-postgres: the exclusion constraint of migration 0002 is then in force too). A
resource gets ``--existing`` single bookings spread over the autumn semester; then each run books
a 19-week series through the service (a free slot), and asks for one that collides with every
existing booking of its weekday (refused, every taken date listed). Prints the median time of
each, in milliseconds."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--existing", type=int, default=400)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()

    os.environ["DATA_DIR"] = tempfile.mkdtemp(prefix="chanchuang-bench-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chanchuang.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.utils import timezone

    from chanchuang.colleges.choices import BookingStatus
    from chanchuang.colleges.models import Booking, IndustryCollege, SharedResource
    from chanchuang.colleges.services import resources as services
    from chanchuang.core.choices import Role
    from chanchuang.core.models import Membership, School, User

    call_command("migrate", verbosity=0)
    school = School.objects.create(name="基准职业学院", code="4142000000", province_id="420000")
    actor = User.objects.create(username="bench", real_name="基准")
    Membership.objects.create(user=actor, role=Role.SCHOOL_STAFF, school=school)
    college = IndustryCollege.objects.create(school=school, name="基准产业学院",
                                             founded_on=dt.date(2025, 9, 1))
    zone = timezone.get_current_timezone()
    first = timezone.localdate(timezone.now()) + dt.timedelta(days=7)
    first -= dt.timedelta(days=first.weekday())  # a Monday still to come
    last = first + dt.timedelta(weeks=18)

    def resource(name: str) -> SharedResource:
        made = SharedResource.objects.create(college=college, name=name, kind="lab",
                                             capacity=40, open_days="12345",
                                             opens_at=dt.time(8), closes_at=dt.time(20))
        Booking.objects.bulk_create([
            Booking(resource=made, booked_by=actor, purpose="既有预约",
                    status=BookingStatus.APPROVED,
                    starts_at=dt.datetime.combine(first + dt.timedelta(days=(n // 5) % 126),
                                                  dt.time(8 + n % 5 * 2), zone),
                    ends_at=dt.datetime.combine(first + dt.timedelta(days=(n // 5) % 126),
                                                dt.time(9 + n % 5 * 2), zone))
            for n in range(args.existing)])
        return made

    free, refused = [], []
    for run in range(args.runs):
        lab = resource(f"实验室{run}")
        started = time.perf_counter()
        services.book_weekly(actor=actor, resource=lab, purpose="学期实训", first_day=first,
                             last_day=last, starts=dt.time(18), ends=dt.time(20))
        free.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        try:
            services.book_weekly(actor=actor, resource=lab, purpose="冲突", first_day=first,
                                 last_day=last, starts=dt.time(8), ends=dt.time(10))
        except services.SeriesConflict as exc:
            taken = len(exc.taken)
        refused.append((time.perf_counter() - started) * 1000)
    vendor = django.db.connection.vendor
    print(f"{vendor}: {args.existing} existing bookings per resource, 19-week series, "
          f"{args.runs} runs")
    print(f"  free series booked:      {statistics.median(free):7.1f} ms (median)")
    print(f"  conflicting series:      {statistics.median(refused):7.1f} ms (median), "
          f"{taken} taken dates listed")


if __name__ == "__main__":
    main()
