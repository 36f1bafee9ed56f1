"""Pages of the talent app: supply."""

urlpatterns: list = []
