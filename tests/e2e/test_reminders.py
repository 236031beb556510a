"""Setting a check-in reminder in a real browser, at phone and desktop size; axe finds nothing
serious; the badge appears once a reminder has been sent."""

from __future__ import annotations

from datetime import UTC, datetime, time

import pytest
from tests.helpers import PASSWORD, serious
from tests.helpers.db import make_person

from vagus.reminders.models import CHECKIN, Reminder
from vagus.reminders.sending import send_due

pytestmark = pytest.mark.e2e


def test_set_a_checkin_reminder_from_settings(any_page, live_server, login):
    page = any_page
    person = make_person("remi")
    login(page, "remi", PASSWORD)
    page.goto(live_server.url + "/accounts/settings/")
    page.get_by_role(
        "link", name="Check-in, questionnaire, experiment and worry-time reminders"
    ).click()
    assert page.get_by_role("heading", name="Reminders", level=1).is_visible()
    assert serious(page) == []
    section = page.locator("section", has=page.get_by_role("heading", name="Daily check-in"))
    section.get_by_label("Remind me", exact=True).check()
    section.get_by_label("Time", exact=True).fill("07:30")
    section.get_by_label("Sat", exact=True).uncheck()
    section.get_by_label("Sun", exact=True).uncheck()
    page.get_by_role("button", name="Save reminders").click()
    assert page.get_by_text("Your reminders are saved.").is_visible()
    reminder = Reminder.objects.owned_by(person).get(kind=CHECKIN)
    assert (reminder.enabled, reminder.at, reminder.days) == (True, time(7, 30), "01234")
    assert reminder.channels == ["inapp"]

    # Mon 1 June 2026, 07:30 in London: the worker sends it and the menu shows it.
    send_due(datetime(2026, 6, 1, 6, 30, tzinfo=UTC))
    page.goto(live_server.url + "/accounts/settings/")
    badge = page.get_by_role("link", name="1 new reminder")
    assert badge.is_visible()
    box = badge.bounding_box()
    assert box is not None and box["height"] >= 44
    assert serious(page) == []
    badge.click()
    assert page.get_by_text("Time for your check-in").is_visible()
    assert serious(page) == []
