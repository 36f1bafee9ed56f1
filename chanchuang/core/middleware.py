"""Middleware of the UI shell."""

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.translation import check_for_language


class ChineseFirstLocaleMiddleware:
    """Chinese unless the user chose another language with the switch (stored in a cookie).

    Django's LocaleMiddleware would follow the browser's Accept-Language; the platform is
    Chinese first, so only an explicit choice changes the language.
    """

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen and check_for_language(chosen) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", translation.get_language())
        return response


class PasswordChangeRequiredMiddleware:
    """Sends a person whose password someone else chose (``must_change_password``) to the
    password change page from every page but that one, logout and static files. The API
    answers such a login itself, with a message (see ``chanchuang.api``)."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.must_change_password:
            allowed = (reverse("core:password_change"), reverse("logout"))
            path = request.path_info
            if path not in allowed and not path.startswith(
                    ("/" + settings.STATIC_URL.lstrip("/"), "/api/")):
                return redirect(allowed[0])
        return self.get_response(request)


def csp_header_value(policy: dict[str, list[str]]) -> str:
    """``{"script-src": ["'self'"], ...}`` as a header value; an empty list is a bare directive."""
    return "; ".join(
        " ".join([directive, *sources]) for directive, sources in policy.items()
    )


class ContentSecurityPolicyMiddleware:
    """Send ``Content-Security-Policy`` from ``settings.SECURE_CSP`` on every response.

    The settings name and shape (a dict of directive -> list of sources) are those of Django
    6.0's own middleware, so moving to it later is a one-line change in ``MIDDLEWARE``. A view
    may answer with its own policy by setting the header itself (the middleware leaves it
    alone). With ``DEBUG`` on, error responses (4xx/5xx) go without the header: Django's
    technical 404/500 pages are built of inline script and style.
    """

    def __init__(self, get_response) -> None:
        self.get_response = get_response
        self.header = csp_header_value(settings.SECURE_CSP) if settings.SECURE_CSP else ""

    def __call__(self, request):
        response = self.get_response(request)
        if not self.header or "Content-Security-Policy" in response.headers:
            return response
        if settings.DEBUG and response.status_code >= 400:
            return response
        response.headers["Content-Security-Policy"] = self.header
        return response
