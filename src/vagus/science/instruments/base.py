"""The shape every questionnaire shares, and the one scoring engine that reads it.

An :class:`Instrument` is data: its items, answer options, bands, flag rules and references.
:func:`score_answers` checks the answers first (count, type, range) and then scores them the same
way for every instrument: the total is the plain sum of the item answers, the band is the highest
published band whose lower bound the total reaches, subscales are sums over fixed items, and each
:class:`FlagRule` compares one item, one subscale or the total against a threshold.

Adding an instrument means writing one more :class:`Instrument` next to its nearest sibling in a
family module (``phq_gad.py``, ``ibs_sss.py``) and registering it in ``__init__.py``.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Collection, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from decimal import Decimal
from types import MappingProxyType
from typing import Literal, NamedTuple

Number = int | float


class AnswerOption(NamedTuple):
    """One published answer choice: the value it scores, its label and its LOINC answer code."""

    value: int
    label: str
    loinc: str | None


@dataclass(frozen=True)
class Item:
    """One question: its number on the form (from 1), its text and its LOINC code if any."""

    number: int
    text: str
    loinc: str | None = None

    @property
    def link_id(self) -> str:
        """Stable identifier for forms and FHIR ``linkId``: the LOINC code, else ``item-N``."""
        return self.loinc or f"item-{self.number}"


@dataclass(frozen=True)
class Band:
    """A published severity band; ``label`` is a lower-case code, ``display`` is for people."""

    label: str
    minimum: Number
    maximum: Number
    display: str


@dataclass(frozen=True)
class FlagRule:
    """Raise ``flag`` when one item, one subscale or (if neither is named) the total is high.

    The rule fires when the value is at least ``at_least``.
    """

    flag: str
    at_least: Number
    item: int | None = None
    subscale: str | None = None


@dataclass(frozen=True)
class Score:
    """The result of scoring one completed questionnaire.

    ``total`` is an ``int`` whenever every answer is a whole number. ``band`` is the lower-case
    label of the band the total falls in. ``flags`` holds safety and screening flags such as
    ``"self_harm_risk"``. ``subscales`` maps subscale names to their sums (empty where the
    instrument defines none). ``answers`` are the checked answers, whole numbers as ``int``.
    """

    total: Number
    band: str
    flags: frozenset[str]
    instrument: str
    subscales: dict[str, Number] = field(default_factory=dict, hash=False)
    answers: tuple[Number, ...] = ()


@dataclass(frozen=True)
class Change:
    """How a total moved between two completions, for the results page.

    ``delta`` is current minus previous. ``direction`` is ``"better"``, ``"worse"`` or
    ``"same"``. ``meaningful`` is true when the size of the change reaches the instrument's
    published clinically meaningful change (``threshold``); it is always false where none is
    published.
    """

    delta: Number
    meaningful: bool
    direction: Literal["better", "worse", "same"]
    threshold: Number | None = None


@dataclass(frozen=True)
class Instrument:
    """Everything Vagus knows about one questionnaire.

    ``items`` and ``answer_options`` carry the wording as the instrument publishes it, unless
    ``wording_included`` is false (licensed instruments whose wording Vagus may not ship).
    ``item_min``/``item_max`` bound each answer; ``integer_answers`` says whether answers must
    be whole numbers. When ``accepts_total_only`` is true a single answer is read as an already
    computed total between ``min_total`` and ``max_total``. ``schedule_default_days`` is how
    often to offer the instrument (``None``: any time). ``difficulty`` is an optional,
    non-scored follow-up question with its own ``difficulty_options``.
    """

    code: str
    name: str
    title: str
    intro: str
    recall: str
    items: tuple[Item, ...]
    answer_options: tuple[AnswerOption, ...]
    item_min: int
    item_max: int
    bands: tuple[Band, ...]
    scoring: str
    citation: str
    copyright: str
    panel_loinc: str | None
    total_loinc: str | None
    answer_list_loinc: str | None
    schedule_default_days: int | None
    integer_answers: bool = True
    meaningful_change: Number | None = None
    meaningful_change_source: str | None = None
    subscales: Mapping[str, tuple[int, ...]] = field(default_factory=dict, hash=False)
    flag_rules: tuple[FlagRule, ...] = ()
    accepts_total_only: bool = False
    wording_included: bool = True
    higher_is_worse: bool = True
    difficulty: Item | None = None
    difficulty_options: tuple[AnswerOption, ...] = ()

    def __post_init__(self) -> None:
        # Read-only view, so a shared definition cannot be changed by one caller.
        object.__setattr__(self, "subscales", MappingProxyType(dict(self.subscales)))

    @property
    def item_count(self) -> int:
        """Number of scored items."""
        return len(self.items)

    @property
    def min_total(self) -> int:
        """Lowest possible total."""
        return self.item_min * self.item_count

    @property
    def max_total(self) -> int:
        """Highest possible total."""
        return self.item_max * self.item_count

    def accepts_difficulty(self, value: object) -> bool:
        """Whether ``value`` answers the optional difficulty question (None: not answered)."""
        if value is None:
            return True
        if self.difficulty is None or isinstance(value, bool):
            return False
        return value in {option.value for option in self.difficulty_options}

    def band_for(self, total: Number) -> Band:
        """The band a total falls in: the highest band whose lower bound it reaches."""
        chosen = self.bands[0]
        for band in self.bands:
            if total >= band.minimum:
                chosen = band
        return chosen

    def band_display(self, label: str) -> str:
        """The human label for a band code, e.g. ``"moderately_severe"`` → "Moderately severe"."""
        for band in self.bands:
            if band.label == label:
                return band.display
        raise ValueError(f"{self.name} has no band {label!r}")

    def check_total(self, value: object, where: str = "total") -> Number:
        """Check a total (e.g. one typed in, or one from an earlier completion) and return it."""
        return _checked_number(
            value, f"{self.name} {where}", self.min_total, self.max_total, self.integer_answers
        )


def score_answers(instrument: Instrument, answers: Sequence[Number]) -> Score:
    """Check ``answers`` against ``instrument`` and score them.

    Raises ``ValueError`` naming the offending item for a wrong number of answers, an answer out
    of range, a fraction where whole numbers are required, a bool, NaN/infinity or a non-number.
    """
    values = _as_list(instrument, answers)
    if instrument.accepts_total_only and len(values) == 1:
        total = instrument.check_total(values[0])
        band = instrument.band_for(total)
        return Score(total, band.label, frozenset(), instrument.code, {}, (total,))

    count = instrument.item_count
    if len(values) != count:
        raise ValueError(_count_message(instrument, len(values)))
    checked = tuple(
        _checked_number(
            value,
            f"{instrument.name} item {number}",
            instrument.item_min,
            instrument.item_max,
            instrument.integer_answers,
        )
        for number, value in enumerate(values, start=1)
    )
    total = _tidy(sum(checked))
    subscales = {
        name: _tidy(sum(checked[number - 1] for number in numbers_))
        for name, numbers_ in instrument.subscales.items()
    }
    flags = frozenset(
        rule.flag for rule in instrument.flag_rules if _rule_value(rule, checked, subscales, total)
    )
    band = instrument.band_for(total)
    return Score(total, band.label, flags, instrument.code, subscales, checked)


#: Flags that call for immediate safety handling (crisis resources at once), whatever the total.
SAFETY_FLAGS: frozenset[str] = frozenset({"self_harm_risk"})


def safety_flags_in_raw(instrument: Instrument, answers: Sequence[object]) -> frozenset[str]:
    """The safety flags that single item answers raise, read from raw, unchecked answers.

    A self-harm answer must reach help even when the rest of the form is blank or wrong, so
    this runs before :func:`score_answers` and never raises: ``answers`` may be short, hold
    ``None`` for blanks, or hold text from a form (``"3"``). Only item rules for
    :data:`SAFETY_FLAGS` are read. The answer must be a number within the item's published
    range (``item_min``–``item_max``): one that is not a number, or is out of range, cannot
    come from answering the question and raises nothing.
    """
    if isinstance(answers, str | bytes | Mapping | AbstractSet) or not isinstance(
        answers, Sequence
    ):
        return frozenset()
    raised = set()
    for rule in instrument.flag_rules:
        if rule.flag not in SAFETY_FLAGS or rule.item is None or rule.item > len(answers):
            continue
        value = _lenient_number(answers[rule.item - 1])
        if value is not None and rule.at_least <= value <= instrument.item_max:
            raised.add(rule.flag)
    return frozenset(raised)


def _lenient_number(value: object) -> float | None:
    """``value`` as a finite float if it plainly is one (``3``, ``3.0``, ``" 3 "``), else None."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, str):
        value = value.strip()
    try:
        number = float(value)  # type: ignore[arg-type]  # float() is the check; refusals caught below
    except (TypeError, ValueError, OverflowError):
        return None
    return number if math.isfinite(number) else None


