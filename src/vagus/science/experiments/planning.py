"""Planning a trial: power of the randomisation test by simulation, and a person's variability.

Method
------
:func:`power` simulates ``n_sim`` diaries of ``2 · pairs · period_days`` days. Day-to-day
variation is a stationary Gaussian AR(1) process with marginal standard deviation ``sd`` and
lag-1 autocorrelation ``autocorrelation`` (``x_t = phi·x_{t-1} + e_t``), which is the simplest
model of "today's anxiety depends on yesterday's". Each simulated trial draws its own AB/BA order
per pair, adds ``effect`` to every B day, and is analysed exactly as :func:`analyse` does: means
of the non-washout days of each period, pair differences, and the exact two-sided sign-flip test.
Power is the fraction of trials with ``p <= alpha``; ``mc_se`` is its Monte Carlo standard error.
By default the effect is immediate and constant with complete data. Real trials are less kind
(issue 17, item 9: promised 0.69-0.81, reached 0.26-0.61), so two more knobs make the simulation
match them: ``build_up_days`` lets the effect build up after each switch to B and fade after each
switch back, as a first-order lag with that time constant (about 63 % of the effect after
``build_up_days`` days; fermented foods and fibre: weeks, breathing: same day, i.e. 0); and
``missing`` is the share of days skipped, drawn more often on anxious days (missing not at
random: the chance of skipping rises with the day's deviation, ``logit`` slope 1 per SD), with
a period that ends up without data dropping its pair as :func:`analyse` does.

The randomisation test is discrete: with ``pairs`` pairs the smallest two-sided p-value is
``2 / 2**pairs``. When that exceeds ``alpha`` (at alpha 0.05: five pairs or fewer) the design
cannot reach significance whatever the effect, power is 0 and ``possible`` is False.

:func:`estimate_variability` reads ``sd`` and the lag-1 autocorrelation from a person's diary.
The sample autocorrelation of a short series is biased toward zero by about ``(1 + 4·phi)/n``;
it is corrected by that first-order amount (checked by simulation in the tests) and clipped to
``[0, 0.95]`` (negative estimates in diaries are almost always noise; zero is the less
optimistic choice). The sample variance is corrected for the autocorrelation with
``E[s^2] = sigma^2 (1 - 2/(n(n-1)) · sum_k (n-k) phi^k)``.

References
----------
Kravitz RL, Duan N, eds, and the DEcIDE Methods Center N-of-1 Guidance Panel. *Design and
Implementation of N-of-1 Trials: A User's Guide.* AHRQ Publication No. 13(14)-EHC122-EF; 2014.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import signal, stats

from .analysis import _day_numbers
from .randomisation import min_p_value, sign_flip_p_values
from .schedules import _check_lengths

DEFAULT_SD = 1.5  # typical day-to-day SD of a 0-10 symptom rating
DEFAULT_AUTOCORRELATION = 0.4
TARGET_POWER = 0.8


@dataclass(frozen=True)
class PowerResult:
    """Simulated power of one design. ``possible`` is False when p <= alpha cannot happen."""

    power: float
    mc_se: float
    pairs: int
    min_p_value: float
    possible: bool
    pairs_needed_for_alpha: int
    typical_ci_half_width: float  # median half-width of the 95% interval; NaN with one pair
    alpha: float
    effect: float
    sd: float
    autocorrelation: float
    period_days: int
    washout_days: int
    n_sim: int
    note: str


def pairs_needed_for_alpha(alpha: float) -> int:
    """Smallest number of pairs whose smallest two-sided p-value is at most ``alpha``."""
    return max(1, math.ceil(1 + math.log2(1 / alpha) - 1e-12))


def _check_planning(
    effect: float, sd: float, autocorrelation: float, alpha: float, n_sim: int
) -> None:
    if not math.isfinite(effect):
        raise ValueError(f"effect must be a finite number, got {effect!r}")
    if not (math.isfinite(sd) and sd > 0):
        raise ValueError(f"sd must be a positive number, got {sd!r}")
    if not -1 < autocorrelation < 1:
        raise ValueError(
            f"autocorrelation must lie strictly between -1 and 1, got {autocorrelation}"
        )
    if not 0 < alpha < 1:
        raise ValueError(f"alpha must lie strictly between 0 and 1, got {alpha}")
    if isinstance(n_sim, bool) or not isinstance(n_sim, int) or n_sim < 1:
        raise ValueError(f"n_sim must be a positive whole number, got {n_sim!r}")


def simulate_ar1(
    rng: np.random.Generator, n_series: int, n_days: int, sd: float, autocorrelation: float
) -> np.ndarray:
    """``(n_series, n_days)`` stationary Gaussian AR(1) paths with marginal SD ``sd``."""
    shocks = rng.standard_normal((n_series, n_days))
    shocks[:, 1:] *= math.sqrt(1.0 - autocorrelation**2)
    paths: np.ndarray = sd * signal.lfilter([1.0], [1.0, -autocorrelation], shocks, axis=1)
    return paths  # scipy is untyped


def power(
    effect: float,
    sd: float,
    autocorrelation: float = 0.0,
    period_days: int = 7,
    washout_days: int = 0,
    pairs: int = 3,
    alpha: float = 0.05,
    n_sim: int = 2000,
    seed: int | None = 0,
    build_up_days: float = 0.0,
    missing: float = 0.0,
    weekday_pattern: tuple[float, ...] = (),
) -> PowerResult:
    """Probability that a trial detects ``effect`` (p <= alpha, exact two-sided test).

    ``effect`` is the true change in the daily outcome under B (its sign does not matter);
    ``sd`` and ``autocorrelation`` describe day-to-day variation (see
    :func:`estimate_variability`); ``build_up_days``, ``missing`` and ``weekday_pattern``
    (seven offsets, Monday first, for a trial starting on a Monday) make the simulated trials
    as untidy as real ones (see the module docstring and :func:`describe_history`).
    Deterministic for a given ``seed``.
    """
    _check_lengths(period_days, pairs, washout_days)
    _check_planning(effect, sd, autocorrelation, alpha, n_sim)
    smallest_p = min_p_value(pairs)
    possible = smallest_p <= alpha * (1 + 1e-12)
    needed = pairs_needed_for_alpha(alpha)
    rng = np.random.default_rng(seed)
    n_periods = 2 * pairs
    if not (math.isfinite(build_up_days) and build_up_days >= 0):
        raise ValueError(f"build_up_days must be 0 or more, got {build_up_days!r}")
    if not 0 <= missing < 1:
        raise ValueError(f"missing must lie in [0, 1), got {missing!r}")
    n_days = n_periods * period_days
    noise = simulate_ar1(rng, n_sim, n_days, sd, autocorrelation)
    b_first = rng.integers(0, 2, size=(n_sim, pairs)).astype(bool)
    by_period = np.stack((b_first, ~b_first), axis=2).reshape(n_sim, n_periods)
    on_b = np.repeat(by_period, period_days, axis=1)
    if build_up_days > 0:
        # First-order lag toward the current condition: builds on B days, fades after them.
        gain = 1.0 - math.exp(-1.0 / build_up_days)
        level = signal.lfilter([gain], [1.0, -(1.0 - gain)], on_b.astype(float), axis=1)
    else:
        level = on_b.astype(float)
    days = noise + effect * level
    if weekday_pattern:
        if len(weekday_pattern) != 7:
            raise ValueError("weekday_pattern needs seven numbers, Monday first")
        days = days + np.resize(np.asarray(weekday_pattern, dtype=float), n_days)
    kept = np.ones_like(days, dtype=bool)
    if missing > 0:
        # Skip more on anxious days: logistic in the standardised deviation, tuned to ``missing``.
        z = noise / sd
        logit = np.log(missing / (1 - missing)) + z
        kept = rng.random(days.shape) >= 1 / (1 + np.exp(-logit))
    shaped = (n_sim, n_periods, period_days)
    counted = kept.reshape(shaped)[:, :, washout_days:]
    sums = np.where(counted, days.reshape(shaped)[:, :, washout_days:], 0.0).sum(axis=2)
    counts = counted.sum(axis=2)
    with np.errstate(invalid="ignore", divide="ignore"):
        period_means = sums / counts
    first, second = period_means[:, 0::2], period_means[:, 1::2]
    differences = np.where(b_first, first - second, second - first)
    # A pair with an empty period drops out (as in analyse): keep it neutral for the test.
    differences = np.where(np.isfinite(differences), differences, 0.0)
    if pairs >= 2:
        t_crit = stats.t.ppf(0.975, pairs - 1)
        half_widths = t_crit * differences.std(axis=1, ddof=1) / math.sqrt(pairs)
        typical_half_width = float(np.median(half_widths))
    else:
        typical_half_width = float("nan")

    if possible:
        p_values = sign_flip_p_values(differences)
        detected = float(np.mean(p_values <= alpha * (1 + 1e-12)))
        note = ""
    else:
        detected = 0.0
        note = (
            f"with {pairs} pair{'s' if pairs != 1 else ''} the smallest possible two-sided "
            f"p-value is {smallest_p:.3g}, above alpha = {alpha:g}: this design cannot reach "
            f"significance whatever the effect; at least {needed} pairs are needed"
        )
    return PowerResult(
        power=detected,
        mc_se=math.sqrt(detected * (1 - detected) / n_sim),
        pairs=pairs,
        min_p_value=smallest_p,
        possible=possible,
        pairs_needed_for_alpha=needed,
        typical_ci_half_width=typical_half_width,
        alpha=alpha,
        effect=float(effect),
        sd=float(sd),
        autocorrelation=float(autocorrelation),
        period_days=period_days,
        washout_days=washout_days,
        n_sim=n_sim,
        note=note,
    )


def suggest_pairs(
    effect: float,
    sd: float,
    autocorrelation: float = 0.0,
    period_days: int = 7,
    washout_days: int = 0,
    alpha: float = 0.05,
    target: float = TARGET_POWER,
    max_pairs: int = 12,
    n_sim: int = 2000,
    seed: int | None = 0,
    build_up_days: float = 0.0,
    missing: float = 0.0,
    weekday_pattern: tuple[float, ...] = (),
) -> int | None:
    """Smallest number of pairs (up to ``max_pairs``) whose simulated power reaches ``target``.

    Returns None when no design up to ``max_pairs`` pairs reaches it.
    """
    if not 0 < target < 1:
        raise ValueError(f"target must lie strictly between 0 and 1, got {target}")
    _check_lengths(period_days, max_pairs, washout_days)
    _check_planning(effect, sd, autocorrelation, alpha, n_sim)
    for pairs in range(max(2, pairs_needed_for_alpha(alpha)), max_pairs + 1):
        result = power(
            effect,
            sd,
            autocorrelation,
            period_days,
            washout_days,
            pairs,
            alpha,
            n_sim,
            seed,
            build_up_days=build_up_days,
            missing=missing,
            weekday_pattern=weekday_pattern,
        )
        if result.power >= target:
            return pairs
    return None


@dataclass(frozen=True)
class History:
    """What a person's own diary says about the trials they can run (for :func:`power`)."""

    sd: float
    autocorrelation: float
    weekday_pattern: tuple[float, ...]  # Monday first; () when too short to tell
    missing: float  # share of days without a rating between the first and the last
    logged_days: int


