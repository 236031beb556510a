"""Reminder slots on the person's wall clock, across DST changes and local midnights."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from vagus.science.reminder_times import (
    checkin_decision,
    due_slot,
    in_quiet_hours,
    next_slot,
    slot_instant,
    slots_between,
)

LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")
AUCKLAND = ZoneInfo("Pacific/Auckland")

# (zone, the day the clocks change) — spring and autumn of 2026.
CHANGES = [
    (LONDON, date(2026, 3, 29)),
    (LONDON, date(2026, 10, 25)),
    (NEW_YORK, date(2026, 3, 8)),
    (NEW_YORK, date(2026, 11, 1)),
    (AUCKLAND, date(2026, 4, 5)),
    (AUCKLAND, date(2026, 9, 27)),
]


def local(instant: datetime, zone: ZoneInfo) -> tuple[date, time]:
    moment = instant.astimezone(zone)
    return moment.date(), moment.time()


@pytest.mark.parametrize(("zone", "change"), CHANGES)
def test_eight_oclock_is_eight_oclock_once_a_day_either_side_of_a_change(zone, change):
    start = datetime.combine(change - timedelta(days=3), time(0), tzinfo=zone)
    end = datetime.combine(change + timedelta(days=3), time(23, 59), tzinfo=zone)
    slots = list(slots_between(start, end, time(8, 0), zone))
    assert [s.day for s in slots] == [change + timedelta(days=n) for n in range(-3, 4)]
    for slot in slots:
        assert local(slot.instant, zone) == (slot.day, time(8, 0))
    offsets = {s.instant.astimezone(zone).utcoffset() for s in slots}
    assert len(offsets) == 2  # the change really is inside the week


def test_a_time_in_the_spring_gap_goes_at_the_first_minute_after_it():
    # London skips 01:00–02:00 on 29 March 2026.
    instant = slot_instant(date(2026, 3, 29), time(1, 30), LONDON)
    assert instant == datetime(2026, 3, 29, 1, 0, tzinfo=UTC)
    assert local(instant, LONDON) == (date(2026, 3, 29), time(2, 0))
    # New York skips 02:00–03:00 on 8 March 2026.
    instant = slot_instant(date(2026, 3, 8), time(2, 15), NEW_YORK)
    assert local(instant, NEW_YORK) == (date(2026, 3, 8), time(3, 0))


def test_a_time_in_the_repeated_autumn_hour_goes_once_at_its_first_occurrence():
    # London has 01:00–02:00 twice on 25 October 2026: first in BST (UTC+1).
    start = datetime(2026, 10, 24, 12, 0, tzinfo=UTC)
    end = datetime(2026, 10, 25, 12, 0, tzinfo=UTC)
    slots = list(slots_between(start, end, time(1, 30), LONDON))
    assert len(slots) == 1
    assert slots[0].instant == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)


def test_auckland_midnight_is_the_start_of_the_local_day_not_the_utc_one():
    start = datetime(2026, 6, 1, 0, 0, tzinfo=UTC)
    slots = list(slots_between(start, start + timedelta(days=3), time(0, 0), AUCKLAND))
    # Auckland midnight in June (NZST, UTC+12) is noon UTC the day before.
    assert [s.instant for s in slots] == [
        datetime(2026, 6, d, 12, 0, tzinfo=UTC) for d in (1, 2, 3)
    ]
    assert [s.day for s in slots] == [date(2026, 6, d) for d in (2, 3, 4)]


def test_chosen_weekdays_only_and_the_next_slot():
    monday = datetime(2026, 6, 1, 12, 0, tzinfo=LONDON)  # a Monday
    slots = list(slots_between(monday, monday + timedelta(days=14), time(9), LONDON, {2, 5}))
    assert {s.day.weekday() for s in slots} == {2, 5}
    assert len(slots) == 4
    upcoming = next_slot(monday, time(9), LONDON, {2})
    assert upcoming is not None and upcoming.day == date(2026, 6, 3)
    assert next_slot(monday, time(9), LONDON, set()) is None


def test_a_due_slot_is_caught_up_within_the_hour_only():
    at = time(8, 0)
    eight = datetime(2026, 6, 1, 8, 0, tzinfo=LONDON)
    assert due_slot(eight, at, LONDON) is not None
    assert due_slot(eight + timedelta(minutes=59), at, LONDON) is not None
    assert due_slot(eight + timedelta(minutes=61), at, LONDON) is None
    assert due_slot(eight - timedelta(minutes=1), at, LONDON) is None
    with pytest.raises(ValueError, match="aware"):
        due_slot(datetime(2026, 6, 1, 8, 0), at, LONDON)


def test_quiet_hours_may_cross_midnight():
    assert in_quiet_hours(time(23), time(22), time(7))
    assert in_quiet_hours(time(6, 59), time(22), time(7))
    assert not in_quiet_hours(time(7), time(22), time(7))
    assert in_quiet_hours(time(13), time(12), time(14))
    assert not in_quiet_hours(time(14), time(12), time(14))
    assert not in_quiet_hours(time(3), None, None)


def test_checkin_decision():
    base = {"day_logged": False, "quiet": False, "paused": False, "ignored_in_a_row": 0}
    assert checkin_decision(**base) == "send"
    assert checkin_decision(**{**base, "day_logged": True}) == "skip"
    assert checkin_decision(**{**base, "quiet": True}) == "skip"
    assert checkin_decision(**{**base, "paused": True}) == "skip"
    assert checkin_decision(**{**base, "ignored_in_a_row": 2}) == "send"
    assert checkin_decision(**{**base, "ignored_in_a_row": 3}) == "pause"
