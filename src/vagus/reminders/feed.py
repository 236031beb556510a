"""The calendar feed: one weekly-recurring event per reminder, with an alarm at its time.

Events carry the person's time zone (TZID, with its VTIMEZONE), so a calendar app keeps
08:00 at 08:00 across DST changes; the RRULE lists the chosen weekdays.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

import icalendar  # type: ignore[import-untyped]  # no type information published

from vagus.reminders import links, queries, wording
from vagus.reminders.models import CALENDAR, WORRY_TIME

if TYPE_CHECKING:
    from vagus.accounts.models import User

BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
LENGTH = timedelta(minutes=10)


def calendar_for(user: User, now: datetime) -> bytes:
    zone = user.zone()
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Vagus//Reminders//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Vagus reminders")
    calendar.add("x-wr-timezone", user.time_zone)
    today = now.astimezone(zone).date()
    for reminder in queries.reminders_for(user).values():
        if not reminder.enabled or CALENDAR not in reminder.channels or not reminder.weekdays:
            continue
        at = queries.worry_time_of(user) if reminder.kind == WORRY_TIME else reminder.at
        title, body = wording.TITLES[reminder.kind], wording.BODIES[reminder.kind]
        if "{" in body:  # the body names today's details; the calendar says it in general
            body = "Open Vagus to see what is due today."
        event = icalendar.Event()
        event.add("uid", f"{reminder.uuid}@vagus")
        event.add("summary", title)
        event.add("description", f"{body}\n{links.opens(reminder.kind)}")
        event.add("url", links.opens(reminder.kind))
        start = datetime.combine(today, at, tzinfo=zone)
        event.add("dtstart", start)
        event.add("dtend", start + LENGTH)
        event.add("dtstamp", now)
        event.add(
            "rrule", {"freq": "weekly", "byday": [BYDAY[d] for d in sorted(reminder.weekdays)]}
        )
        alarm = icalendar.Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", title)
        alarm.add("trigger", timedelta(0))
        event.add_component(alarm)
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
