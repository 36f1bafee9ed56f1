"""Template helpers of the UI shell: Tabler icons inlined from npm, masked personal data."""

from __future__ import annotations

from functools import cache

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from chanchuang.core.identifiers import mask

register = template.Library()


@cache
def _icon_svg(name: str) -> str:
    path = settings.NODE_MODULES_DIR / "@tabler/icons/icons/outline" / f"{name}.svg"
    svg = path.read_text()
    return svg.replace('class="icon ', 'aria-hidden="true" class="icon ', 1)


@register.simple_tag
def icon(name: str) -> str:
    """An outline Tabler icon as inline SVG (read once from node_modules)."""
    return mark_safe(_icon_svg(name))  # a file of the pinned icon package, not user input


@register.filter
def masked(value: str) -> str:
    """A personal value masked for display, or a dash when empty."""
    return mask(value) if value else "—"


@register.simple_tag(takes_context=True)
def personal(context, obj, value: str, permission: str) -> str:
    """A personal value in clear for users with ``permission`` on ``obj``, masked otherwise."""
    if value and context["request"].user.has_perm(permission, obj):
        return value
    return masked(value)


@register.simple_tag
def tabler_widget(bound_field) -> str:
    """Render a form field's widget with Tabler's classes; long choice lists become searchable."""
    widget_type = bound_field.widget_type
    attrs = {"class": {"select": "form-select", "nullbooleanselect": "form-select",
                       "selectmultiple": "form-select", "checkbox": "form-check-input",
                       "radioselect": "form-check-input",
                       "checkboxselectmultiple": "form-check-input"}.get(widget_type,
                                                                         "form-control")}
    if bound_field.errors:
        attrs["class"] += " is-invalid"
    if widget_type == "select" and hasattr(bound_field.field, "queryset"):
        attrs["data-search"] = "true"
    return bound_field.as_widget(attrs=attrs)


@register.simple_tag(takes_context=True)
def link_if_visible(context, obj, text=None) -> str:
    """A link to the object's page if the user may open it, else its name as plain text (a
    detail page never shows a link that would answer 404; one query, for detail pages)."""
    text = obj if text is None else text
    if type(obj).objects.visible_to(context["request"].user).filter(pk=obj.pk).exists():
        return format_html('<a href="{}">{}</a>', obj.get_absolute_url(), text)
    return format_html("{}", text)
