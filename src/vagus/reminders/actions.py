"""Every write of the reminders app, each one function in one transaction."""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from vagus.reminders.models import (
    CHANNELS,
    DEFAULT_TIMES,
    KINDS,
    Delivery,
    Reminder,
    ReminderProfile,
)

if TYPE_CHECKING:
    from vagus.accounts.models import User

SNOOZE = timedelta(hours=1)
FEED_PREFIX = "vgc_"
KIND_CODES = {code for code, _ in KINDS}
CHANNEL_CODES = [code for code, _ in CHANNELS]


def profile_of(user: User) -> ReminderProfile:
    profile, _ = ReminderProfile.objects.get_or_create(owner=user)
    return profile


@transaction.atomic
def set_reminder(
    user: User,
    kind: str,
    *,
    at: time | None = None,
    days: Iterable[int] | None = None,
    channels: Iterable[str] | None = None,
    enabled: bool = True,
) -> Reminder:
    """Turn a kind of reminder on (or off) with its time, weekdays and channels."""
    if kind not in KIND_CODES:
        raise ValueError(f"“{kind}” is not a kind of reminder")
    chosen = [c for c in CHANNEL_CODES if c in set(channels or ())]
    unknown = set(channels or ()) - set(CHANNEL_CODES)
    if unknown:
        raise ValueError(f"“{sorted(unknown)[0]}” is not a way to send a reminder")
    weekdays = sorted(set(range(7) if days is None else days))
    if any(not 0 <= d <= 6 for d in weekdays):
        raise ValueError("days of the week run from 0 (Monday) to 6 (Sunday)")
    reminder, _ = Reminder.objects.update_or_create(
        owner=user,
        kind=kind,
        defaults={
            "at": (at or DEFAULT_TIMES[kind]).replace(second=0, microsecond=0),
            "days": "".join(str(d) for d in weekdays),
            "channels": chosen,
            "enabled": enabled,
            "next_at": None,  # worked out afresh at the worker's next pass
        },
    )
    profile_of(user)
    return reminder


@transaction.atomic
def set_quiet_hours(user: User, start: time | None, end: time | None) -> ReminderProfile:
    profile = profile_of(user)
    profile.quiet_start, profile.quiet_end = start, end
    profile.save(update_fields=["quiet_start", "quiet_end"])
    return profile


@transaction.atomic
def set_email(user: User, address: str, *, verified: bool = False) -> ReminderProfile:
    """A new address is unverified until its link is followed (or an operator vouches)."""
    profile = profile_of(user)
    address = address.strip()
    if address != profile.email:
        profile.email = address
        profile.email_verified = False
    if verified and address:
        profile.email_verified = True
    profile.save(update_fields=["email", "email_verified"])
    return profile


@transaction.atomic
def verify_email(user: User, address: str) -> bool:
    """Mark ``address`` verified if it is still the person's address."""
    return bool(
        ReminderProfile.objects.owned_by(user)
        .filter(email=address)
        .exclude(email="")
        .update(email_verified=True)
    )


@transaction.atomic
def issue_feed(user: User) -> str:
    """A new calendar-feed secret (the old one stops working); returned once, kept hashed."""
    raw = FEED_PREFIX + secrets.token_urlsafe(32)
    profile = profile_of(user)
    profile.feed_hash = ReminderProfile.hash(raw)
    profile.feed_created = timezone.now()
    profile.save(update_fields=["feed_hash", "feed_created"])
    return raw


@transaction.atomic
def revoke_feed(user: User) -> None:
    ReminderProfile.objects.owned_by(user).update(feed_hash="", feed_created=None)


@transaction.atomic
def snooze(user: User, delivery: Delivery, now: datetime | None = None) -> datetime:
    """The reminder of ``delivery`` comes again in an hour."""
    until = (now or timezone.now()) + SNOOZE
    Reminder.objects.owned_by(user).filter(kind=delivery.kind).update(snooze_until=until)
    if delivery.seen_at is None:
        Delivery.objects.filter(pk=delivery.pk).update(seen_at=now or timezone.now())
    return until


def mark_seen(user: User, now: datetime) -> None:
    """The person opened the app: remember it (one UPDATE; a pause ends at the next slot).

    Only people with reminder settings have a row to update; nobody else needs one."""
    ReminderProfile.objects.owned_by(user).update(last_seen=now)


@transaction.atomic
def mark_all_seen(user: User, now: datetime | None = None) -> int:
    rows = Delivery.objects.owned_by(user).filter(seen_at__isnull=True)
    return rows.update(seen_at=now or timezone.now())
