"""Meal text analysis: which foods a person ate, in which groups, and how many plants.

Public API (see ARCHITECTURE.md, "Contracts")::

    from vagus.science import foods

    analysis = foods.analyse_meal("porridge with banana and a coffee, no sugar")
    analysis.items        # [FoodItem(name="porridge", ...), FoodItem(name="banana", ...), ...]
    analysis.groups       # frozenset({"whole_grain", "fibre_rich", "fruit", "caffeine"})
    analysis.unknown      # words that were neither food nor filler
    foods.daily_measures([analysis, ...])   # servings per group for one day
    foods.distinct_plants(week_of_analyses) # for the "30 plants a week" count

The knowledge base (``vagus/science/data/foods.csv``) and the rules behind each group are
described in ``docs/foods.md``. This package is pure Python and never imports Django.
"""

from __future__ import annotations

from .analysis import (
    DAILY_MEASURES,
    FoodItem,
    MealAnalysis,
    analyse_meal,
    daily_measures,
    distinct_plants,
)
from .knowledge import GROUPS, CustomFood, Food, knowledge_base

__all__ = [
    "DAILY_MEASURES",
    "GROUPS",
    "CustomFood",
    "Food",
    "FoodItem",
    "MealAnalysis",
    "analyse_meal",
    "daily_measures",
    "distinct_plants",
    "knowledge_base",
]
