"""API of the innovation app, one router per stage; ``chanchuang.api`` adds each of
``ROUTERS``. Everything starts from ``visible_to``."""

from chanchuang.innovation.api import cohort, intake, records, showcase

ROUTERS = [intake.router, cohort.router, records.router, showcase.router]
