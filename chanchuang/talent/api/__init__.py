"""API of the talent app, one router per sub-concept; ``chanchuang.api`` adds each of
``ROUTERS``. Everything starts from ``visible_to``."""

from chanchuang.talent.api import demand, docking, gap, skills, supply

ROUTERS = [skills.router, demand.router, supply.router, gap.router, docking.router]
