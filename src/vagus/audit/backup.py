"""The audit rows' part of a backup: they are the person's record of important writes.

Not restored: they describe what happened to the account the backup came from; the restore
itself is recorded in the new account.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import Field

from vagus.audit.models import ACTIONS, AuditEvent
from vagus.backup.registry import not_restored, section
from vagus.backup.rows import Id, Moment, Row, Text

if TYPE_CHECKING:
    from vagus.accounts.models import User


class AuditEventRow(Row):
    id: Id
    action: Text = Field(json_schema_extra={"enum": [code for code, _ in ACTIONS]})
    by_owner: bool = Field(description="Whether the person did it themselves.")
    detail: dict[str, Any]
    at: Moment


@section("audit_events", model="audit.AuditEvent", row=AuditEventRow)
def export_events(user: User) -> list[AuditEventRow]:
    return [
        AuditEventRow(
            id=str(e.uuid),
            action=e.action,
            by_owner=e.actor_id == user.pk,
            detail=e.detail,
            at=e.at,
        )
        for e in AuditEvent.objects.owned_by(user)
    ]


# No note to the person: the restore itself is recorded in the new account.
not_restored("audit_events", "")
