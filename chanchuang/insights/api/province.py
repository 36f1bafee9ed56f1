"""API of the insights app's province."""

from ninja import Router

router = Router(tags=["insights"])
