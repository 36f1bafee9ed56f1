"""Pages of the insights app's province."""

urlpatterns: list = []
