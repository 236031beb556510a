"""Reads of a person's diary: always through the owner."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from vagus.diary import wording
from vagus.diary.models import DayNote, HiddenCard, Meal, Measure, Observation
from vagus.diary.wording import format_value

if TYPE_CHECKING:
    from vagus.accounts.models import User


def measures_for(user: User, *, include_archived: bool = False) -> list[Measure]:
    """The measures on the person's check-in (questionnaire totals are not typed in there)."""
    queryset = Measure.objects.available_to(user).filter(on_checkin=True)
    if not include_archived:
        queryset = queryset.active()
    return list(queryset)


def checkin_values(user: User, day: date) -> dict[str, float]:
    """The day's check-in values by measure code."""
    rows = Observation.objects.owned_by(user).filter(day=day, source="checkin")
    return dict(rows.values_list("measure__code", "value"))


def day_note(user: User, day: date) -> DayNote | None:
    return DayNote.objects.owned_by(user).filter(day=day).first()


def meals_on(user: User, day: date) -> list[Meal]:
    return list(Meal.objects.owned_by(user).filter(day=day).order_by("eaten_at"))


def series(user: User, codes: list[str], start: date, end: date) -> dict[str, dict[date, float]]:
    """Daily values per measure code in [start, end]; several values on one day are averaged."""
    sums: dict[str, dict[date, list[float]]] = defaultdict(lambda: defaultdict(list))
    rows = (
        Observation.objects.owned_by(user)
        .filter(day__range=(start, end), measure__code__in=codes)
        .values_list("measure__code", "day", "value")
    )
    for code, day, value in rows:
        sums[code][day].append(value)
    return {
        code: {day: sum(v) / len(v) for day, v in by_day.items()} for code, by_day in sums.items()
    }


def logged_before(user: User, day: date) -> bool:
    """Whether anything (a value or a meal) was logged before ``day``."""
    # Both asked every time, so the page's query count does not depend on the answer.
    values = Observation.objects.owned_by(user).filter(day__lt=day).exists()
    meals = Meal.objects.owned_by(user).filter(day__lt=day).exists()
    return values or meals


def day_summaries(user: User, start: date, end: date) -> list[dict[str, Any]]:
    """One row per logged day, newest first: a few headline values and the meal count."""
    headline = ["anxiety", "mood", "gut_pain", "bloating", "sleep_hours"]
    values = series(user, headline, start, end)
    meal_counts: dict[date, int] = defaultdict(int)
    for day in (
        Meal.objects.owned_by(user).filter(day__range=(start, end)).values_list("day", flat=True)
    ):
        meal_counts[day] += 1
    other_days = set(
        Observation.objects.owned_by(user)
        .filter(day__range=(start, end))
        .values_list("day", flat=True)
    )
    days = sorted(set(meal_counts) | other_days, reverse=True)
    return [
        {
            "day": day,
            **{code: _shown(values.get(code, {}).get(day)) for code in headline},
            "meals": meal_counts.get(day, 0),
        }
        for day in days
    ]


def _shown(value: float | None) -> str | None:
    return None if value is None else f"{value:.1f}".removesuffix(".0")


@dataclass(frozen=True)
class DayEntry:
    """One stored value of a day, whichever part of Vagus wrote it."""

    measure: Measure
    value: float
    source: str
    origin: str  # the source in words: "from your breathing session"
    time: datetime | None

    @property
    def shown(self) -> str:
        return format_value(self.measure, self.value)


def day_entries(user: User, day: date) -> list[DayEntry]:
    """Every value of the day: check-in, imports, coping tools, meals and questionnaires."""
    rows = (
        Observation.objects.owned_by(user)
        .filter(day=day)
        .select_related("measure", "tool_session")
        .order_by("measure__position", "measure__label", "time", "pk")
    )
    return [
        DayEntry(
            measure=o.measure,
            value=o.value,
            source=o.source,
            origin=wording.source_words(o.source, _tool_of(o)),
            time=o.time,
        )
        for o in rows
    ]


def _tool_of(observation: Observation) -> str | None:
    # The coping tool that wrote it, through the tools app's link back (no import needed).
    session = getattr(observation, "tool_session", None)
    return session.tool if session is not None else None


def days_logged(user: User, start: date, end: date) -> set[date]:
    """The days in [start, end] with anything the person recorded: values, notes or meals."""
    found: set[date] = set()
    for model in (Observation, DayNote, Meal):
        found.update(
            model.objects.owned_by(user)
            .filter(day__range=(start, end))
            .order_by()
            .values_list("day", flat=True)
            .distinct()
        )
    return found


def last_logged_before(user: User, day: date) -> date | None:
    """The latest day before ``day`` with anything recorded, or None if there is none."""
    latest = [
        model.objects.owned_by(user)
        .filter(day__lt=day)
        .order_by("-day")
        .values_list("day", flat=True)
        .first()
        for model in (Observation, DayNote, Meal)
    ]
    return max((d for d in latest if d is not None), default=None)


def hidden_cards(user: User, day: date) -> set[str]:
    """The Today cards the person hid for ``day``."""
    return set(HiddenCard.objects.owned_by(user).filter(day=day).values_list("card", flat=True))
