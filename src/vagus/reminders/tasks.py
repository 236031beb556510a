"""The worker's reminder task: every minute, send what is due."""

from __future__ import annotations

from django.utils import timezone
from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from vagus.reminders.sending import send_due


@db_periodic_task(crontab(minute="*"))
def send_due_reminders() -> None:
    send_due(timezone.now())
