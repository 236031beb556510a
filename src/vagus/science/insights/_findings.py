"""From a screen to what is shown: false-discovery control and honest findings.

Every fit of the screen (:mod:`vagus.science.insights._model`) gets its t-based interval and
p-value; Benjamini–Hochberg adjusts the p-values across everything screened in one call; and
the findings that pass get an estimate and interval corrected for having been picked out,
so what the page shows is not inflated by the winner's curse (docs/insights.md).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import special, stats

from vagus.science.insights._model import Screen


@dataclass(frozen=True)
class Association:
    """One factor at one lag, adjusted as described in :func:`associations`.

    ``estimate`` is in the outcome's unit per one unit of the factor (for a yes/no factor:
    yes minus no). ``ci_low``/``ci_high`` bound the 95 % confidence interval, ``q_value`` is the
    Benjamini–Hochberg adjusted p-value across everything screened in the same call, and
    ``significant`` is ``q_value <= fdr``. ``binary`` says whether the factor was a 0/1 factor.
    """

    factor: str
    lag: int
    estimate: float
    ci_low: float
    ci_high: float
    p_value: float
    q_value: float
    n_days: int
    significant: bool
    binary: bool = False
    #: For a finding (``significant``): the estimate and 95 % interval to show, corrected for
    #: having been picked out of the screen (conditional on passing the false-discovery
    #: threshold, docs/insights.md); ``None`` for the rest.
    shown_estimate: float | None = None
    shown_low: float | None = None
    shown_high: float | None = None


def benjamini_hochberg(p_values: np.ndarray) -> np.ndarray:
    """Benjamini–Hochberg (1995) adjusted p-values ("q-values"), capped at 1.

    ``q_(i) = min_{j >= i} p_(j) m / j`` over the ascending p-values; rejecting every
    hypothesis with ``q <= alpha`` is the step-up procedure controlling the false-discovery
    rate at ``alpha`` for independent or positively dependent tests.
    """
    p = np.asarray(p_values, dtype=float)
    m = p.size
    if m == 0:
        return p.copy()
    order = np.argsort(p, kind="mergesort")
    scaled = p[order] * m / np.arange(1, m + 1)
    q_sorted = np.minimum(np.minimum.accumulate(scaled[::-1])[::-1], 1.0)
    q = np.empty(m)
    q[order] = q_sorted
    return q


def _truncated_cdf(z: np.ndarray, mu: np.ndarray, c: np.ndarray) -> np.ndarray:
    """P(Z <= z | |Z| >= c) for Z ~ N(mu, 1), at z >= c (the positive side)."""
    left = special.ndtr(-c - mu)
    inside = special.ndtr(z - mu) - special.ndtr(c - mu)
    total = left + special.ndtr(mu - c)
    with np.errstate(invalid="ignore", divide="ignore"):
        out = (left + inside) / total
    return np.where(total > 0, out, np.where(mu < z, 1.0, 0.0))


def selection_adjusted(
    z: np.ndarray, c: np.ndarray, levels: tuple[float, ...] = (0.975, 0.5, 0.025)
) -> np.ndarray:
    """Means ``mu`` with ``P(Z <= z | |Z| >= c; mu) = level`` for each level (rows).

    The conditional (truncated-normal) inference for a statistic that was shown only because
    it passed ``|Z| >= c``: level 0.5 gives the median-unbiased estimate, 0.975 and 0.025 the
    ends of the 95 % interval, which covers the truth in 95 % of shown findings whatever the
    truth is (Fithian, Sun & Taylor 2014; Andrews, Kasy & Roth 2023). Solved by bisection:
    the conditional distribution function falls as ``mu`` rises.
    """
    sign = np.where(z < 0, -1.0, 1.0)
    z_pos = np.abs(z)
    rows = []
    for level in levels:
        low, high = z_pos - c - 12.0, z_pos + 12.0
        for _ in range(60):
            middle = (low + high) / 2
            above = _truncated_cdf(z_pos, middle, c) > level
            low, high = np.where(above, middle, low), np.where(above, high, middle)
        rows.append(sign * (low + high) / 2)
    return np.array(rows)


def to_associations(result: Screen, fdr: float) -> list[Association]:
    """Turn a screen into result objects: t-based intervals and p, then BH across all.

    Findings also get a selection-adjusted estimate and interval (:func:`selection_adjusted`):
    a finding is picked out because its p-value passed the BH threshold ``k fdr / m`` (``k``
    findings of ``m``), so its estimate is conditioned on ``|z| >= z(k fdr / 2m)``, with the t
    statistic carried to the normal scale through its p-value.
    """
    df = result.df_resid
    t_stat = result.estimate / result.se
    p_values = 2 * stats.t.sf(np.abs(t_stat), df)
    q_values = benjamini_hochberg(p_values)
    half = stats.t.ppf(0.975, df) * result.se
    significant = q_values <= fdr
    shown = np.full((3, len(p_values)), np.nan)
    if significant.any():
        chosen = np.flatnonzero(significant)
        threshold = np.full(chosen.size, stats.norm.isf(chosen.size * fdr / (2 * len(p_values))))
        z = np.sign(t_stat[chosen]) * stats.norm.isf(p_values[chosen] / 2)
        # A p-value too small for the normal scale is far past any threshold: no adjustment.
        z = np.where(np.isfinite(z), z, t_stat[chosen])
        shown[:, chosen] = selection_adjusted(z, threshold) * result.se[chosen]

    def _maybe(value: float) -> float | None:
        return None if np.isnan(value) else float(value)

    found = [
        Association(
            factor=result.factor[j],
            lag=int(result.lag[j]),
            estimate=float(result.estimate[j]),
            ci_low=float(result.estimate[j] - half[j]),
            ci_high=float(result.estimate[j] + half[j]),
            p_value=float(p_values[j]),
            q_value=float(q_values[j]),
            n_days=int(result.n_days[j]),
            significant=bool(significant[j]),
            binary=bool(result.binary[j]),
            shown_estimate=_maybe(shown[1, j]),
            shown_low=_maybe(min(shown[0, j], shown[2, j])),
            shown_high=_maybe(max(shown[0, j], shown[2, j])),
        )
        for j in range(len(result.factor))
    ]
    found.sort(key=lambda a: (a.p_value, a.factor, a.lag))
    return found
