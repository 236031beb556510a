"""Reads for the offline sync: when each of a day's check-in answers was last changed."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from vagus.diary.models import DayNote, Observation

if TYPE_CHECKING:
    from vagus.accounts.models import User

TEXT_FIELDS = ("note", "supplement_name")


def checkin_changed_at(user: User, day: date) -> dict[str, datetime]:
    """Last change of each stored check-in answer, by measure code ("note" and
    "supplement_name" share the day note's time)."""
    rows = Observation.objects.owned_by(user).filter(day=day, source="checkin")
    changed: dict[str, datetime] = dict(rows.values_list("measure__code", "updated"))
    note = DayNote.objects.owned_by(user).filter(day=day).first()
    if note is not None:
        changed.update({name: note.updated for name in TEXT_FIELDS})
    return changed
