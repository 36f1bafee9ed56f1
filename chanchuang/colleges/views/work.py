"""Pages of the colleges app: work (being written)."""

urlpatterns: list = []
