"""URLs of the insights app: each views module lists its own routes."""

from chanchuang.insights.views import chain, dashboard, destinations, province, reports

app_name = "insights"

urlpatterns = [
    *dashboard.urlpatterns,
    *province.urlpatterns,
    *destinations.urlpatterns,
    *chain.urlpatterns,
    *reports.urlpatterns,
]
