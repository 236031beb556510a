"""The questionnaires' card on the Today page: the ones due today, if any."""

from __future__ import annotations

from typing import Any

from vagus.ownership import AuthenticatedHttpRequest
from vagus.questionnaires.queries import due_for


def due_card(request: AuthenticatedHttpRequest) -> dict[str, Any] | None:
    due = due_for(request.user)
    if not due:
        return None
    return {"template": "questionnaires/cards/due.html", "due": due}
