"""Restoring the tools' sections of a Vagus backup (see ``vagus.interop.registry``).

The backup carries the free text decrypted; each restored row gets a new uuid first and its
text is then sealed again through the model's own attributes (``record.situation = …``, see
``vagus.tools.models.sealed``), so the ciphertext is bound to the new row and its new owner.

Nothing here goes through ``vagus.tools.actions``: a restore writes what the backup holds and
no more. In particular it raises no safety alert for crisis language here (the alerts come
back through their own section; ``vagus.interop.restore`` adds an unread one only when the
restored text calls for one and the backup had none) and writes no mindfulness minutes for
a session: those are in the ``observations`` section, restored before these, and a session
whose minutes were in the diary (``in_diary``) is linked to that restored observation instead.
"""

from __future__ import annotations

import uuid
from datetime import datetime, time
from typing import Any

from vagus.interop.registry import RestoreContext, importer
from vagus.interop.sections import RowProblem, _field, _moment, _parse, _rows
from vagus.text import UnsafeTextError, refuse_unsafe_text
from vagus.tools import catalog
from vagus.tools.actions import MAX_SESSION_SECONDS, MAX_TEXT, MAX_WORRY, MINDFULNESS, SOURCE
from vagus.tools.models import JournalEntry, ThoughtRecord, ToolPreferences, ToolSession, Worry


def _whole(section: str, i: int, row: Any, name: str, low: int, high: int) -> int | None:
    """An optional whole number from ``low`` to ``high`` (``null`` allowed)."""
    value = _field(section, i, row, name, (int, type(None)))
    if value is not None and not low <= value <= high:
        raise RowProblem(f"{section}[{i}].{name}: {value} is not between {low} and {high}")
    return value


def _storable(value: Any, where: str) -> Any:
    """``value`` if its texts can be stored (no NUL, no lone surrogate), else a RowProblem."""
    try:
        refuse_unsafe_text(value, where)
    except UnsafeTextError as exc:
        raise RowProblem(str(exc)) from None
    return value


def _text(section: str, i: int, row: Any, name: str, limit: int = MAX_TEXT) -> str:
    value = _field(section, i, row, name, str)
    if len(value) > limit:
        raise RowProblem(f"{section}[{i}].{name}: longer than {limit} characters")
    return _storable(value, f"{section}[{i}].{name}")


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


@importer("tool_sessions", order=85)
def _sessions(user: Any, rows: Any, ctx: RestoreContext) -> int:
    section = "tool_sessions"
    minutes = _minutes_observations(ctx)
    pending: list[tuple[ToolSession, datetime | None]] = []
    for i, row in enumerate(_rows(section, rows)):
        tool = _field(section, i, row, "tool", str)
        if tool not in catalog.BY_CODE:
            raise RowProblem(f"{section}[{i}].tool: “{tool}” is not a tool")
        started = _moment(section, i, row, "started")
        seconds = _field(section, i, row, "duration_seconds", int)
        if not 0 <= seconds <= MAX_SESSION_SECONDS:
            raise RowProblem(
                f"{section}[{i}].duration_seconds: {seconds} is not between 0 and "
                f"{MAX_SESSION_SECONDS}"
            )
        # Older backups lack ``in_diary``: then the session takes its minutes if they are there.
        in_diary = row.get("in_diary") if isinstance(row, dict) else None
        if in_diary is not None and not isinstance(in_diary, bool):
            raise RowProblem(f"{section}[{i}].in_diary: wrong type ({type(in_diary).__name__})")
        observation = None
        if in_diary is not False:
            candidates = minutes.get(started, [])
            if candidates:
                observation = candidates.pop(0)  # one observation per session
            elif in_diary:
                raise RowProblem(
                    f"{section}[{i}].in_diary: no {MINDFULNESS} observation with source "
                    f"“{SOURCE}” at {started.isoformat()} among the observations"
                )
        session = ToolSession(
            uuid=uuid.uuid4(),
            owner=user,
            tool=tool,
            started=started,
            duration_seconds=seconds,
            anxiety_before=_whole(section, i, row, "anxiety_before", 0, 10),
            anxiety_after=_whole(section, i, row, "anxiety_after", 0, 10),
            settings=_storable(
                dict(_field(section, i, row, "settings", dict)), f"{section}[{i}].settings"
            ),
            observation=observation,
        )
        pending.append((session, _moment(section, i, row, "created", optional=True)))
    saved = ToolSession.objects.bulk_create([session for session, _ in pending])
    for row, session, (_, created) in zip(rows, saved, pending, strict=True):
        ctx.remember(section, row.get("id"), session)
        if created:  # auto_now_add: set after the insert
            ToolSession.objects.filter(pk=session.pk).update(created=created)
    return len(saved)


