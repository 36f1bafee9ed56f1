"""Pages of the talent app: skills."""

urlpatterns: list = []
