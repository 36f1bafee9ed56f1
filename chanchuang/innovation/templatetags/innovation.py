"""Template helpers of the innovation app."""

from django import template

from chanchuang.innovation.tables import intake, programmes

register = template.Library()


@register.simple_tag
def phase_badge(cohort) -> str:
    """A cohort's phase as a coloured badge (the same colours as the table)."""
    return programmes.phase_badge(cohort)


@register.simple_tag
def application_badge(application) -> str:
    """An application's status as a coloured badge (the same colours as the table)."""
    return intake.status_badge(application)


@register.filter
def lookup(mapping, key):
    """``mapping[key]`` in a template (None when missing)."""
    return mapping.get(key) if mapping else None
