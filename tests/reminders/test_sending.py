"""The worker's rules with a fake clock: one reminder per slot at the local time, none on a
logged day or in quiet hours, three ignored then one kind message and a pause, snooze."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from tests.helpers.db import make_person
from tests.reminders.clock import around, drive
from vagus.diary.actions import save_checkin
from vagus.reminders import actions
from vagus.reminders.models import CHECKIN, PAUSE, QUESTIONNAIRE, SENT, WORRY_TIME, Delivery
from vagus.reminders.sending import send_due

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")


def checkin_at(user, at: time, **kwargs):
    return actions.set_reminder(user, CHECKIN, at=at, channels=["inapp"], **kwargs)


def june(day: int, hour: int, minute: int = 0) -> datetime:
    """A moment of June 2026 on London's clock (summer time, far from a change)."""
    return datetime(2026, 6, day, hour, minute, tzinfo=LONDON)


def drive_between(start: datetime, end: datetime, at: time, *, dense: int) -> None:
    """Run the worker on every minute near ``at`` from ``start`` to ``end`` (London)."""
    drive(around(start, end, LONDON, at, dense=dense))


def local_times(user) -> list[tuple[date, time]]:
    zone = user.zone()
    rows = Delivery.objects.owned_by(user).order_by("due_at")
    return [(d.due_at.astimezone(zone).date(), d.due_at.astimezone(zone).time()) for d in rows]


@pytest.mark.parametrize(
    ("zone", "change"),
    [
        ("Europe/London", date(2026, 3, 29)),
        ("Europe/London", date(2026, 10, 25)),
        ("America/New_York", date(2026, 3, 8)),
        ("America/New_York", date(2026, 11, 1)),
    ],
)
def test_eight_oclock_arrives_at_eight_local_once_a_day_across_a_dst_change(zone, change):
    person = make_person("dst", zone)
    tz = ZoneInfo(zone)
    checkin_at(person, time(8, 0))
    first = datetime.combine(change - timedelta(days=2), time(7, 59), tzinfo=tz)
    last = datetime.combine(change + timedelta(days=2), time(12, 0), tzinfo=tz)
    drive(around(first, last, tz, time(8, 0)), person)
    days = [change + timedelta(days=n) for n in range(-2, 3)]
    assert local_times(person) == [(d, time(8, 0)) for d in days]
    for delivery in Delivery.objects.owned_by(person):
        assert delivery.status == SENT
        assert delivery.sent_at - delivery.due_at < timedelta(minutes=1)
    # Running the same minutes again (a restart, a second worker) sends nothing more.
    drive(around(first, last, tz, time(8, 0), dense=5), person)
    assert Delivery.objects.owned_by(person).count() == 5


def test_a_reminder_in_the_spring_gap_comes_once_at_the_first_minute_after():
    person = make_person("gap", "Europe/London")
    tz = ZoneInfo("Europe/London")
    checkin_at(person, time(1, 30))
    first = datetime(2026, 3, 28, 0, 0, tzinfo=tz)
    drive(around(first, first + timedelta(days=2, hours=4), tz, time(1, 30), dense=40))
    assert local_times(person) == [
        (date(2026, 3, 28), time(1, 30)),
        (date(2026, 3, 29), time(2, 0)),  # 01:30 did not exist that night
        (date(2026, 3, 30), time(1, 30)),
    ]


def test_a_reminder_in_the_repeated_autumn_hour_comes_once():
    person = make_person("fold", "America/New_York")
    tz = ZoneInfo("America/New_York")
    checkin_at(person, time(1, 30))
    first = datetime(2026, 10, 31, 12, 0, tzinfo=tz)
    drive(around(first, first + timedelta(days=1), tz, time(1, 30), dense=70))
    (only,) = Delivery.objects.owned_by(person)
    assert only.due_at == datetime(2026, 11, 1, 5, 30, tzinfo=UTC)  # 01:30 EDT, the first


def test_auckland_midnight_reminder_comes_once_per_local_day():
    person = make_person("kiwi", "Pacific/Auckland")
    tz = ZoneInfo("Pacific/Auckland")
    checkin_at(person, time(0, 0))
    first = datetime(2026, 6, 1, 12, 0, tzinfo=tz)
    drive(around(first, first + timedelta(days=3), tz, time(0, 0)))
    assert local_times(person) == [(date(2026, 6, d), time(0, 0)) for d in (2, 3, 4)]
    assert [d.slot_day for d in Delivery.objects.owned_by(person).order_by("due_at")] == [
        date(2026, 6, d) for d in (2, 3, 4)
    ]


