"""The placements app: alternating training, two-way selection and the internships that
follow."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlacementsConfig(AppConfig):
    """Configuration of the placements app."""

    name = "chanchuang.placements"
    label = "placements"
    verbose_name = _("Alternating training")

    def ready(self) -> None:
        from chanchuang.core.navigation import register
        from chanchuang.placements.navigation import PLACEMENTS_MENU

        register(PLACEMENTS_MENU)
