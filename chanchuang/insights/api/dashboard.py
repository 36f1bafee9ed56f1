"""API of the insights app's dashboard."""

from ninja import Router

router = Router(tags=["insights"])
