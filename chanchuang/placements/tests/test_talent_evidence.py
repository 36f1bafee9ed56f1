"""An internship evaluation evidences skills in talent's supply: a passing grade writes
INTERNSHIP evidence for each skill of the demand mirroring the position (with the
placement's link); a failed one writes none; nor does a position whose demand names no
skill."""

import pytest

from chanchuang.placements import services
from chanchuang.placements.choices import PlacementStatus
from chanchuang.placements.models import Placement
from chanchuang.talent.choices import EvidenceKind
from chanchuang.talent.models import Demand, DemandSkill, SkillEvidence

pytestmark = pytest.mark.django_db


def _placement(world) -> Placement:
    placement = world.placement_liu
    Placement.objects.filter(pk=placement.pk).update(status=PlacementStatus.CONFIRMED)
    placement.refresh_from_db()
    return placement


def _mirror(world, placement, skills=()) -> None:
    """The skills the position's mirrored demand asks for (its description named none of the
    test dictionary's words when it was published)."""
    demand = Demand.objects.get(source_key=f"position:{placement.position_id}")
    demand.demand_skills.all().delete()
    DemandSkill.objects.bulk_create(DemandSkill(demand=demand, skill=skill) for skill in skills)


def _evaluate(world, placement, score):
    return services.evaluate_placement(actor=world.hr_li, placement=placement,
                                       side="enterprise",
                                       scores=dict.fromkeys(services.RUBRIC, score))


def test_a_passing_evaluation_evidences_the_mirrored_demands_skills(world):
    placement = _placement(world)
    _mirror(world, placement, [world.skill, world.skill_safety])
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
    _mirror(world, placement, [world.skill, world.skill_safety])
    evaluation = _evaluate(world, placement, 40)
    assert evaluation.grade == "fail"
    assert not SkillEvidence.objects.filter(student=world.student_liu).exists()


def test_a_position_whose_demand_names_no_skill_evidences_nothing(world):
    placement = _placement(world)
    _mirror(world, placement, [])
    _evaluate(world, placement, 95)
    assert not SkillEvidence.objects.filter(student=world.student_liu).exists()
