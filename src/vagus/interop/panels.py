"""What imports add to a day's page: the notes people wrote in the apps they came from."""

from __future__ import annotations

from datetime import date
from typing import Any

from vagus.interop.models import ImportedEntry
from vagus.ownership import AuthenticatedHttpRequest


def imported_notes(request: AuthenticatedHttpRequest, day: date) -> dict[str, Any] | None:
    notes = list(
        ImportedEntry.objects.owned_by(request.user)
        .filter(kind=ImportedEntry.NOTE, day=day)
        .exclude(text="", label="")
        .order_by("time", "id")
    )
    if not notes:
        return None
    return {"template": "interop/panels/imported_notes.html", "notes": notes}
