"""The carbon tests' world: core's cast with carbon's own (carbon stands on core alone)."""

from chanchuang.carbon.tests.cast import CarbonCast
from chanchuang.core.tests.cast import world_fixture

world = world_fixture(CarbonCast)
