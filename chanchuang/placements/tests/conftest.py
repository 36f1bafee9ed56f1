"""The placements tests' world: core's cast with placements' own and the casts below it."""

from chanchuang.colleges.tests.cast import CollegesCast
from chanchuang.core.tests.cast import world_fixture
from chanchuang.innovation.tests.cast import InnovationCast
from chanchuang.mentors.tests.cast import MentorsCast
from chanchuang.partners.tests.cast import PartnersCast
from chanchuang.placements.tests.cast import PlacementsCast
from chanchuang.talent.tests.cast import TalentCast

world = world_fixture(PlacementsCast, TalentCast, InnovationCast, CollegesCast, MentorsCast,
                      PartnersCast)
