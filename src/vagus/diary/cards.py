"""The gut-diet card on the Today page and the weekly meal summary, with their evidence.

Both read the person's meal analyses for a short span in one query and total them with the
same ``vagus.science.foods`` functions the stored measures come from, so they always agree with
the "meal" Observations (tests check that).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from vagus.diary.catalog import MEAL_MEASURES
from vagus.diary.models import Meal
from vagus.diary.nutrition import WINDOW_DAYS, analysis_from_dict
from vagus.ownership import AuthenticatedHttpRequest
from vagus.science import foods

if TYPE_CHECKING:
    from vagus.accounts.models import User


@dataclass(frozen=True)
class Evidence:
    entry_id: str  # a vagus.learn evidence entry, linked with {% evidence_link %}
    sentence: str
    link_text: str


# One plain, hedged sentence per topic; the linked entry holds the studies and their limits.
EVIDENCE: dict[str, Evidence] = {
    "fermented": Evidence(
        "fermented-foods-microbiome",
        "In a small 17-week trial, 10 weeks of eating more fermented foods such as yogurt, kefir "
        "and kimchi raised gut microbiome diversity and lowered markers of inflammation "
        "(Wastyk et al. 2021).",
        "Research on fermented foods",
    ),
    "fibre": Evidence(
        "fibre-microbiome",
        "Gut bacteria turn fibre into short-chain fatty acids that help the gut lining; how much "
        "a change in fibre helps differs from person to person.",
        "Research on fibre",
    ),
    "plants": Evidence(
        "plant-diversity",
        "In the American Gut Project, people eating more than 30 different plants a week had more "
        "varied gut microbes than those eating 10 or fewer: an association, not a proven target.",
        "Research on plant variety",
    ),
    "ultra_processed": Evidence(
        "ultra-processed-mental-health",
        "In large observational studies, people who eat more ultra-processed food report more "
        "anxiety and depression; that shows the two go together, not that one causes the other.",
        "Research on ultra-processed food",
    ),
}

# Which evidence goes with which measure on the weekly page.
MEASURE_EVIDENCE = {
    "fermented_servings": "fermented",
    "fibre_rich_servings": "fibre",
    "plant_count": "plants",
    "ultra_processed_servings": "ultra_processed",
}
DAILY_LABELS = {m.code: m.label for m in MEAL_MEASURES if m.code in foods.DAILY_MEASURES}


def _analyses_by_day(user: User, start: date, end: date) -> dict[date, list[foods.MealAnalysis]]:
    """The stored analyses of the person's meals in [start, end], by day (one query)."""
    by_day: dict[date, list[foods.MealAnalysis]] = defaultdict(list)
    rows = (
        Meal.objects.owned_by(user)
        .filter(day__range=(start, end))
        .order_by()
        .values_list("day", "analysis")
    )
    for day, data in rows:
        by_day[day].append(analysis_from_dict(data))
    return by_day


def _servings(value: float) -> str:
    return f"{value:g}"


def gut_diet_card(request: AuthenticatedHttpRequest) -> dict[str, Any] | None:
    """One calm line about the week's meals, and the way to more; nothing without meals.

    No daily tallies here (a count of "ultra-processed" beside breakfast feeds food worry);
    the weekly page holds the numbers and the evidence for whoever wants them.
    """
    user = request.user
    today = user.today()
    by_day = _analyses_by_day(user, today - timedelta(days=WINDOW_DAYS - 1), today)
    if not by_day:
        return None
    week = [a for analyses in by_day.values() for a in analyses]
    return {
        "template": "diary/cards/gut_diet.html",
        "meals_week": len(week),
        "plants_week": len(foods.distinct_plants(week)),
    }


def week_summary(user: User, end: date) -> dict[str, Any]:
    """The 7 days ending on ``end``: every daily measure per day, totals, and the week's plants."""
    start = end - timedelta(days=WINDOW_DAYS - 1)
    by_day = _analyses_by_day(user, start, end)
    days = [start + timedelta(days=k) for k in range(WINDOW_DAYS)]
    per_day = {day: foods.daily_measures(by_day[day]) for day in days if day in by_day}
    week_plants = sorted(foods.distinct_plants(a for items in by_day.values() for a in items))
    rows = []
    for code in foods.DAILY_MEASURES:
        values = [per_day[day][code] if day in per_day else None for day in days]
        total: float
        if code == "plant_count":
            total = len(week_plants)  # distinct over the week, not a sum of daily counts
        else:
            total = sum(v for v in values if v is not None)
        rows.append(
            {
                "code": code,
                "label": DAILY_LABELS[code],
                "values": [None if v is None else _servings(v) for v in values],
                "total": _servings(total),
                "evidence": EVIDENCE.get(MEASURE_EVIDENCE.get(code, "")),
            }
        )
    return {
        "start": start,
        "end": end,
        "days": days,
        "days_with_meals": len(per_day),
        "meal_count": sum(len(v) for v in by_day.values()),
        "rows": rows,
        "plants": week_plants,
        "evidence": EVIDENCE,
    }
