"""An internship evaluation evidences skills in talent's supply: a passing grade writes
INTERNSHIP evidence for each skill of the demand mirroring the position (with the
placement's link); a failed one writes none; a position without a mirrored demand writes
none."""

import pytest

from chanchuang.placements import services
from chanchuang.placements.choices import PlacementStatus
from chanchuang.placements.models import Placement
from chanchuang.talent.choices import EvidenceKind
from chanchuang.talent.models import SkillEvidence
from chanchuang.talent.tests import factories as tf

pytestmark = pytest.mark.django_db


def _placement(world) -> Placement:
    placement = world.placement_liu
    Placement.objects.filter(pk=placement.pk).update(status=PlacementStatus.CONFIRMED)
    placement.refresh_from_db()
    return placement


def _mirror(world, placement) -> None:
    tf.demand(organisation=placement.position.organisation, post=placement.position.title,
              skills=[world.skill, world.skill_safety],
              source_key=f"position:{placement.position_id}")


def _evaluate(world, placement, score):
    return services.evaluate_placement(actor=world.hr_li, placement=placement,
                                       side="enterprise",
                                       scores=dict.fromkeys(services.RUBRIC, score))


def test_a_passing_evaluation_evidences_the_mirrored_demands_skills(world):
    placement = _placement(world)
    _mirror(world, placement)
    evaluation = _evaluate(world, placement, 85)
    rows = SkillEvidence.objects.filter(student=world.student_liu, kind=EvidenceKind.INTERNSHIP)
    assert sorted(rows.values_list("skill__name", flat=True)) == ["PLC编程", "电气安全操作"]
    row = rows.first()
    assert row.source_key == f"evaluation:{evaluation.pk}"
    assert row.source_label == (f"{placement.position.organisation}·{placement.position.title}"
                                " 实习评价")
    assert row.source_url == placement.get_absolute_url()


def test_a_failed_evaluation_evidences_nothing(world):
    placement = _placement(world)
    _mirror(world, placement)
    evaluation = _evaluate(world, placement, 40)
    assert evaluation.grade == "fail"
    assert not SkillEvidence.objects.filter(student=world.student_liu).exists()


def test_a_position_without_a_mirrored_demand_evidences_nothing(world):
    placement = _placement(world)
    _evaluate(world, placement, 95)
    assert not SkillEvidence.objects.filter(student=world.student_liu).exists()
