"""Template helpers of the partners app."""

from django import template

from chanchuang.partners import queries
from chanchuang.partners.choices import AgreementStatus
from chanchuang.partners.tables import badge

register = template.Library()


@register.simple_tag
def status_badge(value: str, label: str) -> str:
    """A status as a coloured badge (the same colours as the tables)."""
    return badge(value, label)


@register.filter
def status_label(value: str) -> str:
    """An agreement status code as its label (for history entries)."""
    try:
        return AgreementStatus(value).label
    except ValueError:
        return value


@register.filter
def percent_of(delivered, promised) -> int:
    """Delivered as a whole percent of promised (for progress bars)."""
    return queries.percent(delivered, promised)
