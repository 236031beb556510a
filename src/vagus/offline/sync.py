"""Storing an edit a device queued while offline: exactly once, the later edit winning.

A queued check-in goes through the same form and the same write as the online page
(``diary.forms.CheckinForm``, ``diary.actions.save_checkin`` with the page's day version), so
it is checked and stored the same way. If the day changed elsewhere since the page was shown,
each answer both sides changed goes to the later edit (the phone's ``saved_at`` against the
stored answer's last change) and the answer says which values were replaced.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING
from uuid import UUID

from django.db import IntegrityError, transaction
from django.http import QueryDict
from django.utils import timezone

from vagus.diary import actions, day_version, queries
from vagus.diary.actions import DiaryInputError
from vagus.diary.forms import CheckinForm, MealForm
from vagus.diary.wording import format_value
from vagus.form_errors import field_errors
from vagus.offline import wording
from vagus.offline.models import SyncedKey
from vagus.offline.queries import TEXT_FIELDS, checkin_changed_at

if TYPE_CHECKING:
    from vagus.accounts.models import User
    from vagus.diary.models import Measure


@dataclass
class SyncResult:
    already_synced: bool
    message: str
    day: date | None = None
    replaced: list[wording.Replacement] = field(default_factory=list)


def _form_data(fields: Mapping[str, object]) -> QueryDict:
    data = QueryDict(mutable=True)
    for name, value in fields.items():
        data[name] = "" if value is None else str(value)
    return data


def _form_errors(form: CheckinForm | MealForm) -> DiaryInputError:
    errors = {
        name: " ".join(field_errors(form[name])) for name in form.errors if name in form.fields
    }
    return DiaryInputError(errors or {"form": "These answers could not be read."})


def _saved_at(user: User, saved_at: datetime) -> datetime:
    """When the phone saved it; a clock running ahead cannot make an edit later than now."""
    if saved_at.tzinfo is None:
        saved_at = saved_at.replace(tzinfo=user.zone())
    return min(saved_at, timezone.now())


def _day(user: User, day: str | None, saved_at: datetime) -> date:
    if not day:  # a page without its day: the day it was saved on, where the person lives
        return saved_at.astimezone(user.zone()).date()
    try:
        return date.fromisoformat(day)
    except ValueError as exc:
        raise DiaryInputError({"day": f"“{day[:20]}” is not a date."}) from exc


def _label(measure: Measure | None, name: str) -> str:
    if measure is not None:
        return measure.label
    return "Note" if name == "note" else "Probiotic or supplement"


def _shown(measure: Measure | None, value: float | str | None) -> str:
    if value is None or value == "":
        return "nothing"
    if isinstance(value, str):
        return f"“{value[:60]}”"
    if measure is None:
        return f"{value:g}"
    return format_value(measure, value)


def _once(user: User, key: UUID, kind: str) -> bool:
    """Claim ``key`` inside the caller's transaction; False if it was stored before."""
    if SyncedKey.objects.owned_by(user).filter(key=key).exists():
        return False
    SyncedKey.objects.create(owner=user, key=key, kind=kind)
    return True


def sync_checkin(
    user: User,
    key: UUID,
    day: str | None,
    values: Mapping[str, object],
    base_version: str,
    saved_at: datetime,
) -> SyncResult:
    """Store a queued check-in once. Bad input raises DiaryInputError and writes nothing."""
    saved_at = _saved_at(user, saved_at)
    the_day = _day(user, day, saved_at)
    actions.check_day(user, the_day)
    measures = queries.measures_for(user)
    form = CheckinForm(_form_data(values), measures=measures)
    unknown = sorted(set(values) - set(form.fields) - {"version"})
    if unknown:
        raise DiaryInputError(
            {name: f"There is no question called “{name[:40]}” any more." for name in unknown}
        )
    if not form.is_valid():
        raise _form_errors(form)
    # Only what the page sent: an answer a page never had is not cleared by it.
    answers = {c: v for c, v in form.measure_values().items() if c in values}
    texts: dict[str, str | None] = {
        name: form.cleaned_data[name] if name in values else None for name in TEXT_FIELDS
    }
    by_code = {m.code: m for m in measures}
    try:
        with transaction.atomic():
            if not _once(user, key, "checkin"):
                return SyncResult(already_synced=True, message="Synced.", day=the_day)
            replaced = _save_later_wins(
                user, the_day, answers, texts, base_version, saved_at, by_code
            )
    except IntegrityError:  # the same key sent twice at once: the other request stored it
        if SyncedKey.objects.owned_by(user).filter(key=key).exists():
            return SyncResult(already_synced=True, message="Synced.", day=the_day)
        raise
    return SyncResult(False, wording.synced_sentence(the_day, replaced), the_day, replaced)


def _save_later_wins(
    user: User,
    day: date,
    answers: dict[str, object | None],
    texts: dict[str, str | None],
    base_version: str,
    saved_at: datetime,
    by_code: Mapping[str, Measure],
) -> list[wording.Replacement]:
    """Save as the page would; if the day changed elsewhere, save again keeping per answer
    the later edit. Returns the answers where the two edits met."""
    try:
        actions.save_checkin(
            user,
            day,
            answers,
            note=texts["note"],
            supplement_name=texts["supplement_name"],
            version=base_version,
        )
        return []
    except day_version.DayChangedElsewhere as changed:
        conflicts = changed.conflicts
    changed_at = checkin_changed_at(user, day)
    replaced = []
    for conflict in conflicts:
        # An answer this phone left as it showed it was not edited here: the other stays.
        phone_won = not conflict.yours_was_shown and (
            conflict.field not in changed_at or changed_at[conflict.field] <= saved_at
        )
        if not conflict.yours_was_shown:
            measure = by_code.get(conflict.field)
            replaced.append(
                wording.Replacement(
                    _label(measure, conflict.field),
                    _shown(measure, conflict.yours),
                    _shown(measure, conflict.theirs),
                    phone_won,
                )
            )
        if not phone_won:
            answers.pop(conflict.field, None)
            if conflict.field in texts:
                texts[conflict.field] = None
    actions.save_checkin(
        user, day, answers, note=texts["note"], supplement_name=texts["supplement_name"]
    )
    return replaced


def sync_meal(user: User, key: UUID, text: str, eaten_at: str, saved_at: datetime) -> SyncResult:
    """Store a queued meal once (``eaten_at`` as the page's field held it, local time)."""
    with timezone.override(user.zone()):  # a time without a zone is the person's own
        form = MealForm(_form_data({"text": text, "eaten_at": eaten_at}))
        if not form.is_valid():
            raise _form_errors(form)
    try:
        with transaction.atomic():
            if not _once(user, key, "meal"):
                return SyncResult(already_synced=True, message="Synced.")
            meal = actions.add_meal(user, form.cleaned_data["text"], form.cleaned_data["eaten_at"])
    except IntegrityError:
        if SyncedKey.objects.owned_by(user).filter(key=key).exists():
            return SyncResult(already_synced=True, message="Synced.")
        raise
    return SyncResult(False, wording.meal_synced_sentence(meal.text), meal.day)
