"""API of the talent app: docking."""

from ninja import Router

router = Router(tags=["talent"])
