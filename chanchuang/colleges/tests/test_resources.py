"""Shared resources and bookings: who may book, single and weekly bookings, overlaps, opening
hours and conflicts refused with their Chinese message and nothing written, approval,
cancellation, use, the calendar's masking, the utilisation, the to-dos and the API."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from chanchuang.colleges import todos
from chanchuang.colleges.choices import Attendance, BookingStatus
from chanchuang.colleges.models import Booking, BookingSeries
from chanchuang.colleges.queries import resources as queries
from chanchuang.colleges.services import resources as services
from chanchuang.colleges.tests import factories as cf
from chanchuang.core.models import AuditEntry, Notification
from chanchuang.core.services import DomainError
from chanchuang.core.visibility import scope_of

ZONE = timezone.get_current_timezone()


def monday(weeks: int = 1) -> dt.date:
    """The Monday ``weeks`` weeks after this week's (always in the future for weeks ≥ 1)."""
    today = timezone.localdate(timezone.now())
    return today - dt.timedelta(days=today.weekday()) + dt.timedelta(weeks=weeks)


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=ZONE)


def book(world, user=None, resource=None, day=None, start=9, end=11, **extra):
    day = day or monday()
    return services.book(actor=user or world.hr_li, resource=resource or world.resource_a,
                         purpose=extra.pop("purpose", "光伏运维实训"), starts_at=at(day, start),
                         ends_at=at(day, end), **extra)


def nothing_written(before: int) -> None:
    assert Booking.objects.count() == before


# --- Who may book -------------------------------------------------------------------------


def test_the_college_people_may_book_and_others_may_not(world):
    resource = world.resource_school
    world.college_programme  # noqa: B018 — student_liu studies in it
    for user in (world.staff_wang, world.dept_zhou, world.hr_li, world.mentor_chen,
                 world.student_liu.user, world.admin):
        assert queries.may_book(user, resource), user
    for user in (world.hr_zhao, world.student_ma.user, world.staff_far, world.observer_hubei):
        assert not queries.may_book(user, resource), user


def test_an_enterprise_outside_the_college_is_refused_and_nothing_written(world):
    before = Booking.objects.count()
    world.resource_a  # noqa: B018
    with pytest.raises(DomainError, match="你不能预约光伏实训基地"):
        book(world, user=world.hr_zhao)
    nothing_written(before)


def test_a_student_outside_the_college_programmes_is_refused(world):
    world.college_programme  # noqa: B018
    with pytest.raises(DomainError, match="你不能预约"):
        book(world, user=world.student_ma.user, resource=world.resource_school)
    book(world, user=world.student_liu.user, resource=world.resource_school)


# --- One slot --------------------------------------------------------------------------------


def test_a_booking_awaits_the_owners_approval_and_they_are_told(world):
    booking = book(world, user=world.staff_wang)
    assert booking.status == BookingStatus.PENDING
    assert Notification.objects.filter(user=world.hr_li, url=booking.get_absolute_url()).exists()
    assert AuditEntry.objects.filter(action="colleges.booking.requested",
                                     object_id=str(booking.pk)).exists()


def test_a_resource_without_approval_books_at_once(world):
    resource = cf.resource(college=world.college, name="储能测试台", needs_approval=False)
    booking = book(world, resource=resource, user=world.staff_wang)
    assert booking.status == BookingStatus.APPROVED


def test_an_overlapping_booking_is_refused_naming_the_one_that_holds_the_slot(world):
    first = book(world)
    before = Booking.objects.count()
    with pytest.raises(DomainError) as refused:
        book(world, user=world.staff_wang, start=10, end=12)
    assert "该时段已被占用" in refused.value.message
    assert f"#{first.pk}" in refused.value.message and "李建华" in refused.value.message
    nothing_written(before)


def test_the_conflict_names_the_booking_without_the_booker_for_who_may_not_see_it(world):
    world.college_programme  # noqa: B018
    book(world, resource=world.resource_school, user=world.staff_wang, purpose="教研活动")
    with pytest.raises(DomainError) as refused:
        book(world, resource=world.resource_school, user=world.student_liu.user)
    assert "已占用" in refused.value.message and "王凯" not in refused.value.message


def test_back_to_back_bookings_do_not_overlap(world):
    book(world, start=9, end=11)
    assert book(world, start=11, end=12, user=world.staff_wang).pk


