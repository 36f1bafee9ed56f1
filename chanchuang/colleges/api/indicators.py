"""API of the colleges app: indicators (being written)."""

from ninja import Router

router = Router(tags=["colleges"])
