"""``{% due_questionnaires %}``: the questionnaires due today, for the Today page."""

from __future__ import annotations

from typing import Any

from django import template

from vagus.questionnaires.queries import due_for

register = template.Library()


@register.inclusion_tag("questionnaires/due.html", takes_context=True)
def due_questionnaires(context: template.Context) -> dict[str, Any]:
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"due": []}
    return {"due": due_for(user)}
