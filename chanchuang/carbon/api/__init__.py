"""API of the carbon app, one router per sub-concept; ``chanchuang.api`` adds each of
``ROUTERS``. Everything starts from ``visible_to``; a session out of sight answers 404."""

from chanchuang.carbon.api import results

ROUTERS = [results.router]
