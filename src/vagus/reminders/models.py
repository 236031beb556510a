"""A person's reminder settings, and each delivery (one row per person, kind and local slot)."""

from __future__ import annotations

import hashlib
import uuid
from datetime import time

from django.conf import settings
from django.db import models

from vagus.ownership import OwnedQuerySet

CHECKIN, QUESTIONNAIRE, EXPERIMENT, WORRY_TIME = (
    "checkin",
    "questionnaire",
    "experiment",
    "worry_time",
)
KINDS = [
    (CHECKIN, "Daily check-in"),
    (QUESTIONNAIRE, "Questionnaires when they are due"),
    (EXPERIMENT, "Today's experiment condition"),
    (WORRY_TIME, "Worry time"),
]
DEFAULT_TIMES = {
    CHECKIN: time(20, 0),
    QUESTIONNAIRE: time(19, 0),
    EXPERIMENT: time(8, 0),
    WORRY_TIME: time(18, 0),
}
EMAIL, PUSH, CALENDAR, IN_APP = "email", "push", "calendar", "inapp"
CHANNELS = [
    (IN_APP, "In Vagus (a count in the menu)"),
    (EMAIL, "Email"),
    (PUSH, "Notification on my devices"),
    (CALENDAR, "My calendar app (from the calendar feed)"),
]
SENT_CHANNELS = (IN_APP, EMAIL, PUSH)  # the calendar app alarms by itself, from the feed

REMINDER, PAUSE = "reminder", "pause"
PENDING, SENT, FAILED = "pending", "sent", "failed"


class ReminderProfile(models.Model):
    """What holds for all of a person's reminders: email, quiet hours, feed, pause state."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminder_profile"
    )
    email = models.EmailField(blank=True, default="")
    email_verified = models.BooleanField(default=False)
    quiet_start = models.TimeField(null=True, blank=True)  # local clock times
    quiet_end = models.TimeField(null=True, blank=True)
    # Only the calendar feed secret's hash is kept; the URL is shown once.
    feed_hash = models.CharField(max_length=64, blank=True, default="", db_index=True)
    feed_created = models.DateTimeField(null=True, blank=True)
    last_seen = models.DateTimeField(null=True, blank=True)  # last visit to the app
    paused_at = models.DateTimeField(null=True, blank=True)  # check-in reminders paused
    streak_since = models.DateTimeField(null=True, blank=True)  # ignored count starts here

    objects = OwnedQuerySet.as_manager()

    def __str__(self) -> str:
        return "reminder settings"

    @staticmethod
    def hash(raw: str) -> str:
        return hashlib.sha256(raw.encode()).hexdigest()


class Reminder(models.Model):
    """One kind of reminder a person set: when, which days, which channels."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminders"
    )
    kind = models.CharField(max_length=16, choices=KINDS)
    at = models.TimeField()  # the person's local clock time
    days = models.CharField(max_length=7, default="0123456")  # weekdays, Monday = 0
    channels = models.JSONField(default=list)
    enabled = models.BooleanField(default=True)
    snooze_until = models.DateTimeField(null=True, blank=True)
    # When the worker should next look (a cache: NULL means "work it out at the next pass").
    next_at = models.DateTimeField(null=True, blank=True)
    updated = models.DateTimeField(auto_now=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "kind"], name="one_reminder_per_kind")
        ]
        indexes = [models.Index(fields=["enabled", "next_at"])]

    def __str__(self) -> str:
        return f"{self.kind} at {self.at:%H:%M}"

    @property
    def weekdays(self) -> frozenset[int]:
        return frozenset(int(d) for d in self.days if d.isdigit())


class Delivery(models.Model):
    """One reminder sent (or being sent) for one slot.

    The row is inserted before anything is sent, and (owner, kind, local day, local time) is
    unique, so two workers, or one restarted, never send the same slot twice. ``done`` lists
    the channels already delivered, so a retry resends only what failed.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminder_deliveries"
    )
    kind = models.CharField(max_length=16, choices=KINDS)
    slot_day = models.DateField()
    slot_time = models.TimeField()
    due_at = models.DateTimeField()
    message = models.CharField(max_length=12, default=REMINDER)
    title = models.CharField(max_length=120)
    body = models.CharField(max_length=400)
    channels = models.JSONField(default=list)
    done = models.JSONField(default=list)
    in_app = models.BooleanField(default=True)  # counted in the menu's badge until seen
    status = models.CharField(max_length=8, default=PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_try_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True, default="")
    created = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    seen_at = models.DateTimeField(null=True, blank=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-due_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "kind", "slot_day", "slot_time"], name="one_delivery_per_slot"
            )
        ]
        indexes = [models.Index(fields=["status", "next_try_at"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.slot_day} {self.slot_time:%H:%M} {self.status}"
