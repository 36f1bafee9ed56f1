"""Pages of the talent app: demand."""

urlpatterns: list = []
