"""Pages of the colleges app: indicators (being written)."""

urlpatterns: list = []
