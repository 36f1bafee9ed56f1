"""URLs of the colleges app: each views module lists its own routes."""

from chanchuang.colleges.views import colleges, governance, indicators, reports, resources, work

app_name = "colleges"

urlpatterns = [
    *colleges.urlpatterns,
    *governance.urlpatterns,
    *work.urlpatterns,
    *indicators.urlpatterns,
    *resources.urlpatterns,
    *reports.urlpatterns,
]
