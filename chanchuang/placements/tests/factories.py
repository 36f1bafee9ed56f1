"""Builders of placements objects for tests (used by the cast in cast.py)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from chanchuang.core import services as core_services
from chanchuang.placements.choices import BlockKind, PlacementStatus, RoundStatus
from chanchuang.placements.models import (
    InsurancePolicy,
    Placement,
    PlanBlock,
    Position,
    Preference,
    SelectionRound,
    TrainingPlan,
)
from chanchuang.placements.services import MATCH_PURPOSE, build_instance

ENTERPRISE_BLOCK = (dt.date(2026, 9, 7), dt.date(2027, 1, 15))


def plan(*, school, major, year: int = 2025, name="2025级校企交替培养") -> TrainingPlan:
    """A plan for a major's enrolment year, with a school block and an enterprise block."""
    made = TrainingPlan.objects.create(school=school, name=name, major=major,
                                       enrolment_year=year)
    PlanBlock.objects.create(plan=made, kind=BlockKind.SCHOOL, start_date=dt.date(2026, 3, 1),
                             end_date=dt.date(2026, 7, 10))
    PlanBlock.objects.create(plan=made, kind=BlockKind.ENTERPRISE,
                             start_date=ENTERPRISE_BLOCK[0], end_date=ENTERPRISE_BLOCK[1])
    return made


def position(*, plan, organisation, title="运维技术员", seats=2, **extra) -> Position:
    """An open position meeting every condition of the law."""
    defaults = {"post_headcount": 50, "stipend": 3000, "probation_wage": 3500}
    return Position.objects.create(plan=plan, organisation=organisation, title=title,
                                   seats=seats, **{**defaults, **extra})


def selection_round(plan, *, number=1, status=RoundStatus.OPEN) -> SelectionRound:
    """A round with deadlines a week ahead."""
    soon = timezone.now() + dt.timedelta(days=7)
    return SelectionRound.objects.create(plan=plan, number=number, status=status,
                                         choices_deadline=soon,
                                         rankings_deadline=soon + dt.timedelta(days=3))


def published_round(plan, choices: dict) -> SelectionRound:
    """Round 1 of the plan, matched and published: ``choices`` student → [positions]."""
    made = selection_round(plan)
    for student, positions in choices.items():
        for rank, chosen in enumerate(positions, start=1):
            Preference.objects.create(round=made, student=student, position=chosen, rank=rank)
    made.run = core_services.freeze_match(actor=None, school_id=plan.school_id,
                                          purpose=MATCH_PURPOSE, instance=build_instance(made)[0],
                                          seed=7)
    made.status = RoundStatus.RUNNING
    made.save()
    core_services.execute_match(made.run_id)
    made.refresh_from_db()
    core_services.publish_match(made.run)
    made.status = RoundStatus.PUBLISHED
    made.save()
    for student_id, position_id in made.run.result["assignment"].items():
        if position_id:
            Placement.objects.create(student_id=int(student_id), position_id=int(position_id),
                                     round=made, status=PlacementStatus.MATCHED,
                                     start_date=ENTERPRISE_BLOCK[0],
                                     end_date=ENTERPRISE_BLOCK[1])
    return made


def policy(school) -> InsurancePolicy:
    """A school-paid policy covering the enterprise block."""
    return InsurancePolicy.objects.create(school=school, number="PICC-2026-001",
                                          insurer="中国人民财产保险", payer="school",
                                          start_date=dt.date(2026, 9, 1),
                                          end_date=dt.date(2027, 2, 28))
