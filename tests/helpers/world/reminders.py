"""A row of every reminders model (settings, a reminder, a delivery)."""

from __future__ import annotations

from datetime import UTC, datetime, time
from typing import Any

from vagus.reminders import actions
from vagus.reminders.models import CHECKIN, Delivery

# The calendar feed, email confirmation and email snooze links are opened without a login:
# the secret or signature in the address is the key.
PUBLIC_ROUTES = {"reminders:feed", "reminders:verify_email", "reminders:snooze_link"}
PUBLIC_PARAMS = {"secret": ["vgc_not-a-real-feed"], "token": ["not-a-signed-token"]}


def build(user: Any, secret: str) -> None:
    actions.set_reminder(user, CHECKIN, at=time(20, 0), channels=["inapp", "calendar"])
    actions.set_email(user, "alice@example.org", verified=True)
    actions.issue_feed(user)
    Delivery.objects.create(
        owner=user,
        kind=CHECKIN,
        slot_day=datetime(2026, 6, 1).date(),
        slot_time=time(20, 0),
        due_at=datetime(2026, 6, 1, 19, 0, tzinfo=UTC),
        title="Time for your check-in",
        body="A minute to note how today went.",
        channels=["inapp"],
        status="sent",
    )
