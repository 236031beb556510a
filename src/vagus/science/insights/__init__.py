"""Within-person associations: what goes with a person's anxiety in their own diary.

Public API::

    associations(days, outcome, *, lags=(0, 1), min_days=14, fdr=0.10, factors=None)
        -> list[Association]
    lasting(days, outcome, *, ..., looks_back=(14, 28)) -> set[tuple[str, int]]
    describe(association, outcome_label, factor_label, ...) -> str
    describe_together(association, outcome_label, symptom_label, ...) -> str
    days_needed(days, outcome, factor, *, lag=0, min_days=14) -> int

Method (details, simulation figures and how to reproduce them: ``docs/insights.md``).
For every factor column ``x`` and lag ``L`` the outcome ``y`` on calendar day ``t`` is
regressed by ordinary least squares on

    y_t = a + b x_{t-L} + c y_{t-1} + sum_d w_d [weekday(t) = d] + s(t) + e_t

using the days on which ``y_t``, ``y_{t-1}`` and ``x_{t-L}`` were all logged; lags follow the
calendar (a gap in the diary makes the lagged value missing). At lag 0, a day whose day before
was not logged is still used if the last logged outcome is at most a week back: that outcome
and an indicator take the place of ``y_{t-1}`` on such days, unless yesterday's outcome
predicts the factor (then the factor could carry the unlogged day's anxiety, and such days are
left out for it). Nothing is filled in; a diary without gaps gets exactly the model above.
The previous day's outcome absorbs the autocorrelation of the diary and the "reverse" path in
which yesterday's anxiety drives today's factor; weekday dummies absorb weekly rhythms shared
by factor and outcome; the trend ``s(t)`` absorbs slow drifts (e.g. getting better over months
while a habit also changes, or a bad patch that comes and goes): a cubic B-spline with one
degree of freedom per 20 calendar days (a straight line below 30 days, at most 12), chosen by
simulation against random-walk, step and seasonal drifts (docs/insights.md). This is the
ARX / "lagged dependent variable" adjustment of within-person diary analysis (Hamaker &
Wichers 2017; Bringmann et al. 2013).

``b`` is reported with a 95 % interval from the classical OLS standard error and a Student t
reference on the residual degrees of freedom; two-sided p-values come from the same t. This
choice was made by simulation, not on paper: at 60–120 usable days Newey–West (1987) HAC
errors rejected true nulls too often (as Andrews 1991 and Kiefer & Vogelsang 2005 lead one to
expect), while the OLS errors of the lag-adjusted model held their size.
Factors are screened at every lag in one call, so the false-discovery rate is controlled with
the Benjamini & Hochberg (1995) step-up procedure; ``significant`` means ``q <= fdr``.
A finding's estimate is then too large on average (it was picked out for being large), so
findings also carry a selection-adjusted estimate and interval (``shown_*``) to show.
Only habits and exposures belong in one family: pass them as ``factors``; how symptoms move
together is a separate, descriptive question (and a separate call).
:func:`lasting` keeps only findings that also held two and four weeks earlier, so that opening
the page every few days does not turn chance into a finding.

A factor is left out, never guessed, when it has fewer than ``min_days`` usable days (and
never fewer than 12, the fewest that leave two residual degrees of freedom), when fewer than
three usable days differ from its most common value (for yes/no factors: at least three yes
and three no days), or when it is a copy of the controls (e.g. a weekend indicator).

Estimates are associations within one person's diary, not causes: a self-experiment
(:mod:`vagus.science.experiments`) is the way from one to the other.

References
----------
Benjamini Y, Hochberg Y (1995). Controlling the false discovery rate. JRSS B 57:289–300.
Bringmann LF et al. (2013). A network approach to psychopathology: new insights into clinical
longitudinal data. PLoS ONE 8:e60188.
Hamaker EL, Wichers M (2017). No time like the present: discovering the hidden dynamics in
intensive longitudinal data. Curr Dir Psychol Sci 26:10–15.
Newey WK, West KD (1987). A simple, positive semi-definite, heteroskedasticity and
autocorrelation consistent covariance matrix. Econometrica 55:703–708.
Andrews DWK (1991). Heteroskedasticity and autocorrelation consistent covariance matrix
estimation. Econometrica 59:817–858.
Kiefer NM, Vogelsang TJ (2005). A new asymptotic theory for heteroskedasticity-autocorrelation
robust tests. Econometric Theory 21:1130–1164.
Fithian W, Sun D, Taylor J (2014). Optimal inference after model selection. arXiv:1410.2597.
Andrews I, Kasy M, Roth J (2023). Inference on winners. QJE 139:305–358.
Frisch R, Waugh FV (1933); Lovell MC (1963): the partialling-out theorem used to fit all
factors at once.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from vagus.science.insights._findings import Association, benjamini_hochberg, to_associations
from vagus.science.insights._model import (
    MIN_DAYS_PER_LEVEL,
    MIN_FIT_DAYS,
    calendar_frame,
    check_options,
    screen,
)
from vagus.science.insights._wording import days_needed, describe, describe_together

__all__ = [
    "MIN_DAYS_PER_LEVEL",
    "MIN_FIT_DAYS",
    "Association",
    "associations",
    "benjamini_hochberg",
    "days_needed",
    "describe",
    "describe_together",
    "lasting",
]


def associations(
    days: pd.DataFrame,
    outcome: str,
    *,
    lags: Iterable[int] = (0, 1),
    min_days: int = 14,
    fdr: float = 0.10,
    factors: Iterable[str] | None = None,
) -> list[Association]:
    """Screen every other column of ``days`` as a factor of ``outcome`` at each lag.

    Parameters
    ----------
    days
        One row per calendar day (``DatetimeIndex``; gaps allowed), one numeric column per
        measure, NaN where not logged. Yes/no measures are coded 0/1.
    outcome
        The column to explain, e.g. ``"anxiety"``.
    lags
        Lags in days: 0 pairs the factor and the outcome on the same day, 1 pairs the factor
        on the day before with the outcome.
    min_days
        Fewest usable days (outcome that day and the day before, or at lag 0 the last logged
        outcome up to a week before; factor at its lag) for a factor to be estimated.
    fdr
        False-discovery rate at which ``significant`` is set (Benjamini–Hochberg).
    factors
        The columns to screen, as one family for the false-discovery rate (habits and
        exposures, not the outcome's fellow symptoms). ``None``: every other column.

    Returns
    -------
    list[Association]
        One per (factor, lag) that had enough data, sorted by p-value. Empty if nothing could
        be estimated.

    Raises
    ------
    TypeError
        ``days`` is not a DataFrame, has no DatetimeIndex, or has non-numeric columns.
    ValueError
        The outcome column is missing, a day repeats, values are infinite, or an option is
        out of range.
    """
    lag_tuple = check_options(lags, min_days, fdr)
    frame = calendar_frame(days, outcome)
    chosen = _check_factors(frame, factors)
    return to_associations(screen(frame, outcome, lag_tuple, min_days, chosen), fdr)


def _check_factors(frame: pd.DataFrame, factors: Iterable[str] | None) -> list[str] | None:
    if factors is None:
        return None
    if isinstance(factors, str):
        raise TypeError("factors must be a list of column names, not one string")
    chosen = list(factors)
    unknown = [name for name in chosen if name not in frame.columns]
    if unknown:
        raise ValueError(f"factors not in days: {unknown}")
    return chosen


#: How many days before the last one the earlier looks of :func:`lasting` end.
LOOKS_BACK = (14, 28)


def lasting(
    days: pd.DataFrame,
    outcome: str,
    *,
    lags: Iterable[int] = (0, 1),
    min_days: int = 14,
    fdr: float = 0.10,
    factors: Iterable[str] | None = None,
    looks_back: Iterable[int] = LOOKS_BACK,
    found: list[Association] | None = None,
) -> set[tuple[str, int]]:
    """The (factor, lag) findings that also held in the diary as it was some days ago.

    A finding counts only if it is ``significant`` in the whole diary and in the diary cut
    ``k`` days before its last day for every ``k`` in ``looks_back``. Chance findings come and
    go as days are added; someone who opens the page every few days would otherwise meet one
    sooner or later (docs/insights.md has the simulation). ``found`` may pass the whole-diary
    result if it has been computed already.
    """
    lag_tuple = check_options(lags, min_days, fdr)
    frame = calendar_frame(days, outcome)
    chosen = _check_factors(frame, factors)
    if found is None:
        found = to_associations(screen(frame, outcome, lag_tuple, min_days, chosen), fdr)
    keep = {(a.factor, a.lag) for a in found if a.significant}
    for back in looks_back:
        if not keep:
            break
        if frame.empty:
            return set()
        earlier = frame.loc[: frame.index[-1] - pd.Timedelta(days=int(back))]
        then = to_associations(screen(earlier, outcome, lag_tuple, min_days, chosen), fdr)
        keep &= {(a.factor, a.lag) for a in then if a.significant}
    return keep
