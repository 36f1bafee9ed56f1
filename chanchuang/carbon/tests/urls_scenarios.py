"""A temporary test urlconf: the project's URLs with the carbon namespace holding only the
scenario library's pages, and stand-ins for the session pages it links to (the simulation list
and join pages of the menu, the instructor console a new session lands on) until the lead's
``views.sessions`` exists and ``chanchuang.urls`` includes ``chanchuang.carbon.urls``."""

from django.http import HttpResponse
from django.urls import include, path

from chanchuang.carbon.views import scenarios


def stand_in(request, pk=None):
    """Answers for a page another module will serve."""
    return HttpResponse(f"stand-in {request.path}")


carbon_patterns = [
    *scenarios.urlpatterns,
    path("carbon/sessions/", stand_in, name="simulation_list"),
    path("carbon/join/", stand_in, name="join"),
    path("carbon/sessions/<int:pk>/console/", stand_in, name="console"),
]

urlpatterns = [
    path("", include((carbon_patterns, "carbon"))),
    path("", include("chanchuang.urls")),
]
