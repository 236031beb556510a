"""Realistic simulated diaries with known truth, for tests, benchmarks and calibration.

The simulated person feels anxiety ``a_t`` that follows

    a_t = 4.5 + weekday(t) + trend(t) + d_t,
    d_t = phi d_{t-1} - 0.5 (sleep_t - 7) - 0.6 fermented_{t-1} + eps_t,   eps_t ~ N(0, 1)

(a Monday peak and a weekend dip, an improvement of two points over the diary, phi = 0.5)
and reports it as a whole number from 0 to 10, optionally with reporting noise. Besides the
two planted effects (same-day sleep, previous-day fermented food), the diary holds the traps a
naive correlation screen falls into:

* ``plant_count`` rises over time while anxiety falls (trend only);
* ``alcohol_units`` follows the weekday (Friday and Saturday) as anxiety does;
* ``comfort_food`` is eaten after anxious days (yesterday's anxiety causes it);
* ``screen_hours`` is strongly autocorrelated and unrelated (phi = 0.8);
* ``probiotic`` is a sticky yes/no habit, unrelated.

``drift=`` replaces the steady two-point improvement by a slow change that is not a straight
line ("random_walk", "step", "sine" or "none") and adds ``drift_habit``, a habit with no
effect on anxiety that follows the same slow change (say, walking more in a good patch).

About 10 % of entries are missing: 6 % of days are not logged at all (they are absent from
the index, leaving gaps) and 4 % of the remaining entries are NaN.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import special
from scipy.signal import lfilter

#: Same-day sleep (per hour) and previous-day fermented food (yes minus no) on anxiety.
PLANTED = {("sleep_hours", 0): -0.5, ("fermented", 1): -0.6}
TRAPS = ("plant_count", "alcohol_units", "comfort_food", "screen_hours", "probiotic")
FACTORS = ("sleep_hours", "fermented", *TRAPS)
_WEEKDAY_ANXIETY = np.array([0.7, 0.3, 0.1, 0.0, -0.2, -0.6, -0.3])  # Monday .. Sunday
_BURN_IN = 60
DRIFTS = ("random_walk", "step", "sine", "none")


@dataclass(frozen=True)
class SimulatedDiary:
    """A simulated diary and the true adjusted association of every (factor, lag 0 or 1)."""

    days: pd.DataFrame
    truth: dict[tuple[str, int], float]


def _ar1(rng: np.random.Generator, phi: float, size: tuple[int, ...]) -> np.ndarray:
    """Stationary AR(1) series with unit variance along the last axis (after burn-in)."""
    eps = rng.normal(size=(*size[:-1], size[-1] + _BURN_IN)) * np.sqrt(1 - phi**2)
    series: np.ndarray = lfilter([1.0], [1.0, -phi], eps, axis=-1)  # scipy is untyped
    return series[..., _BURN_IN:]


def simulate_diary(
    seed: int | np.random.Generator,
    n_days: int = 90,
    *,
    effects: bool = True,
    phi: float = 0.5,
    report_noise: float = 0.0,
    missing_days: float = 0.06,
    missing_entries: float = 0.04,
    extra_nulls: int = 0,
    drift: str | None = None,
    co_symptoms: int = 0,
    skip_anxious: float = 0.0,
) -> SimulatedDiary:
    """Simulate ``n_days`` calendar days of one person's diary.

    ``effects=False`` removes the two planted effects (every association is then null).
    ``report_noise`` adds N(0, sd) noise to the reported anxiety before rounding, a stress
    test: the previous day's report then measures yesterday's anxiety with error.
    ``extra_nulls`` adds that many unrelated measures ``null_01, ...`` (autocorrelation drawn
    from 0 to 0.9), for benchmarks of wide screens. ``drift`` (one of ``DRIFTS``) replaces
    the linear improvement by that slow change and adds the null ``drift_habit`` column.
    ``co_symptoms`` adds ``symptom_1, ...``: ratings that move with anxiety on the same day
    (how mood or stress would), which are not habits and not in ``truth``.
    ``skip_anxious`` makes days missing not at random: the log-odds of skipping a day rise by
    that much per standard deviation of the day's felt anxiety (``missing_days`` is then the
    skip chance on an average day), as when anxious days go unlogged.
    """
    rng = np.random.default_rng(seed)
    n = n_days
    start = pd.Timestamp("2024-01-01") + pd.Timedelta(days=int(rng.integers(0, 7)))
    index = pd.date_range(start, periods=n, freq="D")
    weekday = index.day_of_week.to_numpy()
    t = np.arange(n)
    strength = 1.0 if effects else 0.0

    sleep = np.clip(np.round(rng.normal(7.0, 1.0, n) * 2) / 2, 3.0, 11.0)
    fermented = (rng.random(n) < 0.35).astype(float)
    fermented_yesterday = np.concatenate([[float(rng.random() < 0.35)], fermented[:-1]])
    drive = (
        strength * (PLANTED[("sleep_hours", 0)] * (sleep - 7.0))
        + strength * PLANTED[("fermented", 1)] * fermented_yesterday
        + rng.normal(size=n)
    )
    # Start d from its stationary distribution, then run the AR(1) recursion over the diary.
    d0 = rng.normal() / np.sqrt(1 - phi**2)
    d, _ = lfilter([1.0], [1.0, -phi], drive, zi=[phi * d0])
    slow = -2.0 * t / max(n - 1, 1) if drift is None else _drift(rng, drift, n)
    felt = 4.5 + _WEEKDAY_ANXIETY[weekday] + slow + d
    anxiety = np.clip(np.round(felt + report_noise * rng.normal(size=n)), 0, 10)

    felt_yesterday = np.concatenate([[4.5], felt[:-1]])
    columns = {
        "anxiety": anxiety,
        "sleep_hours": sleep,
        "fermented": fermented,
        "plant_count": np.maximum(np.round(8 + 5 * t / max(n - 1, 1) + _ar1(rng, 0.5, (n,))), 0),
        "alcohol_units": rng.poisson(np.where(np.isin(weekday, (4, 5)), 2.5, 0.2)).astype(float),
        "comfort_food": np.maximum(
            np.round(1 + 0.6 * (felt_yesterday - 4.5) + 0.8 * rng.normal(size=n)), 0
        ),
        "screen_hours": np.round((4 + 1.5 * _ar1(rng, 0.8, (n,))) * 2) / 2,
        "probiotic": _sticky_yes_no(rng, n, stay=0.85),
    }
    for j in range(1, co_symptoms + 1):
        columns[f"symptom_{j}"] = np.clip(np.round(felt + 1.5 * rng.normal(size=n)), 0, 10)
    if drift is not None:
        columns["drift_habit"] = np.round((5 + slow + rng.normal(size=n)) * 2) / 2
    if extra_nulls:
        phis = rng.uniform(0, 0.9, extra_nulls)
        for j, phi_j in enumerate(phis, start=1):
            columns[f"null_{j:02d}"] = np.round(_ar1(rng, float(phi_j), (n,)) * 2 + 5, 1)
    frame = pd.DataFrame(columns, index=index)
    entries = rng.random(frame.shape) < missing_entries
    frame = frame.mask(entries)
    skip: float | np.ndarray = missing_days
    if skip_anxious and 0 < missing_days < 1:
        standard = (felt - felt.mean()) / felt.std()
        skip = special.expit(special.logit(missing_days) + skip_anxious * standard)
    frame = frame[rng.random(n) >= skip]

    truth = {
        (name, lag): 0.0
        for name in frame.columns
        if name != "anxiety" and not name.startswith("symptom_")
        for lag in (0, 1)
    }
    if effects:
        truth.update(PLANTED)
    return SimulatedDiary(days=frame, truth=truth)


def _sticky_yes_no(rng: np.random.Generator, n: int, stay: float) -> np.ndarray:
    """A 0/1 Markov chain that keeps yesterday's answer with probability ``stay``."""
    switches = rng.random(n) >= stay
    first = float(rng.random() < 0.5)
    return (first + np.cumsum(switches)) % 2


def _drift(rng: np.random.Generator, kind: str, n: int) -> np.ndarray:
    """A slow change in anxiety over ``n`` days that is not a straight line (about ±1.5)."""
    t = np.arange(n)
    if kind == "random_walk":
        walk: np.ndarray = np.cumsum(rng.normal(0, 0.15, n))
        centred: np.ndarray = walk - walk.mean()
        return centred
    if kind == "step":
        at = int(rng.integers(n // 5, 4 * n // 5))
        return np.where(t >= at, -1.5, 1.5) * 0.67
    if kind == "sine":
        period = rng.uniform(40, 120)
        wave: np.ndarray = 1.2 * np.sin(2 * np.pi * t / period + rng.uniform(0, 2 * np.pi))
        return wave
    if kind == "none":
        return np.zeros(n)
    raise ValueError(f"drift must be one of {DRIFTS}, got {kind!r}")
