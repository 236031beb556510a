"""Plain descriptions of an outcome beside the adjusted screen: weekly averages, a calendar of
days, and the outcome at each level of one factor. No adjustment here, only averages with
their 95 % intervals, and the pages say so. The intervals allow for one day following another
(``vagus.science.insights.averages``), stay inside the measure's range, and are left out for
fewer than ``MIN_INTERVAL_DAYS`` days.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import numpy as np
import pandas as pd

from vagus.science.insights.averages import MIN_INTERVAL_DAYS, lag1_autocorrelation
from vagus.science.insights.averages import mean_interval as _mean_interval

__all__ = [
    "MIN_INTERVAL_DAYS",
    "Level",
    "Week",
    "by_level",
    "calendar_days",
    "value_range",
    "weekly_averages",
]

# Numeric factors with more distinct values than this are split into three groups of days.
MAX_LEVELS = 4


@dataclass(frozen=True)
class Week:
    start: date
    mean: float
    days: int
    low: float | None
    high: float | None


@dataclass(frozen=True)
class Level:
    label: str
    mean: float | None
    low: float | None
    high: float | None
    days: int


def mean_interval(
    values: np.ndarray,
    positions: np.ndarray | None = None,
    *,
    rho: float = 0.0,
    bounds: tuple[float, float] | None = None,
) -> tuple[float | None, float | None, float | None]:
    """Mean and 95 % interval; none from fewer than ``MIN_INTERVAL_DAYS``, nothing from none."""
    return _mean_interval(values, positions, rho=rho, bounds=bounds)


def value_range(measure: Any) -> tuple[float, float]:
    """The lowest and highest value a measure can take: no interval goes beyond them."""
    return float(measure.kind_spec.minimum), float(measure.kind_spec.maximum)


def _day_numbers(index: pd.Index) -> np.ndarray:
    return np.asarray((pd.DatetimeIndex(index) - pd.Timestamp("2000-01-01")).days, dtype=float)


def weekly_averages(
    frame: pd.DataFrame, outcome: str, *, bounds: tuple[float, float] | None = None
) -> list[Week]:
    """Mean of the logged days in each Monday-to-Sunday week that has any, oldest first.

    ``bounds`` is the measure's possible range, which no interval leaves.
    """
    if outcome not in frame.columns:
        return []
    rho = lag1_autocorrelation(frame[outcome])
    series = frame[outcome].dropna()
    weeks = []
    for start, values in series.groupby(series.index.to_period("W-SUN")):
        mean, low, high = mean_interval(
            values.to_numpy(), _day_numbers(values.index), rho=rho, bounds=bounds
        )
        assert mean is not None  # dropna above: every week has a value
        weeks.append(Week(start.start_time.date(), mean, int(values.size), low, high))
    return weeks


def calendar_days(frame: pd.DataFrame, outcome: str, end: date, weeks: int) -> list[list[Any]]:
    """Rows of seven (date, value or None) from Monday, the last row holding ``end``."""
    last_monday = end - timedelta(days=end.weekday())
    first = last_monday - timedelta(weeks=weeks - 1)
    values = frame[outcome].dropna() if outcome in frame.columns else pd.Series(dtype=float)
    by_day = {ts.date(): float(v) for ts, v in values.items()}
    rows = []
    for week in range(weeks):
        monday = first + timedelta(weeks=week)
        days = [monday + timedelta(days=i) for i in range(7)]
        rows.append([(d, by_day.get(d) if d <= end else None, d > end) for d in days])
    return rows


def by_level(
    frame: pd.DataFrame,
    outcome: str,
    factor: str,
    *,
    lag: int = 0,
    binary: bool = False,
    bounds: tuple[float, float] | None = None,
) -> list[Level]:
    """The outcome's mean on the days at each level of ``factor`` (``lag`` days earlier).

    Yes/no factors have two levels; numeric factors with up to four distinct values keep
    them; others are split at their terciles into lower, middle and higher thirds of days.
    """
    if outcome not in frame.columns or factor not in frame.columns:
        return []
    both = pd.DataFrame({"y": frame[outcome], "x": frame[factor].shift(lag)}).dropna()
    if both.empty:
        return []
    rho = lag1_autocorrelation(frame[outcome])
    x, y = both["x"].to_numpy(), both["y"].to_numpy()
    day = _day_numbers(both.index)
    if binary:
        groups = [("No", x == 0), ("Yes", x == 1)]
    else:
        distinct = np.unique(x)
        if distinct.size <= MAX_LEVELS:
            groups = [(f"{v:g}", x == v) for v in distinct]
        else:
            low_cut, high_cut = np.quantile(x, [1 / 3, 2 / 3])
            groups = [
                (f"{low_cut:g} or less", x <= low_cut),
                (f"over {low_cut:g} up to {high_cut:g}", (x > low_cut) & (x <= high_cut)),
                (f"over {high_cut:g}", x > high_cut),
            ]
    levels = []
    for label, chosen in groups:
        if chosen.any():
            mean, low, high = mean_interval(y[chosen], day[chosen], rho=rho, bounds=bounds)
            levels.append(Level(label, mean, low, high, int(chosen.sum())))
    return levels
