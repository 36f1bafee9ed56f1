"""Pages of the colleges app: colleges (being written)."""

urlpatterns: list = []
