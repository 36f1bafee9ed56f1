"""Pages of the insights app's reports."""

urlpatterns: list = []
