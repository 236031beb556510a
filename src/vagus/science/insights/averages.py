"""Averages of a diary measure with honest 95 % intervals: weekly means and means by level.

Days in a diary are not independent: a bad day tends to follow a bad day. With lag-1
autocorrelation ``rho`` (an AR(1) model), the variance of the mean of ``n`` days logged at
calendar positions ``t_i`` is ``sigma^2 f / n`` with

    f = (1/n) sum_i sum_j rho^|t_i - t_j|

(``f = 1`` for independent days; up to ``n`` when every day is the same), and the usual sum of
squares is too small on average by the same amount: ``E sum (y_i - mean)^2 = sigma^2 (n - f)``.
So the interval is ``mean ± t(n/f - 1) sqrt(SS / (n - f) · f / n)``: the independent-day
t-interval when ``rho = 0``. ``rho`` is estimated once from the person's whole diary (pairs of
consecutive logged days, clipped to 0–0.9): a week of seven days cannot estimate it. Intervals
are clipped to the measure's possible range, and a mean from fewer than ``MIN_INTERVAL_DAYS``
days gets none (with so few days an interval says more about the formula than the person).
docs/insights.md has the coverage simulation.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats

#: The fewest days for which a mean is shown with an interval.
MIN_INTERVAL_DAYS = 4
#: Autocorrelation is clipped to this: beyond it a diary of months cannot tell it from a trend.
MAX_RHO = 0.9

Interval = tuple[float | None, float | None, float | None]


def lag1_autocorrelation(series: pd.Series) -> float:
    """Lag-1 autocorrelation of a daily series on a calendar index (gaps allowed), in 0–0.9.

    Pairs are consecutive calendar days that were both logged; fewer than 10 pairs give 0.
    Corrected for its small-sample bias.
    """
    values = series.astype(float)
    if not isinstance(values.index, pd.DatetimeIndex) or values.empty:
        return 0.0
    values = values.sort_index()
    full = values.reindex(pd.date_range(values.index[0], values.index[-1], freq="D"))
    today, yesterday = full.to_numpy()[1:], full.to_numpy()[:-1]
    both = ~np.isnan(today) & ~np.isnan(yesterday)
    if both.sum() < 10:
        return 0.0
    a, b = today[both], yesterday[both]
    mean = full.mean()  # one mean for both, as the usual autocorrelation estimate does
    denominator = float(np.nansum((full.to_numpy() - mean) ** 2)) / np.count_nonzero(
        ~np.isnan(full.to_numpy())
    )
    if denominator <= 0:
        return 0.0
    rho = float(np.mean((a - mean) * (b - mean)) / denominator)
    # The estimate is biased towards zero by about (1 + 4 rho) / n (Kendall 1954; Marriott &
    # Pope 1954); too small a rho gives too narrow intervals, so the bias is added back.
    rho += (1 + 4 * rho) / both.sum()
    return float(np.clip(rho, 0.0, MAX_RHO))


def mean_interval(
    values: np.ndarray,
    positions: np.ndarray | None = None,
    *,
    rho: float = 0.0,
    bounds: tuple[float, float] | None = None,
    min_days: int = MIN_INTERVAL_DAYS,
) -> Interval:
    """Mean and 95 % interval of ``values`` logged on calendar day numbers ``positions``.

    ``positions`` default to consecutive days. Returns ``(None, None, None)`` for no values
    and ``(mean, None, None)`` for fewer than ``min_days``.
    """
    values = np.asarray(values, dtype=float)
    if positions is None:
        positions = np.arange(values.size)
    positions = np.asarray(positions, dtype=float)
    logged = ~np.isnan(values)
    values, positions = values[logged], positions[logged]
    n = values.size
    if n == 0:
        return None, None, None
    mean = float(values.mean())
    if n < max(min_days, 2):
        return mean, None, None
    if rho > 0:
        gaps = np.abs(positions[:, None] - positions[None, :])
        f = float((rho**gaps).sum()) / n
    else:
        f = 1.0
    f = min(f, n - 0.5)  # keeps n - f positive when every day is alike
    sum_squares = float(((values - mean) ** 2).sum())
    se = np.sqrt(sum_squares / (n - f) * f / n)
    half = float(stats.t.ppf(0.975, max(n / f - 1, 1.0)) * se)
    low, high = mean - half, mean + half
    if bounds is not None:
        low, high = max(low, bounds[0]), min(high, bounds[1])
    return mean, low, high
