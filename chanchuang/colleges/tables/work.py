"""Tables of co-developed work."""

import django_tables2 as tables
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from chanchuang.colleges.choices import ContributionStatus
from chanchuang.colleges.models import Contribution

STATUS_COLOURS = {ContributionStatus.RECORDED: "yellow", ContributionStatus.CONFIRMED: "green",
                  ContributionStatus.RETURNED: "red"}


def contribution_badge(contribution: Contribution) -> str:
    """A contribution's status as a coloured badge."""
    return format_html('<span class="badge bg-{}-lt">{}</span>',
                       STATUS_COLOURS[contribution.status], contribution.get_status_display())


class ContributionTable(tables.Table):
    """Contributions with their kind, party, date, amount and status."""

    title = tables.Column(linkify=True)
    organisation = tables.Column(default=_("the school"))
    amount = tables.Column(empty_values=(), order_by="amount")

    class Meta:
        model = Contribution
        fields = ["happened_on", "college", "kind", "title", "organisation", "amount", "status"]

    def render_amount(self, record):
        if record.amount is None:
            return "—"
        return f"{record.amount.normalize():f} {record.unit}".strip()

    def render_status(self, record):
        return contribution_badge(record)