def test_a_refused_or_cancelled_booking_frees_its_slot(world):
    first = book(world)
    services.cancel(actor=world.hr_li, booking=first)
    assert book(world, user=world.staff_wang).pk


@pytest.mark.parametrize(("day", "start", "end", "message"), [
    (monday(), 7, 9, "开放时间为08:00至18:00"),
    (monday(), 17, 19, "开放时间为08:00至18:00"),
    (monday() + dt.timedelta(days=5), 9, 11, "星期六不开放"),
    (monday(), 11, 9, "结束时间：必须晚于开始时间"),
])
def test_out_of_hours_and_closed_days_are_refused(world, day, start, end, message):
    world.resource_a  # noqa: B018
    before = Booking.objects.count()
    with pytest.raises(DomainError, match=message):
        book(world, day=day, start=start, end=end)
    nothing_written(before)


def test_a_slot_in_the_past_and_too_many_people_are_refused(world):
    with pytest.raises(DomainError, match="已经过去"):
        book(world, day=monday(-2))
    with pytest.raises(DomainError, match="最多容纳40人"):
        book(world, people=41)


# --- Weekly series --------------------------------------------------------------------------


def test_a_weekly_series_books_every_week_until_the_last_day(world):
    first = monday()
    series = services.book_weekly(actor=world.hr_li, resource=world.resource_a,
                                  purpose="储能系统实训", first_day=first,
                                  last_day=first + dt.timedelta(weeks=7, days=2),
                                  starts=dt.time(14), ends=dt.time(16))
    days = [timezone.localtime(b.starts_at).date() for b in series.bookings.all()]
    assert days == [first + dt.timedelta(weeks=n) for n in range(8)]
    assert {b.status for b in series.bookings.all()} == {BookingStatus.PENDING}


def test_a_series_with_taken_dates_lists_them_all_and_books_none(world):
    first = monday()
    taken = [book(world, user=world.staff_wang, day=first + dt.timedelta(weeks=n), start=14,
                  end=15) for n in (1, 3)]
    before = (Booking.objects.count(), BookingSeries.objects.count())
    with pytest.raises(services.SeriesConflict) as refused:
        services.book_weekly(actor=world.hr_li, resource=world.resource_a, purpose="实训",
                             first_day=first, last_day=first + dt.timedelta(weeks=5),
                             starts=dt.time(14), ends=dt.time(16))
    message = refused.value.message
    assert "6个日期中有2个已被占用" in message and "仅预约空闲日期" in message
    assert all(f"#{b.pk}" in message for b in taken)
    assert [booking for _slot, booking in refused.value.taken] == taken
    assert (Booking.objects.count(), BookingSeries.objects.count()) == before


def test_book_the_free_ones_books_the_rest_of_the_series(world):
    first = monday()
    book(world, user=world.staff_wang, day=first + dt.timedelta(weeks=1), start=14, end=15)
    series = services.book_weekly(actor=world.hr_li, resource=world.resource_a, purpose="实训",
                                  first_day=first, last_day=first + dt.timedelta(weeks=3),
                                  starts=dt.time(14), ends=dt.time(16), free_only=True)
    assert series.bookings.count() == 3


def test_a_series_out_of_hours_or_too_long_is_refused(world):
    first = monday()
    with pytest.raises(DomainError, match="开放时间"):
        services.book_weekly(actor=world.hr_li, resource=world.resource_a, purpose="实训",
                             first_day=first, last_day=first + dt.timedelta(weeks=2),
                             starts=dt.time(17), ends=dt.time(19))
    with pytest.raises(DomainError, match="最长200天"):
        services.book_weekly(actor=world.hr_li, resource=world.resource_a, purpose="实训",
                             first_day=first, last_day=first + dt.timedelta(days=300),
                             starts=dt.time(9), ends=dt.time(10))
    assert not BookingSeries.objects.exists()


# --- Approval, cancellation, use ------------------------------------------------------------


def _series(world, weeks=4):
    first = monday()
    return services.book_weekly(actor=world.staff_wang, resource=world.resource_a,
                                purpose="光伏实训", first_day=first,
                                last_day=first + dt.timedelta(weeks=weeks - 1),
                                starts=dt.time(9), ends=dt.time(11))


