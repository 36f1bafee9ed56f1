"""The platform's HTTP API (django-ninja) under ``/api/v1/``; OpenAPI docs at ``/api/v1/docs``.

The browser uses its session (with CSRF); integrations send ``Authorization: Bearer <token>``
with a token created on the profile page. Each app contributes a router from its own ``api.py``.
Domain refusals answer 400 with the user's message; objects outside the user's sight answer 404.
"""

from __future__ import annotations

from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.security import HttpBearer, django_auth

from chanchuang.core.api import router as core_router
from chanchuang.core.models import ApiToken
from chanchuang.core.services import DomainError
from chanchuang.innovation.api import ROUTERS as innovation_routers
from chanchuang.mentors.api import router as mentors_router
from chanchuang.partners.api import router as partners_router
from chanchuang.placements.api import router as placements_router


class TokenAuth(HttpBearer):
    """Authenticate an integration by its per-user API token."""

    def authenticate(self, request: HttpRequest, token: str):
        api_token = (
            ApiToken.objects.active().select_related("user")
            .filter(digest=ApiToken.digest_of(token)).first()
        )
        if api_token is None or not api_token.user.is_active:
            return None
        now = timezone.now()
        if api_token.last_used_at is None or now - api_token.last_used_at > timedelta(minutes=1):
            ApiToken.objects.filter(pk=api_token.pk).update(last_used_at=now)
        request.user = api_token.user
        return api_token.user


api = NinjaAPI(
    title="Chanchuang API",
    version="1",
    description=(
        "产创融合协同平台 API. Every list and object is limited to what the authenticated user "
        "may see; objects outside it answer 404."
    ),
    auth=[django_auth, TokenAuth()],
    urls_namespace="api",
)


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
api.add_router("/", placements_router)
