"""The tools' part of a backup: sessions, preferences, worries, thought records, journal.

The backup carries the free text decrypted: it is the person's own. Each restored row gets a
new uuid first and its text is then sealed again through the model's own attributes
(``record.situation = …``, see ``vagus.tools.models.sealed``), so the ciphertext is bound to
the new row and its new owner.

Nothing here goes through ``vagus.tools.actions``: a restore writes what the backup holds and
no more. In particular it raises no safety alert for crisis language here (the alerts come
back through their own section; ``vagus.safety.restored_alerts`` adds an unread one only when
the restored text calls for one and the backup had none) and writes no mindfulness minutes
for a session: those are in the ``observations`` section, restored before these, and a
session whose minutes were in the diary (``in_diary``) is linked to that restored observation
instead.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import TYPE_CHECKING, Any

from pydantic import Field

from vagus.backup.registry import RestoreContext, restorer, section
from vagus.backup.rows import (
    Always,
    Clock,
    Flag,
    Id,
    Moment,
    Row,
    RowProblem,
    Text,
    Whole,
    parse_rows,
    problem,
)
from vagus.tools import catalog
from vagus.tools.actions import MAX_SESSION_SECONDS, MAX_TEXT, MAX_WORRY, MINDFULNESS, SOURCE
from vagus.tools.models import JournalEntry, ThoughtRecord, ToolPreferences, ToolSession, Worry

if TYPE_CHECKING:
    from vagus.accounts.models import User

DECRYPTED = "Decrypted; encrypted again on restore."


class ToolSessionRow(Row):
    id: Always[Id] = None
    tool: Text = Field(json_schema_extra={"enum": [*sorted(catalog.BY_CODE)]})
    started: Moment
    duration_seconds: Whole
    anxiety_before: Whole | None
    anxiety_after: Whole | None
    settings: dict[str, Any]
    # Whether its minutes are in the diary: the mindfulness_minutes observation (source
    # "tool", at ``started``) in the observations section. A flag, not an id, so the restore
    # links the session to that restored observation instead of writing another. Older
    # backups lack it: then the session takes its minutes if they are there.
    in_diary: Always[Flag] = None
    created: Always[Moment] = None

    @classmethod
    def of(cls, s: ToolSession) -> ToolSessionRow:
        return cls(
            id=str(s.uuid),
            tool=s.tool,
            started=s.started,
            duration_seconds=s.duration_seconds,
            anxiety_before=s.anxiety_before,
            anxiety_after=s.anxiety_after,
            settings=s.settings,
            in_diary=s.observation_id is not None,
            created=s.created,
        )


class ToolPreferencesRow(Row):
    id: Always[Id] = None
    worry_time: Clock


class WorryRow(Row):
    id: Always[Id] = None
    text: Text = Field(description=DECRYPTED)
    parked_at: Moment
    resolved_at: Moment | None

    @classmethod
    def of(cls, w: Worry) -> WorryRow:
        return cls(id=str(w.uuid), text=w.text, parked_at=w.parked_at, resolved_at=w.resolved_at)


class ThoughtRecordRow(Row):
    id: Always[Id] = None
    created: Moment
    situation: Text = Field(description=DECRYPTED)
    automatic_thought: Text = Field(description=DECRYPTED)
    emotions: Text = Field(description=DECRYPTED)
    evidence_for: Text = Field(description=DECRYPTED)
    evidence_against: Text = Field(description=DECRYPTED)
    balanced_thought: Text = Field(description=DECRYPTED)
    intensity_before: Whole | None
    intensity_after: Whole | None
    patterns: list[Text]

    @classmethod
    def of(cls, r: ThoughtRecord) -> ThoughtRecordRow:
        return cls(
            id=str(r.uuid),
            created=r.created,
            **r.texts(),
            intensity_before=r.intensity_before,
            intensity_after=r.intensity_after,
            patterns=r.patterns,
        )


class JournalEntryRow(Row):
    id: Always[Id] = None
    created: Moment
    prompt: Text
    text: Text = Field(description=DECRYPTED)

    @classmethod
    def of(cls, e: JournalEntry) -> JournalEntryRow:
        return cls(id=str(e.uuid), created=e.created, prompt=e.prompt, text=e.text)


@section("tool_sessions", model="tools.ToolSession", row=ToolSessionRow)
def export_sessions(user: User) -> list[ToolSessionRow]:
    rows = ToolSession.objects.owned_by(user).order_by("started", "id")
    return [ToolSessionRow.of(s) for s in rows]


@section("tool_preferences", model="tools.ToolPreferences", row=ToolPreferencesRow)
def export_preferences(user: User) -> list[ToolPreferencesRow]:
    return [
        ToolPreferencesRow(id=str(p.uuid), worry_time=p.worry_time)
        for p in ToolPreferences.objects.owned_by(user)
    ]


@section("worries", model="tools.Worry", row=WorryRow)
def export_worries(user: User) -> list[WorryRow]:
    return [WorryRow.of(w) for w in Worry.objects.owned_by(user).order_by("parked_at", "id")]


@section("thought_records", model="tools.ThoughtRecord", row=ThoughtRecordRow)
def export_thought_records(user: User) -> list[ThoughtRecordRow]:
    rows = ThoughtRecord.objects.owned_by(user).order_by("created", "id")
    return [ThoughtRecordRow.of(r) for r in rows]


@section("journal_entries", model="tools.JournalEntry", row=JournalEntryRow)
def export_journal(user: User) -> list[JournalEntryRow]:
    rows = JournalEntry.objects.owned_by(user).order_by("created", "id")
    return [JournalEntryRow.of(e) for e in rows]


def _between(section: str, i: int, name: str, value: int | None, low: int, high: int) -> None:
    if value is not None and not low <= value <= high:
        raise problem(section, i, name, f"{value} is not between {low} and {high}")


def _text(section: str, i: int, name: str, value: str, limit: int = MAX_TEXT) -> str:
    if len(value) > limit:
        raise problem(section, i, name, f"longer than {limit} characters")
    return value


def _minutes_observations(ctx: RestoreContext) -> dict[datetime, list[Any]]:
    """The tool minutes the observations section restored, by time (oldest row first)."""
    found: dict[datetime, list[Any]] = {}
    for observation in ctx.created.get("observations", {}).values():
        if (
            observation.source == SOURCE
            and observation.measure.code == MINDFULNESS
            and observation.time is not None
        ):
            found.setdefault(observation.time, []).append(observation)
    return found


@restorer("tool_sessions", order=85)
def restore_sessions(user: User, data: Any, ctx: RestoreContext) -> int:
    section = "tool_sessions"
    minutes = _minutes_observations(ctx)
    rows = parse_rows(section, data, ToolSessionRow)
    sessions = []
    for i, row in enumerate(rows):
        if row.tool not in catalog.BY_CODE:
            raise problem(section, i, "tool", f"“{row.tool}” is not a tool")
        _between(section, i, "duration_seconds", row.duration_seconds, 0, MAX_SESSION_SECONDS)
        observation = None
        if row.in_diary is not False:
            candidates = minutes.get(row.started, [])
            if candidates:
                observation = candidates.pop(0)  # one observation per session
            elif row.in_diary:
                raise problem(
                    section,
                    i,
                    "in_diary",
                    f"no {MINDFULNESS} observation with source “{SOURCE}” at "
                    f"{row.started.isoformat()} among the observations",
                )
        _between(section, i, "anxiety_before", row.anxiety_before, 0, 10)
        _between(section, i, "anxiety_after", row.anxiety_after, 0, 10)
        sessions.append(
            ToolSession(
                uuid=uuid.uuid4(),
                owner=user,
                tool=row.tool,
                started=row.started,
                duration_seconds=row.duration_seconds,
                anxiety_before=row.anxiety_before,
                anxiety_after=row.anxiety_after,
                settings=dict(row.settings),
                observation=observation,
            )
        )
    saved = ToolSession.objects.bulk_create(sessions)
    for row, session in zip(rows, saved, strict=True):
        ctx.remember(section, row.id, session)
        if row.created:  # auto_now_add: set after the insert
            ToolSession.objects.filter(pk=session.pk).update(created=row.created)
    return len(saved)


@restorer("tool_preferences", order=86, holds_data=False)
def restore_preferences(user: User, data: Any, ctx: RestoreContext) -> int:
    # Settings, not data (like the account's time zone): they replace what the account has.
    section = "tool_preferences"
    rows = parse_rows(section, data, ToolPreferencesRow)
    if len(rows) > 1:
        raise RowProblem(f"{section}: a person has one set of preferences, not {len(rows)}")
    for row in rows:
        preferences, _ = ToolPreferences.objects.update_or_create(
            owner=user, defaults={"worry_time": row.worry_time}
        )
        ctx.remember(section, row.id, preferences)
    return len(rows)


@restorer("worries", order=87)
def restore_worries(user: User, data: Any, ctx: RestoreContext) -> int:
    section = "worries"
    rows = parse_rows(section, data, WorryRow)
    worries = []
    for i, row in enumerate(rows):
        worry = Worry(
            uuid=uuid.uuid4(), owner=user, parked_at=row.parked_at, resolved_at=row.resolved_at
        )
        worry.text = _text(section, i, "text", row.text, MAX_WORRY)  # sealed to the new row
        worries.append(worry)
    return ctx.create_all(section, rows, worries)


@restorer("thought_records", order=88)
def restore_thought_records(user: User, data: Any, ctx: RestoreContext) -> int:
    section = "thought_records"
    rows = parse_rows(section, data, ThoughtRecordRow)
    records = []
    for i, row in enumerate(rows):
        for pattern in row.patterns:
            if pattern not in catalog.THINKING_PATTERNS:
                raise problem(section, i, "patterns", f"“{pattern}” is not a thinking pattern")
        _between(section, i, "intensity_before", row.intensity_before, 0, 100)
        _between(section, i, "intensity_after", row.intensity_after, 0, 100)
        record = ThoughtRecord(
            uuid=uuid.uuid4(),
            owner=user,
            created=row.created,
            intensity_before=row.intensity_before,
            intensity_after=row.intensity_after,
            patterns=list(row.patterns),
        )
        for name in ThoughtRecord.SEALED_FIELDS:
            # Sealed to the new uuid and owner.
            setattr(record, name, _text(section, i, name, getattr(row, name)))
        records.append(record)
    return ctx.create_all(section, rows, records)


@restorer("journal_entries", order=89)
def restore_journal(user: User, data: Any, ctx: RestoreContext) -> int:
    section = "journal_entries"
    rows = parse_rows(section, data, JournalEntryRow)
    entries = []
    for i, row in enumerate(rows):
        if row.prompt and row.prompt not in catalog.PROMPT_TEXT:
            raise problem(section, i, "prompt", f"“{row.prompt}” is not a journal prompt")
        entry = JournalEntry(uuid=uuid.uuid4(), owner=user, prompt=row.prompt, created=row.created)
        entry.text = _text(section, i, "text", row.text)  # sealed to the new uuid and owner
        entries.append(entry)
    return ctx.create_all(section, rows, entries)
