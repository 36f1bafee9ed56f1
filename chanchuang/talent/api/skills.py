"""API of the talent app: skills."""

from ninja import Router

router = Router(tags=["talent"])
