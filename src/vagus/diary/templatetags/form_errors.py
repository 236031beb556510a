"""``{% error_summary form %}`` and ``field|plain_errors``, for every form in the app.

They live in the diary app only because template tag libraries need an installed app;
the rules are in ``vagus.form_errors``.
"""

from __future__ import annotations

from typing import Any

from django import forms, template

from vagus import form_errors

register = template.Library()


@register.inclusion_tag("error_summary.html")
def error_summary(form: forms.BaseForm) -> dict[str, Any]:
    return {"errors": form_errors.form_errors(form)}


@register.filter
def plain_errors(bound: forms.BoundField) -> list[str]:
    return form_errors.field_errors(bound)
