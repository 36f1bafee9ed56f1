"""API of the insights app's reports."""

from ninja import Router

router = Router(tags=["insights"])
