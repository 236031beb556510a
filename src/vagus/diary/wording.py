"""The diary's words for a person: how a stored value reads, and where it came from."""

from __future__ import annotations

from datetime import date
from typing import Any

from vagus.diary.catalog import BRISTOL_TYPES

CHECKIN = "checkin"
IMPORTED_FROM = {
    "daylio": "Daylio",
    "bearable": "Bearable",
    "apple-health": "Apple Health",
    "google-takeout": "Fitbit (Google Takeout)",
    "csv": "a CSV file",
    "json": "a Vagus backup",
}


def source_words(source: str, tool: str | None = None) -> str:
    """Where a value came from: "from your breathing session".

    ``tool`` is the coping tool's code when the value came from one of its sessions.
    """
    if source == CHECKIN:
        return "from your check-in"
    if source == "tool":
        return f"from your {tool.replace('_', ' ')} session" if tool else "from a coping tool"
    if source == "meal":
        return "from your meals"
    if source == "questionnaire":
        return "from a questionnaire"
    if source.startswith("import:"):
        name = source.removeprefix("import:")
        return f"imported from {IMPORTED_FROM.get(name, name)}"
    return f"from {source}"


def format_value(measure: Any, value: float) -> str:
    """How a stored value reads: "4 out of 10", "Type 4 (…)", "Yes"."""
    kind = measure.kind
    if kind == "scale":
        return f"{value:g} out of 10"
    if kind == "bristol":
        return f"Type {value:g} ({BRISTOL_TYPES.get(int(value), '')})"
    if kind == "yesno":
        return "Yes" if value else "No"
    # Imports store values exactly as the file gives them; only what is shown is rounded.
    if kind == "hours":
        return f"{round(value, 2):g} h"
    if kind == "minutes":
        return f"{round(value, 1):g} min"
    if kind == "ms":
        return f"{round(value, 1):g} ms"
    if kind == "per_minute":
        return f"{round(value, 1):g} per minute"
    if kind == "valence":
        return f"{round(value, 2):+g} (−1 unpleasant to 1 pleasant)"
    return f"{value:g}"


WELCOME_BACK = "Welcome back — log today, the past can wait."


def days_logged(count: int, month: Any) -> str:
    """ "12 days logged in December": what is there, never what is missing."""
    name = f"{month:%B}"
    if count == 0:
        return f"No days logged in {name} yet."
    return f"{count} day{'s' if count != 1 else ''} logged in {name}."


def timeline_range(start: date, end: date, first_logged: date | None, first_ever: bool) -> str:
    """Which days the timeline shows, in words: "From 3 March, your first entry, to today"."""
    if first_logged is None:
        return f"Nothing logged from {_day(start)} to {_day(end)}."
    if first_logged < start:
        return f"From {_day(start)} to {_day(end)}."
    which = "your first entry" if first_ever else "the first day you logged in this range"
    if first_logged == start:
        return f"From {_day(first_logged)}, {which}, to {_day(end)}."
    return f"From {_day(start)} to {_day(end)}; {which} was on {_day(first_logged)}."


def _day(day: date) -> str:
    return f"{day.day} {day:%B %Y}"
