"""The platform's HTTP API (django-ninja) under ``/api/v1/``; OpenAPI docs at ``/api/v1/docs``.

The browser uses its session (with CSRF); integrations send ``Authorization: Bearer <token>``
with a token created on the profile page. A request carrying a Bearer header is decided by the
token alone (no CSRF: no browser sends that header by itself); a request without one by its
session, whose writes need the CSRF token. Each app contributes a router from its own ``api.py``.
Domain refusals answer 400 with the user's message; objects outside the user's sight answer 404;
too many requests answer 429 (``API_RATE`` per user, ``API_ANON_RATE`` per address).
"""

from __future__ import annotations

import math
from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, Throttled
from ninja.security import HttpBearer, SessionAuth

from chanchuang.carbon.api import ROUTERS as carbon_routers
from chanchuang.colleges.api import ROUTERS as college_routers
from chanchuang.core.api import router as core_router
from chanchuang.core.models import ApiToken
from chanchuang.core.services import DomainError
from chanchuang.core.throttling import AnonymousThrottle, UserThrottle
from chanchuang.innovation.api import ROUTERS as innovation_routers
from chanchuang.insights.api import ROUTERS as insights_routers
from chanchuang.mentors.api import router as mentors_router
from chanchuang.partners.api import router as partners_router
from chanchuang.placements.api import router as placements_router
from chanchuang.talent.api import ROUTERS as talent_routers

# A token's last use is written at most this often, not on every request.
LAST_USED_PRECISION = timedelta(minutes=1)


def _has_bearer(request: HttpRequest) -> bool:
    return request.headers.get("Authorization", "").lower().startswith("bearer ")


def _refuse_until_password_changed(user) -> None:
    if user.must_change_password:
        raise HttpError(403, _("Set your own password on the platform first (its password "
                               "change page); until then the API refuses this login."))


class TokenAuth(HttpBearer):
    """Authenticate an integration by its per-user API token (no CSRF: it is not a cookie)."""

    def authenticate(self, request: HttpRequest, token: str):
        api_token = (
            ApiToken.objects.filter(revoked_at__isnull=True).select_related("user")
            .filter(digest=ApiToken.digest_of(token)).first()
        )
        if api_token is None or not api_token.user.is_active:
            raise AuthenticationError()
        if api_token.is_expired:
            raise HttpError(401, _("This API token has expired; create a new one on your "
                                   "profile page."))
        _refuse_until_password_changed(api_token.user)
        now = timezone.now()
        if api_token.last_used_at is None or now - api_token.last_used_at > LAST_USED_PRECISION:
            ApiToken.objects.filter(pk=api_token.pk).update(last_used_at=now)
        request.user = api_token.user
        return api_token.user


class BrowserSessionAuth(SessionAuth):
    """The browser's session, with ninja's CSRF check on writes; requests carrying a Bearer
    header are left to ``TokenAuth`` (so an integration's write never meets the CSRF check)."""

    def __call__(self, request: HttpRequest):
        if _has_bearer(request):
            return None
        user = super().__call__(request)
        if user is not None:
            _refuse_until_password_changed(user)
        return user


api = NinjaAPI(
    title="Chanchuang API",
    version="1",
    description=(
        "产创融合协同平台 API. Every list and object is limited to what the authenticated user "
        "may see; objects outside it answer 404."
    ),
    # The token first: a Bearer request is decided by its token; the session (and its CSRF
    # check) only for requests without one.
    auth=[TokenAuth(), BrowserSessionAuth()],
    throttle=[AnonymousThrottle("api_anon", "API_ANON_RATE"), UserThrottle("api", "API_RATE")],
    urls_namespace="api",
)


@api.exception_handler(Throttled)
def throttled(request: HttpRequest, exc: Throttled):
    seconds = math.ceil(exc.wait) if exc.wait else 60
    return api.create_response(request, {"detail": _(
        "Too many requests; please wait %(seconds)d seconds and try again.") % {
        "seconds": seconds}}, status=429)


@api.exception_handler(DomainError)
def domain_error(request: HttpRequest, exc: DomainError):
    return api.create_response(request, {"detail": exc.message, "field": exc.field}, status=400)


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Http404):
    return api.create_response(request, {"detail": _("Not found.")}, status=404)


@api.exception_handler(PermissionDenied)
def forbidden(request: HttpRequest, exc: PermissionDenied):
    return api.create_response(
        request, {"detail": _("You do not have permission to do this.")}, status=403
    )


api.add_router("/", core_router)
api.add_router("/", partners_router)
api.add_router("/", mentors_router)
for innovation_router in innovation_routers:
    api.add_router("/", innovation_router)
for college_router in college_routers:
    api.add_router("/", college_router)
for talent_router in talent_routers:
    api.add_router("/", talent_router)
api.add_router("/", placements_router)
for insights_router in insights_routers:
    api.add_router("/", insights_router)
for carbon_router in carbon_routers:
    api.add_router("/", carbon_router)
