"""Positions count as talent demand, never typed twice: whenever a position is saved (by a page,
the API, an import or the demo), its majors change, or its plan's blocks move, the demand that
mirrors it (``talent.services.demand.mirror_position``) follows; a deleted position's demand
goes with it. Connected from ``PlacementsConfig.ready``."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Max, Min
from django.db.models.signals import m2m_changed, post_delete, post_save

from chanchuang.placements.choices import BlockKind, PlacementStatus, PositionStatus
from chanchuang.placements.models import PlanBlock, Position, TrainingPlan
from chanchuang.talent.services import demand as talent_demand


def plan_years(plan: TrainingPlan) -> tuple[int, int]:
    """The calendar years a plan's students are at the enterprise: its enterprise blocks' span,
    else all its blocks', else the year the plan was made."""
    for blocks in (plan.blocks.filter(kind=BlockKind.ENTERPRISE), plan.blocks.all()):
        span = blocks.aggregate(first=Min("start_date"), last=Max("end_date"))
        if span["first"] is not None:
            return span["first"].year, span["last"].year
    year = (plan.created_at.year if plan.created_at else talent_demand.current_year())
    return year, year


def mirror(position: Position) -> None:
    """Bring the position's demand in step with it."""
    filled = position.status != PositionStatus.OPEN and position.placements.filter(
        status__in=[PlacementStatus.CONFIRMED, PlacementStatus.COMPLETED]).exists()
    talent_demand.mirror_position(position=position, years=plan_years(position.plan),
                                  filled=filled)


def _position_saved(sender, instance: Position, raw: bool = False, **kwargs) -> None:
    if raw:  # loading fixtures
        return
    mirror(instance)


def _position_deleted(sender, instance: Position, **kwargs) -> None:
    talent_demand.drop_position_demand(position_pk=instance.pk)


def _majors_changed(sender, instance, action: str, reverse: bool, pk_set=None,
                    **kwargs) -> None:
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if reverse:  # a major's positions changed: each of them
        for position in Position.objects.filter(pk__in=pk_set or ()).select_related(
                "plan", "organisation"):
            mirror(position)
    else:
        mirror(instance)


def _block_changed(sender, instance: PlanBlock, raw: bool = False, **kwargs) -> None:
    if raw:
        return
    plan_id = instance.plan_id

    def follow() -> None:
        for position in Position.objects.filter(plan_id=plan_id).select_related(
                "plan", "organisation"):
            mirror(position)

    transaction.on_commit(follow)


def connect() -> None:
    """Connect the receivers (once: ``dispatch_uid``)."""
    post_save.connect(_position_saved, sender=Position, dispatch_uid="position_demand_saved")
    post_delete.connect(_position_deleted, sender=Position,
                        dispatch_uid="position_demand_deleted")
    m2m_changed.connect(_majors_changed, sender=Position.required_majors.through,
                        dispatch_uid="position_demand_majors")
    post_save.connect(_block_changed, sender=PlanBlock, dispatch_uid="position_demand_block")
    post_delete.connect(_block_changed, sender=PlanBlock,
                        dispatch_uid="position_demand_block_deleted")
