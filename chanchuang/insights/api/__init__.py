"""API of the insights app, one router per sub-concept; ``chanchuang.api`` adds each of
``ROUTERS``. Everything starts from ``visible_to``; the provincial endpoints answer aggregates
only."""

from chanchuang.insights.api import chain, dashboard, destinations, province, reports

ROUTERS = [dashboard.router, province.router, destinations.router, chain.router, reports.router]
