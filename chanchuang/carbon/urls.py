"""URLs of the carbon app: each views module lists its own routes."""

from chanchuang.carbon.views import floor, results, scenarios, sessions

app_name = "carbon"

urlpatterns = [
    *sessions.urlpatterns,
    *floor.urlpatterns,
    *scenarios.urlpatterns,
    *results.urlpatterns,
]
