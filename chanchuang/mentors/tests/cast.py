"""Mentors' part of the test cast: mentor_chen's own record (of the college), a mentor of
enterprise A (hr_li's colleague) and one of B, one of the other school; their appointments,
activities, titles and photos. Built on first use from core's people (core/tests/cast.py)."""

from __future__ import annotations

from functools import cached_property, partial
from types import SimpleNamespace

from chanchuang.core.document_kinds import ensure_builtin
from chanchuang.core.tests.factories import with_file
from chanchuang.mentors.models import AppointmentTitle
from chanchuang.mentors.tests import factories as mf


class MentorsCast:
    """Mixin of core's ``Cast``: the mentors objects of the world."""

    REFERENCE_DATA = (partial(ensure_builtin, AppointmentTitle),)

    @cached_property
    def mentor_own(self):
        return mf.mentor(school=self.school, name="陈朋", user=self.mentor_chen)

    @cached_property
    def mentor_a(self):
        return mf.mentor(school=self.school, name="向晓斌", organisation=self.enterprise_a)

    @cached_property
    def mentor_b(self):
        return mf.mentor(school=self.school, name="汪悦然", organisation=self.enterprise_b)

    @cached_property
    def mentor_far(self):
        return mf.mentor(school=self.other_school, name="远方导师", organisation=self.org_far)

    @cached_property
    def appointment_own(self):
        return mf.appointment(mentor=self.mentor_own)

    @cached_property
    def appointment_a(self):
        return mf.appointment(mentor=self.mentor_a)

    @cached_property
    def appointment_b(self):
        return mf.appointment(mentor=self.mentor_b)

    @cached_property
    def appointment_proposed(self):
        return mf.appointment(mentor=self.mentor_a, status="proposed")

    @cached_property
    def appointment_far(self):
        return mf.appointment(mentor=self.mentor_far)

    @cached_property
    def activity_a(self):
        return mf.activity(mentor=self.mentor_a)

    @cached_property
    def activity_own(self):
        return mf.activity(mentor=self.mentor_own)

    @cached_property
    def title_own(self):
        return AppointmentTitle.objects.create(school=self.school, name="产业教授",
                                               letter_template="{{ letter.name }}")

    @cached_property
    def title_builtin(self):
        return mf.builtin_title()

    @property
    def letter_code(self):
        """appointment_a's verification code, where the matrix expects a pk."""
        return SimpleNamespace(pk=self.appointment_a.verification_code)

    @property
    def mentor_a_photo(self):
        return with_file(self.mentor_a, "photo", "照片.png", self.tiny_png())

    @property
    def mentor_far_photo(self):
        return with_file(self.mentor_far, "photo", "照片.png", self.tiny_png())
