"""Days after a gap in the outcome, and which factors may use them.

The model (:mod:`vagus.science.insights._model`) adjusts each day's outcome for the previous
day's. A day whose previous day has no outcome would be lost, so at lag 0 it is "bridged"
instead if the last logged outcome is 2 to ``MAX_GAP`` days back: that outcome in a column of
its own and an indicator of bridged days take the place of yesterday's outcome, so the day after
a gap keeps a momentum term and a level of its own. Nothing is filled in, and the two columns
exist only when some day is bridged, so a diary without gaps gets exactly the plain fit.

Two rules keep this honest (``docs/insights.md``, "Days after a gap"):

- not at lag ``L`` >= 1 over a gap longer than ``L`` days (:func:`usable_at_lag`): the
  unlogged outcome of the factor's own day would carry its same-day effect into the estimate;
- not for a factor that yesterday's outcome predicts (:func:`feedback_check`), say comfort food
  after anxious days: on a bridged day nothing takes yesterday out, so such a factor is fitted
  again on the ordinary days only. The test is the factor's own regression on the controls
  (the first half of the Frisch–Waugh step) at a deliberately sensitive two-sided p
  (``FEEDBACK_P``, chosen by simulation).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import stats

#: A day whose previous day has no outcome is still used if the last logged outcome is at
#: most this many days back (with that outcome and an indicator in place of yesterday's).
MAX_GAP = 7
#: ...unless yesterday's outcome predicts the factor at this two-sided p (a sensitive check,
#: chosen by simulation: after a gap such a factor could carry the unlogged day's outcome).
FEEDBACK_P = 0.30


@dataclass(frozen=True)
class Gaps:
    """Each calendar day's distance to the last logged outcome before it."""

    #: days back to the last logged outcome (1 on ordinary days, 0 before the first one)
    gap: np.ndarray
    #: logged days whose last logged outcome is 2 to ``max_gap`` days back
    bridged: np.ndarray
    #: the control columns bridged days add (that last outcome, the indicator); none when no
    #: day is bridged
    columns: list[np.ndarray]


def find_gaps(y: np.ndarray, max_gap: int = MAX_GAP) -> Gaps:
    """The gaps in an outcome on a gap-free calendar (NaN where not logged)."""
    logged = ~np.isnan(y)
    position = np.arange(len(y))
    last_at = np.maximum.accumulate(np.where(logged, position, -1))
    before = np.concatenate([[-1], last_at[:-1]])  # the last logged day before each day
    gap = np.where(before >= 0, position - before, 0)
    bridged = logged & (gap >= 2) & (gap <= max_gap)
    columns: list[np.ndarray] = []
    if bridged.any():
        columns = [np.where(bridged, y[np.maximum(before, 0)], 0.0), bridged.astype(float)]
    return Gaps(gap, bridged, columns)


def usable_at_lag(usable: np.ndarray, gap: np.ndarray, lag: int) -> np.ndarray:
    """The usable days for a factor at ``lag``: a bridged day only if the gap does not hide
    the factor's own day (lag 0, or the factor's day at or before the last logged outcome).

    At lag 1 over a one-day gap, the unlogged outcome of the factor's day would carry the
    factor's same-day effect into the next-day estimate.
    """
    ok: np.ndarray = usable & ((gap <= 1) | (lag == 0) | (gap <= lag))
    return ok


def feedback_t(
    coef_prev: np.ndarray,
    sxx: np.ndarray,
    pinv_prev: np.ndarray,
    n_days: np.ndarray,
    rank: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """The t statistic of yesterday's outcome in each factor's regression on the controls,
    and its degrees of freedom.

    ``coef_prev`` is that coefficient, ``pinv_prev`` its diagonal entry of the pseudo-inverted
    Gram matrix of the controls, ``sxx`` the factor's residual sum of squares after the
    controls, ``rank`` the rank of the controls on each fit's usable days.
    """
    df = np.maximum(n_days - rank, 1)
    with np.errstate(invalid="ignore", divide="ignore"):
        se = np.sqrt(sxx / df * pinv_prev)
        t: np.ndarray = np.where(se > 0, coef_prev / se, 0.0)
    return t, df


def feedback_check(
    mask: np.ndarray,
    gap: np.ndarray,
    t: np.ndarray,
    df: np.ndarray,
    *,
    feedback_p: float,
    min_fit_days: int,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Which fits must leave out their bridged days.

    ``mask`` holds each fit's usable days (one row per fit), ``t`` and ``df`` the statistic of
    :func:`feedback_t`, identified on the ordinary days. Returns each fit's ordinary days (its
    usable days without the bridged ones); the fits that use bridged days and whose factor
    yesterday's outcome predicts at ``p < feedback_p``, or that have fewer than
    ``min_fit_days`` ordinary days for the check to mean anything ("fed"); and the fed fits
    with enough ordinary days to be fitted again on those alone.
    """
    ordinary = mask & (gap <= 1)[None, :]
    n_ordinary = ordinary.sum(axis=1)
    p_feedback = 2 * stats.t.sf(np.abs(t), df)
    fed = (n_ordinary < mask.sum(axis=1)) & (
        (n_ordinary < min_fit_days) | ~(p_feedback >= feedback_p)  # NaN counts as fed
    )
    refit = fed & (n_ordinary >= min_fit_days)
    return ordinary, fed, refit
