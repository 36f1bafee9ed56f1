"""API of the talent app: supply."""

from ninja import Router

router = Router(tags=["talent"])
