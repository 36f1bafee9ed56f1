"""Pages of the talent app: docking."""

urlpatterns: list = []
