"""Every change to a person's tools data, each one function in one transaction."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone

from vagus.diary.models import Measure, Observation
from vagus.questionnaires.models import SafetyAlert
from vagus.safety.crisis_language import mentions_crisis
from vagus.tools import catalog
from vagus.tools.models import JournalEntry, ThoughtRecord, ToolPreferences, ToolSession, Worry

if TYPE_CHECKING:
    from vagus.accounts.models import User

MINDFULNESS = "mindfulness_minutes"
SOURCE = "tool"
MAX_SESSION_SECONDS = 4 * 60 * 60
MAX_TEXT = 10_000
MAX_WORRY = 500


class ToolInputError(ValueError):
    """Bad input; ``errors`` maps a field (``anxiety_before``, ``text``, …) to a message."""

    def __init__(self, errors: Mapping[str, str]) -> None:
        self.errors = dict(errors)
        super().__init__("; ".join(self.errors.values()))


@dataclass(frozen=True)
class Saved:
    """What a save wrote; ``alert`` is set when the text had crisis language."""

    item: Any
    session: ToolSession | None
    alert: SafetyAlert | None

    @property
    def needs_crisis_page(self) -> bool:
        return self.alert is not None


def _whole(value: Any, field: str, low: int, high: int) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ToolInputError({field: f"{field}: expected a number {low}–{high}"})
    if isinstance(value, str):
        value = value.strip()
        if not value.lstrip("-").isdigit():
            raise ToolInputError({field: f"{field}: expected a whole number {low}–{high}"})
        value = int(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if not isinstance(value, int) or not low <= value <= high:
        raise ToolInputError({field: f"{field}: must be a whole number {low}–{high}"})
    return value


def check_rating(value: Any, field: str) -> int | None:
    return _whole(value, field, 0, 10)


def _text(value: Any, field: str, limit: int = MAX_TEXT, required: bool = False) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ToolInputError({field: f"{field}: expected text"})
    value = value.strip()
    if required and not value:
        raise ToolInputError({field: f"{field}: please write something first"})
    if len(value) > limit:
        raise ToolInputError({field: f"{field}: at most {limit} characters"})
    return value


def _mindfulness_measure() -> Measure:
    lookup = {"owner__isnull": True, "code": MINDFULNESS}
    measure = Measure.objects.filter(**lookup).first()
    if measure is None:  # a database flushed without post_migrate (some test set-ups)
        from vagus.diary.catalog import sync_builtin_measures

        sync_builtin_measures()
        measure = Measure.objects.get(**lookup)
    return measure


def _session(
    user: User,
    tool: str,
    duration_seconds: Any,
    anxiety_before: Any,
    anxiety_after: Any,
    settings: Mapping[str, Any] | None,
    ended: datetime | None,
) -> ToolSession:
    """Check and write one session and its minutes (call inside a transaction)."""
    if settings is not None and not isinstance(settings, Mapping):
        raise ToolInputError({"settings": "settings: expected an object"})
    if not isinstance(tool, str) or tool not in catalog.BY_CODE:
        raise ToolInputError({"tool": f"tool: choose one of {', '.join(catalog.BY_CODE)}"})
    seconds = _whole(duration_seconds, "duration_seconds", 0, MAX_SESSION_SECONDS) or 0
    before = check_rating(anxiety_before, "anxiety_before")
    after = check_rating(anxiety_after, "anxiety_after")
    ended = ended or timezone.now()
    started = ended - timedelta(seconds=seconds)
    observation = None
    if seconds > 0:
        # One Observation per session, kept apart from the check-in's own value (source
        # "checkin"); the day is the person's calendar day when the session began.
        observation = Observation.objects.create(
            owner=user,
            measure=_mindfulness_measure(),
            day=user.day_of(started),
            time=started,
            value=round(seconds / 60, 2),
            source=SOURCE,
        )
    return ToolSession.objects.create(
        owner=user,
        tool=tool,
        started=started,
        duration_seconds=seconds,
        anxiety_before=before,
        anxiety_after=after,
        settings=dict(settings or {}),
        observation=observation,
    )


def record_session(
    user: User,
    tool: str,
    duration_seconds: Any,
    anxiety_before: Any = None,
    anxiety_after: Any = None,
    settings: Mapping[str, Any] | None = None,
    ended: datetime | None = None,
) -> ToolSession:
    """Store one use of a tool with its (optional) ratings; its minutes go to the diary."""
    with transaction.atomic():
        return _session(
            user, tool, duration_seconds, anxiety_before, anxiety_after, settings, ended
        )


def _alert_if_crisis(user: User, texts: Iterable[str]) -> SafetyAlert | None:
    # Saved first, in the same write: the words are never lost, and the crisis page follows.
    if mentions_crisis(texts):
        return SafetyAlert.objects.create(owner=user, source="tools")
    return None


def save_thought_record(
    user: User,
    texts: Mapping[str, Any],
    *,
    intensity_before: Any = None,
    intensity_after: Any = None,
    patterns: Any = (),
    anxiety_before: Any = None,
    anxiety_after: Any = None,
    duration_seconds: Any = 0,
) -> Saved:
    """A new thought record, its session, and a safety alert if it has crisis language."""
    cleaned = {name: _text(texts.get(name), name) for name in ThoughtRecord.SEALED_FIELDS}
    if not any(cleaned.values()):
        raise ToolInputError({"situation": "situation: please write something first"})
    if isinstance(patterns, str | Mapping) or not isinstance(patterns, Iterable):
        raise ToolInputError({"patterns": "patterns: expected a list of pattern codes"})
    patterns = list(patterns)
    unknown = [p for p in patterns if not isinstance(p, str) or p not in catalog.THINKING_PATTERNS]
    if unknown:
        raise ToolInputError({"patterns": f"patterns: unknown pattern “{unknown[0]}”"})
    before = _whole(intensity_before, "intensity_before", 0, 100)
    after = _whole(intensity_after, "intensity_after", 0, 100)
    with transaction.atomic():
        record = ThoughtRecord(
            owner=user,
            intensity_before=before,
            intensity_after=after,
            patterns=sorted(set(patterns)),
            created=timezone.now(),
        )
        for name, value in cleaned.items():
            setattr(record, name, value)
        record.save()
        session = _session(
            user, "thought_record", duration_seconds, anxiety_before, anxiety_after, None, None
        )
        alert = _alert_if_crisis(user, cleaned.values())
    return Saved(record, session, alert)


def save_journal_entry(
    user: User,
    text: Any,
    prompt: str = "",
    *,
    anxiety_before: Any = None,
    anxiety_after: Any = None,
    duration_seconds: Any = 0,
) -> Saved:
    """A new journal entry (to a prompt, or free writing), its session, and any safety alert."""
    body = _text(text, "text", required=True)
    prompt = prompt or ""
    if not isinstance(prompt, str) or (prompt and prompt not in catalog.PROMPT_TEXT):
        raise ToolInputError({"prompt": f"prompt: unknown prompt “{prompt}”"})
    with transaction.atomic():
        entry = JournalEntry(owner=user, prompt=prompt, created=timezone.now())
        entry.text = body
        entry.save()
        session = _session(
            user,
            "journal",
            duration_seconds,
            anxiety_before,
            anxiety_after,
            {"prompt": prompt},
            None,
        )
        alert = _alert_if_crisis(user, [body])
    return Saved(entry, session, alert)


def delete_thought_record(user: User, record: ThoughtRecord) -> None:
    with transaction.atomic():
        ThoughtRecord.objects.owned_by(user).filter(pk=record.pk).delete()


def delete_journal_entry(user: User, entry: JournalEntry) -> None:
    with transaction.atomic():
        JournalEntry.objects.owned_by(user).filter(pk=entry.pk).delete()


def park_worry(user: User, text: Any) -> Saved:
    """Park a worry until worry time. Worries are checked for crisis language too."""
    body = _text(text, "text", limit=MAX_WORRY, required=True)
    with transaction.atomic():
        worry = Worry(owner=user, parked_at=timezone.now())
        worry.text = body
        worry.save()
        alert = _alert_if_crisis(user, [body])
    return Saved(worry, None, alert)


def resolve_worry(user: User, worry: Worry) -> Worry:
    """Mark a parked worry as dealt with (or let go) at worry time."""
    with transaction.atomic():
        Worry.objects.owned_by(user).filter(pk=worry.pk, resolved_at__isnull=True).update(
            resolved_at=timezone.now()
        )
    worry.refresh_from_db()
    return worry


def set_worry_time(user: User, worry_time: Any) -> ToolPreferences:
    if not isinstance(worry_time, time):
        raise ToolInputError({"worry_time": "worry_time: expected a time of day, like 18:30"})
    with transaction.atomic():
        preferences, _ = ToolPreferences.objects.owned_by(user).update_or_create(
            owner=user, defaults={"worry_time": worry_time.replace(second=0, microsecond=0)}
        )
    return preferences
