"""Reminders by push go through the push app's delivery function (when it is installed)."""

from __future__ import annotations

from datetime import UTC, datetime, time

import pytest

from vagus.reminders import actions
from vagus.reminders.models import CHECKIN, SENT
from vagus.reminders.sending import send_due

pytestmark = pytest.mark.django_db


def test_a_push_reminder_with_no_devices_is_sent_to_nobody_and_recorded(person):
    pytest.importorskip("vagus.push.delivery")
    actions.set_reminder(person, CHECKIN, at=time(8, 0), channels=["push"])
    send_due(datetime(2026, 6, 1, 7, 0, tzinfo=UTC))
    delivery = person.reminder_deliveries.get()
    assert delivery.status == SENT and delivery.done == ["push"]
