"""The account's part of a backup: its time zone and the names of its access tokens."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from vagus.accounts.models import AccessToken, validate_time_zone
from vagus.backup.registry import RestoreContext, not_restored, restorer, section
from vagus.backup.rows import Always, Flag, Id, Moment, Row, RowProblem, Text, parse_row

if TYPE_CHECKING:
    from vagus.accounts.models import User


class AccountRow(Row):
    # Only the time zone is restored; the rest belongs to the account it was exported from.
    id: Always[Id] = None
    username: Text = ""
    time_zone: Text
    date_joined: Always[Moment] = None
    is_demo: Flag = False


class AccessTokenRow(Row):
    """Names and dates only: the secret never leaves the account, not even in an export."""

    id: Id
    name: Text
    created: Moment
    last_used: Moment | None


@section("account", row=AccountRow, many=False)
def export_account(user: User) -> AccountRow:
    return AccountRow(
        id=str(user.uuid),
        username=user.username,
        time_zone=user.time_zone,
        date_joined=user.date_joined,
        is_demo=user.is_demo,
    )


@section("access_tokens", model="accounts.AccessToken", row=AccessTokenRow)
def export_tokens(user: User) -> list[AccessTokenRow]:
    return [
        AccessTokenRow(id=str(t.uuid), name=t.name, created=t.created, last_used=t.last_used)
        for t in AccessToken.objects.owned_by(user)
    ]


not_restored(
    "access_tokens",
    "Access tokens are not restored: their secrets never leave an account. Make new ones.",
)


@restorer("account", order=0, holds_data=False)
def restore_account(user: User, data: Any, ctx: RestoreContext) -> int:
    row = parse_row("account", data, AccountRow)
    try:
        validate_time_zone(row.time_zone)
    except Exception:
        raise RowProblem(f"account.time_zone: “{row.time_zone}” is not a time zone") from None
    if user.time_zone != row.time_zone:
        user.time_zone = row.time_zone
        user.save(update_fields=["time_zone"])
    return 1
