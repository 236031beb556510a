"""Kinds of measure and what values each accepts, in one place for forms, API and imports."""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    code: str
    label: str
    minimum: float
    maximum: float
    whole: bool  # only whole numbers make sense (a 0-10 rating, a Bristol type)
    unit: str = ""


SCALE = Kind("scale", "0–10 scale", 0, 10, whole=True)
COUNT = Kind("count", "count", 0, 100, whole=False)
MINUTES = Kind("minutes", "minutes", 0, 1440, whole=False, unit="min")
HOURS = Kind("hours", "hours", 0, 24, whole=False, unit="h")
YES_NO = Kind("yesno", "yes / no", 0, 1, whole=True)
BRISTOL = Kind("bristol", "Bristol stool type 1–7", 1, 7, whole=True)
SCORE = Kind("score", "questionnaire score", 0, 500, whole=False)
# What a phone or watch measures: a day's steps, and heart-rate variability in milliseconds.
STEPS = Kind("steps", "steps", 0, 200_000, whole=True, unit="steps")
MILLISECONDS = Kind("ms", "milliseconds", 0, 3_000, whole=False, unit="ms")
# Beats or breaths per minute (resting heart rate, respiratory rate), and how pleasant a
# feeling was, from −1 (very unpleasant) to 1 (very pleasant), as a phone's State of Mind logs it.
PER_MINUTE = Kind("per_minute", "per minute", 0, 300, whole=False, unit="/min")
VALENCE = Kind("valence", "unpleasant (−1) to pleasant (1)", -1, 1, whole=False)

KINDS = {
    kind.code: kind
    for kind in (
        SCALE,
        COUNT,
        MINUTES,
        HOURS,
        YES_NO,
        BRISTOL,
        SCORE,
        STEPS,
        MILLISECONDS,
        PER_MINUTE,
        VALENCE,
    )
}
# What a person may choose for a measure of their own.
CUSTOM_KIND_CHOICES = [(k.code, k.label) for k in (SCALE, COUNT, MINUTES, YES_NO)]


def check_value(kind: Kind, value: object, label: str) -> float:
    """The value as a float, or ValueError with a message that names the measure."""
    if isinstance(value, bool):
        if kind is YES_NO:
            return 1.0 if value else 0.0
        raise ValueError(f"{label}: expected a number, got yes/no")
    if isinstance(value, str):
        try:
            value = float(value.strip())
        except ValueError:
            raise ValueError(f"{label}: “{value}” is not a number") from None
    if not isinstance(value, int | float):
        raise ValueError(f"{label}: expected a number")
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(f"{label}: must be a finite number")
    if number < kind.minimum or number > kind.maximum:
        raise ValueError(
            f"{label}: must be between {kind.minimum:g} and {kind.maximum:g}, got {number:g}"
        )
    if kind.whole and not number.is_integer():
        raise ValueError(f"{label}: must be a whole number, got {number:g}")
    return number