def change_between(instrument: Instrument, previous_total: Number, current_total: Number) -> Change:
    """Compare two totals of the same instrument (see :class:`Change`)."""
    previous = instrument.check_total(previous_total, "previous total")
    current = instrument.check_total(current_total, "current total")
    delta = _tidy(current - previous)
    if delta == 0:
        direction: Literal["better", "worse", "same"] = "same"
    elif (delta > 0) == instrument.higher_is_worse:
        direction = "worse"
    else:
        direction = "better"
    threshold = instrument.meaningful_change
    meaningful = threshold is not None and abs(delta) >= threshold
    return Change(delta, meaningful, direction, threshold)


def _rule_value(
    rule: FlagRule, answers: tuple[Number, ...], subscales: Mapping[str, Number], total: Number
) -> bool:
    if rule.item is not None:
        value = answers[rule.item - 1]
    elif rule.subscale is not None:
        value = subscales[rule.subscale]
    else:
        value = total
    return value >= rule.at_least


def _as_list(instrument: Instrument, answers: object) -> list[object]:
    # Ordered collections only (lists, tuples, arrays); text, sets and mappings are refused.
    unordered = isinstance(answers, str | bytes | Mapping | AbstractSet)
    if unordered or not isinstance(answers, Collection):
        raise ValueError(
            f"{instrument.name} answers must be a sequence of numbers, one per item "
            f"(item 1 first), not {type(answers).__name__}"
        )
    return list(answers)


