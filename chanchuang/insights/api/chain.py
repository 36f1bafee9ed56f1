"""API of the insights app's chain."""

from ninja import Router

router = Router(tags=["insights"])
