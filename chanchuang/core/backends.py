"""Authentication backend: passwords from Django's user table, permissions only from rules."""

from django.contrib.auth.backends import ModelBackend


class PasswordBackend(ModelBackend):
    """Checks passwords like Django's ModelBackend but grants no model permissions.

    Every permission of the platform is a ``rules`` predicate (see each app's ``rules.py``);
    Django's permission tables stay unused, so a denied check costs no query.
    """

    def get_all_permissions(self, user_obj, obj=None) -> set[str]:
        return set()
