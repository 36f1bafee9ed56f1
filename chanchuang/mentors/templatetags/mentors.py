"""Template helpers of the mentors app."""

from django import template

from chanchuang.mentors import tables

register = template.Library()


@register.simple_tag
def appointment_status(appointment) -> str:
    """An appointment's status as a coloured badge (the same colours as the table)."""
    return tables.status_badge(appointment)
