"""The tools' part of a person's full export: free text decrypted, it is the person's own."""

from __future__ import annotations

from typing import Any

from vagus.accounts.export import section
from vagus.tools.models import JournalEntry, ThoughtRecord, ToolPreferences, ToolSession, Worry


def _iso(moment: Any) -> str | None:
    return moment.isoformat() if moment else None


@section("tool_sessions", model="tools.ToolSession")
def _sessions(user: Any) -> list[dict[str, Any]]:
    return [
        {
            "id": str(s.uuid),
            "tool": s.tool,
            "started": s.started.isoformat(),
            "duration_seconds": s.duration_seconds,
            "anxiety_before": s.anxiety_before,
            "anxiety_after": s.anxiety_after,
            "settings": s.settings,
            # Whether its minutes are in the diary: the mindfulness_minutes observation (source
            # "tool", at ``started``) in the observations section. A flag, not an id, so the
            # restore links the session to that restored observation instead of writing another.
            "in_diary": s.observation_id is not None,
            "created": s.created.isoformat(),
        }
        for s in ToolSession.objects.owned_by(user).order_by("started", "id")
    ]


@section("tool_preferences", model="tools.ToolPreferences")
def _preferences(user: Any) -> list[dict[str, Any]]:
    return [
        {"id": str(p.uuid), "worry_time": p.worry_time.strftime("%H:%M")}
        for p in ToolPreferences.objects.owned_by(user)
    ]


@section("worries", model="tools.Worry")
def _worries(user: Any) -> list[dict[str, Any]]:
    return [
        {
            "id": str(w.uuid),
            "text": w.text,
            "parked_at": w.parked_at.isoformat(),
            "resolved_at": _iso(w.resolved_at),
        }
        for w in Worry.objects.owned_by(user).order_by("parked_at", "id")
    ]


@section("thought_records", model="tools.ThoughtRecord")
def _thought_records(user: Any) -> list[dict[str, Any]]:
    return [
        {
            "id": str(r.uuid),
            "created": r.created.isoformat(),
            **r.texts(),
            "intensity_before": r.intensity_before,
            "intensity_after": r.intensity_after,
            "patterns": r.patterns,
        }
        for r in ThoughtRecord.objects.owned_by(user).order_by("created", "id")
    ]


@section("journal_entries", model="tools.JournalEntry")
def _journal(user: Any) -> list[dict[str, Any]]:
    return [
        {"id": str(e.uuid), "created": e.created.isoformat(), "prompt": e.prompt, "text": e.text}
        for e in JournalEntry.objects.owned_by(user).order_by("created", "id")
    ]
