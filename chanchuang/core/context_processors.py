"""What every page of the UI shell needs: the platform name and the user's navigation."""

from django.conf import settings
from django.utils.functional import SimpleLazyObject

from chanchuang.core.models import Notification
from chanchuang.core.navigation import menu_for


def shell(request) -> dict:
    """The platform name and, for a logged-in user, their menu and unread notifications."""
    user = getattr(request, "user", None)
    signed_in = user is not None and user.is_authenticated
    return {
        "platform_name": settings.PLATFORM_NAME,
        "menu": menu_for(user) if signed_in else [],
        "unread_notifications": (
            SimpleLazyObject(lambda: Notification.objects.filter(user=user).unread().count())
            if signed_in else 0),
    }
