"""URLs of the innovation app: each views module lists its own routes."""

from chanchuang.innovation.views import cohort, intake, programmes, records, showcase

app_name = "innovation"

urlpatterns = [
    *programmes.urlpatterns,
    *intake.urlpatterns,
    *cohort.urlpatterns,
    *records.urlpatterns,
    *showcase.urlpatterns,
]
