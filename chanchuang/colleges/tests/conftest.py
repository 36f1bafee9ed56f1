"""The colleges tests' world: core's cast with colleges' own, mentors' and partners'."""

from chanchuang.colleges.tests.cast import CollegesCast
from chanchuang.core.tests.cast import world_fixture
from chanchuang.mentors.tests.cast import MentorsCast
from chanchuang.partners.tests.cast import PartnersCast

world = world_fixture(CollegesCast, MentorsCast, PartnersCast)
