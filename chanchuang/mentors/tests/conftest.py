"""The mentors tests' world: core's cast with mentors' own and partners'."""

from chanchuang.core.tests.cast import world_fixture
from chanchuang.mentors.tests.cast import MentorsCast
from chanchuang.partners.tests.cast import PartnersCast

world = world_fixture(MentorsCast, PartnersCast)
