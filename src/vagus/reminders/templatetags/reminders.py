"""``{% unseen_reminders as count %}``: the menu's badge, for the signed-in person."""

from __future__ import annotations

from typing import Any

from django import template

from vagus.reminders import queries

register = template.Library()


@register.simple_tag(takes_context=True)
def unseen_reminders(context: dict[str, Any]) -> int:
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return 0
    return queries.unseen_count(user)
