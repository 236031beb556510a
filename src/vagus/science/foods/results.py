"""What a meal was understood to contain: the result objects of the public contract.

Kept apart from the matcher so that the app (and exporters) can import the result shapes
without pulling in the matching machinery.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["FoodItem", "MealAnalysis"]


@dataclass(frozen=True, slots=True)
class FoodItem:
    """One food recognised in a meal.

    ``confidence`` is 1.0 for an exact match and the fuzzy score (0-1) for a corrected
    misspelling, so a page can ask "did you mean ...?"; ``custom`` marks a person's own food.
    """

    name: str
    matched: str
    groups: frozenset[str]
    servings: float = 1.0
    plant: str | None = None
    confidence: float = 1.0
    custom: bool = False

    def as_dict(self) -> dict[str, object]:
        """JSON-ready form for storing the analysis beside the meal."""
        return {
            "name": self.name,
            "matched": self.matched,
            "groups": sorted(self.groups),
            "servings": self.servings,
            "plant": self.plant,
            "confidence": self.confidence,
            "custom": self.custom,
        }


@dataclass(frozen=True)
class MealAnalysis:
    """What a meal's text was understood to contain.

    ``unknown`` lists runs of words that were neither food nor filler, in order, so the person
    can be asked about them (and teach a custom food) instead of having them guessed.
    """

    items: list[FoodItem] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    groups: frozenset[str] = frozenset()

    def as_dict(self) -> dict[str, object]:
        """JSON-ready form for storing the analysis beside the meal."""
        return {
            "items": [item.as_dict() for item in self.items],
            "unknown": list(self.unknown),
            "groups": sorted(self.groups),
        }
