"""The tools' card on the Today page: worry time, once the person's chosen time has come."""

from __future__ import annotations

from typing import Any

from vagus.ownership import AuthenticatedHttpRequest
from vagus.tools import queries
from vagus.tools.models import Worry


def today_card(request: AuthenticatedHttpRequest) -> dict[str, Any] | None:
    user = request.user
    if not user.is_authenticated or not queries.is_worry_time(user):
        return None
    count = Worry.objects.owned_by(user).filter(resolved_at__isnull=True).count()
    if not count:
        return None
    return {
        "template": "tools/cards/worry_time.html",
        "count": count,
        "worry_time": queries.worry_time_for(user),
    }
