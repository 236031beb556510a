"""Accuracy on the labelled meal set (tests/science/data/labelled_meals.toml).

A meal counts as right only when the exact group set matches. The misses are printed (run with
``-s`` or see the failure message) so that a drop in accuracy names the meals that caused it.
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


def test_labelled_set_is_large_and_uses_the_vocabulary():
    meals = _meals()
    assert len(meals) >= 150
    texts = [meal["text"] for meal in meals]
    assert len(texts) == len(set(texts)), "duplicate labelled meal"
    for meal in meals:
        assert set(meal["groups"]) <= foods.GROUPS, meal["text"]


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
