"""Benchmark and calibration of ``vagus.science.insights`` (prints figures; not a test).

    .venv/bin/python benchmarks/insights.py                # speed: 3-year diary, 60 measures
    .venv/bin/python benchmarks/insights.py --calibration  # which standard errors stay honest

Speed: one full screen (59 factors x lags 0 and 1) of a 1,095-day diary with the batched
Frisch–Waugh fit, against a straightforward loop of one statsmodels OLS fit per factor and
lag on the same data; prints seconds per screen, the speed-up and the largest difference in
estimates, standard errors and p-values.

Calibration: simulated diaries (``vagus.science.insights._simulate``) with known truth; for
every true null (factor, lag) the share of p < 0.05 under candidate standard errors, and the
95 % interval coverage of the planted effects. The figures are recorded in docs/insights.md.
"""

from __future__ import annotations

import argparse
import time

import numpy as np
import pandas as pd
import statsmodels.api as sm
from scipy import stats

from vagus.science import insights
from vagus.science.insights._findings import to_associations
from vagus.science.insights._gaps import FEEDBACK_P, MAX_GAP
from vagus.science.insights._model import (
    DAYS_PER_TREND_DF,
    MIN_FIT_DAYS,
    calendar_frame,
    check_options,
    screen,
    trend_basis,
)
from vagus.science.insights._simulate import PLANTED, TRAPS, simulate_diary


def loop_of_statsmodels_fits(
    days: pd.DataFrame, outcome: str, lags=(0, 1), min_days=14, max_gap=MAX_GAP
):
    """The obvious implementation: build the design per factor and lag, fit, collect.

    At lag 0 a day after a gap of 2 to ``max_gap`` days is used with the last logged outcome
    and an indicator in place of yesterday's, unless yesterday's outcome predicts the factor
    (a second OLS fit: the factor on the same controls).
    """
    cal = days.reindex(pd.date_range(days.index[0], days.index[-1], freq="D"))
    weekday = pd.get_dummies(cal.index.day_of_week, prefix="wd", drop_first=True)
    weekday = weekday.astype(float).set_axis(cal.index)
    y = cal[outcome]
    day = pd.Series(np.arange(len(cal)), index=cal.index, dtype=float)
    days_back = day - day.where(y.notna()).ffill().shift(1)
    gap_day = y.notna() & y.shift(1).isna() & days_back.between(2, max_gap)
    base = pd.concat([y.rename("y"), y.shift(1).rename("y_prev"), weekday], axis=1)
    # The trend columns of the model (a B-spline); statsmodels fits them like any column.
    trend = trend_basis(len(cal), DAYS_PER_TREND_DF)
    for i in range(trend.shape[1]):
        base[f"trend_{i}"] = trend[:, i]
    base = sm.add_constant(base)
    rows = {}
    for factor in cal.columns:
        if factor == outcome:
            continue
        for lag in lags:
            x = cal[factor].shift(lag)
            data = base.assign(x=x).dropna()
            bridged = gap_day & x.notna() if lag == 0 else gap_day & False
            if bridged.any():
                filled = base.assign(
                    x=x,
                    y_prev=base["y_prev"].where(~bridged, 0.0),
                    y_last=y.ffill().shift(1).where(bridged, 0.0),
                    bridged=bridged.astype(float),
                ).dropna()
                # Does yesterday's outcome predict the factor, given the other controls?
                check = sm.OLS(filled["x"], filled.drop(columns=["y", "x"])).fit()
                fed = check.pvalues["y_prev"] < FEEDBACK_P or len(data) < MIN_FIT_DAYS
                data = data if fed else filled
            if len(data) < min_days:
                continue
            fit = sm.OLS(data["y"], data.drop(columns="y")).fit()
            rows[(factor, lag)] = (fit.params["x"], fit.bse["x"], fit.pvalues["x"], fit.df_resid)
    return rows


def _best_time(run, repeats: int) -> tuple[float, object]:
    """Fastest of ``repeats`` wall-clock runs (as timeit does: the others measured the noise)."""
    best, result = float("inf"), None
    for _ in range(repeats):
        start = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - start)
    return best, result


