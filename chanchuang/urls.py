"""The project's URL map: the UI shell, every app's pages, the API and the admin."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from chanchuang.api import api

urlpatterns = [
    path("accounts/login/", auth_views.LoginView.as_view(template_name="core/login.html",
                                                         redirect_authenticated_user=True),
         name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
    path("", include("chanchuang.partners.urls")),
    path("", include("chanchuang.mentors.urls")),
    path("", include("chanchuang.innovation.urls")),
    path("", include("chanchuang.colleges.urls")),
    path("", include("chanchuang.talent.urls")),
    path("", include("chanchuang.placements.urls")),
    path("", include("chanchuang.insights.urls")),
    path("", include("chanchuang.carbon.urls")),
    path("", include("chanchuang.core.urls")),
]
