"""Tables of docking activities."""

import django_tables2 as tables
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from chanchuang.talent.models import DockingEvent


def names(objects) -> str:
    """Related objects' names joined the Chinese way."""
    return "、".join(str(obj) for obj in objects) or "—"


class DockingEventTable(tables.Table):
    """Activities with their kind, enterprises, majors, resulting agreement and open
    follow-ups."""

    title = tables.Column(linkify=True)
    organisations = tables.Column(verbose_name=_("enterprises"), empty_values=(),
                                  orderable=False)
    majors = tables.Column(verbose_name=_("majors"), empty_values=(), orderable=False)
    agreement = tables.Column(verbose_name=_("resulting agreement"), linkify=True)
    open_count = tables.Column(verbose_name=_("open follow-ups"), empty_values=())

    class Meta:
        model = DockingEvent
        fields = ["held_on", "kind", "title", "organisations", "majors", "agreement",
                  "open_count"]

    def render_organisations(self, record):
        return names(record.organisations.all())

    def render_majors(self, record):
        return names(record.majors.all())

    def render_open_count(self, record):
        if not record.open_count:
            return "—"
        return format_html('<span class="badge bg-yellow-lt">{}</span>', record.open_count)
