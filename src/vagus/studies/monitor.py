"""A participant's state and adherence, from the days they logged and a given "today".

Pure Python: today is passed in, so the states can be checked on any clock.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, timedelta

ENROLLED, ACTIVE, INACTIVE, DROPPED_OUT, COMPLETED = (
    "enrolled",
    "active",
    "inactive",
    "dropped_out",
    "completed",
)
STATES = (ENROLLED, ACTIVE, INACTIVE, DROPPED_OUT, COMPLETED)
INACTIVE_AFTER = 3  # days with nothing logged before a participant counts as inactive
DROPPED_AFTER = 7  # ... and as dropped out


@dataclass(frozen=True)
class Progress:
    state: str
    scheduled_days: int  # scheduled days so far (up to today or the study's end)
    logged_days: int  # of those, days with something logged
    last_logged: date | None

    @property
    def adherence(self) -> float | None:
        """Percent of the scheduled days so far that have an entry (None before the first)."""
        if not self.scheduled_days:
            return None
        return 100.0 * self.logged_days / self.scheduled_days


def scheduled_days(
    enrolled_on: date, until: date, every_days: int, duration_days: int
) -> list[date]:
    """The scheduled days from enrolment up to ``until`` (inclusive) within the study length."""
    last = min(until, enrolled_on + timedelta(days=duration_days - 1))
    days, day = [], enrolled_on
    while day <= last:
        days.append(day)
        day += timedelta(days=every_days)
    return days


def progress(
    *,
    enrolled_on: date,
    today: date,
    logged: Collection[date],
    every_days: int,
    duration_days: int,
    withdrawn: bool,
) -> Progress:
    schedule = scheduled_days(enrolled_on, today, every_days, duration_days)
    logged_in_study = {d for d in logged if enrolled_on <= d <= today}
    logged_scheduled = sum(1 for d in schedule if d in logged_in_study)
    last = max(logged_in_study) if logged_in_study else None
    ends = enrolled_on + timedelta(days=duration_days)
    quiet = (today - (last or enrolled_on)).days
    if withdrawn:
        state = DROPPED_OUT
    elif today >= ends:
        # Completed unless they had already gone quiet for too long before the last day.
        quiet_at_end = (ends - timedelta(days=1) - (last or enrolled_on)).days
        state = COMPLETED if quiet_at_end <= DROPPED_AFTER else DROPPED_OUT
    elif quiet > DROPPED_AFTER:
        state = DROPPED_OUT
    elif quiet > INACTIVE_AFTER:
        state = INACTIVE
    elif last is None:
        state = ENROLLED
    else:
        state = ACTIVE
    return Progress(state, len(schedule), logged_scheduled, last)