def describe_history(series: pd.Series, *, min_days: int = 14) -> History:
    """SD, autocorrelation (:func:`estimate_variability`), weekday pattern and missingness.

    The weekday pattern is each weekday's mean minus the overall mean, shown only with at least
    four logged values on every weekday (else ``()``); missingness is the share of skipped days
    in the span logged (0 below ``min_days`` logged days, where the defaults are used).
    """
    sd, phi = estimate_variability(series, min_days=min_days)
    values = series.to_numpy(dtype=float)
    days = _day_numbers(series.index, "series")
    keep = np.isfinite(values) & (days != np.iinfo(np.int64).min)
    daily = pd.Series(values[keep]).groupby(days[keep]).mean()
    n = len(daily)
    if n < min_days:
        return History(sd, phi, (), 0.0, n)
    span = int(daily.index.max() - daily.index.min()) + 1
    weekday = (daily.index.to_numpy() + 3) % 7  # 1970-01-01 was a Thursday; Monday is 0
    by_day = daily.groupby(weekday)
    pattern: tuple[float, ...] = ()
    if len(by_day) == 7 and int(by_day.size().min()) >= 4:
        means = by_day.mean().reindex(range(7)).to_numpy()
        pattern = tuple(float(m) for m in means - means.mean())
    return History(sd, phi, pattern, 1.0 - n / span, n)


