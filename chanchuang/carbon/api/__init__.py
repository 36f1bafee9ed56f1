"""API of the carbon app, one router per sub-concept; ``chanchuang.api`` adds each of
``ROUTERS``."""

from chanchuang.carbon.api import floor, results

ROUTERS = [floor.router, results.router]
