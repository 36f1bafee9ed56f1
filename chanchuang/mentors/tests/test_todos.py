"""What the mentors app puts on a home: proposed appointments for their school's staff to
approve (never another school's), and a mentor's hours this year."""

import datetime as dt

from django.utils import timezone

from chanchuang.core.todos import figures_for, todos_for
from chanchuang.mentors.tests import factories as mentor_factories


def test_staff_approve_their_schools_proposed_appointments(world):
    proposed = world.appointment_proposed
    far = mentor_factories.appointment(mentor=world.mentor_far, status="proposed")
    world.appointment_a  # noqa: B018 — active: nothing to approve
    [todo] = todos_for(world.staff_wang)
    assert todo.what == f"审批聘任：{proposed}" and todo.url == proposed.get_absolute_url()
    assert todo.due == proposed.start_date
    assert [t.url for t in todos_for(world.staff_far)] == [far.get_absolute_url()]
    assert todos_for(world.hr_li) == todos_for(world.mentor_chen) == []


def test_a_mentor_sees_their_own_hours_of_this_year(world):
    this_year = timezone.localdate().replace(month=1, day=1)
    mentor_factories.activity(mentor=world.mentor_own, hours="3", day=this_year)
    mentor_factories.activity(mentor=world.mentor_own, hours="2.5", day=this_year)
    mentor_factories.activity(mentor=world.mentor_own, hours="6",
                              day=this_year - dt.timedelta(days=1))  # last year
    mentor_factories.activity(mentor=world.mentor_a, hours="9", day=this_year)  # not his
    [(_role, figures)] = figures_for(world.mentor_chen)
    hours = next(f for f in figures if f.label == "本年度课时")
    assert hours.value == "5.5" and hours.url == world.mentor_own.get_absolute_url()