def test_the_owner_approves_a_whole_series_and_the_booker_is_told(world):
    series = _series(world)
    first = series.bookings.first()
    assert world.hr_li.has_perm("colleges.decide_booking", first)
    assert not world.staff_wang.has_perm("colleges.decide_booking", first)
    assert services.approve(actor=world.hr_li, booking=first, whole_series=True) == 4
    assert set(series.bookings.values_list("status", flat=True)) == {BookingStatus.APPROVED}
    assert Notification.objects.filter(user=world.staff_wang, title__contains="已批准").exists()
    with pytest.raises(DomainError, match="只有待审批的预约"):
        services.refuse(actor=world.hr_li, booking=Booking.objects.get(pk=first.pk))


def test_cancelling_the_rest_of_a_series(world):
    series = _series(world)
    first = series.bookings.first()
    assert services.cancel(actor=world.staff_wang, booking=first, whole_series=True) == 4
    assert set(series.bookings.values_list("status", flat=True)) == {BookingStatus.CANCELLED}
    with pytest.raises(DomainError, match="没有可取消的"):
        services.cancel(actor=world.staff_wang, booking=Booking.objects.get(pk=first.pk))


def test_use_is_recorded_once_the_slot_is_over(world):
    booking = book(world)
    services.approve(actor=world.hr_li, booking=booking)
    with pytest.raises(DomainError, match="时段结束后"):
        services.record_use(actor=world.hr_li, booking=booking,
                            attendance=Attendance.ATTENDED)
    past = cf.booking(resource=world.resource_a, user=world.hr_li, day=monday(-1),
                      status=BookingStatus.APPROVED)
    services.record_use(actor=world.hr_li, booking=past, attendance=Attendance.NO_SHOW)
    assert Booking.objects.get(pk=past.pk).attendance == Attendance.NO_SHOW


# --- Pages ---------------------------------------------------------------------------------


def test_the_calendar_shows_others_bookings_as_occupied(client, world):
    world.college_programme  # noqa: B018
    mine = book(world, purpose="企业内训")
    for_class = book(world, start=14, end=16, purpose="订单班实训",
                     programme=world.college_programme)
    url = reverse("colleges:sharedresource_events", args=[world.resource_a.pk])
    query = {"start": at(monday(), 0).isoformat(), "end": at(monday() + dt.timedelta(7), 0)
             .isoformat()}
    client.force_login(world.student_liu.user)
    events = {e["id"]: e for e in client.get(url, query).json()}
    assert events[mine.pk]["title"] == "已占用" and events[mine.pk]["url"] == ""
    assert events[for_class.pk]["title"] == "订单班实训"
    client.force_login(world.staff_wang)
    events = {e["id"]: e for e in client.get(url, query).json()}
    assert events[mine.pk]["title"] == "企业内训（李建华）"
    assert client.get(url, {"start": "x", "end": "y"}).status_code == 400


def test_the_calendar_runs_on_the_schools_wall_clock_whatever_the_browsers_zone(client, world):
    booked = book(world, start=14, end=16, purpose="企业内训")
    url = reverse("colleges:sharedresource_events", args=[world.resource_a.pk])
    client.force_login(world.hr_li)
    # The calendar (in UTC mode) asks for the week from Monday 00:00 as "…Z": read as 00:00
    # in the school's zone, and the slot comes back as its wall-clock time, no offset.
    [event] = client.get(url, {"start": f"{monday()}T00:00:00Z",
                               "end": f"{monday() + dt.timedelta(7)}T00:00:00Z"}).json()
    assert (event["id"], event["start"], event["end"]) == (
        booked.pk, f"{monday()}T14:00:00", f"{monday()}T16:00:00")
    late = client.get(url, {"start": f"{monday()}T15:00:00Z",
                            "end": f"{monday()}T23:00:00Z"}).json()
    assert [e["id"] for e in late] == [booked.pk]  # 15:00 in Wuhan, not 23:00 as 15:00 UTC


def test_the_resource_page_offers_the_calendar_and_booking_to_who_may_book(client, world):
    client.force_login(world.hr_li)
    page = client.get(world.resource_a.get_absolute_url())
    assert page.status_code == 200 and b'id="booking-calendar"' in page.content
    assert reverse("colleges:booking_add", args=[world.resource_a.pk]).encode() in page.content
    client.force_login(world.hr_zhao)
    assert client.get(world.resource_a.get_absolute_url()).status_code == 404


