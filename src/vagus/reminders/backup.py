"""The reminders' part of a backup.

Reminder settings (what, when, how; quiet hours; the email address) are the person's and are
restored. The sent-reminders history is exported but operational, so it is not restored (a
restored account starts a fresh history), and the calendar feed's secret never leaves the
server: a restored account makes a new feed address. An address confirmed before stays
confirmed: the person confirmed it, and the backup is theirs.
"""

from __future__ import annotations

from datetime import time
from typing import TYPE_CHECKING, Any

from pydantic import Field

from vagus.backup.registry import RestoreContext, not_restored, restorer, section
from vagus.backup.rows import (
    Always,
    Clock,
    Day,
    Flag,
    Id,
    Moment,
    Row,
    RowProblem,
    Text,
    parse_rows,
    problem,
)
from vagus.reminders.actions import CHANNEL_CODES, KIND_CODES
from vagus.reminders.models import Delivery, Reminder, ReminderProfile

if TYPE_CHECKING:
    from vagus.accounts.models import User


class ReminderSettingsRow(Row):
    id: Always[Id] = None
    email: Text = ""
    email_verified: Flag = False
    quiet_start: Clock | None = None
    quiet_end: Clock | None = None


class ReminderRow(Row):
    id: Always[Id] = None
    kind: Text = Field(json_schema_extra={"enum": [*sorted(KIND_CODES)]})
    at: Clock
    days: list[int]
    channels: list[Text]
    enabled: Flag


class ReminderDeliveryRow(Row):
    id: Always[Id] = None
    kind: Text
    slot_day: Day
    slot_time: Clock
    due_at: Moment
    title: Text
    status: Text
    sent_at: Moment | None
    error: Text


@section("reminder_settings", model="reminders.ReminderProfile", row=ReminderSettingsRow)
def export_settings(user: User) -> list[ReminderSettingsRow]:
    return [
        ReminderSettingsRow(
            id=str(p.uuid),
            email=p.email,
            email_verified=p.email_verified,
            quiet_start=p.quiet_start,
            quiet_end=p.quiet_end,
        )
        for p in ReminderProfile.objects.owned_by(user)
    ]


@section("reminders", model="reminders.Reminder", row=ReminderRow)
def export_reminders(user: User) -> list[ReminderRow]:
    return [
        ReminderRow(
            id=str(r.uuid),
            kind=r.kind,
            at=r.at,
            days=sorted(r.weekdays),
            channels=list(r.channels),
            enabled=r.enabled,
        )
        for r in Reminder.objects.owned_by(user).order_by("kind")
    ]


@section("reminder_deliveries", model="reminders.Delivery", row=ReminderDeliveryRow)
def export_deliveries(user: User) -> list[ReminderDeliveryRow]:
    return [
        ReminderDeliveryRow(
            id=str(d.uuid),
            kind=d.kind,
            slot_day=d.slot_day,
            slot_time=d.slot_time,
            due_at=d.due_at,
            title=d.title,
            status=d.status,
            sent_at=d.sent_at,
            error=d.error,
        )
        for d in Delivery.objects.owned_by(user).order_by("due_at", "id")
    ]


not_restored(
    "reminder_deliveries",
    "The history of sent reminders is not restored; your reminder settings are.",
)


@restorer("reminder_settings", order=120, holds_data=False)
def restore_settings(user: User, data: Any, ctx: RestoreContext) -> int:
    section_name = "reminder_settings"
    rows = parse_rows(section_name, data, ReminderSettingsRow)
    if len(rows) > 1:
        raise RowProblem(f"{section_name}: a person has one set of reminder settings")
    for row in rows:
        profile, _ = ReminderProfile.objects.update_or_create(
            owner=user,
            defaults={
                "email": row.email[:254],
                "email_verified": row.email_verified and bool(row.email),
                "quiet_start": row.quiet_start,
                "quiet_end": row.quiet_end,
            },
        )
        ctx.remember(section_name, row.id, profile)
    return len(rows)


@restorer("reminders", order=121, holds_data=False)
def restore_reminders(user: User, data: Any, ctx: RestoreContext) -> int:
    section_name = "reminders"
    rows = parse_rows(section_name, data, ReminderRow)
    seen: set[str] = set()
    objects = []
    for i, row in enumerate(rows):
        if row.kind not in KIND_CODES:
            raise problem(section_name, i, "kind", f"“{row.kind}” is not a kind of reminder")
        if row.kind in seen:
            raise problem(section_name, i, "kind", f"a second “{row.kind}” reminder")
        seen.add(row.kind)
        if any(not 0 <= d <= 6 for d in row.days):
            raise problem(section_name, i, "days", "days run from 0 (Monday) to 6 (Sunday)")
        unknown = [c for c in row.channels if c not in CHANNEL_CODES]
        if unknown:
            raise problem(section_name, i, "channels", f"“{unknown[0]}” is not a channel")
        objects.append(
            Reminder(
                owner=user,
                kind=row.kind,
                at=time(row.at.hour, row.at.minute),
                days="".join(str(d) for d in sorted(set(row.days))),
                channels=list(row.channels),
                enabled=row.enabled,
            )
        )
    Reminder.objects.owned_by(user).delete()  # settings replace what the account had
    return ctx.create_all(section_name, rows, objects)
