"""The reminders settings page, the menu's badge and snoozing from a notification."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from vagus.reminders import actions
from vagus.reminders.models import CHECKIN, Reminder
from vagus.reminders.sending import send_due

pytestmark = pytest.mark.django_db


def form_data(**changes):
    data = {}
    for kind in ("checkin", "questionnaire", "experiment", "worry_time"):
        data[f"{kind}-days"] = [str(d) for d in range(7)]
        data[f"{kind}-channels"] = ["inapp"]
        if kind != "worry_time":
            data[f"{kind}-at"] = "09:00"
    data.update(changes)
    return data


def test_setting_a_checkin_reminder_from_the_page(person, person_client):
    page = person_client.get(reverse("reminders:settings"))
    assert page.status_code == 200
    assert "Daily check-in" in page.content.decode()
    response = person_client.post(
        reverse("reminders:settings"),
        form_data(
            **{"checkin-enabled": "on", "checkin-at": "07:45", "checkin-days": ["0", "1", "2"]},
            quiet_start="22:00",
            quiet_end="07:00",
        ),
    )
    assert response.status_code == 302
    reminder = Reminder.objects.owned_by(person).get(kind=CHECKIN)
    assert (reminder.enabled, reminder.at, reminder.days) == (True, time(7, 45), "012")
    assert reminder.channels == ["inapp"]
    assert not Reminder.objects.owned_by(person).get(kind="questionnaire").enabled
    assert person.reminder_profile.quiet_start == time(22, 0)


def test_the_page_says_what_is_missing_in_plain_words(person, person_client):
    response = person_client.post(
        reverse("reminders:settings"),
        form_data(**{"checkin-enabled": "on", "checkin-channels": [], "checkin-at": "7 o'clock"}),
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Pick at least one way to be reminded." in body
    assert "Give a time like 08:30." in body
    assert not Reminder.objects.owned_by(person).exists()


def test_the_menu_badge_counts_unseen_reminders_until_the_page_is_opened(person, person_client):
    actions.set_reminder(person, CHECKIN, at=time(8, 0), channels=["inapp"])
    send_due(datetime(2026, 6, 1, 7, 0, tzinfo=UTC))
    page = person_client.get(reverse("accounts:settings")).content.decode()
    assert "1 new reminder<" in page
    person_client.get(reverse("reminders:settings"))
    assert "new reminder" not in person_client.get(reverse("accounts:settings")).content.decode()


def test_snooze_from_a_notification(person, person_client, client_of, other_person):
    actions.set_reminder(person, CHECKIN, at=time(8, 0), channels=["inapp"])
    send_due(datetime(2026, 6, 1, 7, 0, tzinfo=UTC))
    delivery = person.reminder_deliveries.get()
    url = reverse("reminders:snooze", args=[delivery.uuid])
    assert client_of(other_person).post(url).status_code == 404
    before = timezone.now()
    response = person_client.post(url, HTTP_ACCEPT="application/json")
    assert response.status_code == 204
    until = Reminder.objects.owned_by(person).get().snooze_until
    assert before + timedelta(minutes=59) < until < timezone.now() + timedelta(minutes=61)


def test_opening_the_app_is_remembered(person, person_client):
    actions.set_reminder(person, CHECKIN, at=time(8, 0), channels=["inapp"])
    person_client.get(reverse("diary:today"))
    person.reminder_profile.refresh_from_db()
    assert person.reminder_profile.last_seen is not None
