"""Pages of the colleges app: governance (being written)."""

urlpatterns: list = []
