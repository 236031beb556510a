"""Routes a phone uses to send what it kept while offline (browser session + CSRF)."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from ninja import Field, Router, Schema
from ninja.errors import HttpError

from vagus.api.schemas import Message
from vagus.offline import sync
from vagus.ownership import AuthenticatedHttpRequest

router = Router(tags=["offline"])


class QueuedCheckin(Schema):
    key: UUID = Field(description="made by the device, once per queued save")
    person: UUID | None = Field(None, description="whose page queued it (the account's id)")
    day: str | None = Field(None, description="YYYY-MM-DD; none: the day of saved_at")
    values: dict[str, str | float | None] = Field(description="the check-in form's fields")
    base_version: str = Field("", description="the day version the page showed")
    saved_at: datetime


class QueuedMeal(Schema):
    key: UUID
    person: UUID | None = None
    text: str
    eaten_at: str = Field(description="local time as the meal form held it, YYYY-MM-DDTHH:MM")
    saved_at: datetime


class ReplacedOut(Schema):
    label: str
    phone: str
    elsewhere: str
    phone_won: bool


class Synced(Schema):
    already_synced: bool
    message: str
    day: str | None
    replaced: list[ReplacedOut]


def _same_person(request: AuthenticatedHttpRequest, person: UUID | None) -> None:
    # A shared phone: what one person queued is never stored in another's diary.
    if person is not None and person != request.user.uuid:
        raise HttpError(409, "This was kept on this phone for someone else who uses it.")


def _out(result: sync.SyncResult) -> dict:
    return {
        "already_synced": result.already_synced,
        "message": result.message,
        "day": result.day.isoformat() if result.day else None,
        "replaced": [vars(item) for item in result.replaced],
    }


@router.post(
    "/offline/checkin",
    response={200: Synced, 400: Message, 409: Message},
    url_name="offline_checkin",
)
def queued_checkin(request: AuthenticatedHttpRequest, body: QueuedCheckin) -> dict:
    """Store a check-in a device kept while offline, once per ``key``."""
    _same_person(request, body.person)
    result = sync.sync_checkin(
        request.user, body.key, body.day, body.values, body.base_version, body.saved_at
    )
    return _out(result)


@router.post(
    "/offline/meal", response={200: Synced, 400: Message, 409: Message}, url_name="offline_meal"
)
def queued_meal(request: AuthenticatedHttpRequest, body: QueuedMeal) -> dict:
    """Store a meal a device kept while offline, once per ``key``."""
    _same_person(request, body.person)
    return _out(sync.sync_meal(request.user, body.key, body.text, body.eaten_at, body.saved_at))
