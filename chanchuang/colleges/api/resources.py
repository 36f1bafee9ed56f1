"""API of the colleges app: resources (being written)."""

from ninja import Router

router = Router(tags=["colleges"])
