"""API of the insights app's destinations."""

from ninja import Router

router = Router(tags=["insights"])
