"""API of the colleges app: governance (being written)."""

from ninja import Router

router = Router(tags=["colleges"])
