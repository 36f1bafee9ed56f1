"""API of the colleges app: reports (being written)."""

from ninja import Router

router = Router(tags=["colleges"])
