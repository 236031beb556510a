"""The meal-text matcher: one left-to-right pass over a meal's words.

At each word it tries, in order: a break between items; a modifier, negation or known food
(the longest of these wins, so "peanut butter" beats "peanut" and "sugar free" beats "sugar");
a quantity or unit; a misspelt food (rapidfuzz, behind a confidence threshold, and never
across a word that is already understood); a filler word. Anything left is reported as unknown
rather than guessed. A dish and the plain food it is made of, read side by side ("lentil dahl",
"katsu curry with rice"), count once. docs/foods.md states the rules in prose; this module is
their implementation.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from functools import lru_cache

from rapidfuzz import fuzz, process

from .knowledge import Food, PhraseIndex, knowledge_base
from .results import FoodItem
from .text import (
    FILLER,
    GROUP_WORDS,
    HARD_BREAKS,
    MEASURE_UNITS,
    MODIFIERS,
    NEGATIONS,
    NUMBER_WORDS,
    PORTION_UNITS,
    SMALL_AMOUNTS,
    SOFT_BREAKS,
    phrase_key,
    plural_forms,
)

__all__ = ["Matcher", "servings_for"]

#: Fuzzy-match thresholds (rapidfuzz ``fuzz.ratio``, 0-100). Short words need a closer match
#: because one wrong letter in "rice" is already "nice"; see docs/foods.md.
FUZZY_MIN_LENGTH = 4
FUZZY_CUTOFF_SHORT = 85.0  # 4-5 letters: one letter missing or added, never one changed
FUZZY_CUTOFF_WORD = 82.0  # 6+ letters: one changed letter in six, one swap in seven
FUZZY_CUTOFF_PHRASE = 88.0  # two or three words compared as one string

# Foods that are usually an addition to something else. A negation carries over "and"/"or" to
# these only: "no milk or sugar" drops both, "no milk and a croissant" keeps the croissant.
ADDITIONS = frozenset(
    {
        "milk", "sugar", "cream", "butter", "honey", "syrup", "maple syrup", "ice", "salt",
        "mayonnaise", "ketchup", "cheese", "whipped cream", "sweetener", "oat milk", "soy milk",
        "almond milk", "sauce", "gravy", "salad dressing", "jam", "sprinkles", "chocolate sauce",
        "brown sauce", "sour cream", "custard", "margarine", "olive oil", "caramel syrup",
        "marshmallow", "croutons", "bacon", "onion", "tomato", "lettuce", "gherkin", "mustard",
        "parmesan", "grated cheese", "chilli sauce", "hot sauce", "pickle",
    }
)  # fmt: skip

# Groups a negated food takes away from the food it was removed from ("pizza without cheese"
# loses dairy). Other groups are not ingredient-like: "burger, no ketchup" is still processed.
REMOVABLE_BY_NEGATION = frozenset({"dairy", "added_sugar", "caffeine", "alcohol"})


def servings_for(food: Food, quantity: float | None, unit: str | None) -> float:
    """Servings of ``food`` for "<quantity> <unit>" (both optional); see docs/foods.md."""
    if quantity is None and unit is None:
        return 1.0
    amount = 1.0 if quantity is None else quantity
    serving_unit = food.serving_unit
    if unit is None:
        # A bare number counts pieces when a serving is several pieces ("2 slices", "2 eggs").
        if serving_unit in _PIECES or (
            serving_unit is not None
            and serving_unit not in PORTION_UNITS
            and serving_unit not in MEASURE_UNITS
        ):
            return amount / food.serving_count
        return amount
    singular = unit[:-1] if unit.endswith("s") and unit[:-1] == serving_unit else unit
    if singular == serving_unit or (unit.endswith("es") and unit[:-2] == serving_unit):
        return amount / food.serving_count
    if unit in SMALL_AMOUNTS:
        return amount * SMALL_AMOUNTS[unit]
    if unit in MEASURE_UNITS and food.serving_amount:
        _, per_unit = MEASURE_UNITS[unit]
        return amount * per_unit / food.serving_amount
    return amount


def _servings(food: Food, quantity: float | None, unit: str | None) -> float:
    return round(max(servings_for(food, quantity, unit), 0.01), 2)


_PIECES = frozenset({"slice", "piece", "square", "rasher", "stick", "wing", "cube"})

# A unit written with no food after it still says what was drunk: "2 pints" is beer.
UNIT_FOODS = {"pint": "beer", "pints": "beer"}


# How a plain food may be joined to the dish it is part of: written straight before it ("lentil
# dahl") or after "with" ("katsu curry with rice"). "and" lists separate foods ("apple crumble and
# an apple"), so it never joins.
_DISH_BEFORE = ""
_DISH_WITH = frozenset({"with", "w"})


@lru_cache(maxsize=4096)
def is_plain(food: Food) -> bool:
    """True if ``food`` is its plant and nothing more: one of its names is the plant's name.

    Rice, lentils and black beans are plain; brown rice (it says which rice), garlic bread and
    dal are not. Only a plain food is read as part of a dish with the same plant.
    """
    if food.plant is None:
        return False
    plant = phrase_key(food.plant).split()
    if not plant:
        return False
    forms = {" ".join(plant)} | {" ".join([*plant[:-1], p]) for p in plural_forms(plant[-1])}
    return any(phrase_key(label) in forms for label in (food.name, *food.synonyms))


def _fuzzy_cutoff(phrase: str, words: int) -> float:
    if words > 1:
        return FUZZY_CUTOFF_PHRASE
    return FUZZY_CUTOFF_SHORT if len(phrase) <= 5 else FUZZY_CUTOFF_WORD


class Matcher:
    """One pass over one meal's words; holds the state of the clause being read."""

    def __init__(self, tokens: Sequence[str], indexes: Sequence[PhraseIndex]) -> None:
        self.tokens = tokens
        self.indexes = indexes
        self.items: list[FoodItem] = []
        self.unknown: list[str] = []
        self._unknown_run: list[str] = []
        self._clause_start = 0  # index into items of the first item of the current clause
        self._quantity: float | None = None
        self._quantity_is_article = False
        self._unit: str | None = None
        self._pending_removal: frozenset[str] = frozenset()
        self._pending_default: str | None = None
        self._negating = False
        self._negation_carries = False
        # The food of the last item and the amount written before it, and what joins it to the
        # next word (None once anything but filler or a joining word came between).
        self._last_food: Food | None = None
        self._last_amount: tuple[float | None, str | None] = (None, None)
        self._link: str | None = None

    # -- lookups -------------------------------------------------------------------------
    def _exact_food(self, i: int) -> tuple[Food, int] | None:
        """Longest known phrase starting at word i; custom foods win ties (they come first)."""
        best: tuple[Food, int] | None = None
        for index in self.indexes:
            for length in index.lengths_by_first.get(self.tokens[i], ()):
                if best is not None and length <= best[1]:
                    break
                if i + length > len(self.tokens):
                    continue
                food = index.phrases.get(" ".join(self.tokens[i : i + length]))
                if food is not None:
                    best = (food, length)
                    break
        return best

    def _fuzzy_span_allowed(self, i: int, words: Sequence[str], known: str) -> bool:
        """A misspelling spanning several words may only correct words that are not understood.

        The longest exact phrase wins over a fuzzy match across words: a known word is never
        corrected into another food ("fresh raspberries" is not "fresh cranberries", "plain
        ice" not "plain rice"), nor a word under four letters, nor a word inside a known phrase
        that starts within the span ("fresh orange sauce" is orange sauce, not "fresh orange
        juice"); and a known phrase reaching past the span keeps its words ("... ice cream").
        """
        changed = []
        for offset, (typed, meant) in enumerate(zip(words, known.split(), strict=True)):
            if typed != meant:
                if len(typed) < FUZZY_MIN_LENGTH or self._recognised(i + offset):
                    return False
                changed.append(i + offset)
        end = i + len(words)
        for j in range(i + 1, end):
            other = self._exact_food(j)
            if other is not None and (
                j + other[1] > end or any(j <= c < j + other[1] for c in changed)
            ):
                return False
        return True

    def _phrase_at(self, i: int, table: Mapping[tuple[str, ...], object], longest: int = 3) -> int:
        for length in range(min(longest, len(self.tokens) - i), 0, -1):
            if tuple(self.tokens[i : i + length]) in table:
                return length
        return 0

    def _recognised(self, j: int) -> bool:
        """True if word j is something the matcher understands without guessing."""
        word = self.tokens[j]
        return (
            not word.isalpha()
            or word in FILLER
            or word in HARD_BREAKS
            or word in SOFT_BREAKS
            or word in NUMBER_WORDS
            or word in PORTION_UNITS
            or word in MEASURE_UNITS
            or word in SMALL_AMOUNTS
            or (word,) in MODIFIERS
            or (word,) in NEGATIONS
            or any(word in index.lengths_by_first for index in self.indexes)
        )

    def _fuzzy_food(
        self, i: int, first_is_filler: bool, longer_than: int = 0
    ) -> tuple[Food, int, float] | None:
        """Best misspelt food starting at word i, or None below the confidence threshold.

        Phrases of three, two, then one word are tried; every word must be alphabetic and
        within the clause, and the match must start with the same letter (people rarely get
        the first letter wrong, and this one rule removes most false friends).
        """
        tokens = self.tokens
        for length in (3, 2, 1):
            if length <= longer_than:
                break
            if first_is_filler and length == 1:
                continue
            words = tokens[i : i + length]
            if len(words) < length or not all(w.isalpha() for w in words):
                continue
            if any(w in HARD_BREAKS or w in SOFT_BREAKS for w in words):
                continue
            if length > 1 and any(len(w) < 3 or w in FILLER for w in words[1:]):
                continue  # "cooked a" must not become "cooked ham"
            phrase = " ".join(words)
            if len(phrase) < FUZZY_MIN_LENGTH:
                continue
            cutoff = _fuzzy_cutoff(phrase, length)
            for index in self.indexes:
                choices = index.fuzzy_choices.get(length)
                if not choices:
                    continue
                found = process.extractOne(phrase, choices, scorer=fuzz.ratio, score_cutoff=cutoff)
                if (
                    found
                    and found[0][0] == phrase[0]
                    and abs(len(found[0]) - len(phrase)) <= max(2, len(phrase) // 4)
                ):
                    if first_is_filler and found[0].split()[0] != words[0]:
                        continue
                    if length > 1 and not self._fuzzy_span_allowed(i, words, found[0]):
                        continue
                    return index.phrases[found[0]], length, found[1] / 100.0
        return None

    # -- state changes ---------------------------------------------------------------------
    def _flush_unknown(self) -> None:
        if self._unknown_run:
            self.unknown.append(" ".join(self._unknown_run))
            self._unknown_run = []

    def _clause_items(self) -> range:
        return range(self._clause_start, len(self.items))

    def _remove_groups_from_previous(self, groups: frozenset[str]) -> bool:
        """Take ``groups`` away from the last item of the clause; False if there is none.

        A clause with no item of its own ("coffee, no sugar"; "coffee, decaf") qualifies the
        item just before it.
        """
        if not self.items:
            return False
        last = self.items[-1]
        self.items[-1] = replace(last, groups=last.groups - groups)
        return True

    def _settle_pending(self) -> None:
        """A modifier with nothing after it qualifies what came before ("coke zero")."""
        if self._pending_removal and not self._remove_groups_from_previous(self._pending_removal):
            default = self._pending_default
            if default is not None:
                food = knowledge_base().by_name.get(default)
                if food is not None:
                    self._emit(food, default, 1.0)
        self._pending_removal = frozenset()
        self._pending_default = None

    def _break(self, hard: bool, word: str = "") -> None:
        self._flush_unknown()
        self._settle_pending()
        if self._unit in UNIT_FOODS:
            food = knowledge_base().by_name.get(UNIT_FOODS[self._unit])
            if food is not None:
                self._emit(food, self._unit, 1.0)
        self._quantity = None
        self._quantity_is_article = False
        self._unit = None
        self._link = word if not hard and self._link is not None else None
        if hard:
            self._clause_start = len(self.items)
            self._negating = self._negation_carries = False
        elif self._negating or self._negation_carries:
            self._negating, self._negation_carries = False, True

    def _emit(self, food: Food, matched: str, confidence: float) -> None:
        negated = self._negating or (self._negation_carries and food.name in ADDITIONS)
        self._negation_carries = False
        if negated:
            removed = food.groups & REMOVABLE_BY_NEGATION
            if removed and not self._remove_groups_from_previous(removed):
                self._pending_removal |= removed
            self._quantity = self._unit = None
            return
        groups = food.groups - self._pending_removal
        self._pending_removal = frozenset()
        self._pending_default = None
        amount = (self._quantity, self._unit)
        explicit = self._unit is not None or (
            self._quantity is not None and not self._quantity_is_article
        )
        servings = _servings(food, *amount)
        self._quantity, self._unit, self._quantity_is_article = None, None, False
        item = FoodItem(
            name=food.name,
            matched=matched,
            groups=groups,
            servings=servings,
            plant=food.plant,
            confidence=round(confidence, 2),
            custom=food.custom,
        )
        if not self._count_in_dish(food, item, explicit):
            self.items.append(item)
            self._last_food, self._last_amount = food, amount
        self._link = _DISH_BEFORE

    def _count_in_dish(self, food: Food, item: FoodItem, explicit: bool) -> bool:
        """Fold ``item`` into the item before it when one is a dish and the other its plain food.

        "lentil dahl" is one dal (the amount written before "lentil" is the dal's), "katsu curry
        with rice" one katsu curry (the dish already has its rice). A plain food with its own
        amount ("curry with 2 portions of rice") is extra and stays. True if folded.
        """
        previous = self._last_food
        if (
            previous is None
            or len(self.items) <= self._clause_start
            or food.custom
            or previous.custom
            or food.plant is None
            or food.plant != previous.plant
        ):
            return False
        last = self.items[-1]
        link = self._link
        joined = " ".join(part for part in (last.matched, link, item.matched) if part)
        if is_plain(food) and not is_plain(previous) and link in _DISH_WITH and not explicit:
            dish, servings = last, last.servings
        elif is_plain(previous) and not is_plain(food) and link == _DISH_BEFORE:
            dish, servings = item, _servings(food, *self._last_amount)
            self._last_food = food
        else:
            return False
        self.items[-1] = replace(
            dish,
            matched=joined,
            groups=last.groups | item.groups,
            servings=servings,
            confidence=min(last.confidence, item.confidence),
        )
        return True

    def _take_quantity(self, word: str) -> bool:
        """Record a number, number word or unit; True if ``word`` was one."""
        if word[0].isdigit():
            self._quantity, self._quantity_is_article = float(word), False
            return True
        if word in ("a", "an"):
            if self._quantity is None:
                self._quantity, self._quantity_is_article = 1.0, True
            return True
        if word in NUMBER_WORDS:
            value = NUMBER_WORDS[word]
            if word == "dozen":
                self._quantity = (self._quantity or 1.0) * value
            elif word in ("half", "halves", "quarter") and self._quantity is not None:
                self._quantity = value if self._quantity_is_article else self._quantity * value
            else:
                self._quantity = value
            self._quantity_is_article = False
            return True
        if word in MEASURE_UNITS or word in PORTION_UNITS or word in SMALL_AMOUNTS:
            if word in PORTION_UNITS and self._unit is not None:
                return True  # "a large bowl": keep the first, more specific unit
            self._unit = word
            return True
        return False

    # -- the walk ------------------------------------------------------------------------
    def run(self) -> None:
        tokens = self.tokens
        i = 0
        while i < len(tokens):
            word = tokens[i]
            if word in HARD_BREAKS or (word in SOFT_BREAKS and word != "w"):
                self._break(hard=word in HARD_BREAKS, word=word)
                i += 1
                continue
            food = self._exact_food(i)
            modifier = self._phrase_at(i, MODIFIERS)
            negation = self._phrase_at(i, NEGATIONS, longest=2)
            best_phrase = max(modifier, negation)
            if food is not None and food[1] > best_phrase:
                end = i + food[1]
                if end < len(tokens) and len(tokens[end]) >= 3 and not self._recognised(end):
                    # "peanut buter": a longer misspelt name beats the exact shorter one.
                    longer = self._fuzzy_food(i, first_is_filler=False, longer_than=food[1])
                    if longer is not None:
                        self._flush_unknown()
                        self._emit(longer[0], " ".join(tokens[i : i + longer[1]]), longer[2])
                        i += longer[1]
                        continue
                self._flush_unknown()
                self._emit(food[0], " ".join(tokens[i : i + food[1]]), 1.0)
                i += food[1]
                continue
            if modifier and modifier >= negation:
                self._flush_unknown()
                removed, default = MODIFIERS[tuple(tokens[i : i + modifier])]
                self._pending_removal |= removed
                self._pending_default = default
                i += modifier
                continue
            if negation:
                self._flush_unknown()
                self._negating = True
                i += negation
                continue
            if self._negating and word in GROUP_WORDS:
                removed = frozenset({GROUP_WORDS[word]})
                if not self._remove_groups_from_previous(removed):
                    self._pending_removal |= removed
                i += 1
                continue
            if word == "x" and i + 1 < len(tokens) and tokens[i + 1][0].isdigit():
                # "eggs x2": a multiplier written after the food
                if self._clause_items():
                    last = self.items[-1]
                    factor = float(tokens[i + 1])
                    self.items[-1] = replace(last, servings=round(last.servings * factor, 2))
                i += 2
                continue
            if self._take_quantity(word):
                self._flush_unknown()
                i += 1
                continue
            is_filler = word in FILLER or len(word) == 1 or word in GROUP_WORDS
            if word.isalpha() and len(word) >= 3:
                fuzzy = self._fuzzy_food(i, first_is_filler=is_filler)
                if fuzzy is not None:
                    self._flush_unknown()
                    food_, length, score = fuzzy
                    self._emit(food_, " ".join(tokens[i : i + length]), score)
                    i += length
                    continue
            if is_filler:
                self._flush_unknown()
                if word == "w" and self._link is not None:
                    self._link = word
            else:
                self._unknown_run.append(word)
                self._link = None
            i += 1
        self._break(hard=True)
