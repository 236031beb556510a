"""Absolute links for reminders sent outside a request (email, push, the calendar feed)."""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.urls import reverse

from vagus.reminders.models import CHECKIN, EXPERIMENT, QUESTIONNAIRE, WORRY_TIME, Delivery

OPENS = {
    CHECKIN: "diary:today",
    QUESTIONNAIRE: "questionnaires:index",
    EXPERIMENT: "experiments:index",
    WORRY_TIME: "tools:worry",
}
SNOOZE_SALT = "vagus.reminders.snooze"
VERIFY_SALT = "vagus.reminders.verify"
SNOOZE_LINK_AGE = 24 * 3600  # seconds: a snooze link from an old email does nothing
VERIFY_LINK_AGE = 3 * 24 * 3600


def absolute(path: str) -> str:
    return settings.VAGUS_BASE_URL + path


def opens(kind: str) -> str:
    return absolute(reverse(OPENS[kind]))


def settings_url() -> str:
    return absolute(reverse("reminders:settings"))


def snooze_url(delivery: Delivery) -> str:
    """Where a notification's snooze button POSTs (the session says whose it is)."""
    return absolute(reverse("reminders:snooze", args=[delivery.uuid]))


def snooze_link(delivery: Delivery) -> str:
    """A signed one-click link for email, good for a day."""
    token = signing.dumps(str(delivery.uuid), salt=SNOOZE_SALT)
    return absolute(reverse("reminders:snooze_link", args=[token]))


def verify_link(user_uuid: str, address: str) -> str:
    token = signing.dumps({"u": user_uuid, "e": address}, salt=VERIFY_SALT)
    return absolute(reverse("reminders:verify_email", args=[token]))


def feed_url(raw: str) -> str:
    return absolute(reverse("reminders:feed", args=[raw]))
