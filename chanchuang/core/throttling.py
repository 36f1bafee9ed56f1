"""Request throttles on Django's cache: the public letter check and the API.

They build on django-ninja's ``SimpleRateThrottle`` (a sliding window of request times kept in
the cache), read their rate from settings on every request (so a changed setting applies at
once, and tests can lower it), and identify a client by ``client_address``. With the default
local-memory cache each server process counts on its own; several processes share counts when
``CACHE_URL`` points at a shared cache.
"""

from __future__ import annotations

import ipaddress
import math

from django.conf import settings
from django.http import HttpRequest
from ninja.throttling import SimpleRateThrottle


def client_address(request: HttpRequest) -> str | None:
    """The client's address: the proxy's ``X-Forwarded-For`` entry when ``BEHIND_PROXY``
    (the last one, which the proxy wrote), else the connection's address; None when there is
    no valid one (axes then records no address: PostgreSQL refuses anything but an IP)."""
    address = request.META.get("REMOTE_ADDR", "")
    if settings.BEHIND_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            address = forwarded.split(",")[-1].strip()
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None


class SettingRateThrottle(SimpleRateThrottle):
    """A throttle whose rate is the setting ``rate_setting`` (e.g. ``"10/m"``)."""

    rate_setting: str = ""

    def __init__(self, scope: str, rate_setting: str) -> None:
        self.scope = scope
        self.rate_setting = rate_setting
        super().__init__(getattr(settings, rate_setting))

    def allow_request(self, request: HttpRequest) -> bool:
        self.rate = getattr(settings, self.rate_setting)
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request)

    def get_ident(self, request: HttpRequest) -> str:
        return client_address(request) or "unknown"

    def get_cache_key(self, request: HttpRequest) -> str | None:
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}

    def wait_seconds(self) -> int:
        """Whole seconds until the next request is allowed."""
        return max(1, math.ceil(self.wait() or 1))


class AnonymousThrottle(SettingRateThrottle):
    """Requests without a login, counted per client address."""

    def get_cache_key(self, request: HttpRequest) -> str | None:
        if getattr(request, "auth", None) is not None:
            return None
        return super().get_cache_key(request)


class UserThrottle(SettingRateThrottle):
    """Requests of an authenticated user (session or token), counted per user."""

    def get_cache_key(self, request: HttpRequest) -> str | None:
        user = getattr(request, "auth", None)
        if user is None or not getattr(user, "pk", None):
            return None
        return self.cache_format % {"scope": self.scope, "ident": f"user{user.pk}"}


def verify_throttle() -> SettingRateThrottle:
    """Guesses at letter check codes, per client address, shared by the page and the API."""
    return SettingRateThrottle("verify", "VERIFY_RATE")
