"""The core app: schools, structure, organisations, people, roles, visibility, audit, UI shell."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """Configuration of the core app."""

    name = "chanchuang.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from django.utils.module_loading import autodiscover_modules

        from chanchuang.core import signals  # noqa: F401 (connects the receivers)
        from chanchuang.core.daily import register_daily
        from chanchuang.core.navigation import CORE_MENU, register
        from chanchuang.core.tabular.jobs import recover_stalled_jobs

        for group in CORE_MENU:
            register(group)
        register_daily("stalled imports", recover_stalled_jobs)
        autodiscover_modules("imports")  # each app's import kinds register themselves
        autodiscover_modules("audit_actions")  # and each app's named audit actions
        autodiscover_modules("todos")  # and what each app has waiting on the home page
