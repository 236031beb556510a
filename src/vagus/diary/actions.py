"""Every change to a diary, each one function in one transaction: all of it is stored or none."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from vagus.accounts.models import EARLIEST_DAY
from vagus.diary import day_version, nutrition
from vagus.diary.models import DayNote, Meal, Measure, Observation
from vagus.diary.wording import format_value
from vagus.inputs import local_day
from vagus.text import unsafe_text_problem

if TYPE_CHECKING:
    from vagus.accounts.models import User

NOTE_MAX = 4000
MEAL_MAX = 2000


class DiaryInputError(ValueError):
    """Bad input; ``errors`` maps each field to a message a person can act on."""

    def __init__(self, errors: Mapping[str, str]) -> None:
        self.errors = dict(errors)
        super().__init__("; ".join(f"{name}: {msg}" for name, msg in self.errors.items()))


@dataclass
class CheckinResult:
    day: date
    stored: list[tuple[str, str]] = field(default_factory=list)  # (label, shown value)
    cleared: list[str] = field(default_factory=list)
    values: dict[str, float] = field(default_factory=dict)  # the day's check-in after saving


def check_day(user: User, day: date) -> None:
    if day < EARLIEST_DAY:
        raise DiaryInputError({"day": f"{day.isoformat()} is before {EARLIEST_DAY.year}."})
    if day > user.today():
        raise DiaryInputError({"day": f"{day.isoformat()} is in the future where you are."})


def save_checkin(
    user: User,
    day: date,
    values: Mapping[str, object | None],
    *,
    note: str | None = None,
    supplement_name: str | None = None,
    source: str = "checkin",
    version: str | None = None,
) -> CheckinResult:
    """Store a day's check-in. Keys present are set (None clears them); absent keys are kept.

    Everything is checked before anything is written, so bad input changes nothing.
    ``version`` is what the page showed (``day_version``); when given, a save that would
    overwrite something changed since then raises ``DayChangedElsewhere`` and writes nothing.
    Without it (the API), the last writer wins, field by field.
    """
    check_day(user, day)
    # Only what a person types: questionnaire totals come from the whole questionnaire.
    measures = {m.code: m for m in Measure.objects.available_to(user).filter(on_checkin=True)}
    errors: dict[str, str] = {}
    cleaned: dict[str, float | None] = {}
    for code, raw in values.items():
        measure = measures.get(code)
        if measure is None:
            errors[code] = f"{code}: there is no measure called “{code}”."
            continue
        if raw is None or raw == "":
            cleaned[code] = None
            continue
        try:
            cleaned[code] = measure.clean_value(raw)
        except ValueError as exc:
            errors[code] = str(exc)
    if note is not None and len(note) > NOTE_MAX:
        errors["note"] = f"note: please keep it under {NOTE_MAX} characters."
    for name, text in (("note", note), ("supplement_name", supplement_name)):
        if text and (problem := unsafe_text_problem(text)):
            errors[name] = f"{name}: {problem}"
    if errors:
        raise DiaryInputError(errors)

    result = CheckinResult(day=day)
    with transaction.atomic():
        if version is not None:
            texts = {"note": note, "supplement_name": supplement_name}
            day_version.check_unchanged(
                user,
                day,
                version,
                cleaned,
                {name: _stored_text(name, text) for name, text in texts.items()},
            )
        existing = {
            obs.measure_id: obs
            for obs in Observation.objects.owned_by(user).filter(day=day, source=source).order_by()
        }
        to_create, to_update, to_delete = [], [], []
        now = timezone.now()
        for code, value in cleaned.items():
            measure = measures[code]
            current = existing.get(measure.pk)
            if value is None:
                if current is not None:
                    to_delete.append(current.pk)
                    result.cleared.append(measure.label)
                continue
            if current is None:
                to_create.append(
                    Observation(owner=user, measure=measure, day=day, value=value, source=source)
                )
            elif current.value != value:
                current.value, current.updated = value, now  # bulk_update skips auto_now
                to_update.append(current)
            result.stored.append((measure.label, format_value(measure, value)))
        # One statement per kind of change, not one per measure: a check-in is ~15 values.
        if to_delete:
            Observation.objects.owned_by(user).filter(pk__in=to_delete).delete()
        if to_create:
            Observation.objects.bulk_create(to_create)
        if to_update:
            Observation.objects.bulk_update(to_update, ["value", "updated"])
        if note is not None or supplement_name is not None:
            _save_note(user, day, note, supplement_name, result)
    by_id = {m.pk: code for code, m in measures.items()}
    result.values = {
        by_id[o.measure_id]: o.value for o in existing.values() if o.pk not in to_delete
    }
    result.values.update({code: v for code, v in cleaned.items() if v is not None})
    return result


def _stored_text(name: str, text: str | None) -> str | None:
    """A note or supplement name as it will be stored."""
    if text is None:
        return None
    return text.strip()[:120] if name == "supplement_name" else text.strip()


def _save_note(
    user: User, day: date, note: str | None, supplement: str | None, result: CheckinResult
) -> None:
    day_note, _ = DayNote.objects.owned_by(user).get_or_create(owner=user, day=day)
    if note is not None:
        day_note.text = _stored_text("note", note) or ""
    if supplement is not None:
        day_note.supplement_name = _stored_text("supplement_name", supplement) or ""
    if day_note.is_empty:
        day_note.delete()
        return
    day_note.save()
    if day_note.supplement_name:
        result.stored.append(("Supplement", day_note.supplement_name))
    if day_note.text:
        result.stored.append(("Note", "saved"))


def delete_day(user: User, day: date) -> int:
    """Remove a day's check-in values and note (meals stay: they have their own page)."""
    with transaction.atomic():
        count, _ = Observation.objects.owned_by(user).filter(day=day, source="checkin").delete()
        DayNote.objects.owned_by(user).filter(day=day).delete()
    return count


