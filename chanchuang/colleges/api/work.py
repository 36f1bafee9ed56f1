"""API of the colleges app: work (being written)."""

from ninja import Router

router = Router(tags=["colleges"])
