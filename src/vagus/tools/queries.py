"""Reads of a person's tools data: always through the owner."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from django.db.models import Q

from vagus.diary.models import Observation
from vagus.science.tool_effects import ToolEffect, tool_effects
from vagus.tools import catalog
from vagus.tools.actions import MIN_SESSION_SECONDS
from vagus.tools.models import JournalEntry, ThoughtRecord, ToolPreferences, ToolSession, Worry

if TYPE_CHECKING:
    from vagus.accounts.models import User

WRITING_TOOLS = ("thought_record", "journal")


@dataclass(frozen=True)
class Helps:
    tool: catalog.Tool
    effect: ToolEffect


def counted_sessions(user: User) -> Any:
    """The person's sessions that count as practice: a session on its own of under
    ``MIN_SESSION_SECONDS`` is not one (newer ones are never saved; older ones stay in the
    export and the API, and can be deleted there). A thought record's or journal entry's
    session always counts: it carries that writing's ratings."""
    short = Q(duration_seconds__lt=MIN_SESSION_SECONDS) & ~Q(tool__in=WRITING_TOOLS)
    return ToolSession.objects.owned_by(user).exclude(short)


CONTROL_GAP = timedelta(days=1)  # check-ins further apart are not compared


def no_tool_pairs(user: User) -> list[tuple[float, float]]:
    """Anxiety check-ins on consecutive days as (start, end): what the person's anxiety does
    from a level on its own, the control for "What helps". A day lets anxiety settle more than
    a session's minutes do, which makes the comparison cautious, never generous."""
    rows = list(
        Observation.objects.owned_by(user)
        .filter(measure__code="anxiety", source="checkin")
        .order_by("day")
        .values_list("day", "value")
    )
    return [
        (float(v0), float(v1))
        for (d0, v0), (d1, v1) in itertools.pairwise(rows)
        if d1 - d0 <= CONTROL_GAP
    ]


def what_helps(user: User) -> list[Helps]:
    """Every tool with its sessions' before/after change, in catalog order, compared with the
    person's anxiety without a tool from similar levels."""
    rows = counted_sessions(user).values_list("tool", "anxiety_before", "anxiety_after")
    effects = tool_effects(rows, controls=no_tool_pairs(user))
    return [
        Helps(tool, effects.get(tool.code) or _no_sessions(tool.code)) for tool in catalog.TOOLS
    ]


def _no_sessions(code: str) -> ToolEffect:
    return ToolEffect(code, 0, 0, None, None, None, None)


def recent_sessions(user: User, tool: str, limit: int = 5) -> list[ToolSession]:
    return list(counted_sessions(user).filter(tool=tool)[:limit])


def worry_time_for(user: User) -> time:
    preferences = ToolPreferences.objects.owned_by(user).first()
    return preferences.worry_time if preferences else ToolPreferences.DEFAULT_WORRY_TIME


def parked_worries(user: User) -> list[Worry]:
    return list(Worry.objects.owned_by(user).filter(resolved_at__isnull=True))


def is_worry_time(user: User, now: datetime | None = None) -> bool:
    """True from the person's worry time until midnight, in their own time zone."""
    local = (now or user.local_now()).astimezone(user.zone())
    return local.time() >= worry_time_for(user)


def _matches(query: str, texts: list[str]) -> bool:
    needle = query.casefold()
    return any(needle in text.casefold() for text in texts)


# Search decrypts in Python and filters there: the text is encrypted, so the database cannot
# search it, and one person's own records are few enough (hundreds, not millions) for this.
def thought_records(user: User, query: str = "") -> list[ThoughtRecord]:
    rows = list(ThoughtRecord.objects.owned_by(user))
    query = query.strip()
    if not query:
        return rows
    return [r for r in rows if _matches(query, list(r.texts().values()))]


def journal_entries(user: User, query: str = "") -> list[JournalEntry]:
    rows = list(JournalEntry.objects.owned_by(user))
    query = query.strip()
    if not query:
        return rows
    return [e for e in rows if _matches(query, [e.text, catalog.PROMPT_TEXT.get(e.prompt, "")])]


def prompt_for(day: date, offset: int = 0) -> tuple[str, str]:
    """The day's journal prompt (they rotate one a day); ``offset`` steps to the next ones."""
    return catalog.PROMPTS[(day.toordinal() + offset) % len(catalog.PROMPTS)]