def _check_meal_text(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise DiaryInputError({"text": "text: write what you ate or drank."})
    if len(text) > MEAL_MAX:
        raise DiaryInputError({"text": f"text: please keep it under {MEAL_MAX} characters."})
    if problem := unsafe_text_problem(text):
        raise DiaryInputError({"text": f"text: {problem}"})
    return text


def _check_meal_time(user: User, eaten_at: datetime) -> tuple[datetime, date]:
    """The meal time made aware in the person's zone, and the day it falls on."""
    if eaten_at.date() < EARLIEST_DAY:
        raise DiaryInputError({"eaten_at": f"eaten_at: that is before {EARLIEST_DAY.year}."})
    if eaten_at.tzinfo is None:
        eaten_at = eaten_at.replace(tzinfo=user.zone())
    day = local_day(user, eaten_at, "eaten_at", DiaryInputError)
    if day > user.today():
        raise DiaryInputError({"eaten_at": "eaten_at: that time is in the future where you are."})
    return eaten_at, day


def add_meal(user: User, text: str, eaten_at: datetime, source: str = "diary") -> Meal:
    """Store a meal with its analysis, and recompute that day's meal-derived measures."""
    text = _check_meal_text(text)
    eaten_at, day = _check_meal_time(user, eaten_at)
    with transaction.atomic():
        analysis = nutrition.analyse(text, nutrition.science_foods(user))
        meal = Meal.objects.create(
            owner=user, text=text, eaten_at=eaten_at, day=day, source=source, analysis=analysis
        )
        nutrition.recompute_days(user, {day})
    return meal


def update_meal(meal: Meal, text: str, eaten_at: datetime) -> Meal:
    """Change a meal; both the old and the new day's measures are recomputed."""
    user = meal.owner
    text = _check_meal_text(text)
    eaten_at, day = _check_meal_time(user, eaten_at)
    with transaction.atomic():
        old_day = meal.day
        meal.eaten_at, meal.day, meal.text = eaten_at, day, text
        meal.analysis = nutrition.analyse(text, nutrition.science_foods(user))
        meal.save()
        nutrition.recompute_days(user, {old_day, day})
    return meal


def delete_meal(user: User, meal: Meal) -> None:
    """Delete one of the person's meals and recompute that day's measures."""
    with transaction.atomic():
        Meal.objects.owned_by(user).filter(pk=meal.pk).delete()
        nutrition.recompute_days(user, {meal.day})


@dataclass(frozen=True)
class AddedMeasure:
    measure: Measure
    unhidden: bool  # it existed, hidden, and is back on the check-in with its history


def add_measure(user: User, label: str, kind: str, direction: str) -> AddedMeasure:
    """A measure of the person's own at the end of their quick check-in.

    Adding one they hid earlier under the same name brings it back, history and all.
    """
    from vagus.diary import choices, kinds

    label = " ".join((label or "").split())
    errors = {}
    if not label or len(label) > 80 or unsafe_text_problem(label):
        errors["label"] = "Give it a name of 1 to 80 characters."
    if kind not in dict(kinds.CUSTOM_KIND_CHOICES):
        errors["kind"] = "Choose how you log it: a scale, a count, minutes or yes/no."
    if direction not in {"better", "worse", ""}:
        errors["direction"] = "Choose whether more of it is better, worse or neither."
    if errors:
        raise DiaryInputError(errors)
    with transaction.atomic():
        own = Measure.objects.owned_by(user)
        same = own.filter(label__iexact=label).first()
        if same is not None and not same.archived:
            raise DiaryInputError({"label": f"You already have a measure called “{same.label}”."})
        if same is not None:
            choices.place(user, same, choices.QUICK)
            same.refresh_from_db()
            return AddedMeasure(same, unhidden=True)
        base = "my_" + (slugify(label).replace("-", "_")[:50] or "measure")
        taken = set(Measure.objects.available_to(user).values_list("code", flat=True))
        code, n = base, 2
        while code in taken:  # a renamed measure keeps the code its first name gave it
            code, n = f"{base}_{n}", n + 1
        measure = Measure.objects.create(
            owner=user, code=code, label=label, kind=kind, direction=direction, position=500
        )
        choices.place(user, measure, choices.QUICK)
    return AddedMeasure(measure, unhidden=False)


def create_measure(user: User, label: str, kind: str, direction: str) -> Measure:
    return add_measure(user, label, kind, direction).measure


def hide_card(user: User, card: str) -> None:
    """Hide a Today card for the rest of the person's day (it is back tomorrow)."""
    from vagus.diary.models import HiddenCard

    HiddenCard.objects.get_or_create(owner=user, card=card[:80], day=user.today())
