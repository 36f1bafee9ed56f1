"""Placements' part of the test cast: a plan for the first department's 2025 major, positions
at enterprises A and B, round 1 published (student_liu placed at A), round 2 open; the other
school's plan, position and placement; logs with attachments and guardians' consents. Built on
first use from core's people (core/tests/cast.py)."""

from __future__ import annotations

import datetime as dt
from functools import cached_property
from types import SimpleNamespace

from django.core.files.base import ContentFile

from chanchuang.core.tests.factories import TINY_PDF, with_file
from chanchuang.placements.models import Log, Placement
from chanchuang.placements.services import sign_off_token
from chanchuang.placements.tests import factories as plf


class PlacementsCast:
    """Mixin of core's ``Cast``: the placements objects of the world."""

    @cached_property
    def plan(self):
        return plf.plan(school=self.school, major=self.major)

    @cached_property
    def plan_far(self):
        return plf.plan(school=self.other_school, major=self.major_far)

    @cached_property
    def position_a(self):
        return plf.position(plan=self.plan, organisation=self.enterprise_a)

    @cached_property
    def position_b(self):
        return plf.position(plan=self.plan, organisation=self.enterprise_b, title="储备店长")

    @cached_property
    def position_far(self):
        return plf.position(plan=self.plan_far, organisation=self.org_far)

    @cached_property
    def block(self):
        return self.plan.blocks.first()

    @cached_property
    def round(self):
        """Round 1, published: student_liu chose A then B and is placed at A."""
        return plf.published_round(self.plan,
                                   {self.student_liu: [self.position_a, self.position_b]})

    @cached_property
    def round_open(self):
        self.round  # noqa: B018 — round 2 follows round 1
        return plf.selection_round(self.plan, number=2)

    @property
    def placement_liu(self):
        self.round  # noqa: B018
        return self.student_liu.placements.get()

    @cached_property
    def placement_far(self):
        return Placement.objects.create(
            student=self.student_far, position=self.position_far,
            start_date=plf.ENTERPRISE_BLOCK[0], end_date=plf.ENTERPRISE_BLOCK[1])

    @cached_property
    def policy(self):
        return plf.policy(self.school)

    @property
    def placement_liu_plan(self):
        """The plan, once student_liu is placed in it (its deletion is refused)."""
        self.round  # noqa: B018
        return self.plan

    @property
    def sign_off_link(self):
        """student_liu's placement's sign-off token, where the matrix expects a pk."""
        return SimpleNamespace(pk=sign_off_token(self.placement_liu))

    @cached_property
    def log_liu(self):
        return _log(self.placement_liu)

    @cached_property
    def log_far(self):
        return _log(self.placement_far)

    @property
    def placement_liu_consent(self):
        return with_file(self.placement_liu, "guardian_consent", "监护人同意书.pdf")

    @property
    def placement_far_consent(self):
        return with_file(self.placement_far, "guardian_consent", "监护人同意书.pdf")


def _log(placement):
    """A milestone log of the placement's first week, with a PDF attached."""
    return Log.objects.create(
        placement=placement, period_start=placement.start_date,
        period_end=placement.start_date + dt.timedelta(days=6),
        content="第一周：熟悉岗位与安全规程。",
        attachment=ContentFile(TINY_PDF, name="周志.pdf"))
