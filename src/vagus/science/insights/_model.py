"""The adjusted lagged regression behind :func:`vagus.science.insights.associations`.

Every factor and lag is one ordinary least-squares regression of the outcome on

    factor (lagged) + outcome on the previous calendar day + day of week (6 dummies)
    + linear time trend + intercept                                     (10 terms)

fitted on the days where every one of those values was logged (at lag 0, a day after a gap
uses the last logged outcome instead: :mod:`vagus.science.insights._gaps`). The fits differ
only in the factor column and in which days are usable, so they are solved together: the nine
control columns are orthonormalised once per distinct set of usable days (a batched thin SVD,
which also copes with controls that happen to be collinear on a sparse diary), and the factor
coefficient follows from the Frisch–Waugh–Lovell theorem as a ratio of inner products of
residualised vectors. The result is identical to a separate ``statsmodels`` OLS fit per
factor (checked to 1e-8 in the tests and the benchmark) at a fraction of the cost.

Standard errors are the classical OLS ones with a Student *t* reference on the residual
degrees of freedom. Adjusting for the previous day's outcome leaves residuals that are close
to white noise, and in series of 60–120 usable days this was the only candidate whose tests
held their nominal size (5.5 % at p < 0.05 over all true nulls); Newey–West errors rejected
10–12 % of true nulls, and still 7–8 % with the n/(n-k) correction and a t reference.
``docs/insights.md`` records the simulation that decided it. What is shown from a screen
(false-discovery control, findings corrected for selection) is :mod:`._findings`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.interpolate import BSpline

from vagus.science.insights._gaps import (
    FEEDBACK_P,
    MAX_GAP,
    feedback_check,
    feedback_t,
    find_gaps,
    usable_at_lag,
)

#: A factor needs at least this many usable days away from its most common value; for a
#: yes/no factor that means at least this many "yes" days and this many "no" days.
MIN_DAYS_PER_LEVEL = 3
#: Terms in the smallest model: factor, previous-day outcome, 6 weekday dummies, a straight
#: trend and the intercept. Longer diaries get a flexible trend with more terms.
N_TERMS = 10
#: One degree of freedom of the slow-change trend per this many calendar days (chosen by
#: simulation, docs/insights.md): a straight line up to 29 days, a cubic B-spline beyond.
DAYS_PER_TREND_DF = 20
#: ...but at most this many, so that a three-year screen stays fast (knots every 3 months
#: there; the previous day's outcome already takes out faster swings).
MAX_TREND_DF = 12
#: The fewest usable days with which a model is fitted at all, whatever ``min_days`` says:
#: two residual degrees of freedom.
MIN_FIT_DAYS = N_TERMS + 2
#: A factor whose residual variation after the controls is below this fraction of its own
#: variation is a copy of the controls (for example a weekend indicator) and is left out.
_COLLINEAR = 1e-8


@dataclass(frozen=True)
class Screen:
    """Arrays for every (factor, lag) that could be fitted; internal to the package."""

    factor: list[str]
    lag: np.ndarray
    binary: np.ndarray
    n_days: np.ndarray
    df_resid: np.ndarray
    estimate: np.ndarray
    se: np.ndarray
    #: residualised factor and model residuals on the calendar (zero on unusable days);
    #: kept so that alternative standard errors can be compared by simulation.
    x_resid: np.ndarray
    residuals: np.ndarray


def calendar_frame(days: pd.DataFrame, outcome: str) -> pd.DataFrame:
    """Check the input and return it as floats on a gap-free daily calendar.

    Raises ``TypeError`` for a non-DataFrame, a non-DatetimeIndex or non-numeric columns and
    ``ValueError`` for a missing outcome, duplicate days, infinite values or no rows.
    """
    if not isinstance(days, pd.DataFrame):
        raise TypeError(f"days must be a pandas DataFrame, not {type(days).__name__}")
    if not isinstance(days.index, pd.DatetimeIndex):
        raise TypeError(
            "days must have a DatetimeIndex (one row per calendar day), "
            f"not {type(days.index).__name__}"
        )
    if outcome not in days.columns:
        raise ValueError(
            f"outcome column {outcome!r} is not in days; columns are {list(days.columns)}"
        )
    if days.columns.duplicated().any():
        dupes = sorted({str(c) for c in days.columns[days.columns.duplicated()]})
        raise ValueError(f"days has duplicate column names: {dupes}")
    non_numeric = [
        str(name)
        for name, dtype in days.dtypes.items()
        if not (pd.api.types.is_numeric_dtype(dtype) or pd.api.types.is_bool_dtype(dtype))
    ]
    if non_numeric:
        raise TypeError(
            f"every column of days must be numeric (NaN where not logged); "
            f"not numeric: {non_numeric}"
        )
    # Calendar days in the diary's own time zone: keep the local date, drop the zone.
    index = days.index.normalize()
    if index.tz is not None:
        index = index.tz_localize(None)
    if index.hasnans:
        raise ValueError("days has missing (NaT) dates in its index")
    if index.duplicated().any():
        first = index[index.duplicated()][0]
        raise ValueError(f"days must have one row per calendar day; {first.date()} repeats")
    values = {name: days[name].to_numpy(dtype=float, na_value=np.nan) for name in days.columns}
    frame = pd.DataFrame(values, index=index).sort_index()
    if np.isinf(frame.to_numpy()).any():
        raise ValueError("days contains infinite values; use NaN for days not logged")
    if frame.empty:
        return frame
    full = pd.date_range(frame.index[0], frame.index[-1], freq="D")
    return frame.reindex(full)


def trend_basis(n: int, days_per_df: int | None = DAYS_PER_TREND_DF) -> np.ndarray:
    """Columns for slow change over ``n`` calendar days (without the constant).

    ``df = max(1, round(n / days_per_df))`` columns (at most ``MAX_TREND_DF``): a straight
    line for one, a quadratic for two, a cubic for three, and a cubic B-spline with equally
    spaced knots beyond (the first basis function is dropped because the functions sum to
    one, which the intercept already spans). ``days_per_df=None`` gives the straight line of
    the first edition.
    """
    position = np.arange(n, dtype=float)
    scaled = (position - (n - 1) / 2) / max(n - 1, 1)  # (-0.5, 0.5): columns of similar size
    df = 1 if days_per_df is None else min(MAX_TREND_DF, max(1, round(n / days_per_df)))
    if df <= 1 or n < 8:
        return scaled[:, None]
    degree = min(3, df)
    inner = np.linspace(-0.5, 0.5, df + 1 - degree + 1)[1:-1]
    knots = np.concatenate([[-0.5] * (degree + 1), inner, [0.5] * (degree + 1)])
    basis = BSpline.design_matrix(scaled, knots, degree).toarray()
    columns: np.ndarray = basis[:, 1:]
    return columns


def controls(
    frame: pd.DataFrame,
    outcome: str,
    days_per_df: int | None = DAYS_PER_TREND_DF,
    max_gap: int = MAX_GAP,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Return the outcome, whether each day can be used, the control columns and the gaps.

    The controls are the intercept, the previous day's outcome (column 1, which
    :func:`~vagus.science.insights._gaps.feedback_t` relies on), six weekday dummies, the
    trend columns of :func:`trend_basis` and, when some day is bridged, the two columns of
    :func:`~vagus.science.insights._gaps.find_gaps`. A day with the outcome logged is usable
    if the outcome was also logged the calendar day before, or if it is bridged (the last
    logged outcome 2 to ``max_gap`` days back; ``max_gap=1``: the first edition, yesterday or
    nothing). ``gap`` is the number of days back to the last logged outcome (1 on ordinary
    days); see :func:`~vagus.science.insights._gaps.usable_at_lag` for which lags may use a
    bridged day. The controls are zero on unusable days.
    """
    y = frame[outcome].to_numpy()
    y_prev = frame[outcome].shift(1).to_numpy()  # the frame is a gap-free calendar
    n = len(frame)
    gaps = find_gaps(y, max_gap)
    usable = (~np.isnan(y) & ~np.isnan(y_prev)) | gaps.bridged
    weekday = frame.index.day_of_week.to_numpy()
    dummies = (weekday[:, None] == np.arange(1, 7)[None, :]).astype(float)  # Monday = base
    trend = trend_basis(n, days_per_df)
    z = np.column_stack([np.ones(n), np.nan_to_num(y_prev), dummies, trend, *gaps.columns])
    return np.nan_to_num(y), usable, z, np.where(usable, gaps.gap, 0)


