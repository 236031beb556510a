"""Joining a study and logging on fixed dates (no "today" in these tests)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

JOIN_AT = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)  # midday in London, the people's zone
JOIN_DAY = date(2026, 3, 10)


def enrol(user: Any, study: Any, *, at: datetime = JOIN_AT, **choices: Any) -> Any:
    from vagus.studies import actions

    options = {"keep_data": True, "tell_contact": True, "shares_earlier": False, **choices}
    return actions.enrol(user, study, now=at, **options)


def log(user: Any, day: date, **values: float) -> None:
    from vagus.diary import actions

    actions.save_checkin(user, day, values)
