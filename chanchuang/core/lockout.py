"""Login lockout (django-axes) with two thresholds.

``AXES_LOCKOUT_PARAMETERS`` lists two combinations: ``[username, ip_address]`` and
``ip_address``. Axes compares the larger failure count of the two with one limit, so this
handler scales the address-wide count: the address is locked after ``AXES_ADDRESS_FAILURE_LIMIT``
failures across every username, a username at one address after ``AXES_FAILURE_LIMIT``. A
successful login clears only its own username's failures at that address, so logging into
one's own account does not wipe the address-wide count.
"""

from __future__ import annotations

from axes.handlers.database import AxesDatabaseHandler
from django.conf import settings
from django.db.models import Sum


def _failures(attempts) -> int:
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


class LockoutHandler(AxesDatabaseHandler):
    """Axes' database handler with a separate, higher limit per address."""

    def get_failures(self, request, credentials: dict | None = None) -> int:
        pair, *address = self.get_user_attempts(request, credentials)
        count = _failures(pair)
        if address:
            # In units of AXES_FAILURE_LIMIT: reaches it exactly when the address-wide count
            # reaches AXES_ADDRESS_FAILURE_LIMIT.
            count = max(count, _failures(address[0]) * settings.AXES_FAILURE_LIMIT
                        // settings.AXES_ADDRESS_FAILURE_LIMIT)
        return count

    def reset_user_attempts(self, request, credentials: dict | None = None) -> int:
        pair = self.filter_user_attempts(request, credentials)[0]
        count, _ = pair.delete()
        return count
