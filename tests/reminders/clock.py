"""A fake clock for the worker: ``send_due`` driven at chosen instants."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from vagus.reminders.sending import send_due


def around(
    first: datetime, last: datetime, zone: ZoneInfo, near: time, dense: int = 3
) -> Iterator[datetime]:
    """Every minute within ``dense`` minutes of local ``near`` each day, and every 30 minutes
    otherwise: what a worker running each minute sees, without simulating every quiet minute."""
    window = timedelta(minutes=dense)
    moment = first
    while moment <= last:
        yield moment
        local = moment.astimezone(zone)
        targets = [
            datetime.combine(local.date() + timedelta(days=d), near, tzinfo=zone)
            for d in (-1, 0, 1, 2)
        ]
        if any(abs(local - t) <= window for t in targets):
            step = timedelta(minutes=1)
        else:  # up to 30 minutes, but never past the start of the next dense stretch
            upcoming = min(t - window for t in targets if t - window > local)
            step = max(timedelta(minutes=1), min(timedelta(minutes=30), upcoming - local))
        moment += step


def drive(instants: Iterator[datetime], person: object = None) -> int:
    """Run the worker at each instant; with ``person``, they also open the app each time
    (so the pause after ignored reminders stays out of the way)."""
    from vagus.reminders.actions import mark_seen

    calls = 0
    for now in instants:
        send_due(now)
        if person is not None:
            mark_seen(person, now + timedelta(seconds=1))
        calls += 1
    return calls
