"""API of the talent app: gap."""

from ninja import Router

router = Router(tags=["talent"])
