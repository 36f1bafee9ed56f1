"""Pages of the insights app's dashboard."""

urlpatterns: list = []