def test_no_checkin_reminder_on_a_day_already_logged():
    person = make_person("logged", "Europe/London")
    checkin_at(person, time(20, 0))
    save_checkin(person, date(2026, 6, 2), {"anxiety": 3})
    drive_between(june(1, 12), june(3, 23), time(20, 0), dense=3)
    assert [d for d, _ in local_times(person)] == [date(2026, 6, 1), date(2026, 6, 3)]


def test_nothing_is_sent_in_quiet_hours():
    person = make_person("quiet", "Europe/London")
    checkin_at(person, time(22, 30))
    actions.set_quiet_hours(person, time(22, 0), time(7, 0))
    drive_between(june(1, 12), june(3, 12), time(22, 30), dense=3)
    assert Delivery.objects.owned_by(person).count() == 0
    actions.set_quiet_hours(person, None, None)
    drive_between(june(3, 12), june(4, 12), time(22, 30), dense=3)
    assert local_times(person) == [(date(2026, 6, 3), time(22, 30))]


def test_three_ignored_reminders_bring_one_kind_message_then_quiet_until_they_come_back():
    person = make_person("away", "Europe/London")
    tz = ZoneInfo("Europe/London")
    checkin_at(person, time(9, 0))
    drive_between(june(1, 8), june(7, 12), time(9, 0), dense=2)
    rows = list(Delivery.objects.owned_by(person).order_by("due_at"))
    assert [d.message for d in rows] == ["reminder", "reminder", "reminder", PAUSE]
    assert rows[3].slot_day == date(2026, 6, 4)
    assert "pause" in rows[3].title.lower()
    # They open the app on the 8th: reminders resume at the next slot, the 9th.
    actions.mark_seen(person, datetime(2026, 6, 8, 12, 0, tzinfo=tz))
    drive_between(june(8, 12), june(9, 12), time(9, 0), dense=2)
    latest = Delivery.objects.owned_by(person).order_by("-due_at").first()
    assert (latest.slot_day, latest.message) == (date(2026, 6, 9), "reminder")
    assert Delivery.objects.owned_by(person).count() == 5


def test_a_checkin_after_a_reminder_keeps_the_reminders_coming():
    person = make_person("steady", "Europe/London")
    tz = ZoneInfo("Europe/London")
    checkin_at(person, time(9, 0))
    for day in range(1, 7):
        send_due(datetime(2026, 6, day, 9, 0, tzinfo=tz))
        if day in (3,):
            save_checkin(person, date(2026, 6, day), {"anxiety": 2})
    messages = [d.message for d in Delivery.objects.owned_by(person).order_by("due_at")]
    # Day 3 was logged after its reminder, so the ignored run starts again on day 4.
    assert messages == ["reminder"] * 6


def test_snooze_brings_the_reminder_back_an_hour_later():
    person = make_person("snoozy", "Europe/London")
    tz = ZoneInfo("Europe/London")
    checkin_at(person, time(8, 0))
    send_due(datetime(2026, 6, 1, 8, 0, tzinfo=tz))
    (first,) = Delivery.objects.owned_by(person)
    actions.snooze(person, first, now=datetime(2026, 6, 1, 8, 5, tzinfo=tz))
    send_due(datetime(2026, 6, 1, 9, 4, tzinfo=tz))
    assert Delivery.objects.owned_by(person).count() == 1
    send_due(datetime(2026, 6, 1, 9, 5, tzinfo=tz))
    send_due(datetime(2026, 6, 1, 9, 6, tzinfo=tz))
    assert local_times(person) == [(date(2026, 6, 1), time(8, 0)), (date(2026, 6, 1), time(9, 5))]


def test_questionnaire_and_worry_time_reminders():
    person = make_person("kinds", "Europe/London")
    tz = ZoneInfo("Europe/London")
    actions.set_reminder(person, QUESTIONNAIRE, at=time(19, 0), channels=["inapp"])
    actions.set_reminder(person, WORRY_TIME, channels=["inapp"])  # the tool's 18:00
    send_due(datetime(2026, 6, 1, 18, 0, tzinfo=tz))
    send_due(datetime(2026, 6, 1, 19, 0, tzinfo=tz))
    rows = {d.kind: d for d in Delivery.objects.owned_by(person)}
    assert "GAD-7" in rows[QUESTIONNAIRE].body  # never answered: due at once
    assert rows[WORRY_TIME].slot_time == time(18, 0)


def test_calendar_only_reminders_send_nothing_from_the_server():
    person = make_person("cal", "Europe/London")
    actions.set_reminder(person, CHECKIN, at=time(8, 0), channels=["calendar"])
    send_due(datetime(2026, 6, 1, 7, 0, tzinfo=UTC))
    assert Delivery.objects.owned_by(person).count() == 0
