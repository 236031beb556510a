"""Pooling the per-participant statistics of one factor: the two-stage random-effects model.

Stage 0 (weekday). The fixed-effects ("within") regression pooled over participants,
``y_c = b x_c + sum_d w_d D_c,d + e``, gives the weekday effects ``w`` shared by everyone.

Stage 1 (each participant). With the weekday effects removed, participant ``i``'s own slope is
``b_i = S_xy / S_xx`` from their centred cross-products, with sampling variance
``v_i = s_i^2 / S_xx`` (``s_i^2`` the residual variance on ``n_i - 2`` degrees of freedom).

Stage 2 (the cohort). ``b_i = beta_W + u_i + e_i`` with ``u_i ~ N(0, tau^2)``: tau^2 by REML
(Viechtbauer 2005, the fixed-point iteration from the DerSimonian-Laird start), ``beta_W`` the
inverse-variance weighted mean with weights ``1 / (v_i + tau^2)`` and the Knapp-Hartung
variance (never below the model-based one) on ``N - 1`` degrees of freedom (Knapp & Hartung
2003; IntHout et al. 2014). ``tau`` is the random-slope SD.

Between persons. The weekday-adjusted person means ``ybar_i - w . dbar_i`` are regressed on
``xbar_i`` by weighted least squares with weights ``1 / (tau_0^2 + s^2 / n_i)`` (``s^2`` the
pooled within-person residual variance, ``tau_0^2`` the moment estimate of the spread of
person means left unexplained), on ``N - 2`` degrees of freedom.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy import stats as scipy_stats

from vagus.science.cohort._stats import COUNT, CROSS, DAY_SHARE, SIDE, X_MEAN, Y_MEAN

MIN_PARTICIPANTS = 3
SLOPE_SD_PARTICIPANTS = 5  # fewer own slopes than this say nothing useful about their spread
LEVEL = 0.95


@dataclass(frozen=True)
class Pooled:
    participants: int
    observations: int
    used: NDArray[np.bool_]
    within: tuple[float, float, float, float]  # estimate, low, high, p
    between: tuple[float, float, float]
    slope_sd: float | None


def _reml_tau2(b: NDArray[np.float64], v: NDArray[np.float64]) -> float:
    w = 1.0 / v
    mu = float(np.sum(w * b) / np.sum(w))
    q = float(np.sum(w * (b - mu) ** 2))
    tau2 = max(0.0, (q - (len(b) - 1)) / (np.sum(w) - np.sum(w * w) / np.sum(w)))
    for _ in range(500):
        w = 1.0 / (v + tau2)
        mu = float(np.sum(w * b) / np.sum(w))
        new = float(np.sum(w * w * ((b - mu) ** 2 - v)) / np.sum(w * w) + 1.0 / np.sum(w))
        new = max(0.0, new)
        if abs(new - tau2) <= 1e-12 * max(1.0, tau2):
            return new
        tau2 = new
    return tau2


def _interval(estimate: float, se: float, df: int) -> tuple[float, float, float]:
    half = float(scipy_stats.t.ppf(0.5 + LEVEL / 2, df)) * se
    p = float(2 * scipy_stats.t.sf(abs(estimate) / se, df)) if se > 0 else 0.0
    return estimate - half, estimate + half, p


def pool(stats: NDArray[np.float64], min_days: int) -> Pooled | str:
    """The factor's cohort estimates, or a plain reason why it cannot be estimated."""
    n = stats[:, COUNT]
    cross = stats[:, CROSS].reshape(-1, SIDE, SIDE)
    sxx = cross[:, 0, 0]
    varies = sxx > 1e-10 * np.maximum(1.0, stats[:, X_MEAN] ** 2) * np.maximum(n, 1.0)
    used = (n >= max(min_days, 3)) & varies
    count = int(used.sum())
    if count < MIN_PARTICIPANTS:
        return (
            f"{count} participant{'s' if count != 1 else ''} with at least {min_days} days "
            f"on which it varies; at least {MIN_PARTICIPANTS} are needed"
        )
    n, cross, sxx = n[used], cross[used], sxx[used]
    total = cross.sum(axis=0)
    fixed = np.linalg.solve(total[:-1, :-1], total[:-1, -1])
    w = fixed[1:]  # weekday effects shared by everyone
    sxy = cross[:, 0, -1] - cross[:, 0, 1:-1] @ w
    syy = (
        cross[:, -1, -1]
        - 2 * cross[:, 1:-1, -1] @ w
        + np.einsum("i,pij,j->p", w, cross[:, 1:-1, 1:-1], w)
    )
    b = sxy / sxx
    rss = np.maximum(syy - b * sxy, 0.0)
    residual = rss / (n - 2)
    floor = 1e-12 * max(float(np.mean(residual)), 1e-300)
    v = np.maximum(residual, floor) / sxx

    tau2 = _reml_tau2(b, v)
    weight = 1.0 / (v + tau2)
    estimate = float(np.sum(weight * b) / np.sum(weight))
    spread = float(np.sum(weight * (b - estimate) ** 2)) / (count - 1)
    se = math.sqrt(max(1.0, spread) / float(np.sum(weight)))
    low, high, p = _interval(estimate, se, count - 1)

    s2 = float(rss.sum() / (n - 2).sum())
    y_adjusted = stats[used, Y_MEAN] - stats[used][:, DAY_SHARE] @ w
    x_mean = stats[used, X_MEAN]
    if float(np.ptp(x_mean)) <= 1e-12 * max(1.0, float(np.abs(x_mean).max())):
        return "its average is the same for every participant"
    design = np.column_stack([np.ones(count), x_mean])
    ols, *_ = np.linalg.lstsq(design, y_adjusted, rcond=None)
    ols_residual = float(np.sum((y_adjusted - design @ ols) ** 2)) / (count - 2)
    tau0 = max(0.0, ols_residual - float(np.mean(s2 / n)))
    bw = 1.0 / (tau0 + s2 / n)
    xtwx = design.T @ (design * bw[:, None])
    coef = np.linalg.solve(xtwx, design.T @ (bw * y_adjusted))
    scale = float(np.sum(bw * (y_adjusted - design @ coef) ** 2)) / (count - 2)
    b_se = math.sqrt(scale * float(np.linalg.inv(xtwx)[1, 1]))
    b_low, b_high, _ = _interval(float(coef[1]), b_se, count - 2)

    return Pooled(
        participants=count,
        observations=int(n.sum()),
        used=used,
        within=(estimate, low, high, p),
        between=(float(coef[1]), b_low, b_high),
        slope_sd=math.sqrt(tau2) if count >= SLOPE_SD_PARTICIPANTS else None,
    )
