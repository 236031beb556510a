"""Everything a person has stored, as one JSON document.

Each app adds its own section with ``@section("name")``; the document is complete only if
every app that stores personal data registers one (a test checks every model with an owner).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils import timezone

import vagus

SectionFn = Callable[[Any], Any]
_SECTIONS: dict[str, SectionFn] = {}

FORMAT = "vagus-export"
FORMAT_VERSION = 1


def section(name: str) -> Callable[[SectionFn], SectionFn]:
    def register(fn: SectionFn) -> SectionFn:
        _SECTIONS[name] = fn
        return fn

    return register


def export_user_data(user: Any) -> dict[str, Any]:
    document: dict[str, Any] = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "vagus_version": vagus.__version__,
        "exported_at": timezone.now().isoformat(),
    }
    for name, fn in sorted(_SECTIONS.items()):
        document[name] = fn(user)
    return document


@section("account")
def _account(user: Any) -> dict[str, Any]:
    return {
        "id": str(user.uuid),
        "username": user.username,
        "time_zone": user.time_zone,
        "date_joined": user.date_joined.isoformat(),
        "is_demo": user.is_demo,
    }


@section("access_tokens")
def _tokens(user: Any) -> list[dict[str, Any]]:
    from vagus.accounts.models import AccessToken

    # Names and dates only: the secret never leaves the account, not even in an export.
    return [
        {
            "id": str(t.uuid),
            "name": t.name,
            "created": t.created.isoformat(),
            "last_used": t.last_used.isoformat() if t.last_used else None,
        }
        for t in AccessToken.objects.owned_by(user)
    ]