def estimate_variability(
    series: pd.Series,
    *,
    min_days: int = 14,
    default_sd: float = DEFAULT_SD,
    default_autocorrelation: float = DEFAULT_AUTOCORRELATION,
) -> tuple[float, float]:
    """``(sd, lag-1 autocorrelation)`` of a daily diary, or defaults when it is too short.

    ``series`` is indexed by date (several values on one day are averaged; gaps are allowed and
    only consecutive logged days count toward the autocorrelation). With fewer than
    ``min_days`` logged days both defaults are returned; with fewer than ``min_days - 1``
    consecutive-day pairs the autocorrelation default is used.
    """
    if not isinstance(series, pd.Series):
        raise ValueError("series must be a pandas Series indexed by date")
    values = series.to_numpy(dtype=float)
    days = _day_numbers(series.index, "series")
    keep = np.isfinite(values) & (days != np.iinfo(np.int64).min)
    if not keep.any():
        return default_sd, default_autocorrelation
    daily = pd.Series(values[keep]).groupby(days[keep]).mean()
    n = len(daily)
    if n < max(min_days, 3):
        return default_sd, default_autocorrelation
    x = daily.to_numpy()
    centred = x - x.mean()
    consecutive = np.diff(daily.index.to_numpy()) == 1
    n_lag_pairs = int(consecutive.sum())
    if n_lag_pairs >= min_days - 1 and centred.var() > 0:
        lagged = (centred[1:] * centred[:-1])[consecutive].mean()
        raw = float(lagged / np.mean(centred**2))
        phi = float(np.clip(raw + (1 + 4 * raw) / n, 0.0, 0.95))
    else:
        phi = default_autocorrelation
    k = np.arange(1, n)
    deflation = 1 - 2.0 / (n * (n - 1)) * float(np.sum((n - k) * phi**k))
    sd = float(np.sqrt(x.var(ddof=1) / deflation))
    if not sd > 0:
        sd = default_sd
    return sd, phi
