"""Booking in a real browser: an enterprise member books the school's lab for a weekly series
for the order class, the school's staff approve it, and the calendar on a phone shows it to a
student of the class (others' bookings read 已占用)."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from chanchuang.colleges.models import Booking
from chanchuang.core.tests.browser import log_in, press

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _next_monday() -> dt.date:
    today = timezone.localdate(timezone.now())
    return today + dt.timedelta(days=7 - today.weekday())


def test_a_weekly_series_booked_approved_and_seen_by_a_student(page, browser_world,
                                                                live_server):
    world = browser_world
    lab, programme = world.resource_school, world.college_programme
    monday = _next_monday()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    log_in(page, live_server, "hr_li")
    page.goto(f"{live_server.url}{lab.get_absolute_url()}")
    expect(page.locator("#booking-calendar .fc-timegrid")).to_be_visible()
    page.get_by_role("link", name="预约", exact=True).click()
    page.locator("input[name=purpose]").fill("企业导师带教：碳核算实训")
    page.locator("input[name=day]").fill(monday.isoformat())
    page.locator("input[name=starts]").fill("09:00")
    page.locator("input[name=ends]").fill("11:00")
    page.locator("input[name=people]").fill("30")
    page.locator("select[name=programme]").select_option(label=programme.name, force=True)
    page.locator("input[name=weekly]").check()
    page.locator("input[name=last_day]").fill((monday + dt.timedelta(weeks=3)).isoformat())
    press(page, "预约", "已预约4个每周时段。")
    expect(page.get_by_text("待审批").first).to_be_visible()
    booking_url = page.url

    log_in(page, live_server, "staff_wang")
    page.goto(booking_url)
    press(page, "批准", "已批准4个预约。")
    assert set(Booking.objects.filter(resource=lab).values_list("status", flat=True)) == {
        "approved"}

    log_in(page, live_server, "student_liu")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}{lab.get_absolute_url()}?date={monday.isoformat()}")
    calendar = page.locator("#booking-calendar")
    expect(calendar.locator(".fc-timeGridDay-view")).to_be_visible()  # a phone: the day view
    event = calendar.locator(".fc-event", has_text="企业导师带教：碳核算实训")
    expect(event).to_be_visible()
    expect(calendar).not_to_contain_text("李建华")
    # FullCalendar's own styles apply despite the Content-Security-Policy: the event is placed
    # in the time grid, not left as a bare link.
    assert event.evaluate("e => getComputedStyle(e.parentElement).position") == "absolute"
    calendar.get_by_role("button", name="月", exact=True).click()
    expect(calendar.locator(".fc-dayGridMonth-view")).to_be_visible()
    assert not errors, errors
