"""The partners tests' world: core's cast with partners' own."""

from chanchuang.core.tests.cast import world_fixture
from chanchuang.partners.tests.cast import PartnersCast

world = world_fixture(PartnersCast)
