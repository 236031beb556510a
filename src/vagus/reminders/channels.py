"""The ways a reminder leaves the server: email and push. (In-app is the Delivery row itself;
the calendar app alarms from the feed on its own.)

A sender returns normally when its channel is done (delivered, or nothing to deliver to) and
raises :class:`TemporaryFailure` when trying again later may work.
"""

from __future__ import annotations

import importlib
import logging
import smtplib
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.mail import EmailMessage

from vagus.reminders import links, wording

if TYPE_CHECKING:
    from vagus.reminders.models import Delivery, ReminderProfile

log = logging.getLogger(__name__)


class TemporaryFailure(Exception):
    """The channel could not deliver now; the delivery is tried again after a while."""


def delivery_key(delivery: Delivery) -> str:
    return f"{delivery.kind}:{delivery.slot_day.isoformat()}:{delivery.slot_time:%H:%M}"


def send_email(delivery: Delivery, profile: ReminderProfile | None) -> None:
    if not settings.VAGUS_EMAIL_ENABLED or profile is None:
        return
    if not profile.email or not profile.email_verified:
        return  # only a confirmed address gets mail
    lines = [delivery.body, "", f"Open Vagus: {links.opens(delivery.kind)}"]
    if delivery.message == "reminder":
        lines.append(wording.SNOOZE_LINE.format(snooze_url=links.snooze_link(delivery)))
    settings_url = links.settings_url()
    lines += ["", "-- ", wording.EMAIL_FOOTER.format(settings_url=settings_url)]
    message = EmailMessage(
        subject=delivery.title,
        body="\n".join(lines) + "\n",
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[profile.email],
        headers={
            "Auto-Submitted": "auto-generated",
            "List-Unsubscribe": f"<{settings_url}>",
            "X-Vagus-Reminder": delivery_key(delivery),
        },
    )
    try:
        message.send(fail_silently=False)
    except (smtplib.SMTPException, OSError) as exc:
        raise TemporaryFailure(f"email: {exc}") from exc


def send_push(delivery: Delivery) -> None:
    try:
        push = importlib.import_module("vagus.push.delivery")
    except ImportError:  # this install has no push support
        return
    payload = {
        "title": delivery.title,
        "body": delivery.body,
        "url": links.opens(delivery.kind),
        "snooze_url": links.snooze_url(delivery),
        "tag": delivery_key(delivery),
    }
    try:
        push.send(delivery.owner, payload)
    except push.PushRetry as exc:
        raise TemporaryFailure(f"push: {exc}") from exc
