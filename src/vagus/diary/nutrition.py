"""Meals become food analyses, and a day's meals become daily measures (source "meal").

The rules of the analysis live in the pure ``vagus.science.foods`` (docs/foods.md); this module
stores its result beside each meal and keeps the derived Observations exact:

* one Observation per measure in ``DERIVED_CODES`` per day that has meals, none on a day
  without meals (zeros are stored: a day of meals without fermented food is a 0, not a gap);
* ``plant_count_7d`` on day *d* counts distinct plants in the meals of *d-6 … d*, so a change
  on day *d* also changes it on the six days after;
* everything is recomputed from the stored analyses, never incremented, so recomputing any
  set of days twice gives the same rows.

Callers run these functions inside their own ``transaction.atomic()`` block, with the meal
change, so a meal and its measures are stored together or not at all.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from django.db import connection, transaction
from django.utils import timezone

from vagus.diary.models import CustomFood, Meal, Measure, Observation
from vagus.science import foods

if TYPE_CHECKING:
    from vagus.accounts.models import User

MEAL_SOURCE = "meal"
WINDOW_DAYS = 7
ROLLING_CODE = "plant_count_7d"
DERIVED_CODES: tuple[str, ...] = (*foods.DAILY_MEASURES, ROLLING_CODE)
# Beyond this many days, one date-range query reads less than a long IN list.
_IN_LIST_LIMIT = 300


def science_foods(user: User) -> tuple[foods.CustomFood, ...]:
    """The person's custom foods in the shape the analyser takes (one query)."""
    rows = CustomFood.objects.owned_by(user).order_by("id").values_list("name", "groups", "plant")
    return tuple(
        foods.CustomFood(name, frozenset(groups or ()), plant=plant or None)
        for name, groups, plant in rows
    )


def analyse(text: str, custom: tuple[foods.CustomFood, ...] = ()) -> dict[str, Any]:
    """The JSON stored in ``Meal.analysis``."""
    return foods.analyse_meal(text, extra_foods=custom or None).as_dict()


def analysis_from_dict(data: Mapping[str, Any] | None) -> foods.MealAnalysis:
    """Rebuild a stored analysis, so daily totals come from the science package's own code."""
    if not data:
        return foods.MealAnalysis()
    items = [
        foods.FoodItem(
            name=item["name"],
            matched=item.get("matched", item["name"]),
            groups=frozenset(item.get("groups", ())),
            servings=float(item.get("servings", 1.0)),
            plant=item.get("plant") or None,
            confidence=float(item.get("confidence", 1.0)),
            custom=bool(item.get("custom", False)),
        )
        for item in data.get("items", [])
    ]
    return foods.MealAnalysis(
        items=items,
        unknown=list(data.get("unknown", [])),
        groups=frozenset(data.get("groups", ())),
    )


def prepare_meals(user: User, meals: Iterable[Meal]) -> None:
    """Fill ``analysis`` on unsaved meals before a bulk insert (imports, the demo)."""
    custom = science_foods(user)
    cache: dict[str, dict[str, Any]] = {}
    for meal in meals:
        if meal.text not in cache:
            cache[meal.text] = analyse(meal.text, custom)
        meal.analysis = cache[meal.text]


def _day_filter(field: str, days: set[date]) -> dict[str, Any]:
    if len(days) <= _IN_LIST_LIMIT:
        return {f"{field}__in": sorted(days)}
    return {f"{field}__range": (min(days), max(days))}


