"""Appointment titles as a kind of document (``core.document_kinds``): the built-in ones from
the data file, a school's own, and retiring one."""

from __future__ import annotations

from django.urls import reverse

from chanchuang.core.document_kinds import ensure_builtin
from chanchuang.mentors.documents import default_letter_template
from chanchuang.mentors.models import AppointmentTitle


def _retire(client, title) -> None:
    """Save the title with "in use" unticked."""
    client.post(reverse("mentors:appointmenttitle_edit", args=[title.pk]), {
        "name": title.name, "letter_template": title.letter_template})


def test_the_built_in_titles_come_from_the_data_file_once(db):
    ensure_builtin(AppointmentTitle)
    ensure_builtin(AppointmentTitle)
    builtin = AppointmentTitle.objects.filter(school=None)
    assert sorted(builtin.values_list("code", flat=True)) == [
        "enterprise_mentor", "guest_professor", "teaching_director"]
    assert {title.letter_template for title in builtin} == {default_letter_template()}
    assert all(title.is_active for title in builtin)


def test_a_title_no_longer_in_use_is_not_offered_for_a_new_appointment(client, world):
    client.force_login(world.staff_wang)
    title = world.title_own
    offered = client.get(reverse("mentors:appointment_add")).context["form"]["title"]
    assert title in offered.field.queryset
    _retire(client, title)
    assert not AppointmentTitle.objects.get(pk=title.pk).is_active
    offered = client.get(reverse("mentors:appointment_add")).context["form"]["title"]
    assert title not in offered.field.queryset
    assert world.title_builtin in offered.field.queryset


def test_the_title_list_filters_by_in_use(client, world):
    client.force_login(world.staff_wang)
    title = world.title_own
    _retire(client, title)
    response = client.get(reverse("mentors:appointmenttitle_list"), {"is_active": "false"})
    assert [row.record for row in response.context["table"].page.object_list] == [title]


def test_a_title_may_have_a_long_name(client, world):
    name = "产业教授" * 20  # 80 characters: titles used to stop at 50
    client.force_login(world.staff_wang)
    client.post(reverse("mentors:appointmenttitle_add"), {
        "name": name, "letter_template": "{{ letter.name }}", "is_active": "on"})
    assert AppointmentTitle.objects.get(school=world.school, name=name).is_active
