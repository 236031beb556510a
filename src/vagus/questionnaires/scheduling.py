"""When a questionnaire is due: pure date logic, no Django, so it can be tested on its own.

A schedule counts *calendar days in the person's time zone*, never hours: a weekly GAD-7 answered
on a Sunday evening is due again the next Sunday, even when the clocks changed in between (a week
across a DST switch is 167 or 169 hours long) and even when the person answers just before
midnight (their local day, not the UTC one, is what counts).
"""

from __future__ import annotations

import zoneinfo
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from vagus.science import instruments

# GAD-7 weekly is the one questionnaire on by default. PHQ-8 is offered instead of PHQ-9 as the
# optional depression check because Vagus has no clinician following up item 9 (see
# docs/safety.md); PHQ-9 is off unless the person turns it on. IBS-SSS needs a licensed form.
ENABLED_BY_DEFAULT = frozenset({"gad7"})
# Shown every how-many-days choices on the settings form (None: only when the person wants).
EVERY_DAYS_CHOICES = (7, 14, 28)


@dataclass(frozen=True)
class Plan:
    """A person's schedule for one instrument, stored or default."""

    instrument: str
    every_days: int | None
    enabled: bool
    is_default: bool = True

    @property
    def definition(self) -> instruments.Instrument:
        return instruments.get(self.instrument)


def default_plan(code: str) -> Plan:
    instrument = instruments.get(code)
    return Plan(code, instrument.schedule_default_days, code in ENABLED_BY_DEFAULT)


def local_day(moment: datetime, zone: str) -> date:
    """The calendar day an aware moment falls on in ``zone`` (an IANA name)."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("moment must be time-zone aware")
    return moment.astimezone(zoneinfo.ZoneInfo(zone)).date()


def next_due(last_day: date | None, every_days: int | None, enabled: bool) -> date | None:
    """The first day it is due again; ``None`` if it never comes due on its own.

    Never answered and enabled: due at once (``date.min``).
    """
    if not enabled or every_days is None:
        return None
    if last_day is None:
        return date.min
    return last_day + timedelta(days=every_days)


def is_due(today: date, last_day: date | None, every_days: int | None, enabled: bool) -> bool:
    """Enabled and (never answered, or last answer's day + every_days <= today)."""
    due = next_due(last_day, every_days, enabled)
    return due is not None and due <= today


def is_due_at(
    now: datetime, zone: str, last_answered: datetime | None, every_days: int | None, enabled: bool
) -> bool:
    """:func:`is_due` for two aware moments, both read as days in the person's ``zone``."""
    last_day = None if last_answered is None else local_day(last_answered, zone)
    return is_due(local_day(now, zone), last_day, every_days, enabled)