def _count_message(instrument: Instrument, got: int) -> str:
    count = instrument.item_count
    also = " (or a single total)" if instrument.accepts_total_only else ""
    if got < count:
        missing = f"item {got + 1}" if got + 1 == count else f"items {got + 1}–{count}"
        detail = f"{missing} missing"
    else:
        detail = f"item {count + 1} is not part of {instrument.name}"
    return f"{instrument.name} needs {count} answers{also}, got {got}: {detail}"


def _checked_number(value: object, where: str, low: Number, high: Number, integer: bool) -> Number:
    """Return ``value`` as a plain int or float after checking it; ``where`` names the item."""
    if isinstance(value, bool):
        raise ValueError(f"{where}: {value!r} is not a score (a yes/no value was given)")
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"{where}: {value} is not a finite number")
        value = int(value) if value == value.to_integral_value() else float(value)
    if not isinstance(value, numbers.Real):
        raise ValueError(f"{where}: {value!r} is not a number")
    if isinstance(value, numbers.Integral):
        number: Number = int(value)
    else:
        as_float = float(value)
        if not math.isfinite(as_float):
            raise ValueError(f"{where}: {as_float} is not a finite number")
        if as_float.is_integer():
            number = int(as_float)
        elif integer:
            raise ValueError(f"{where}: {as_float} is not a whole number")
        else:
            number = as_float
    if not low <= number <= high:
        raise ValueError(f"{where}: {number} is out of range ({low}–{high})")
    return number


def _tidy(value: Number) -> Number:
    """Whole floats become ints; other floats are rounded off to hide binary noise."""
    if isinstance(value, float):
        value = round(value, 9)
        if value.is_integer():
            return int(value)
    return value