@importer("tool_preferences", order=86, holds_data=False)
def _preferences(user: Any, rows: Any, ctx: RestoreContext) -> int:
    # Settings, not data (like the account's time zone): they replace what the account has.
    section = "tool_preferences"
    rows = _rows(section, rows)
    if len(rows) > 1:
        raise RowProblem(f"{section}: a person has one set of preferences, not {len(rows)}")
    for i, row in enumerate(rows):
        text = _field(section, i, row, "worry_time", str)
        worry_time: time = _parse(section, i, "worry_time", text, time.fromisoformat)
        preferences, _ = ToolPreferences.objects.update_or_create(
            owner=user, defaults={"worry_time": worry_time.replace(second=0, microsecond=0)}
        )
        ctx.remember(section, row.get("id"), preferences)
    return len(rows)


@importer("worries", order=87)
def _worries(user: Any, rows: Any, ctx: RestoreContext) -> int:
    section = "worries"
    worries = []
    for i, row in enumerate(_rows(section, rows)):
        text = _text(section, i, row, "text", MAX_WORRY)
        _field(section, i, row, "resolved_at", (str, type(None)))  # present, maybe null
        worry = Worry(
            uuid=uuid.uuid4(),
            owner=user,
            parked_at=_moment(section, i, row, "parked_at"),
            resolved_at=_moment(section, i, row, "resolved_at", optional=True),
        )
        worry.text = text  # sealed to the new uuid and owner
        worries.append(worry)
    saved = Worry.objects.bulk_create(worries)
    for row, worry in zip(rows, saved, strict=True):
        ctx.remember(section, row.get("id"), worry)
    return len(saved)


@importer("thought_records", order=88)
def _thought_records(user: Any, rows: Any, ctx: RestoreContext) -> int:
    section = "thought_records"
    records = []
    for i, row in enumerate(_rows(section, rows)):
        texts = {name: _text(section, i, row, name) for name in ThoughtRecord.SEALED_FIELDS}
        patterns = _field(section, i, row, "patterns", list)
        for pattern in patterns:
            if not isinstance(pattern, str) or pattern not in catalog.THINKING_PATTERNS:
                raise RowProblem(f"{section}[{i}].patterns: “{pattern}” is not a thinking pattern")
        record = ThoughtRecord(
            uuid=uuid.uuid4(),
            owner=user,
            created=_moment(section, i, row, "created"),
            intensity_before=_whole(section, i, row, "intensity_before", 0, 100),
            intensity_after=_whole(section, i, row, "intensity_after", 0, 100),
            patterns=list(patterns),
        )
        for name, value in texts.items():
            setattr(record, name, value)  # sealed to the new uuid and owner
        records.append(record)
    saved = ThoughtRecord.objects.bulk_create(records)
    for row, record in zip(rows, saved, strict=True):
        ctx.remember(section, row.get("id"), record)
    return len(saved)


@importer("journal_entries", order=89)
def _journal(user: Any, rows: Any, ctx: RestoreContext) -> int:
    section = "journal_entries"
    entries = []
    for i, row in enumerate(_rows(section, rows)):
        prompt = _field(section, i, row, "prompt", str)
        if prompt and prompt not in catalog.PROMPT_TEXT:
            raise RowProblem(f"{section}[{i}].prompt: “{prompt}” is not a journal prompt")
        text = _text(section, i, row, "text")
        created = _moment(section, i, row, "created")
        entry = JournalEntry(uuid=uuid.uuid4(), owner=user, prompt=prompt, created=created)
        entry.text = text  # sealed to the new uuid and owner
        entries.append(entry)
    saved = JournalEntry.objects.bulk_create(entries)
    for row, entry in zip(rows, saved, strict=True):
        ctx.remember(section, row.get("id"), entry)
    return len(saved)
