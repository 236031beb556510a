"""When a reminder is due: wall-clock local times through zoneinfo, no Django.

A reminder set for 08:00 means 08:00 on the person's clock, whatever the UTC offset that day,
so a slot is a *local* date and time and its instant is worked out for that date alone:

- a local time that does not exist (the hour skipped when clocks go forward) is sent at the
  first minute after the gap that does exist (01:30 in London on the spring change → 02:00);
- a local time that happens twice (the hour repeated when clocks go back) is sent once, at
  its first occurrence (``fold=0``).

A slot is identified by its local date and time, so it can be delivered at most once, however
many workers look at it and whatever the offset does.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

# How late a slot may still be sent (a worker that was down a while catches up, but a
# reminder hours late is noise, not help).
CATCH_UP = timedelta(minutes=60)
EVERY_DAY = frozenset(range(7))  # Monday is 0, as date.weekday()


@dataclass(frozen=True)
class Slot:
    """One occurrence of a reminder: the person's local date and clock time, and its instant."""

    day: date
    at: time
    instant: datetime  # aware, UTC


def _exists(naive: datetime, zone: ZoneInfo) -> bool:
    aware = naive.replace(tzinfo=zone, fold=0)
    return aware.astimezone(UTC).astimezone(zone).replace(tzinfo=None) == naive


def slot_instant(day: date, at: time, zone: ZoneInfo) -> datetime:
    """The UTC instant of local ``day`` at ``at`` in ``zone`` (gap: first valid minute after;
    repeated hour: the first occurrence)."""
    naive = datetime.combine(day, at.replace(second=0, microsecond=0, tzinfo=None))
    while not _exists(naive, zone):  # a gap lasts an hour or two: a few dozen steps at most
        naive += timedelta(minutes=1)
    return naive.replace(tzinfo=zone, fold=0).astimezone(UTC)


def _check_aware(moment: datetime) -> None:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("the moment must be time-zone aware")


def slots_between(
    start: datetime, end: datetime, at: time, zone: ZoneInfo, days: Iterable[int] = EVERY_DAY
) -> Iterator[Slot]:
    """Every slot of a daily reminder at local ``at`` on weekdays ``days`` with
    ``start < instant <= end``, in order."""
    _check_aware(start)
    _check_aware(end)
    weekdays = frozenset(days)
    day = start.astimezone(zone).date() - timedelta(days=1)
    last = end.astimezone(zone).date() + timedelta(days=1)
    while day <= last:
        if day.weekday() in weekdays:
            instant = slot_instant(day, at, zone)
            if start < instant <= end:
                yield Slot(day, at, instant)
        day += timedelta(days=1)


def due_slot(
    now: datetime,
    at: time,
    zone: ZoneInfo,
    days: Iterable[int] = EVERY_DAY,
    catch_up: timedelta = CATCH_UP,
) -> Slot | None:
    """The latest slot at or before ``now`` that is still worth sending (within ``catch_up``)."""
    found = list(slots_between(now - catch_up, now, at, zone, days))
    return found[-1] if found else None


def next_slot(
    after: datetime, at: time, zone: ZoneInfo, days: Iterable[int] = EVERY_DAY
) -> Slot | None:
    """The first slot strictly after ``after`` (None if no weekday is chosen)."""
    weekdays = frozenset(days)
    if not weekdays:
        return None
    return next(iter(slots_between(after, after + timedelta(days=8), at, zone, weekdays)), None)


def in_quiet_hours(local: time, start: time | None, end: time | None) -> bool:
    """Whether a local clock time falls in quiet hours [start, end), which may cross midnight."""
    if start is None or end is None or start == end:
        return False
    if start < end:
        return start <= local < end
    return local >= start or local < end


PAUSE_AFTER = 3  # ignored check-in reminders in a row


def checkin_decision(*, day_logged: bool, quiet: bool, paused: bool, ignored_in_a_row: int) -> str:
    """What to do at a check-in slot: "send", "pause" (one kind message, then quiet until the
    person comes back) or "skip".

    ``ignored_in_a_row`` counts the latest check-in reminders, newest first, that were
    followed by neither a check-in that day nor a visit to the app.
    """
    if paused or day_logged or quiet:
        return "skip"
    if ignored_in_a_row >= PAUSE_AFTER:
        return "pause"
    return "send"
