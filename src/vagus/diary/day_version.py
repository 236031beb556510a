"""What a check-in page showed, so a save from a stale page cannot wipe newer data.

The page carries a signed snapshot of the day's check-in values and a digest of its note as
shown. On save, a field that changed elsewhere since then (another device, another tab) and
that the save would change again (to a value, or to nothing) is a conflict: the save is refused
and both versions are shown. A field the page showed unchanged is written as usual, so two
devices filling in different answers never clash.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from django.core import signing

from vagus.diary import queries

if TYPE_CHECKING:
    from vagus.accounts.models import User

SALT = "vagus.diary.day-version"
NOTE_FIELDS = ("note", "supplement_name")


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


@dataclass(frozen=True)
class DayState:
    """A day's check-in as stored: values by measure code, and the two texts."""

    values: dict[str, float]
    texts: dict[str, str]

    def version(self) -> str:
        snapshot = {
            "v": self.values,
            "t": {name: _digest(text) for name, text in self.texts.items()},
        }
        return signing.dumps(snapshot, salt=SALT, compress=True)


@dataclass(frozen=True)
class Conflict:
    field: str  # a measure code, "note" or "supplement_name"
    theirs: float | str | None  # as saved elsewhere
    yours: float | str | None  # as this page would save it
    yours_was_shown: bool  # this page left the field as it showed it


class DayChangedElsewhere(Exception):
    """The save was refused: these fields changed since the page was shown."""

    def __init__(self, conflicts: list[Conflict], current: DayState) -> None:
        self.conflicts = conflicts
        self.current = current
        super().__init__("This day changed on another device.")


def day_state(user: User, day: date) -> DayState:
    note = queries.day_note(user, day)
    return DayState(
        values=queries.checkin_values(user, day),
        texts={
            "note": note.text if note else "",
            "supplement_name": note.supplement_name if note else "",
        },
    )


def _shown(version: str) -> tuple[dict[str, float], dict[str, str]]:
    """Values and text digests as shown; a snapshot that cannot be read showed nothing."""
    try:
        snapshot = signing.loads(version, salt=SALT)
        return dict(snapshot["v"]), dict(snapshot["t"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return {}, {}


def check_unchanged(
    user: User,
    day: date,
    version: str,
    values: Mapping[str, float | None],
    texts: Mapping[str, str | None],
) -> None:
    """Raise DayChangedElsewhere if this save would overwrite what it never showed.

    Call inside the save's transaction, so the check and the write see the same day.
    """
    current = day_state(user, day)
    shown_values, shown_digests = _shown(version)
    conflicts = []
    for code, yours in values.items():
        theirs = current.values.get(code)
        shown = shown_values.get(code)
        if theirs != shown and yours != theirs:
            conflicts.append(Conflict(code, theirs, yours, yours == shown))
    for name, your_text in texts.items():
        if your_text is None:
            continue  # not part of this save
        their_text = current.texts[name]
        if _digest(their_text) != shown_digests.get(name, _digest("")) and your_text != their_text:
            was_shown = _digest(your_text) == shown_digests.get(name, _digest(""))
            conflicts.append(Conflict(name, their_text, your_text, was_shown))
    if conflicts:
        raise DayChangedElsewhere(conflicts, current)
