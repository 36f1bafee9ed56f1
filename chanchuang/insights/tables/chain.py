"""The outcome chain's table: one row per graduate, a column per link of the chain (its text,
evidence status and record) and the flags as badges that explain themselves."""

from __future__ import annotations

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

LINK = "insights/chain/inc/link.html"


def _link_column(accessor: str, title) -> tables.TemplateColumn:
    return tables.TemplateColumn(template_name=LINK, accessor=accessor, verbose_name=title,
                                 orderable=False, extra_context={"link_name": accessor})


class ChainTable(tables.Table):
    """The chain of each graduate of a selection (rows computed by ``queries.chain``)."""

    graduate = tables.TemplateColumn(template_name="insights/chain/inc/graduate.html",
                                     accessor="student", verbose_name=_("graduate"),
                                     orderable=False)
    bootcamp = _link_column("bootcamp", _("Bootcamp"))
    mentor = _link_column("mentor", _("mentor"))
    placement = _link_column("placement", _("placement"))
    outcome = _link_column("outcome", _("destination"))
    flags = tables.TemplateColumn(template_name="insights/chain/inc/flags.html",
                                  accessor="flags", orderable=False,
                                  verbose_name=pgettext_lazy("outcome chain", "flags"))
