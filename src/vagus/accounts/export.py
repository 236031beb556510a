"""Everything a person has stored, as one JSON document.

Each app adds its own section with ``@section("name", model="app.Model")``, one list entry per
row of that model; the document is complete only if every model with an owner has a section
(a test checks every such model).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.utils import timezone

import vagus
from vagus.text import without_lone_surrogates

SectionFn = Callable[[Any], Any]
_SECTIONS: dict[str, SectionFn] = {}
_MODEL_SECTIONS: dict[str, str] = {}  # "app.Model" label → the section listing its rows

FORMAT = "vagus-export"
FORMAT_VERSION = 1


def section(name: str, *, model: str | None = None) -> Callable[[SectionFn], SectionFn]:
    def register(fn: SectionFn) -> SectionFn:
        _SECTIONS[name] = fn
        if model is not None:
            _MODEL_SECTIONS[model] = name
        return fn

    return register


def sections_by_model() -> dict[str, str]:
    """Which export section carries the rows of each model ("app.Model" → section name)."""
    return dict(_MODEL_SECTIONS)


def export_user_data(user: Any) -> dict[str, Any]:
    document: dict[str, Any] = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "vagus_version": vagus.__version__,
        "exported_at": timezone.now().isoformat(),
    }
    for name, fn in sorted(_SECTIONS.items()):
        document[name] = fn(user)
    # A broken character stored before it was refused must not make the whole backup fail
    # (it cannot be written as UTF-8): it is exported as U+FFFD, everything else exactly.
    return without_lone_surrogates(document)


def write_private_file(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` to ``path`` (mode 0600: everything a person wrote) all or nothing.

    The text goes to a temporary file in the same directory, is flushed to disk, and then
    replaces ``path`` in one rename, so a failure part-way never truncates an existing backup.
    """
    target = Path(path)
    data = text.encode("utf-8")  # fails here, before anything on disk is touched
    fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:  # mkstemp creates it 0600
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@section("account")
def _account(user: Any) -> dict[str, Any]:
    return {
        "id": str(user.uuid),
        "username": user.username,
        "time_zone": user.time_zone,
        "date_joined": user.date_joined.isoformat(),
        "is_demo": user.is_demo,
    }


@section("access_tokens", model="accounts.AccessToken")
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