def _lagged(values: np.ndarray, lag: int) -> np.ndarray:
    """Shift calendar rows down by ``lag`` days (NaN where the lagged day is before the start)."""
    if lag == 0:
        return values
    out = np.full_like(values, np.nan)
    out[lag:] = values[:-lag]
    return out


def _mode_counts(x: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """How many usable days share each row's most common value (vectorised run lengths)."""
    ordered = np.sort(np.where(mask, x, np.inf), axis=1)
    position = np.arange(ordered.shape[1])
    new_run = np.ones(ordered.shape, dtype=bool)
    new_run[:, 1:] = ordered[:, 1:] != ordered[:, :-1]
    run_start = np.maximum.accumulate(np.where(new_run, position, 0), axis=1)
    run_length = np.where(np.isfinite(ordered), position - run_start + 1, 0)
    counts: np.ndarray = run_length.max(axis=1)
    return counts


@dataclass(frozen=True)
class _Fits:
    """The batched fits of :func:`_fit_all` (one row per factor-and-lag)."""

    estimate: np.ndarray
    se: np.ndarray
    df_resid: np.ndarray
    identifiable: np.ndarray
    #: t statistic of yesterday's outcome in the factor's own regression on the controls
    feedback_t: np.ndarray
    feedback_df: np.ndarray
    x_resid: np.ndarray
    residuals: np.ndarray

    def replace(self, rows: np.ndarray, other: _Fits) -> _Fits:
        """These fits with ``rows`` taken from ``other`` (fitted for those rows only)."""
        out = {}
        for name in self.__dataclass_fields__:
            mine = getattr(self, name).copy()
            mine[rows] = getattr(other, name)
            out[name] = mine
        return _Fits(**out)


def _fit_all(
    mask: np.ndarray, x_all: np.ndarray, y: np.ndarray, z: np.ndarray, zz: np.ndarray
) -> _Fits:
    """Fit every row of ``x_all`` on its own usable days ``mask`` (see :func:`screen`);
    ``zz`` holds the products of every pair of control columns, day by day."""
    k = z.shape[1]
    weights = mask.astype(float)
    n_days = mask.sum(axis=1)
    # Centre on each fit's usable days (the intercept makes this free) for accuracy.
    x_c = weights * (
        np.nan_to_num(x_all) - (weights * np.nan_to_num(x_all)).sum(1)[:, None] / n_days[:, None]
    )
    y_c = weights * (y[None, :] - (weights * y[None, :]).sum(1)[:, None] / n_days[:, None])
    gram = (weights @ zz).reshape(-1, k, k)
    eigval, eigvec = np.linalg.eigh(gram)
    # Pseudo-inverse: directions with eigenvalue below 1e-10 of the largest (singular values
    # below 1e-5 of the largest) are treated as exactly collinear controls.
    keep_dir = eigval > 1e-10 * eigval[:, -1:]
    inv = np.where(keep_dir, 1 / np.where(keep_dir, eigval, 1.0), 0.0)
    gram_pinv = np.einsum("jab,jb,jcb->jac", eigvec, inv, eigvec)
    rank = keep_dir.sum(axis=1)
    coef_x = np.einsum("jab,jb->ja", gram_pinv, x_c @ z)
    coef_y = np.einsum("jab,jb->ja", gram_pinv, y_c @ z)
    x_resid = x_c - weights * (coef_x @ z.T)
    y_resid = y_c - weights * (coef_y @ z.T)

    sxx = np.einsum("jn,jn->j", x_resid, x_resid)
    identifiable = sxx > _COLLINEAR * np.einsum("jn,jn->j", x_c, x_c)
    safe_sxx = np.where(identifiable, sxx, 1.0)
    estimate = np.einsum("jn,jn->j", x_resid, y_resid) / safe_sxx
    residuals = y_resid - estimate[:, None] * x_resid
    df_resid = n_days - rank - 1
    rss = np.einsum("jn,jn->j", residuals, residuals)
    with np.errstate(invalid="ignore", divide="ignore"):
        se = np.sqrt(rss / np.maximum(df_resid, 1) / safe_sxx)
    # The factor regressed on the controls: does yesterday's outcome (column 1) predict it?
    check_t, check_df = feedback_t(coef_x[:, 1], sxx, gram_pinv[:, 1, 1], n_days, rank)
    return _Fits(estimate, se, df_resid, identifiable, check_t, check_df, x_resid, residuals)


def screen(
    frame: pd.DataFrame,
    outcome: str,
    lags: Iterable[int],
    min_days: int,
    factors: Iterable[str] | None = None,
    days_per_df: int | None = DAYS_PER_TREND_DF,
    max_gap: int = MAX_GAP,
    feedback_p: float = FEEDBACK_P,
) -> Screen:
    """Fit the adjusted model for each factor (default: every other column) at every lag.

    For factor-and-lag ``j`` with usable days ``m_j`` and controls ``Z``, the factor and the
    outcome are centred on the usable days and residualised on the controls through the
    normal equations ``G_j = Z' M_j Z`` (one matrix product for all ``j``, pseudo-inverted by
    eigendecomposition so that a weekday never logged does no harm). The coefficient is then
    ``b_j = <x~_j, y~_j> / <x~_j, x~_j>`` (Frisch–Waugh–Lovell) and the residual variance
    ``|y~_j - b_j x~_j|^2 / (n_j - rank(Z M_j) - 1)``.

    Days after a gap are used only by factors that yesterday's outcome does not predict at a
    two-sided p below ``feedback_p``; the others are refitted without them
    (:func:`~vagus.science.insights._gaps.feedback_check`).
    """
    empty = np.zeros(0)
    wanted = frame.columns if factors is None else list(factors)
    columns = [str(name) for name in wanted if name != outcome]
    if frame.empty or not columns:
        return Screen([], empty, empty, empty, empty, empty, empty, empty, empty)
    y, usable, z, gap = controls(frame, outcome, days_per_df, max_gap)
    values = frame[columns].to_numpy(dtype=float)
    seen = ~np.isnan(values)
    is_binary = seen.any(axis=0) & np.where(seen, (values == 0) | (values == 1), True).all(axis=0)
    lag_tuple = tuple(lags)
    x_all = np.concatenate([_lagged(values, lag).T for lag in lag_tuple])  # (J, n)
    names = columns * len(lag_tuple)
    lag_of = np.repeat(lag_tuple, len(columns))
    binary_of = np.tile(is_binary, len(lag_tuple))
    day_ok = np.stack([usable_at_lag(usable, gap, int(lag)) for lag in lag_of])
    mask = day_ok & ~np.isnan(x_all)
    keep = np.flatnonzero(_enough(mask, x_all, min_days))
    if keep.size == 0:
        return Screen([], empty, empty, empty, empty, empty, empty, empty, empty)
    mask = mask[keep]
    zz = (z[:, :, None] * z[:, None, :]).reshape(len(z), -1)
    fits = _fit_all(mask, x_all[keep], y, z, zz)
    ordinary, fed, refitted = feedback_check(
        mask,
        gap,
        fits.feedback_t,
        fits.feedback_df,
        feedback_p=feedback_p,
        min_fit_days=MIN_FIT_DAYS,
    )
    refit = np.flatnonzero(refitted)
    if refit.size:
        fits = fits.replace(refit, _fit_all(ordinary[refit], x_all[keep[refit]], y, z, zz))
    mask[fed] = ordinary[fed]  # with too few ordinary days: left out below
    n_days = mask.sum(axis=1)
    df_resid = fits.df_resid
    # Too few days once the bridged ones are out, or a perfect fit (outcome constant on the
    # usable days), which has no honest standard error: left out.
    ok = np.flatnonzero(
        _enough(mask, x_all[keep], min_days)
        & fits.identifiable
        & (df_resid >= 1)
        & np.isfinite(fits.se)
        & (fits.se > 0)
    )
    chosen = keep[ok]
    return Screen(
        factor=[str(names[i]) for i in chosen],
        lag=lag_of[chosen],
        binary=binary_of[chosen],
        n_days=n_days[ok],
        df_resid=df_resid[ok],
        estimate=fits.estimate[ok],
        se=fits.se[ok],
        x_resid=fits.x_resid[ok],
        residuals=fits.residuals[ok],
    )


def _enough(mask: np.ndarray, x_all: np.ndarray, min_days: int) -> np.ndarray:
    """Fits with enough usable days, and at least MIN_DAYS_PER_LEVEL of them away from the
    factor's most common value (yes/no: each level)."""
    n_days = mask.sum(axis=1)
    ok: np.ndarray = (n_days >= max(min_days, MIN_FIT_DAYS)) & (
        n_days - _mode_counts(x_all, mask) >= MIN_DAYS_PER_LEVEL
    )
    return ok


def check_options(lags: Iterable[int], min_days: int, fdr: float) -> tuple[int, ...]:
    """Validate the keyword options of :func:`associations`; return the lags as a tuple."""
    lag_tuple = tuple(lags)
    if not lag_tuple:
        raise ValueError("lags must name at least one lag, e.g. (0, 1)")
    for lag in lag_tuple:
        if isinstance(lag, bool) or not isinstance(lag, int | np.integer) or lag < 0:
            raise ValueError(f"lags must be whole numbers of days >= 0, got {lag!r}")
    if len(set(lag_tuple)) != len(lag_tuple):
        raise ValueError(f"lags must not repeat, got {lag_tuple}")
    if isinstance(min_days, bool) or not isinstance(min_days, int | np.integer) or min_days < 1:
        raise ValueError(f"min_days must be a positive whole number, got {min_days!r}")
    if not 0 < fdr < 1:
        raise ValueError(f"fdr must be between 0 and 1, got {fdr!r}")
    return tuple(int(lag) for lag in lag_tuple)
