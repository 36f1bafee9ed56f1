"""API of the colleges app: colleges (being written)."""

from ninja import Router

router = Router(tags=["colleges"])
