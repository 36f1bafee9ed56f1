"""Template tags of the colleges app: status badges."""

from django import template

from chanchuang.colleges.tables.governance import decision_badge
from chanchuang.colleges.tables.work import contribution_badge

register = template.Library()


@register.simple_tag
def decision_status(decision) -> str:
    """A decision's status badge (overdue when open past its due date)."""
    return decision_badge(decision)


@register.simple_tag
def contribution_status(contribution) -> str:
    """A contribution's status badge."""
    return contribution_badge(contribution)
