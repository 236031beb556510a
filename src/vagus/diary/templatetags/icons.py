"""``{% icon "name" %}`` and ``{% measure_icon code %}``: the project's line icons, inline."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString, mark_safe

from vagus.icons import icon_markup, measure_icon_name

register = template.Library()


@register.simple_tag
def icon(name: str) -> SafeString:
    # The markup comes from the project's own files, never from what a person typed.
    return mark_safe(icon_markup(name))


@register.simple_tag
def measure_icon(code: str) -> SafeString:
    return icon(measure_icon_name(code))
