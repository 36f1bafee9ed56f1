"""Pages of the insights app's destinations."""

urlpatterns: list = []
