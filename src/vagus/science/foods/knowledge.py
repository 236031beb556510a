"""The curated food knowledge base: loading, validation and the phrase index the matcher uses.

The knowledge base is a plain CSV file (``vagus/science/data/foods.csv``) so that people who know
food but not Python can review and extend it; ``docs/foods.md`` states the rules that decide each
group. Loading is cached: the file is read and indexed once per process.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from .text import fold, phrase_key, plural_forms

__all__ = [
    "GROUPS",
    "CustomFood",
    "Food",
    "KnowledgeBase",
    "PhraseIndex",
    "knowledge_base",
    "parse_foods_csv",
]

#: The fixed group vocabulary (see docs/foods.md for the rule behind each group).
GROUPS: frozenset[str] = frozenset(
    {
        "fermented",
        "fibre_rich",
        "fruit",
        "vegetable",
        "whole_grain",
        "legume",
        "nuts_seeds",
        "ultra_processed",
        "added_sugar",
        "dairy",
        "alcohol",
        "caffeine",
    }
)

CSV_COLUMNS = ("name", "synonyms", "serving", "groups", "plant")

_SERVING = re.compile(
    r"^(?P<count>\d+(?:\.\d+)?)\s+(?P<unit>[a-z]+)?.*?"
    r"(?:\((?P<amount>\d+(?:\.\d+)?)\s*(?P<amount_unit>g|ml)\))?\s*$"
)


_HALF = re.compile(r"^(half|quarter) (?:of )?an? ")


def _half(match: re.Match[str]) -> str:
    return "0.5 " if match.group(1) == "half" else "0.25 "


@dataclass(frozen=True, slots=True)
class Food:
    """One entry of the knowledge base (or one of a person's custom foods).

    ``serving_count``/``serving_unit``/``serving_amount`` are parsed from the serving text
    ("2 slices (80 g)") so that "a slice of toast" can count as half a serving.
    """

    name: str
    groups: frozenset[str]
    plant: str | None = None
    synonyms: tuple[str, ...] = ()
    serving: str = "1 serving"
    serving_count: float = 1.0
    serving_unit: str | None = None
    serving_amount: float | None = None
    serving_amount_unit: str | None = None
    custom: bool = False


@dataclass(frozen=True)
class CustomFood:
    """A food a person has taught Vagus (e.g. "mum's stew"); it takes precedence over the KB.

    ``groups`` must use the fixed vocabulary: a typo there would silently drop a group from every
    meal the person logs, so it raises ``ValueError`` naming the offending group.
    """

    name: str
    groups: Iterable[str] = frozenset()
    plant: str | None = None
    synonyms: Iterable[str] = ()

    def __post_init__(self) -> None:
        groups = frozenset(self.groups)
        unknown = sorted(groups - GROUPS)
        if unknown:
            raise ValueError(
                f"custom food {self.name!r}: unknown group(s) {unknown}; use {sorted(GROUPS)}"
            )
        if not phrase_key(self.name):
            raise ValueError("custom food needs a name")
        object.__setattr__(self, "groups", groups)
        object.__setattr__(self, "synonyms", tuple(self.synonyms))

    def to_food(self) -> Food:
        """The custom food in the knowledge base's own shape, marked as custom."""
        return Food(
            name=self.name.strip(),
            groups=frozenset(self.groups),
            plant=self.plant or None,
            synonyms=tuple(self.synonyms),
            custom=True,
        )


def _parse_serving(text: str) -> tuple[float, str | None, float | None, str | None]:
    """Read "<count> <unit> ... (<amount> g|ml)" from a serving description."""
    match = _SERVING.match(_HALF.sub(_half, fold(text)))
    if not match:
        return 1.0, None, None, None
    unit = match.group("unit")
    if unit and unit.endswith("s") and unit not in {"glass", "bus"}:
        unit = unit[:-1] if not unit.endswith("ches") else unit[:-2]
    amount = match.group("amount")
    return (
        float(match.group("count")) or 1.0,
        unit,
        float(amount) if amount else None,
        match.group("amount_unit"),
    )


def parse_foods_csv(text: str) -> list[Food]:
    """Parse and validate the knowledge-base CSV; raise ``ValueError`` naming the bad line.

    Lines starting with ``#`` are section comments for human readers and are skipped.
    Synonyms are separated by ``;`` and groups by spaces.
    """
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    reader = csv.reader(lines)
    header = next(reader, None)
    if header is None or tuple(header) != CSV_COLUMNS:
        raise ValueError(f"foods.csv header must be {','.join(CSV_COLUMNS)}, got {header}")
    foods: list[Food] = []
    for row in reader:
        if len(row) != len(CSV_COLUMNS):
            raise ValueError(f"foods.csv: expected {len(CSV_COLUMNS)} fields in {row}")
        name, synonyms, serving, groups_text, plant = (cell.strip() for cell in row)
        groups = frozenset(groups_text.split())
        if groups - GROUPS:
            raise ValueError(f"foods.csv: {name!r} has unknown group(s) {sorted(groups - GROUPS)}")
        count, unit, amount, amount_unit = _parse_serving(serving)
        foods.append(
            Food(
                name=name,
                groups=groups,
                plant=plant or None,
                synonyms=tuple(s.strip() for s in synonyms.split(";") if s.strip()),
                serving=serving,
                serving_count=count,
                serving_unit=unit,
                serving_amount=amount,
                serving_amount_unit=amount_unit,
            )
        )
    return foods


@dataclass
class PhraseIndex:
    """Normalised phrase -> food, plus what the matcher needs to look phrases up quickly.

    ``lengths_by_first`` lists, for each first word, the phrase lengths (in words) that start
    with it, longest first, so longest-match-first costs a handful of dict lookups per word.
    ``fuzzy_choices`` holds only the written names and synonyms (not generated plurals), grouped
    by word count, for the misspelling fallback.
    """

    phrases: dict[str, Food] = field(default_factory=dict)
    lengths_by_first: dict[str, tuple[int, ...]] = field(default_factory=dict)
    fuzzy_choices: dict[int, list[str]] = field(default_factory=dict)

    @classmethod
    def build(cls, foods: Iterable[Food]) -> PhraseIndex:
        """Index names and synonyms, their plurals and their run-together forms ("icecream")."""
        written: dict[str, Food] = {}
        derived: dict[str, Food] = {}
        for food in foods:
            for label in (food.name, *food.synonyms):
                key = phrase_key(label)
                if not key:
                    continue
                written.setdefault(key, food)
                words = key.split()
                for plural in plural_forms(words[-1]):
                    derived.setdefault(" ".join([*words[:-1], plural]), food)
                if len(words) > 1:
                    derived.setdefault("".join(words), food)
        phrases = {**derived, **written}  # a written name always beats a generated form
        lengths: dict[str, set[int]] = {}
        for key in phrases:
            words = key.split()
            lengths.setdefault(words[0], set()).add(len(words))
        choices: dict[int, list[str]] = {}
        for key in written:
            choices.setdefault(len(key.split()), []).append(key)
        return cls(
            phrases=phrases,
            lengths_by_first={w: tuple(sorted(n, reverse=True)) for w, n in lengths.items()},
            fuzzy_choices=choices,
        )


@dataclass
class KnowledgeBase:
    """All foods, by canonical name, with their phrase index."""

    foods: tuple[Food, ...]
    by_name: dict[str, Food]
    index: PhraseIndex


def _read_data_file() -> str:
    """The shipped CSV, read through importlib.resources so it works from a wheel too."""
    return (resources.files("vagus.science") / "data" / "foods.csv").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def knowledge_base() -> KnowledgeBase:
    """Load, validate and index the knowledge base once per process."""
    foods = tuple(parse_foods_csv(_read_data_file()))
    by_name: dict[str, Food] = {}
    for food in foods:
        if food.name in by_name:
            raise ValueError(f"foods.csv: duplicate name {food.name!r}")
        by_name[food.name] = food
    return KnowledgeBase(foods=foods, by_name=by_name, index=PhraseIndex.build(foods))


@lru_cache(maxsize=256)
def custom_index(custom: tuple[CustomFood, ...]) -> PhraseIndex:
    """Index a person's custom foods; cached because the same list arrives meal after meal."""
    return PhraseIndex.build(food.to_food() for food in custom)
