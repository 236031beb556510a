"""Meal text -> food items and groups; one day's meals -> daily measures.

The public entry points of ``vagus.science.foods``. The matching itself lives in
``matcher.py``; the rules it follows are written out in docs/foods.md.
"""

from __future__ import annotations

from collections.abc import Iterable

from .knowledge import CustomFood, PhraseIndex, custom_index, knowledge_base
from .matcher import Matcher
from .results import FoodItem, MealAnalysis
from .text import normalise, tokenise

__all__ = [
    "DAILY_MEASURES",
    "FoodItem",
    "MealAnalysis",
    "analyse_meal",
    "daily_measures",
    "distinct_plants",
]

#: Keys of :func:`daily_measures`, matching the diary's measure codes.
DAILY_MEASURES = (
    "fermented_servings",
    "fibre_rich_servings",
    "fruit_veg_servings",
    "whole_grain_servings",
    "legume_servings",
    "nuts_seeds_servings",
    "ultra_processed_servings",
    "added_sugar_servings",
    "alcohol_servings",
    "caffeine_servings",
    "plant_count",
)
_GROUP_MEASURES = {
    "fermented": "fermented_servings",
    "fibre_rich": "fibre_rich_servings",
    "whole_grain": "whole_grain_servings",
    "legume": "legume_servings",
    "nuts_seeds": "nuts_seeds_servings",
    "ultra_processed": "ultra_processed_servings",
    "added_sugar": "added_sugar_servings",
    "alcohol": "alcohol_servings",
    "caffeine": "caffeine_servings",
}


def analyse_meal(text: str, *, extra_foods: Iterable[CustomFood] | None = None) -> MealAnalysis:
    """Understand a free-text meal: which foods, how many servings, which groups.

    ``extra_foods`` are a person's custom foods; they are matched before the knowledge base
    and win any tie (a longer knowledge-base phrase still wins, e.g. a custom "chicken" does
    not swallow "chicken curry"). Empty or blank text gives an empty analysis.
    """
    if not text or not text.strip():
        return MealAnalysis()
    indexes: list[PhraseIndex] = []
    if extra_foods:
        indexes.append(custom_index(tuple(extra_foods)))
    indexes.append(knowledge_base().index)
    matcher = Matcher(tokenise(normalise(text)), indexes)
    matcher.run()
    groups = frozenset().union(*(item.groups for item in matcher.items))
    return MealAnalysis(items=matcher.items, unknown=matcher.unknown, groups=groups)


def daily_measures(analyses: Iterable[MealAnalysis]) -> dict[str, float]:
    """Servings per group and distinct plants for one day's meals.

    ``fruit_veg_servings`` counts an item once even when it is both fruit and vegetable
    (a smoothie with spinach); ``plant_count`` is the number of distinct plants.
    """
    totals = dict.fromkeys(DAILY_MEASURES, 0.0)
    plants: set[str] = set()
    for analysis in analyses:
        for item in analysis.items:
            for group, measure in _GROUP_MEASURES.items():
                if group in item.groups:
                    totals[measure] += item.servings
            if item.groups & {"fruit", "vegetable"}:
                totals["fruit_veg_servings"] += item.servings
            if item.plant:
                plants.add(item.plant)
    totals = {key: round(value, 2) for key, value in totals.items()}
    totals["plant_count"] = float(len(plants))
    return totals


def distinct_plants(analyses: Iterable[MealAnalysis]) -> set[str]:
    """Distinct plants across meals, e.g. the last 7 days for the "30 plants a week" count."""
    return {item.plant for analysis in analyses for item in analysis.items if item.plant}
