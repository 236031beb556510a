"""Plain words for an association, and how many more days a factor needs.

The wording never claims a cause: a diary shows what goes together, and a self-experiment is
the way to learn what causes what.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from vagus.science.insights._findings import Association
from vagus.science.insights._gaps import usable_at_lag
from vagus.science.insights._model import MIN_DAYS_PER_LEVEL, MIN_FIT_DAYS, calendar_frame, controls

_NOT_CAUSE = "This is an association, not proof of cause."
_MAYBE_CHANCE = "It may be chance: with everything checked at once, it is not a clear finding yet."


def _direction(value: float, decimals: int) -> tuple[str, str]:
    """The magnitude as text and 'higher'/'lower' ('' if it rounds to zero)."""
    text = f"{abs(value):.{decimals}f}"
    if float(text) == 0:
        return f"{0:.{decimals}f}", ""
    return text, "higher" if value > 0 else "lower"


def _lead(association: Association, factor_label: str, factor_unit: str) -> str:
    lag = association.lag
    if association.binary:
        if lag == 0:
            return f"On days you had {factor_label}"
        if lag == 1:
            return f"On days after you had {factor_label}"
        return f"{lag} days after you had {factor_label}"
    more = f"one {factor_unit} more of {factor_label}"
    if lag == 0:
        return f"On days with {more}"
    if lag == 1:
        return f"On days after a day with {more}"
    return f"{lag} days after a day with {more}"


def _numbers(association: Association, decimals: int) -> tuple[str, str, str, str, str, str]:
    estimate, low, high = association.estimate, association.ci_low, association.ci_high
    if (
        association.significant
        and association.shown_estimate is not None
        and association.shown_low is not None
        and association.shown_high is not None
    ):
        estimate, low, high = (
            association.shown_estimate,
            association.shown_low,
            association.shown_high,
        )
    return (
        *_direction(estimate, decimals),
        *_direction(low, decimals),
        *_direction(high, decimals),
    )


def _interval(low: str, low_way: str, high: str, high_way: str) -> str:
    if low_way == high_way and low_way:
        # Both ends on one side of zero: name them from the smaller change to the larger.
        near, far = (low, high) if low_way == "higher" else (high, low)
        return f"95 % range {near} to {far} {low_way}"
    low_text = f"{low} {low_way}".strip()
    high_text = f"{high} {high_way}".strip()
    return f"95 % range from {low_text} to {high_text}"


_TOGETHER = (
    "Both are how you felt that day, so this describes how they move together, "
    "not what causes what."
)


def describe_together(
    association: Association,
    outcome_label: str,
    symptom_label: str,
    *,
    symptom_unit: str = "point",
    outcome_unit: str = "points",
    decimals: int = 1,
) -> str:
    """Say how a fellow symptom goes together with the outcome on the same day.

    >>> a = Association("stress", 0, 0.4, 0.3, 0.5, 1e-6, 1e-5, 84, True)
    >>> describe_together(a, "anxiety", "stress")
    'On days your stress was one point higher, your anxiety was on average 0.4 points higher \
too (95 % range 0.3 to 0.5 higher). Both are how you felt that day, so this describes how \
they move together, not what causes what.'
    """
    size, way, low, low_way, high, high_way = _numbers(association, decimals)
    change = f"on average {size} {outcome_unit} {way} too" if way else "on average about the same"
    interval = _interval(low, low_way, high, high_way)
    return (
        f"On days your {symptom_label} was one {symptom_unit} higher, your {outcome_label} "
        f"was {change} ({interval}). {_TOGETHER}"
    )


def describe(
    association: Association,
    outcome_label: str,
    factor_label: str,
    *,
    factor_unit: str = "unit",
    outcome_unit: str = "points",
    decimals: int = 1,
) -> str:
    """Say what an association means in plain words, with its 95 % range.

    >>> a = Association("fermented", 1, -0.6, -1.0, -0.2, 0.004, 0.03, 84, True, binary=True)
    >>> describe(a, "anxiety", "fermented food")
    'On days after you had fermented food, your anxiety was on average 0.6 points lower \
(95 % range 0.2 to 1.0 lower). This is an association, not proof of cause.'

    ``factor_label`` should be a noun phrase ("fermented food", "sleep"); ``factor_unit`` is
    the singular unit of a numeric factor ("hour", "serving"). A finding is described by its
    selection-adjusted estimate and interval (``shown_*``) when it has them.
    """
    size, way, low, low_way, high, high_way = _numbers(association, decimals)
    change = f"on average {size} {outcome_unit} {way}" if way else "on average about the same"
    interval = _interval(low, low_way, high, high_way)
    sentence = (
        f"{_lead(association, factor_label, factor_unit)}, "
        f"your {outcome_label} was {change} ({interval})."
    )
    if association.significant:
        return f"{sentence} {_NOT_CAUSE}"
    return f"{sentence} {_MAYBE_CHANCE} {_NOT_CAUSE}"


def days_needed(
    days: pd.DataFrame, outcome: str, factor: str, *, lag: int = 0, min_days: int = 14
) -> int:
    """How many more usable days ``factor`` needs before :func:`associations` estimates it.

    A usable day has the outcome logged that day and the day before (at lag 0: or the last
    logged outcome up to a week before), and the factor logged ``lag`` days earlier. A factor
    that yesterday's outcome predicts cannot use the days after a gap, so it may need more
    than this says. The answer is the larger of the days missing to reach
    ``max(min_days, 12)`` and the days with a different value still needed to reach three
    days away from the factor's most common value (for a yes/no factor: three "yes" and three
    "no" days). Zero means there are enough days; the factor can still be left out if it is a
    copy of the weekday or the trend.
    """
    frame = calendar_frame(days, outcome)
    if factor not in frame.columns:
        raise ValueError(f"factor column {factor!r} is not in days")
    if factor == outcome:
        raise ValueError("factor and outcome must be different columns")
    if lag < 0:
        raise ValueError(f"lag must be >= 0, got {lag}")
    _, usable, _, gap = controls(frame, outcome)
    x = frame[factor].shift(lag).to_numpy()
    values = x[usable_at_lag(usable, gap, lag) & ~np.isnan(x)]
    n = int(values.size)
    if n:
        _, counts = np.unique(values, return_counts=True)
        away_from_mode = n - int(counts.max())
    else:
        away_from_mode = 0
    return max(0, max(min_days, MIN_FIT_DAYS) - n, MIN_DAYS_PER_LEVEL - away_from_mode)
