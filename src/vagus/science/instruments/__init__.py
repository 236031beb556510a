"""Questionnaires: items, scoring, severity bands, safety flags and LOINC codes.

Pure Python, no Django. The public API::

    from vagus.science import instruments

    instruments.CODES                       # ("gad7", "gad2", "phq9", "phq8", "phq4", "ibs_sss")
    instruments.get("gad7")                 # -> Instrument (items, options, bands, LOINC, ...)
    instruments.score("phq9", [0] * 8 + [1])
    # Score(total=1, band="minimal", flags=frozenset({"self_harm_risk"}), instrument="phq9", ...)
    instruments.change("gad7", 14, 9)       # Change(delta=-5, meaningful=True, direction="better")
    instruments.safety_flags("phq9", [None, None, None, None, None, None, None, None, "3"])
    # frozenset({"self_harm_risk"}): read from raw answers, before the form is checked

Bad answers (wrong count, out of range, fractions where whole numbers are required, bools, NaN,
strings) raise ``ValueError`` with a message naming the item. An unknown code raises
:class:`UnknownInstrumentError`, which is both a ``KeyError`` and a ``ValueError``.

Families live in their own modules (``phq_gad``, ``ibs_sss``); each instrument is one
:class:`Instrument` value. To add one, copy its nearest sibling and register it below.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType

from .base import (
    SAFETY_FLAGS,
    AnswerOption,
    Band,
    Change,
    FlagRule,
    Instrument,
    Item,
    Number,
    Score,
    change_between,
    safety_flags_in_raw,
    score_answers,
)
from .ibs_sss import IBS_SSS
from .phq_gad import GAD2, GAD7, PHQ4, PHQ8, PHQ9

__all__ = [
    "CODES",
    "FLAGS",
    "INSTRUMENTS",
    "SAFETY_FLAGS",
    "AnswerOption",
    "Band",
    "Change",
    "FlagRule",
    "Instrument",
    "Item",
    "Score",
    "UnknownInstrumentError",
    "change",
    "get",
    "safety_flags",
    "score",
]

INSTRUMENTS: Mapping[str, Instrument] = MappingProxyType(
    {instrument.code: instrument for instrument in (GAD7, GAD2, PHQ9, PHQ8, PHQ4, IBS_SSS)}
)
CODES: tuple[str, ...] = tuple(INSTRUMENTS)

#: Every flag any instrument can raise. Those in :data:`SAFETY_FLAGS` (``self_harm_risk``)
#: need immediate safety handling (crisis resources shown at once), whatever the total.
FLAGS: frozenset[str] = frozenset(
    rule.flag for instrument in INSTRUMENTS.values() for rule in instrument.flag_rules
)


class UnknownInstrumentError(KeyError, ValueError):
    """Raised for an instrument code that is not in :data:`CODES`."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "unknown instrument"


def get(code: str) -> Instrument:
    """The :class:`Instrument` for ``code``; raises :class:`UnknownInstrumentError` if unknown."""
    try:
        return INSTRUMENTS[code]
    except (KeyError, TypeError):
        known = ", ".join(CODES)
        raise UnknownInstrumentError(f"unknown instrument {code!r} (known: {known})") from None


def score(code: str, answers: Sequence[Number]) -> Score:
    """Check and score one completed questionnaire.

    ``answers`` holds one value per item in form order (item 1 first); for ``ibs_sss`` a single
    value is read as an already computed total. Returns a :class:`Score` with ``total``,
    ``band``, ``flags``, ``instrument``, ``subscales`` and the checked ``answers``.
    """
    return score_answers(get(code), answers)


def change(code: str, previous_total: Number, current_total: Number) -> Change:
    """How the total moved from ``previous_total`` to ``current_total``.

    ``meaningful`` uses the instrument's published clinically meaningful change
    (``Instrument.meaningful_change``), applied in both directions; instruments without one
    never report a meaningful change.
    """
    return change_between(get(code), previous_total, current_total)


def safety_flags(code: str, answers: Sequence[object]) -> frozenset[str]:
    """The safety flags single answers raise, from raw answers that may be incomplete or wrong.

    Call it before checking the rest of a form: PHQ-9 item 9 = "3" raises ``self_harm_risk``
    even when other items are blank (``None``), missing or not numbers. Never raises for bad
    answers; an unknown code raises :class:`UnknownInstrumentError`.
    """
    return safety_flags_in_raw(get(code), answers)