def test_booking_a_series_through_the_form_and_a_conflict_listed(client, world):
    first = monday()
    book(world, user=world.staff_wang, day=first + dt.timedelta(weeks=1), start=9, end=10)
    client.force_login(world.hr_li)
    url = reverse("colleges:booking_add", args=[world.resource_a.pk])
    data = {"purpose": "光伏运维", "day": first.isoformat(), "starts": "09:00", "ends": "11:00",
            "people": 20, "weekly": "on", "last_day": (first + dt.timedelta(weeks=2)).isoformat()}
    before = Booking.objects.count()
    page = client.post(url, data)
    assert "3个日期中有1个已被占用" in page.content.decode()
    nothing_written(before)
    done = client.post(url, {**data, "free_only": "on"})
    assert done.status_code == 302 and Booking.objects.count() == before + 2


def test_a_single_booking_through_the_form_refused_out_of_hours(client, world):
    client.force_login(world.hr_li)
    url = reverse("colleges:booking_add", args=[world.resource_a.pk])
    page = client.post(url, {"purpose": "夜间实验", "day": monday().isoformat(),
                             "starts": "19:00", "ends": "20:00", "people": 1})
    assert "开放时间为08:00至18:00" in page.content.decode()
    assert not Booking.objects.filter(purpose="夜间实验").exists()


def test_the_booking_page_hides_the_booker_from_others(client, world):
    world.college_programme  # noqa: B018
    booking = book(world, purpose="企业内训")
    client.force_login(world.student_liu.user)
    page = client.get(booking.get_absolute_url()).content.decode()
    assert "已占用" in page and "李建华" not in page and "企业内训" not in page
    client.force_login(world.hr_li)
    page = client.get(booking.get_absolute_url()).content.decode()
    assert "企业内训" in page and "批准" in page


def test_approving_through_the_page(client, world):
    series = _series(world, weeks=3)
    client.force_login(world.hr_li)
    response = client.post(reverse("colleges:booking_approve",
                                   args=[series.bookings.first().pk]), {"whole_series": "on"})
    assert response.status_code == 302
    assert set(series.bookings.values_list("status", flat=True)) == {BookingStatus.APPROVED}


def test_the_booking_list_masks_the_booker_and_exports(client, world):
    world.college_programme  # noqa: B018
    book(world, purpose="企业内训")
    client.force_login(world.student_liu.user)
    page = client.get(reverse("colleges:booking_list")).content.decode()
    assert "已占用" in page and "企业内训" not in page
    exported = client.get(reverse("colleges:booking_list"), {"export": "csv"}).content.decode()
    assert "已占用" in exported and "李建华" not in exported


def test_utilisation_per_resource_owner_and_month(client, world):
    day = monday(-1)
    booking = cf.booking(resource=world.resource_a, user=world.hr_li, day=day,
                         status=BookingStatus.APPROVED)
    Booking.objects.filter(pk=booking.pk).update(attendance=Attendance.ATTENDED)
    cf.booking(resource=world.resource_a, user=world.hr_li, day=day, start=dt.time(14),
               end=dt.time(15), status=BookingStatus.APPROVED)
    usage = queries.utilisation(world.staff_wang, day, day)
    row = next(r for r in usage.resources if r.label == "光伏实训基地")
    assert (row.booked, row.used, row.bookings) == (3, 2, 2)
    assert row.open == queries.open_hours(world.resource_a, day.year, day.month)
    assert [o.label for o in usage.owners] == [world.enterprise_a.name]
    client.force_login(world.staff_wang)
    url = reverse("colleges:sharedresource_utilisation")
    month = f"{day:%Y-%m}"
    page = client.get(url, {"first": month, "last": month})
    assert page.status_code == 200 and "光伏实训基地" in page.content.decode()
    exported = client.get(url, {"first": month, "last": month, "export": "xlsx"})
    sheet = load_workbook(__import__("io").BytesIO(exported.content)).active
    rows = list(sheet.values)
    assert any(r[0] == "光伏实训基地" and r[3] == 3 for r in rows)


