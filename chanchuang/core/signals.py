"""Signals of the core app: ``password_changed`` and what it sets off."""

from __future__ import annotations

from django.dispatch import Signal, receiver

# Sent by ``User.save`` after an existing user's password was set, wherever that happened:
# the password-change page, the admin, a service, ``manage.py changepassword``. Argument: user.
password_changed = Signal()


@receiver(password_changed, dispatch_uid="core.revoke_tokens_on_password_change")
def revoke_tokens_on_password_change(sender, user, **kwargs) -> None:
    """A new password ends every API token made under the old one."""
    from chanchuang.core.services import revoke_all_api_tokens

    revoke_all_api_tokens(user=user)
