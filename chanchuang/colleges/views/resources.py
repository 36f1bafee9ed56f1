"""Pages of the colleges app: resources (being written)."""

urlpatterns: list = []
