"""Gentle engagement on Today: the month's logged days and a kind word after a gap.

No streaks anywhere: a streak turns one missed day into a loss, and people with anxiety are
the last who need that. The strip only shows what is there.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from vagus.diary import queries, wording

if TYPE_CHECKING:
    from vagus.accounts.models import User

# Days without an entry before Today says welcome back.
GAP_DAYS = 3


@dataclass(frozen=True)
class StripDay:
    day: date
    logged: bool
    future: bool
    today: bool


@dataclass(frozen=True)
class MonthStrip:
    month: date  # its first day
    days: list[StripDay]

    @property
    def logged(self) -> int:
        return sum(d.logged for d in self.days)

    @property
    def sentence(self) -> str:
        return wording.days_logged(self.logged, self.month)


def month_strip(user: User, today: date) -> MonthStrip:
    """Every day of ``today``'s month, each marked logged or not (one query per kind of entry)."""
    first = today.replace(day=1)
    last = today.replace(day=calendar.monthrange(today.year, today.month)[1])
    logged = queries.days_logged(user, first, today)
    days = [
        StripDay(d, d in logged, d > today, d == today)
        for d in (first.replace(day=n) for n in range(1, last.day + 1))
    ]
    return MonthStrip(first, days)


def welcome_back(user: User, today: date) -> str | None:
    """A kind word when the last entry is ``GAP_DAYS`` or more days old and today is empty."""
    if queries.days_logged(user, today, today):
        return None
    last = queries.last_logged_before(user, today)
    if last is None or (today - last).days < GAP_DAYS:
        return None
    return wording.WELCOME_BACK