def recompute_days(user: User, days: Iterable[date] | None = None) -> int:
    """Make the derived observations of the changed ``days`` exact again (None: every day).

    Returns how many observation rows were created, changed or deleted.
    """
    if days is None:
        changed = set(Meal.objects.owned_by(user).values_list("day", flat=True).distinct())
        changed |= set(
            Observation.objects.owned_by(user)
            .filter(source=MEAL_SOURCE)
            .values_list("day", flat=True)
            .distinct()
        )
    else:
        changed = set(days)
    if not changed:
        return 0
    # Days whose 7-day window holds a changed day, and the days those windows reach back to.
    rolling_days = {d + timedelta(days=k) for d in changed for k in range(WINDOW_DAYS)}
    read_days = {d - timedelta(days=k) for d in rolling_days for k in range(WINDOW_DAYS)}

    analyses: dict[date, list[foods.MealAnalysis]] = defaultdict(list)
    for day, data in (
        Meal.objects.owned_by(user)
        .filter(**_day_filter("day", read_days))
        .order_by()
        .values_list("day", "analysis")
    ):
        analyses[day].append(analysis_from_dict(data))
    plants = {day: foods.distinct_plants(items) for day, items in analyses.items()}

    wanted: dict[tuple[date, str], float] = {}
    for day in changed:
        if day in analyses:
            for code, value in foods.daily_measures(analyses[day]).items():
                wanted[(day, code)] = float(value)
    for day in rolling_days:
        if day in analyses:
            window: set[str] = set()
            for k in range(WINDOW_DAYS):
                window |= plants.get(day - timedelta(days=k), set())
            wanted[(day, ROLLING_CODE)] = float(len(window))
    in_scope = {(d, code) for d in changed for code in foods.DAILY_MEASURES}
    in_scope |= {(d, ROLLING_CODE) for d in rolling_days}

    measures = {
        m.code: m for m in Measure.objects.filter(owner__isnull=True, code__in=DERIVED_CODES)
    }
    codes_by_id = {m.pk: code for code, m in measures.items()}
    existing = (
        Observation.objects.owned_by(user)
        .filter(source=MEAL_SOURCE, measure__in=list(measures.values()))
        .filter(**_day_filter("day", rolling_days))
        .order_by("id")
        .only("id", "day", "measure_id", "value")
    )
    to_delete: list[int] = []
    to_update: list[Observation] = []
    seen: set[tuple[date, str]] = set()
    now = timezone.now()
    for obs in existing:
        key = (obs.day, codes_by_id[obs.measure_id])
        if key not in in_scope:
            continue
        if key in seen or key not in wanted:
            to_delete.append(obs.pk)
            continue
        seen.add(key)
        if obs.value != wanted[key]:
            obs.value, obs.updated = wanted[key], now  # bulk_update skips auto_now
            to_update.append(obs)
    to_create = [
        Observation(owner=user, measure=measures[code], day=day, value=value, source=MEAL_SOURCE)
        for (day, code), value in sorted(wanted.items())
        if (day, code) not in seen and code in measures
    ]
    with transaction.atomic():
        if to_delete:
            Observation.objects.owned_by(user).filter(pk__in=to_delete).delete()
        if to_create:
            Observation.objects.bulk_create(to_create, batch_size=500)
        if to_update:
            Observation.objects.bulk_update(to_update, ["value", "updated"], batch_size=500)
    return len(to_delete) + len(to_create) + len(to_update)


def reanalyse_all(user: User) -> int:
    """Analyse every one of the person's meals again (after a custom food changed).

    Only meals whose analysis changed are written, in bulk, and only their days are recomputed.
    Returns the number of meals whose analysis changed.
    """
    custom = science_foods(user)
    cache: dict[str, dict[str, Any]] = {}
    changed: list[Meal] = []
    for meal in Meal.objects.owned_by(user).order_by().only("id", "day", "text", "analysis"):
        if meal.text not in cache:
            cache[meal.text] = analyse(meal.text, custom)
        if meal.analysis != cache[meal.text]:
            meal.analysis = cache[meal.text]
            changed.append(meal)
    with transaction.atomic():
        if changed:
            Meal.objects.bulk_update(changed, ["analysis"], batch_size=500)
        recompute_days(user, {meal.day for meal in changed})
    return len(changed)


def analyse_missing(**_: Any) -> int:
    """Analyse meals stored without an analysis (from before meal analysis, or a bulk import
    that skipped ``prepare_meals``) and recompute their days. Runs after every migrate; one
    cheap query when there is nothing to do. Returns the number of meals analysed.
    """
    missing = Meal.objects.filter(analysis__isnull=True)
    owners = list(missing.order_by().values_list("owner", flat=True).distinct())
    if not owners or CustomFood._meta.db_table not in connection.introspection.table_names():
        return 0  # nothing to do, or migrated back to before custom foods existed
    from django.contrib.auth import get_user_model

    done = 0
    for user in get_user_model().objects.filter(pk__in=owners):
        with transaction.atomic():
            meals = list(missing.filter(owner=user).only("id", "day", "text", "analysis"))
            prepare_meals(user, meals)
            Meal.objects.bulk_update(meals, ["analysis"], batch_size=500)
            recompute_days(user, {meal.day for meal in meals})
        done += len(meals)
    return done
