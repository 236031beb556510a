"""Shares in a person's backup: with whom, what, until when. Not restored: a share is
between two accounts on the server it was made on, and the code is long gone."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import Field

from vagus.backup.registry import not_restored, section
from vagus.backup.rows import Id, Moment, Row, Text
from vagus.ownership import Scope
from vagus.sharing.models import Share

if TYPE_CHECKING:
    from vagus.accounts.models import User


class ShareRow(Row):
    id: Id
    clinician: Text | None = Field(description="The clinician's username, once accepted.")
    scopes: list[Text] = Field(json_schema_extra={"items": {"enum": [s.value for s in Scope]}})
    created: Moment
    ends: Moment
    accepted_at: Moment | None
    revoked_at: Moment | None


@section("shares", model="sharing.Share", row=ShareRow)
def export_shares(user: User) -> list[ShareRow]:
    return [
        ShareRow(
            id=str(s.uuid),
            clinician=s.clinician_name or None,
            scopes=list(s.scopes),
            created=s.created,
            ends=s.ends,
            accepted_at=s.accepted_at,
            revoked_at=s.revoked_at,
        )
        for s in Share.objects.owned_by(user)
    ]


not_restored("shares", "Shares with clinicians are not restored: invite them again if you want.")
