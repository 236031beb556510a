"""The calendar feed: parsed with icalendar and expanded (RRULE + TZID) to local times."""

from __future__ import annotations

from datetime import date, time, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events
from django.urls import reverse

from vagus.reminders import actions
from vagus.reminders.models import CHECKIN, EXPERIMENT

pytestmark = pytest.mark.django_db


def feed_path(raw: str) -> str:
    return reverse("reminders:feed", args=[raw])


@pytest.mark.parametrize(
    ("zone", "first", "last"),
    [
        ("Europe/London", date(2027, 3, 20), date(2027, 4, 5)),
        ("Europe/London", date(2027, 10, 25), date(2027, 11, 7)),
        ("America/New_York", date(2027, 3, 7), date(2027, 3, 21)),
        ("America/New_York", date(2027, 10, 30), date(2027, 11, 14)),
    ],
)
def test_the_feed_expands_to_eight_local_on_the_chosen_days_across_dst(
    person, visitor, zone, first, last
):
    person.time_zone = zone
    person.save()
    actions.set_reminder(
        person, CHECKIN, at=time(8, 0), days=[0, 2, 4], channels=["calendar", "inapp"]
    )
    raw = actions.issue_feed(person)
    response = visitor.get(feed_path(raw))  # no login: the secret is the key
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert "private" in response["Cache-Control"]
    calendar = icalendar.Calendar.from_ical(response.content)
    (timezone,) = calendar.walk("VTIMEZONE")
    assert str(timezone["TZID"]) == zone
    (event,) = calendar.walk("VEVENT")
    assert event["DTSTART"].params["TZID"] == zone
    assert event["RRULE"]["FREQ"] == ["WEEKLY"]
    (alarm,) = event.walk("VALARM")
    assert alarm["TRIGGER"].dt == timedelta(0)
    occurrences = recurring_ical_events.of(calendar).between(first, last + timedelta(days=1))
    assert occurrences
    tz = ZoneInfo(zone)
    expected = [
        first + timedelta(days=n)
        for n in range((last - first).days + 1)
        if (first + timedelta(days=n)).weekday() in (0, 2, 4)
    ]
    starts = [o["DTSTART"].dt for o in occurrences]
    assert [s.date() for s in starts] == expected
    for start in starts:
        assert start.astimezone(tz).time() == time(8, 0)
    offsets = {s.astimezone(tz).utcoffset() for s in starts}
    assert len(offsets) == 2  # the range crosses the change


def test_only_calendar_reminders_are_in_the_feed(person, visitor):
    actions.set_reminder(person, CHECKIN, at=time(8, 0), channels=["inapp"])
    actions.set_reminder(person, EXPERIMENT, at=time(7, 30), channels=["calendar"])
    raw = actions.issue_feed(person)
    calendar = icalendar.Calendar.from_ical(visitor.get(feed_path(raw)).content)
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == ["Today in your experiment"]


def test_a_new_address_ends_the_old_one_and_revoking_ends_both(person, person_client, visitor):
    old = actions.issue_feed(person)
    page = person_client.post(reverse("reminders:feed_issue"))
    assert page.status_code == 200
    new = page.content.decode().split("/reminders/feed/")[1].split(".ics")[0]
    assert new != old
    assert visitor.get(feed_path(old)).status_code == 404
    assert visitor.get(feed_path(new)).status_code == 200
    # Shown once: the settings page does not show it again.
    assert new not in person_client.get(reverse("reminders:settings")).content.decode()
    person_client.post(reverse("reminders:feed_revoke"))
    assert visitor.get(feed_path(new)).status_code == 404
    person.reminder_profile.refresh_from_db()
    assert person.reminder_profile.feed_hash == ""


def test_only_the_hash_of_the_secret_is_stored(person):
    raw = actions.issue_feed(person)
    person.reminder_profile.refresh_from_db()
    assert raw not in person.reminder_profile.feed_hash
    assert len(person.reminder_profile.feed_hash) == 64
