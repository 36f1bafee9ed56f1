"""Pages of the insights app's chain."""

urlpatterns: list = []
