"""A row for each important write, made in the same transaction as the write (see record)."""

from __future__ import annotations

from typing import Any


def record(
    action: str,
    owner: Any | None,
    *,
    actor: Any | None = None,
    detail: dict[str, Any] | None = None,
) -> Any:
    """Write one audit row for ``action`` inside the caller's transaction.

    ``owner`` is the person whose data changed (None for server-wide writes such as a key
    rotation, and for an account deletion: that row must outlive the account and so holds
    nothing about the person). ``actor`` is who did it, the owner unless said otherwise.
    """
    from vagus.audit.models import AuditEvent

    return AuditEvent.objects.create(
        action=action,
        owner=owner,
        actor=owner if actor is None else actor,
        detail=detail or {},
    )
