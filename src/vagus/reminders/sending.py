"""Send whatever reminders are due at an instant: the worker's task and ``send-due``.

Idempotent: each slot's Delivery row is inserted *before* anything is sent, under a unique
key (person, kind, local day, local time), so a second worker, or the same one run again,
finds the row and sends nothing. A row is leased while it is being sent; a temporary failure
is tried again with back-off and, after the last try, recorded as failed with its error.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Q

from vagus.reminders import channels, queries, wording
from vagus.reminders.models import (
    CHECKIN,
    EMAIL,
    EXPERIMENT,
    FAILED,
    IN_APP,
    PAUSE,
    PENDING,
    PUSH,
    QUESTIONNAIRE,
    REMINDER,
    SENT,
    SENT_CHANNELS,
    WORRY_TIME,
    Delivery,
    Reminder,
    ReminderProfile,
)
from vagus.science import reminder_times

log = logging.getLogger(__name__)

LEASE = timedelta(minutes=2)  # a worker that dies mid-send leaves the row to the next one
BACKOFF = (timedelta(minutes=1), timedelta(minutes=5), timedelta(minutes=25))
MAX_ATTEMPTS = len(BACKOFF) + 1
# A reminder set (or changed) a moment ago only sends for the current minute, not for a slot
# earlier in the hour that the person has just chosen.
FRESH_CATCH_UP = timedelta(minutes=1)
NO_DAYS_RECHECK = timedelta(days=1)

SENDERS = {EMAIL: "email", PUSH: "push"}


@dataclass
class Outcome:
    sent: int = 0
    failed: int = 0
    retrying: int = 0
    skipped: int = 0

    def __str__(self) -> str:
        return (
            f"{self.sent} sent, {self.retrying} to try again, {self.failed} failed, "
            f"{self.skipped} not needed"
        )


def send_due(now: datetime) -> Outcome:
    """Send every reminder due at ``now`` (aware), retry those waiting, record failures."""
    outcome = Outcome()
    # Most minutes nothing is due: ask for ids first (cheap), load rows only when there are.
    due = _ids(
        Reminder.objects.filter(enabled=True).filter(Q(next_at__lte=now) | Q(next_at__isnull=True))
    )
    if due:
        rows = Reminder.objects.filter(pk__in=due)
        for reminder in rows.select_related("owner", "owner__reminder_profile"):
            _take_slot(reminder, now, outcome)
    snoozed = _ids(Reminder.objects.filter(snooze_until__lte=now))
    if snoozed:
        for reminder in Reminder.objects.filter(pk__in=snoozed).select_related("owner"):
            _take_snooze(reminder, now, outcome)
    waiting = _ids(Delivery.objects.filter(status=PENDING, next_try_at__lte=now))
    if waiting:
        for delivery in Delivery.objects.filter(pk__in=waiting).select_related("owner"):
            if _claim(delivery, now):
                deliver(delivery, now, outcome)
    return outcome


def _ids(rows: Any) -> list[int]:
    return list(rows.values_list("pk", flat=True))


def _profile(reminder: Reminder) -> ReminderProfile:
    profile, _ = ReminderProfile.objects.get_or_create(owner=reminder.owner)
    return profile


def _take_slot(reminder: Reminder, now: datetime, outcome: Outcome) -> None:
    zone = reminder.owner.zone()
    at = queries.worry_time_of(reminder.owner) if reminder.kind == WORRY_TIME else reminder.at
    window = FRESH_CATCH_UP if reminder.next_at is None else reminder_times.CATCH_UP
    slot = reminder_times.due_slot(now, at, zone, reminder.weekdays, catch_up=window)
    if slot is not None and (reminder.next_at is None or slot.instant >= reminder.next_at):
        _send_slot(reminder, slot, now, outcome)
    upcoming = reminder_times.next_slot(now, at, zone, reminder.weekdays)
    next_at = upcoming.instant if upcoming else now + NO_DAYS_RECHECK
    Reminder.objects.filter(pk=reminder.pk).update(next_at=next_at)


def _send_slot(
    reminder: Reminder, slot: reminder_times.Slot, now: datetime, outcome: Outcome
) -> None:
    user = reminder.owner
    profile = _profile(reminder)
    local = slot.instant.astimezone(user.zone()).time()
    quiet = reminder_times.in_quiet_hours(local, profile.quiet_start, profile.quiet_end)
    message = REMINDER
    if reminder.kind == CHECKIN:
        if profile.paused_at is not None and queries.came_back_since_pause(user, profile):
            profile.paused_at, profile.streak_since = None, now
            profile.save(update_fields=["paused_at", "streak_since"])
        decision = reminder_times.checkin_decision(
            day_logged=queries.checkin_logged(user, slot.day),
            quiet=quiet,
            paused=profile.paused_at is not None,
            ignored_in_a_row=queries.ignored_checkins_in_a_row(user, profile),
        )
        if decision == "skip":
            outcome.skipped += 1
            return
        if decision == "pause":
            message = PAUSE
        title, body = (
            (wording.PAUSE_TITLE, wording.PAUSE_BODY)
            if message == PAUSE
            else wording.reminder_text(CHECKIN)
        )
    else:
        text = None if quiet else _text_for(reminder, slot)
        if text is None:
            outcome.skipped += 1
            return
        title, body = text
    sent_by = [c for c in reminder.channels if c in SENT_CHANNELS]
    if not sent_by and message != PAUSE:
        outcome.skipped += 1  # calendar only: the calendar app reminds by itself
        return
    delivery = _insert(
        reminder, slot.day, slot.at, slot.instant, message, title, body, sent_by, now
    )
    if delivery is None:
        return  # another worker has this slot
    if message == PAUSE:
        profile.paused_at = now
        profile.save(update_fields=["paused_at"])
    deliver(delivery, now, outcome)


def _text_for(reminder: Reminder, slot: reminder_times.Slot) -> tuple[str, str] | None:
    user = reminder.owner
    if reminder.kind == QUESTIONNAIRE:
        names = queries.due_questionnaire_names(user, slot.day)
        return wording.reminder_text(QUESTIONNAIRE, names=" and ".join(names)) if names else None
    if reminder.kind == EXPERIMENT:
        today = queries.experiment_today(user, slot.day)
        if today is None:
            return None
        return wording.reminder_text(EXPERIMENT, condition=today[0], todo=today[1])
    return wording.reminder_text(reminder.kind)


def _take_snooze(reminder: Reminder, now: datetime, outcome: Outcome) -> None:
    until = reminder.snooze_until
    if until is None:
        return
    # Claim it: of two workers, one clears the snooze and sends.
    if not Reminder.objects.filter(pk=reminder.pk, snooze_until=until).update(snooze_until=None):
        return
    user = reminder.owner
    local = until.astimezone(user.zone()).replace(second=0, microsecond=0)
    profile = _profile(reminder)
    if reminder_times.in_quiet_hours(local.time(), profile.quiet_start, profile.quiet_end):
        outcome.skipped += 1
        return
    last = Delivery.objects.owned_by(user).filter(kind=reminder.kind, message=REMINDER).first()
    title, body = (last.title, last.body) if last else wording.reminder_text(CHECKIN)
    sent_by = [c for c in reminder.channels if c in SENT_CHANNELS]
    delivery = _insert(
        reminder,
        local.date(),
        local.time().replace(tzinfo=None),
        until,
        REMINDER,
        title,
        body,
        sent_by,
        now,
    )
    if delivery is not None:
        deliver(delivery, now, outcome)


def _insert(
    reminder: Reminder,
    day: date,
    at: time,
    due_at: datetime,
    message: str,
    title: str,
    body: str,
    sent_by: list[str],
    now: datetime,
) -> Delivery | None:
    try:
        with transaction.atomic():
            return Delivery.objects.create(
                owner=reminder.owner,
                kind=reminder.kind,
                slot_day=day,
                slot_time=at,
                due_at=due_at,
                message=message,
                title=title,
                body=body,
                channels=sent_by,
                in_app=IN_APP in sent_by or message == PAUSE,
                next_try_at=now + LEASE,
            )
    except IntegrityError:
        return None


def _claim(delivery: Delivery, now: datetime) -> bool:
    """Take a waiting delivery for this worker (a conditional UPDATE: one worker wins)."""
    claimed = Delivery.objects.filter(
        pk=delivery.pk, status=PENDING, next_try_at=delivery.next_try_at
    ).update(next_try_at=now + LEASE)
    return claimed == 1


def deliver(delivery: Delivery, now: datetime, outcome: Outcome | None = None) -> None:
    """Send ``delivery`` on the channels not yet done; retry later or record the failure."""
    outcome = outcome if outcome is not None else Outcome()
    profile = ReminderProfile.objects.owned_by(delivery.owner).first()
    done = list(delivery.done)
    errors = []
    for channel in delivery.channels:
        if channel in done:
            continue
        try:
            if channel == EMAIL:
                channels.send_email(delivery, profile)
            elif channel == PUSH:
                channels.send_push(delivery)
        except channels.TemporaryFailure as exc:
            errors.append(str(exc))
            continue
        done.append(channel)
    delivery.done = done
    if not errors:
        delivery.status, delivery.sent_at, delivery.next_try_at = SENT, now, None
        delivery.error = ""
        outcome.sent += 1
    else:
        delivery.attempts += 1
        delivery.error = "; ".join(errors)[:2000]
        if delivery.attempts >= MAX_ATTEMPTS:
            delivery.status, delivery.next_try_at = FAILED, None
            outcome.failed += 1
            log.warning(
                "reminder %s failed after %d tries: %s",
                delivery.uuid,
                delivery.attempts,
                delivery.error,
            )
        else:
            delivery.next_try_at = now + BACKOFF[delivery.attempts - 1]
            outcome.retrying += 1
    delivery.save(update_fields=["done", "status", "sent_at", "next_try_at", "error", "attempts"])
