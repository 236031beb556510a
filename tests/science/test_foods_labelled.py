"""Accuracy on the labelled meal set (tests/science/data/labelled_meals.toml).

A meal counts as right only when the exact group set matches. The misses are printed (run with
``-s`` or see the failure message) so that a drop in accuracy names the meals that caused it.
Meals that also carry ``items`` (food name -> servings) must be read exactly so: they hold the
rules that group sets cannot show (a dish counted once, numbers that scale servings).
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from vagus.science import foods

LABELLED = Path(__file__).parent / "data" / "labelled_meals.toml"
REQUIRED_ACCURACY = 0.90


def _meals() -> list[dict[str, object]]:
    with LABELLED.open("rb") as handle:
        return tomllib.load(handle)["meals"]


def reading(analysis: foods.MealAnalysis) -> dict[str, float]:
    """Food name -> servings; a food read twice shows up as its servings added together."""
    found: dict[str, float] = {}
    for item in analysis.items:
        found[item.name] = round(found.get(item.name, 0.0) + item.servings, 2)
    return found


def test_labelled_set_is_large_and_uses_the_vocabulary():
    meals = _meals()
    assert len(meals) >= 150
    texts = [meal["text"] for meal in meals]
    assert len(texts) == len(set(texts)), "duplicate labelled meal"
    for meal in meals:
        assert set(meal["groups"]) <= foods.GROUPS, meal["text"]
        for name in meal.get("items", {}):
            assert name in foods.knowledge_base().by_name, f"{meal['text']}: no food {name!r}"


def test_at_least_90_percent_of_labelled_meals_are_fully_right():
    meals = _meals()
    misses = []
    for meal in meals:
        got = foods.analyse_meal(meal["text"]).groups
        want = frozenset(meal["groups"])
        if got != want:
            misses.append(
                f"{meal['text']!r}: got {sorted(got)}, want {sorted(want)} "
                f"(missing {sorted(want - got)}, extra {sorted(got - want)})"
            )
    accuracy = 1 - len(misses) / len(meals)
    report = f"accuracy {accuracy:.1%} on {len(meals)} meals; misses:\n" + "\n".join(misses)
    print(report)
    assert accuracy >= REQUIRED_ACCURACY, report


def test_meals_labelled_item_by_item_are_read_exactly():
    labelled = [meal for meal in _meals() if "items" in meal]
    assert len(labelled) >= 15
    misses = []
    for meal in labelled:
        got = reading(foods.analyse_meal(meal["text"]))
        if got != meal["items"]:
            misses.append(f"{meal['text']!r}: got {got}, want {meal['items']}")
    print(f"items exactly right in {len(labelled) - len(misses)} of {len(labelled)} meals")
    assert not misses, "\n".join(misses)
