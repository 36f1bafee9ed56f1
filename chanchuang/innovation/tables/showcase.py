"""Tables of the showcase."""

from __future__ import annotations

import django_tables2 as tables
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from chanchuang.innovation.choices import ItemState
from chanchuang.innovation.models import Exhibition, ShowcaseItem
from chanchuang.innovation.queries.showcase import state_of

STATE_COLOURS = {ItemState.PROPOSED: "yellow", ItemState.CONSENTED: "cyan",
                 ItemState.PUBLISHED: "green"}


def state_badge(item: ShowcaseItem) -> str:
    """Where an item stands, as a coloured Tabler badge."""
    state = state_of(item)
    return format_html('<span class="badge bg-{}-lt">{}</span>', STATE_COLOURS[state],
                       state.label)


class ExhibitionTable(tables.Table):
    """Exhibitions and how many items each shows."""

    name = tables.Column(linkify=True)
    held_on = tables.DateColumn(format="Y-m-d")
    shown = tables.Column(verbose_name=_("items"))

    class Meta:
        model = Exhibition
        fields = ["name", "held_on", "place", "shown"]


class ShowcaseItemTable(tables.Table):
    """Showcase items with their project, exhibition and status."""

    title = tables.Column(linkify=True)
    exhibition = tables.Column(default="—")
    state = tables.Column(empty_values=(), orderable=False, verbose_name=_("status"))

    class Meta:
        model = ShowcaseItem
        fields = ["title", "project", "exhibition", "state"]

    def render_state(self, record):
        return state_badge(record)
