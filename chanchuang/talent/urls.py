"""URLs of the talent app: each views module lists its own routes."""

from chanchuang.talent.views import demand, docking, gap, skills, supply

app_name = "talent"

urlpatterns = [
    *gap.urlpatterns,
    *demand.urlpatterns,
    *supply.urlpatterns,
    *skills.urlpatterns,
    *docking.urlpatterns,
]
