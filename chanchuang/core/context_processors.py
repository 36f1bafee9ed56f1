"""What every page of the UI shell needs: the platform name and the user's navigation."""

from django.conf import settings

from chanchuang.core.navigation import menu_for


def shell(request) -> dict:
    """The platform name and, for a logged-in user, their menu."""
    user = getattr(request, "user", None)
    return {
        "platform_name": settings.PLATFORM_NAME,
        "menu": menu_for(user) if user is not None and user.is_authenticated else [],
    }
