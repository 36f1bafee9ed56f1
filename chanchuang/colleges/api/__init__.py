"""API of the colleges app, one router per sub-concept; ``chanchuang.api`` adds each of
``ROUTERS``. Everything starts from ``visible_to``."""

from chanchuang.colleges.api import colleges, governance, indicators, reports, resources, work

ROUTERS = [colleges.router, governance.router, work.router, indicators.router,
           resources.router, reports.router]
