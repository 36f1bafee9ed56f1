"""API of the talent app: demand."""

from ninja import Router

router = Router(tags=["talent"])