# --- To-dos --------------------------------------------------------------------------------


def test_the_owner_is_asked_to_approve_and_to_record_use(world):
    booking = book(world, user=world.staff_wang)
    cf.booking(resource=world.resource_a, user=world.staff_wang, day=monday(-1),
               status=BookingStatus.APPROVED)
    cf.booking(resource=world.resource_far, user=world.staff_far, day=monday(-1),
               status=BookingStatus.APPROVED)
    items = todos.booking_todos(world.hr_li, scope_of(world.hr_li))
    assert items[0].url == booking.get_absolute_url()
    assert any("记录光伏实训基地的使用情况" in item.what for item in items)
    assert len(items) == 2
    assert todos.booking_todos(world.student_liu.user, scope_of(world.student_liu.user)) == []
    # The far college's resource belongs to its enterprise, not to its school's staff.
    assert todos.booking_todos(world.staff_far, scope_of(world.staff_far)) == []


# --- API -------------------------------------------------------------------------------------


def test_the_api_books_a_series_answers_conflicts_and_masks_others(client, world):
    world.college_programme  # noqa: B018
    first = monday()
    book(world, user=world.staff_wang, day=first + dt.timedelta(weeks=1), start=9, end=10)
    client.force_login(world.hr_li)
    url = f"/api/v1/shared-resources/{world.resource_a.pk}/bookings"
    body = {"purpose": "光伏运维", "weekly": {"first_day": first.isoformat(),
                                          "last_day": (first + dt.timedelta(weeks=2)).isoformat(),
                                          "starts": "09:00", "ends": "11:00"}}
    conflict = client.post(url, json.dumps(body), content_type="application/json")
    assert conflict.status_code == 409 and conflict.json()["free"] == 2
    assert len(conflict.json()["taken"]) == 1
    made = client.post(url, json.dumps({**body, "free_only": True}),
                       content_type="application/json")
    assert made.status_code == 201 and len(made.json()) == 2
    client.force_login(world.student_liu.user)
    listed = client.get("/api/v1/bookings").json()["items"]
    assert listed and all(b["occupied"] and b["booked_by"] is None for b in listed)
    client.force_login(world.hr_li)
    booking_id = made.json()[0]["id"]
    approved = client.post(f"/api/v1/bookings/{booking_id}/approve",
                           json.dumps({"whole_series": True}), content_type="application/json")
    assert approved.json() == {"count": 2}
    refused = client.post(f"/api/v1/shared-resources/{world.resource_a.pk}/bookings",
                          json.dumps({"purpose": "x", "starts_at": at(first, 7).isoformat(),
                                      "ends_at": at(first, 8).isoformat()}),
                          content_type="application/json")
    assert refused.status_code == 400 and "开放时间" in refused.json()["detail"]


# --- Describing resources -------------------------------------------------------------------


def _resource_form(world, **changes):
    data = {"college": world.college.pk, "kind": "lab", "name": "碳排放监测实验室",
            "owner": world.enterprise_a.pk, "location": "实训楼B201", "capacity": 30,
            "opens_at": "08:30", "closes_at": "17:30", "open_days": ["1", "2", "3"],
            "needs_approval": "on", "is_active": "on", "rules": "", "description": ""}
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_an_enterprise_member_describes_their_own_resource(client, world):
    client.force_login(world.hr_li)
    response = client.post(reverse("colleges:sharedresource_add"), _resource_form(world))
    assert response.status_code == 302
    resource = world.college.resources.get(name="碳排放监测实验室")
    assert (resource.open_days, resource.owner) == ("123", world.enterprise_a)
    assert AuditEntry.objects.filter(action="created", object_id=str(resource.pk)).exists()


def test_a_resource_of_another_organisation_or_a_non_member_is_refused(client, world):
    client.force_login(world.hr_li)
    page = client.post(reverse("colleges:sharedresource_add"),
                       _resource_form(world, owner=None))
    assert "只能登记本单位共享的资源" in page.content.decode()
    client.force_login(world.staff_wang)
    page = client.post(reverse("colleges:sharedresource_add"),
                       _resource_form(world, owner=world.enterprise_b.pk))
    assert "不是碳中和产业学院的成员单位" in page.content.decode()
    assert not world.college.resources.filter(name="碳排放监测实验室").exists()
