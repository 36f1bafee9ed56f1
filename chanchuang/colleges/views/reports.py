"""Pages of the colleges app: reports (being written)."""

urlpatterns: list = []
