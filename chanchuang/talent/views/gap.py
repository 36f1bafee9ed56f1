"""Pages of the talent app: gap."""

urlpatterns: list = []
