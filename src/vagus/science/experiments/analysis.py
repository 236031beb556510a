"""Analysis of a randomised N-of-1 trial: period means, pair differences, three summaries.

Method
------
*Unit of analysis.* Days inside one period are autocorrelated, so days are not independent
replicates. Each period is summarised by the mean of its analysed days (days after the washout
that have data; several values on one day are first averaged into one). For each pair ``k``
with data in both periods, ``d_k = mean(B period) - mean(A period)``. Periods without data are
dropped together with their partner, so a pair either counts whole or not at all; values outside
the trial and on washout days are ignored. With fewer than two complete pairs no estimate is
made (every number is NaN and ``enough_data`` is False).

*Estimate and interval.* ``estimate = mean(d)`` (B minus A). The 95% interval is the set of
constant effects the exact randomisation test below does not reject at 0.05 (test inversion,
``randomisation.sign_flip_interval``), so it leaves out 0 exactly when ``p <= 0.05`` and the two
never disagree. Like the test it is valid whatever the autocorrelation or drift of the diary,
because it rests only on the random order of each pair; simulation
(tests/science/test_experiments_interval.py) shows coverage of at least 95%. With five pairs or
fewer the test cannot reach 0.05, so no effect is ruled out and the interval is unbounded
(``-inf`` to ``inf``; ``interval_bounded`` is False). (Before issue 17 the interval was the
one-sample t interval, which could exclude 0 while the exact p was above 0.05.)

*p-value.* The exact randomisation test of the sharp null "the condition makes no difference"
over all ``2**n`` orders the design could have drawn for the ``n`` complete pairs (sign flips
of ``d``; see ``randomisation``). It is two-sided and exact, but discrete: with ``n`` pairs it
cannot go below ``2 / 2**n`` (0.25 with 3 pairs, 0.125 with 4, 0.031 with 6), which
``min_p_value`` reports. Missing data are assumed not to depend on the order drawn.

*Probability that B is better.* Posterior probability that the mean pair difference ``mu`` is
below zero (``lower_is_better=True``, the default, for symptoms such as anxiety) or above zero.
Model: ``d_k ~ Normal(mu, sigma^2)`` independently; prior ``mu | sigma ~ Normal(0, sigma^2 /
k0)`` with ``k0 = PRIOR_PAIRS = 1`` and ``p(sigma^2) ∝ 1/sigma^2``. The prior on ``mu`` is the
unit-information prior (Kass & Wasserman 1995): centred on "no difference" and worth one pair
of periods, i.e. a standardised effect ``mu/sigma ~ Normal(0, 1)``. It is weakly informative and
mildly sceptical: it pulls the estimate toward zero by ``k0 / (k0 + n)`` and widens the
posterior when the data disagree with it, which keeps the probability from sounding certain
after two or three pairs. The posterior of ``mu`` is Student t with ``n`` degrees of freedom,
location ``n·mean(d)/(n+k0)`` and squared scale ``b_n / (a_n (n+k0))``, where ``a_n = n/2`` and
``b_n = SS/2 + k0·n·mean(d)^2 / (2 (n+k0))`` (normal-inverse-gamma conjugacy; Gelman et al.
2013, ch. 3).

*Beyond the smallest worthwhile change.* ``prob_beyond_smallest`` is the posterior probability,
under the same model, that B beats A by more than ``smallest_change`` (the person's own smallest
change worth having, on the outcome's scale): ``P(mu < -smallest_change)`` when lower is better.
It is lower than ``prob_b_better``, which counts any improvement however tiny. The wording shows
this one and never headlines a probability when the design cannot reach p < 0.05.

*Adherence* (optional 0/1 series by date: was today's assigned condition followed?) is reported
as the fraction of analysed days with a record on which it was followed. It does not change the
analysis, which compares periods as randomised (intention to treat); dropping non-adherent days
would break the randomisation.

References
----------
Kravitz RL, Duan N, eds, and the DEcIDE Methods Center N-of-1 Guidance Panel. *Design and
Implementation of N-of-1 Trials: A User's Guide.* AHRQ Publication No. 13(14)-EHC122-EF; 2014.

Vohra S, Shamseer L, Sampson M, et al. CONSORT extension for reporting N-of-1 trials (CENT)
2015 Statement. *BMJ* 2015;350:h1738.

Kass RE, Wasserman L. A reference Bayesian test for nested hypotheses and its relationship to
the Schwarz criterion. *J Am Stat Assoc* 1995;90:928-934.

Gelman A, Carlin JB, Stern HS, Dunson DB, Vehtari A, Rubin DB. *Bayesian Data Analysis.* 3rd
ed. Boca Raton: CRC Press; 2013.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
import pandas as pd
from numpy.typing import NDArray
from scipy import stats

from .randomisation import EXACT_MAX_PAIRS, min_p_value, sign_flip_interval, sign_flip_p_value
from .schedules import Schedule

MIN_PAIRS = 2
PRIOR_PAIRS = 1.0
ALPHA = 0.05
DEFAULT_SMALLEST_CHANGE = 1.0
_NAN = float("nan")


@dataclass(frozen=True)
class ExperimentResult:
    """What one N-of-1 trial showed. Differences are B minus A (``conditions[1] - [0]``).

    ``n_periods`` counts the periods that entered the analysis (``2 * n_pairs``). When
    ``enough_data`` is False every estimate is NaN and ``note`` says why.
    """

    estimate: float
    ci_low: float
    ci_high: float
    p_value: float
    prob_b_better: float
    n_periods: int
    adherence: float | None
    n_pairs: int
    pairs_planned: int
    min_p_value: float
    p_value_exact: bool
    lower_is_better: bool
    enough_data: bool
    note: str
    conditions: tuple[str, str]
    mean_a: float
    mean_b: float
    pair_differences: tuple[float, ...]
    period_means: tuple[float, ...]  # one per period in time order, NaN without data
    adherence_days: int
    prob_beyond_smallest: float = _NAN  # P(B better by more than smallest_change)
    smallest_change: float = DEFAULT_SMALLEST_CHANGE

    @property
    def interval_bounded(self) -> bool:
        """Whether the interval has two finite ends (False with five pairs or fewer)."""
        return math.isfinite(self.ci_low) and math.isfinite(self.ci_high)

    @property
    def alpha_reachable(self) -> bool:
        """Whether the design, as analysed, could give p <= 0.05 at all."""
        return self.min_p_value <= 0.05

    def to_dict(self) -> dict[str, Any]:
        """A JSON-able dict (NaN becomes None)."""

        def clean(value: Any) -> Any:
            if isinstance(value, float) and not math.isfinite(value):
                return None
            if isinstance(value, tuple):
                return [clean(v) for v in value]
            return value

        return {key: clean(value) for key, value in asdict(self).items()}


def _day_numbers(index: pd.Index, what: str) -> NDArray[np.int64]:
    """Days since 1970-01-01 for each index entry (-1 for missing); wall-clock date if tz-aware."""
    try:
        if isinstance(index, pd.PeriodIndex):
            index = index.to_timestamp()
        stamps = index if isinstance(index, pd.DatetimeIndex) else pd.to_datetime(index)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{what} must be indexed by date") from exc
    if stamps.tz is not None:
        stamps = stamps.tz_localize(None)
    days = stamps.values.astype("datetime64[D]")
    numbers: np.ndarray = days.astype(np.int64)  # pandas is untyped here
    numbers[np.isnat(days)] = np.iinfo(np.int64).min
    return numbers


def _daily_values(
    series: pd.Series, schedule: Schedule, what: str
) -> tuple[NDArray[np.float64], NDArray[np.bool_]]:
    """Per trial day: mean of the finite values logged (NaN if none) and whether it has data."""
    if not isinstance(series, pd.Series):
        raise ValueError(f"{what} must be a pandas Series indexed by date")
    try:
        values = series.to_numpy(dtype=float)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{what} must hold numbers") from exc
    offsets = _day_numbers(series.index, what) - np.datetime64(schedule.start, "D").astype(np.int64)
    keep = np.isfinite(values) & (offsets >= 0) & (offsets < schedule.n_days)
    sums = np.bincount(offsets[keep], weights=values[keep], minlength=schedule.n_days)
    counts = np.bincount(offsets[keep], minlength=schedule.n_days)
    has = counts > 0
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(has, sums / np.maximum(counts, 1), np.nan), has


def _posterior_prob_below(
    d: NDArray[np.float64], threshold: float = 0.0, k0: float = PRIOR_PAIRS
) -> float:
    """Posterior ``P(mu < threshold)`` (see the module docstring for the model)."""
    n = d.size
    mean = float(d.mean())
    ss = float(((d - mean) ** 2).sum())
    kn = k0 + n
    location = n * mean / kn
    a_n = n / 2.0
    b_n = ss / 2.0 + k0 * n * mean**2 / (2.0 * kn)
    scale = math.sqrt(b_n / (a_n * kn))
    if scale == 0.0:
        return 0.5 if location == threshold else float(location < threshold)
    return float(stats.t.cdf(threshold, df=2 * a_n, loc=location, scale=scale))


def analyse(
    schedule: Schedule,
    outcome: pd.Series,
    *,
    adherence: pd.Series | None = None,
    lower_is_better: bool = True,
    min_days_per_period: int = 1,
    smallest_change: float = DEFAULT_SMALLEST_CHANGE,
) -> ExperimentResult:
    """Analyse ``outcome`` (indexed by ``datetime.date`` or Timestamps) under ``schedule``.

    ``lower_is_better`` decides what ``prob_b_better`` means (True for anxiety or pain; False
    for sleep quality). A period needs at least ``min_days_per_period`` analysed days with data.
    ``smallest_change`` (positive, on the outcome's scale) is the smallest difference worth
    having; ``prob_beyond_smallest`` is the chance B beats A by more than it. See the module
    docstring for the method.
    """
    if not isinstance(schedule, Schedule):
        raise ValueError("schedule must be a Schedule (see experiments.design)")
    if isinstance(min_days_per_period, bool) or not isinstance(min_days_per_period, int):
        raise ValueError("min_days_per_period must be a whole number")
    if min_days_per_period < 1:
        raise ValueError("min_days_per_period must be at least 1")
    if isinstance(smallest_change, bool) or not (
        isinstance(smallest_change, int | float) and math.isfinite(smallest_change)
    ):
        raise ValueError("smallest_change must be a number")
    if smallest_change < 0:
        raise ValueError("smallest_change must not be negative")
    smallest_change = float(smallest_change)
    daily, has = _daily_values(outcome, schedule, "outcome")
    n_periods_total = 2 * schedule.pairs
    analysed = (np.arange(schedule.n_days) % schedule.period_days) >= schedule.washout_days
    usable = has & analysed
    period_of_day = np.arange(schedule.n_days) // schedule.period_days
    counts = np.bincount(period_of_day[usable], minlength=n_periods_total)
    sums = np.bincount(period_of_day[usable], weights=daily[usable], minlength=n_periods_total)
    period_ok = counts >= min_days_per_period
    period_means = np.where(period_ok, sums / np.maximum(counts, 1), np.nan)

    notes: list[str] = []
    differences: list[float] = []
    means_a: list[float] = []
    means_b: list[float] = []
    used_periods = np.zeros(n_periods_total, dtype=bool)
    for pair, order in enumerate(schedule.order):
        first, second = 2 * pair, 2 * pair + 1
        if not (period_ok[first] and period_ok[second]):
            lacking = [
                f"its {order[i]} period" for i, p in enumerate((first, second)) if not period_ok[p]
            ]
            notes.append(f"pair {pair + 1} left out: no usable data in {' and '.join(lacking)}")
            continue
        a, b = (first, second) if order == "AB" else (second, first)
        means_a.append(float(period_means[a]))
        means_b.append(float(period_means[b]))
        differences.append(float(period_means[b] - period_means[a]))
        used_periods[[first, second]] = True

    d = np.asarray(differences)
    n = d.size
    enough = n >= MIN_PAIRS
    if not enough:
        # Still report adherence over whatever was logged, so the app can show it.
        used_periods = period_ok.copy()
    days_in_used = usable & used_periods[period_of_day]
    adherence_value, adherence_days = _adherence(adherence, schedule, days_in_used)

    common: dict[str, Any] = {
        "n_periods": 2 * n,
        "adherence": adherence_value,
        "n_pairs": n,
        "pairs_planned": schedule.pairs,
        "min_p_value": min_p_value(n),
        "p_value_exact": n <= EXACT_MAX_PAIRS,
        "lower_is_better": bool(lower_is_better),
        "enough_data": enough,
        "conditions": schedule.conditions,
        "pair_differences": tuple(differences),
        "period_means": tuple(float(m) for m in period_means),
        "adherence_days": adherence_days,
        "smallest_change": smallest_change,
    }
    if not enough:
        notes.insert(
            0,
            f"not enough data: {n} of {schedule.pairs} pairs of periods have data in both "
            f"periods; at least {MIN_PAIRS} are needed",
        )
        return ExperimentResult(
            estimate=_NAN,
            ci_low=_NAN,
            ci_high=_NAN,
            p_value=_NAN,
            prob_b_better=_NAN,
            note="; ".join(notes),
            mean_a=_NAN,
            mean_b=_NAN,
            **common,
        )

    estimate = float(d.mean())
    ci_low, ci_high = sign_flip_interval(d, ALPHA)
    below = _posterior_prob_below(d)
    if lower_is_better:
        beyond = _posterior_prob_below(d, -smallest_change)
    else:
        beyond = 1.0 - _posterior_prob_below(d, smallest_change)
    return ExperimentResult(
        estimate=estimate,
        ci_low=ci_low,
        ci_high=ci_high,
        p_value=sign_flip_p_value(d),
        prob_b_better=below if lower_is_better else 1.0 - below,
        prob_beyond_smallest=beyond,
        note="; ".join(notes),
        mean_a=float(np.mean(means_a)),
        mean_b=float(np.mean(means_b)),
        **common,
    )


def _adherence(
    adherence: pd.Series | None, schedule: Schedule, analysed_days: NDArray[np.bool_]
) -> tuple[float | None, int]:
    if adherence is None:
        return None, 0
    daily, has = _daily_values(adherence, schedule, "adherence")
    if np.any((daily[has] < 0) | (daily[has] > 1)):
        raise ValueError("adherence must hold 0 (not followed) or 1 (followed) per day")
    recorded = has & analysed_days
    if not recorded.any():
        return None, 0
    return float(daily[recorded].mean()), int(recorded.sum())
