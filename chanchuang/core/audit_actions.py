"""The catalogue of audit actions: what an entry of the audit log says happened.

An action is a dotted name ``app.object.verb`` (``partners.agreement.signed``,
``placements.round.published``) with a label in the user's language. Each app declares its own
in ``<app>/audit_actions.py`` by calling ``register`` when the module is imported; core's
``AppConfig.ready`` imports every app's module (as it does their ``imports.py``), so core never
imports an app above it. ``audit.record`` refuses a name the catalogue does not hold, so a typo
fails the first test that takes the path.

Generic verbs. A plain edit of an object's own fields through its form records ``created``,
``changed`` or ``deleted``: ``core.services.save_form`` and ``delete_object``, and the services
that save an edit form with extra checks (``update_agreement``, ``update_startup``, a showcase
item's ``save_item``, a placement's ``set_records``, a student's ``save_student``); a row an
import changes records ``changed`` with ``{"via": "import"}``. The entry's object type says
what was edited. Every export records ``exported`` (so one filter finds every export of
personal data). Everything else a service does in the domain (signing, approving, publishing,
a review, a credit, a consent, a token) records its own name.

Retired names. ``imported``, ``token_created`` and ``token_revoked`` were written before the
catalogue had names; they stay in it so old entries keep their label and can be filtered, but
``record`` refuses them (new entries use the kind's ``…imported`` and ``core.token.*``).

How to add an action: docs/audit.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.apps import apps
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

# app.object.verb, lower case; a generic verb is one word.
NAME = re.compile(r"^[a-z]+(\.[a-z_]+){2}$|^[a-z_]+$")


@dataclass(frozen=True)
class Action:
    """One named action of the audit log and its label (``retired``: only old entries)."""

    name: str
    label: str | Promise
    retired: bool = False

    @property
    def app_label(self) -> str:
        """The app that declared it (``""`` for a generic verb)."""
        return self.name.split(".", 1)[0] if "." in self.name else ""


_CATALOGUE: dict[str, Action] = {}


def register(*actions: Action) -> None:
    """Add an app's actions to the catalogue; a malformed or doubly declared name is refused."""
    for action in actions:
        if not NAME.match(action.name):
            raise ValueError(f"Audit action {action.name!r} is not named app.object.verb.")
        known = _CATALOGUE.get(action.name)
        if known is not None and known is not action:
            raise ValueError(f"Audit action {action.name!r} is declared twice.")
        _CATALOGUE[action.name] = action


def recordable(name: str) -> str:
    """The name itself if a new entry may be recorded under it; ValueError otherwise."""
    action = _CATALOGUE.get(name)
    if action is None:
        raise ValueError(f"Unknown audit action {name!r}: declare it in the app's "
                         "audit_actions.py (see docs/audit.md).")
    if action.retired:
        raise ValueError(f"Audit action {name!r} is retired; record its named successor.")
    return name


def label(name: str) -> str:
    """What the log shows for an action: its label, or the raw name if it is not declared."""
    action = _CATALOGUE.get(name)
    return str(action.label) if action is not None else name


def catalogue() -> list[Action]:
    """Every declared action, in the order the apps declared them."""
    return list(_CATALOGUE.values())


def grouped_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """The actions as select choices: the generic verbs, one group per app, then the retired
    names of old entries."""
    groups: dict[str, list[tuple[str, str]]] = {"": []}
    for action in _CATALOGUE.values():
        group = "retired" if action.retired else action.app_label
        groups.setdefault(group, []).append((action.name, str(action.label)))
    titles = {"": _("General actions"), "retired": _("Earlier entries")}
    return [(str(titles.get(group) or apps.get_app_config(group).verbose_name), choices)
            for group, choices in sorted(groups.items(), key=lambda g: g[0] == "retired")]


register(
    Action("created", _("Created")),
    Action("changed", _("Changed")),
    Action("deleted", _("Deleted")),
    Action("exported", _("Exported")),
    Action("imported", _("Imported"), retired=True),
    Action("token_created", _("API token created"), retired=True),
    Action("token_revoked", _("API token revoked"), retired=True),
    Action("core.roster.imported", _("Student roster imported")),
    Action("core.import.stalled", _("Import stopped: its worker was gone")),
    Action("core.role.granted", _("Role granted")),
    Action("core.token.created", _("API token created")),
    Action("core.token.revoked", _("API token revoked")),
    Action("core.match.verification_requested", _("Match re-verification requested")),
)
