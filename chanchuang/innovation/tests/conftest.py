"""The innovation tests' world: core's cast with innovation's own and the casts below it."""

from chanchuang.core.tests.cast import world_fixture
from chanchuang.innovation.tests.cast import InnovationCast
from chanchuang.mentors.tests.cast import MentorsCast
from chanchuang.partners.tests.cast import PartnersCast

world = world_fixture(InnovationCast, MentorsCast, PartnersCast)
