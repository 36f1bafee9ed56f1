"""A test-only URL map for the results pages, until the project's URLs include carbon's: the
project's own URLs, with carbon's results routes under the ``carbon`` namespace and stand-ins
(answering 404) for the menu's carbon links, which the lead's views provide. Delete it once
``chanchuang.urls`` includes ``chanchuang.carbon.urls``."""

from django.http import Http404
from django.urls import include, path

from chanchuang.carbon.views import results


def stand_in(request, *args, **kwargs):
    """A route another carbon module provides."""
    raise Http404


carbon_patterns = [
    *results.urlpatterns,
    path("", stand_in, name="simulation_list"),
    path("join/", stand_in, name="join"),
    path("scenarios/", stand_in, name="scenario_list"),
]

urlpatterns = [
    path("carbon/", include((carbon_patterns, "carbon"))),
    path("", include("chanchuang.urls")),  # by name: the project sits above carbon
]
