"""The studies' card on the Today page: a study whose consent text changed since the person
agreed. Until they read it again, the study sees nothing new they log."""

from __future__ import annotations

from typing import Any

from vagus.ownership import AuthenticatedHttpRequest
from vagus.studies.queries import enrolments_of, needs_reconsent


def reconsent_card(request: AuthenticatedHttpRequest) -> dict[str, Any] | None:
    waiting = [e for e in enrolments_of(request.user) if needs_reconsent(e)]
    if not waiting:
        return None
    return {"template": "studies/cards/reconsent.html", "enrolments": waiting}
