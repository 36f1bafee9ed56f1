"""The insights tests' world: core's cast with insights' own and the casts of every app below
it (insights sits on top)."""

from chanchuang.colleges.tests.cast import CollegesCast
from chanchuang.core.tests.cast import world_fixture
from chanchuang.innovation.tests.cast import InnovationCast
from chanchuang.insights.tests.cast import InsightsCast
from chanchuang.mentors.tests.cast import MentorsCast
from chanchuang.partners.tests.cast import PartnersCast
from chanchuang.placements.tests.cast import PlacementsCast
from chanchuang.talent.tests.cast import TalentCast

world = world_fixture(InsightsCast, PlacementsCast, TalentCast, InnovationCast, CollegesCast,
                      MentorsCast, PartnersCast)