def speed() -> None:
    diary = simulate_diary(2024, 1095, extra_nulls=52).days
    n_measures = diary.shape[1]
    insights.associations(diary, "anxiety")  # warm up imports and caches
    frame = calendar_frame(diary, "anxiety")
    before, _ = _best_time(
        lambda: to_associations(screen(frame, "anxiety", (0, 1), 14, None, None), 0.1), 7
    )
    no_bridge, _ = _best_time(
        lambda: to_associations(screen(frame, "anxiety", (0, 1), 14, None, 20, 1), 0.1), 7
    )
    batched, found = _best_time(lambda: insights.associations(diary, "anxiety"), 7)
    looped, reference = _best_time(lambda: loop_of_statsmodels_fits(diary, "anxiety"), 3)
    ours = {(a.factor, a.lag): a for a in found}
    common = sorted(set(ours) & set(reference))
    diff_b = max(abs(ours[k].estimate - reference[k][0]) for k in common)
    diff_p = max(abs(ours[k].p_value - reference[k][2]) for k in common)
    half = {k: (ours[k].ci_high - ours[k].ci_low) / 2 for k in common}
    diff_se = max(
        abs(half[k] / stats.t.ppf(0.975, reference[k][3]) - reference[k][1]) for k in common
    )
    print(f"diary: {len(diary)} logged of 1,095 days, {n_measures} measures")
    print(f"screened (factor, lag) pairs: {len(found)} (statsmodels loop: {len(reference)})")
    print(f"before (straight trend): {before * 1000:8.1f} ms per screen")
    print(f"yesterday or nothing:    {no_bridge * 1000:8.1f} ms per screen (B-spline trend)")
    print(f"batched screen:          {batched * 1000:8.1f} ms per screen (spline, gaps bridged)")
    print(f"loop of statsmodels OLS: {looped * 1000:8.1f} ms per screen")
    print(f"speed-up: {looped / batched:.1f}x")
    print(f"max |difference|: estimate {diff_b:.2e}, SE {diff_se:.2e}, p-value {diff_p:.2e}")


def _p_values(result, method: str) -> tuple[np.ndarray, np.ndarray]:
    """p-values and 95 % half-widths of a screen under one choice of standard error."""
    df = result.df_resid
    n = result.n_days
    if method == "ols_t":
        se, ref_df = result.se, df
    else:
        u = result.x_resid * result.residuals  # zero on unusable days; lags follow the calendar
        bandwidth = np.floor(4 * (n / 100) ** (2 / 9))
        meat = np.einsum("jn,jn->j", u, u)
        for lag in range(1, int(bandwidth.max()) + 1):
            weight = np.clip(1 - lag / (bandwidth + 1), 0, None)
            meat += 2 * weight * np.einsum("jn,jn->j", u[:, lag:], u[:, :-lag])
        sxx = np.einsum("jn,jn->j", result.x_resid, result.x_resid)
        var = meat / sxx**2
        if method == "hac_z":
            se, ref_df = np.sqrt(var), np.full_like(df, np.inf, dtype=float)
        else:  # small-sample correction n/(n-k) and a t reference
            se, ref_df = np.sqrt(var * n / df), df
    p = 2 * stats.t.sf(np.abs(result.estimate / se), ref_df)
    return p, stats.t.ppf(0.975, ref_df) * se


def calibration(n_sims: int = 1000) -> None:
    methods = ("ols_t", "hac_z", "hac_t")
    scenarios = {
        "base: phi 0.5, 80-150 days": {},
        "short: 70-90 days": {"n_range": (70, 90)},
        "strong autocorrelation: phi 0.8": {"phi": 0.8},
        "reporting noise sd 0.7": {"report_noise": 0.7},
    }
    lags = check_options((0, 1), 14, 0.1)
    print(f"{n_sims} diaries per scenario; share of p < 0.05 among true nulls, and coverage")
    for title, options in scenarios.items():
        options = dict(options)
        low, high = options.pop("n_range", (80, 150))
        rng = np.random.default_rng(7)
        rejections = {m: {} for m in methods}
        covered = {m: [] for m in methods}
        usable = []
        for _ in range(n_sims):
            diary = simulate_diary(rng, int(rng.integers(low, high + 1)), **options)
            result = screen(calendar_frame(diary.days, "anxiety"), "anxiety", lags, 14)
            usable.append(np.median(result.n_days))
            keys = list(zip(result.factor, result.lag.tolist(), strict=True))
            for m in methods:
                p, half = _p_values(result, m)
                for j, key in enumerate(keys):
                    if key in PLANTED:
                        covered[m].append(abs(result.estimate[j] - PLANTED[key]) <= half[j])
                    else:
                        group = key[0] if key[0] in TRAPS else f"{key[0]} (other lag)"
                        rejections[m].setdefault(group, []).append(p[j] < 0.05)
        print(f"\n{title} (median usable days {np.median(usable):.0f})")
        groups = sorted(rejections["ols_t"])
        print(f"  {'':28s}" + "".join(f"{m:>9s}" for m in methods))
        for g in groups:
            print(f"  {g:28s}" + "".join(f"{np.mean(rejections[m][g]):9.3f}" for m in methods))
        pooled = {m: np.mean(np.concatenate([rejections[m][g] for g in groups])) for m in methods}
        print(f"  {'all nulls':28s}" + "".join(f"{pooled[m]:9.3f}" for m in methods))
        print(
            f"  {'coverage of planted':28s}"
            + "".join(f"{np.mean(covered[m]):9.3f}" for m in methods)
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calibration", action="store_true", help="compare standard errors")
    parser.add_argument("--sims", type=int, default=1000, help="diaries per scenario")
    args = parser.parse_args()
    if args.calibration:
        calibration(args.sims)
    else:
        speed()


if __name__ == "__main__":
    main()
