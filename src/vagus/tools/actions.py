"""Every change to a person's tools data, each one function in one transaction."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone

from vagus.diary.models import Measure, Observation
from vagus.inputs import whole_number
from vagus.questionnaires.models import SafetyAlert
from vagus.safety.crisis_language import mentions_crisis
from vagus.text import UnsafeTextError, refuse_unsafe_text
from vagus.tools import catalog
from vagus.tools.models import JournalEntry, ThoughtRecord, ToolPreferences, ToolSession, Worry

if TYPE_CHECKING:
    from vagus.accounts.models import User

MINDFULNESS = "mindfulness_minutes"
SOURCE = "tool"
MAX_SESSION_SECONDS = 4 * 60 * 60
# Less than this is a slip of the finger, not practice: a session on its own is not saved, and
# a thought record or journal entry keeps its session (for the ratings) but adds no minutes.
MIN_SESSION_SECONDS = 30
TOO_SHORT = "That was a few seconds — nothing saved."
MAX_TEXT = 10_000
MAX_WORRY = 500


class ToolInputError(ValueError):
    """Bad input; ``errors`` maps a field (``anxiety_before``, ``text``, …) to a message."""

    def __init__(self, errors: Mapping[str, str]) -> None:
        self.errors = dict(errors)
        super().__init__("; ".join(self.errors.values()))


class TooShortError(ToolInputError):
    """A session under ``MIN_SESSION_SECONDS``: nothing was saved, and that is not a mistake."""


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
    return whole_number(value, field, low, high, ToolInputError)


def _storable(value: Any, field: str) -> None:
    try:
        refuse_unsafe_text(value, field)
    except UnsafeTextError as exc:
        raise ToolInputError(exc.errors) from None


def check_rating(value: Any, field: str) -> int | None:
    return _whole(value, field, 0, 10)


def _text(value: Any, field: str, limit: int = MAX_TEXT, required: bool = False) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ToolInputError({field: f"{field}: expected text"})
    _storable(value, field)
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
    *,
    alone: bool = True,
) -> ToolSession:
    """Check and write one session and its minutes (call inside a transaction).

    ``alone``: a session on its own (not the timing of a thought record or journal entry),
    which is refused as ``TooShortError`` under ``MIN_SESSION_SECONDS``.
    """
    if settings is not None and not isinstance(settings, Mapping):
        raise ToolInputError({"settings": "settings: expected an object"})
    _storable(settings, "settings")
    if not isinstance(tool, str) or tool not in catalog.BY_CODE:
        raise ToolInputError({"tool": f"tool: choose one of {', '.join(catalog.BY_CODE)}"})
    seconds = _whole(duration_seconds, "duration_seconds", 0, MAX_SESSION_SECONDS) or 0
    before = check_rating(anxiety_before, "anxiety_before")
    after = check_rating(anxiety_after, "anxiety_after")
    if alone and seconds < MIN_SESSION_SECONDS:
        raise TooShortError(
            {"duration_seconds": f"duration_seconds: under {MIN_SESSION_SECONDS} s. {TOO_SHORT}"}
        )
    ended = ended or timezone.now()
    started = ended - timedelta(seconds=seconds)
    observation = None
    if seconds >= MIN_SESSION_SECONDS:
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
            user,
            "thought_record",
            duration_seconds,
            anxiety_before,
            anxiety_after,
            None,
            None,
            alone=False,
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
            alone=False,
        )
        alert = _alert_if_crisis(user, [body])
    return Saved(entry, session, alert)


def delete_session(user: User, session: ToolSession) -> None:
    """Delete one of the person's sessions and the mindfulness minutes it added to the diary."""
    with transaction.atomic():
        row = ToolSession.objects.owned_by(user).filter(pk=session.pk).first()
        if row is None:
            return
        observation_id = row.observation_id
        row.delete()
        if observation_id is not None:
            Observation.objects.owned_by(user).filter(pk=observation_id, source=SOURCE).delete()


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


def delete_worry(user: User, worry: Worry) -> None:
    with transaction.atomic():
        Worry.objects.owned_by(user).filter(pk=worry.pk).delete()


def set_worry_time(user: User, worry_time: Any) -> ToolPreferences:
    if not isinstance(worry_time, time):
        raise ToolInputError({"worry_time": "worry_time: expected a time of day, like 18:30"})
    with transaction.atomic():
        preferences, _ = ToolPreferences.objects.owned_by(user).update_or_create(
            owner=user, defaults={"worry_time": worry_time.replace(second=0, microsecond=0)}
        )
    return preferences
