"""Issue 17 figures, before and after each change (prints; not a test).

    PYTHONPATH=src .venv/bin/python benchmarks/insights_simulations.py [--sims 400]

Each item's known-truth simulation (``vagus.science.insights._simulate``) with more
replicates than the tests in ``tests/science/test_insights_honest.py`` and
``tests/science/test_insights_averages.py``. "Before" is the first edition: every column in
one family, a straight-line trend, a day used only if the day before was logged, raw
estimates for findings, one look at fdr 0.10, independent-day intervals.
"""

from __future__ import annotations

import argparse

import numpy as np
import pandas as pd
from scipy.signal import lfilter

from vagus.science.insights import LOOKS_BACK
from vagus.science.insights._findings import to_associations
from vagus.science.insights._gaps import MAX_GAP
from vagus.science.insights._model import calendar_frame, screen
from vagus.science.insights._simulate import DRIFTS, FACTORS, PLANTED, simulate_diary
from vagus.science.insights.averages import lag1_autocorrelation, mean_interval


def _fit(days, factors=None, trend=20, fdr=0.10, max_gap=MAX_GAP):
    frame = calendar_frame(days, "anxiety")
    return to_associations(screen(frame, "anxiety", (0, 1), 14, factors, trend, max_gap), fdr)


def family(sims: int) -> None:
    rng = np.random.default_rng(17)
    rates = {"before: habits and 5 co-symptoms": [], "after: habits only": []}
    for _ in range(sims):
        days = simulate_diary(rng, int(rng.integers(80, 151)), co_symptoms=5).days
        for label, factors in zip(rates, (None, list(FACTORS)), strict=True):
            nulls = [
                a.significant
                for a in _fit(days, factors)
                if a.factor in FACTORS and (a.factor, a.lag) not in PLANTED
            ]
            rates[label].append(np.mean(nulls))
    print("1. chance a null habit is a finding (q <= 0.10), per (habit, lag)")
    for label, values in rates.items():
        print(f"   {label:36s} {np.mean(values):.3f}")


def drift(sims: int) -> None:
    print("2. null habit that follows the drift: P(p < .05); power (q <= .10); mean FDP")
    for label, trend in (("before: straight line", None), ("after: B-spline n/20", 20)):
        for kind in DRIFTS:
            rng = np.random.default_rng(5)
            hits, power, fdp = [], [], []
            for _ in range(sims):
                days = simulate_diary(rng, int(rng.integers(60, 151)), drift=kind).days
                found = _fit(days, trend=trend)
                hits += [a.p_value < 0.05 for a in found if a.factor == "drift_habit"]
                power += [a.significant for a in found if (a.factor, a.lag) in PLANTED]
                shown = [a for a in found if a.significant]
                false = [a for a in shown if (a.factor, a.lag) not in PLANTED]
                fdp.append(len(false) / len(shown) if shown else 0.0)
            print(
                f"   {label:22s} {kind:12s} null {np.mean(hits):.3f}  power {np.mean(power):.2f}"
                f"  FDP {np.mean(fdp):.3f}"
            )


def missing(sims: int) -> None:
    print("3. missing days: power (q <= .10) of same-day sleep / next-day fermented;")
    print("   p < .05 over all true nulls (traps and 3 unrelated measures); comfort food, same day")
    scenarios = (
        ("6 % of days missing", 0.06, 0.0),
        ("30 % missing at random", 0.30, 0.0),
        ("30 %, anxious days skipped", 0.30, 1.0),
    )
    for label, share, skip in scenarios:
        for version, gap in (
            ("before: yesterday or nothing", 1),
            ("after: days after a gap", MAX_GAP),
        ):
            rng = np.random.default_rng(30 + int(skip))
            sleep, fermented, nulls, comfort = [], [], [], []
            for _ in range(sims):
                days = simulate_diary(
                    rng,
                    int(rng.integers(80, 151)),
                    missing_days=share,
                    skip_anxious=skip,
                    extra_nulls=3,
                ).days
                for a in _fit(days, max_gap=gap):
                    if (a.factor, a.lag) == ("sleep_hours", 0):
                        sleep.append(a.significant)
                    elif (a.factor, a.lag) == ("fermented", 1):
                        fermented.append(a.significant)
                    else:
                        nulls.append(a.p_value < 0.05)
                    if (a.factor, a.lag) == ("comfort_food", 0):
                        comfort.append(a.p_value < 0.05)
            print(
                f"   {label:27s} {version:29s} power {np.sum(sleep) / sims:.2f} / "
                f"{np.sum(fermented) / sims:.2f}  nulls {np.mean(nulls):.3f}  "
                f"comfort food {np.mean(comfort):.3f}"
            )


def shrinkage(sims: int) -> None:
    rng = np.random.default_rng(4)
    raw, shown, raw_cover, shown_cover = [], [], [], []
    for _ in range(sims):
        for a in _fit(simulate_diary(rng, int(rng.integers(40, 91))).days):
            if not a.significant:
                continue
            truth = PLANTED.get((a.factor, a.lag), 0.0)
            raw_cover.append(a.ci_low <= truth <= a.ci_high)
            shown_cover.append(a.shown_low <= truth <= a.shown_high)
            if truth:
                raw.append(a.estimate / truth)
                shown.append(a.shown_estimate / truth)
    print(f"4. {len(raw_cover)} shown findings in 40-90-day diaries")
    print(
        f"   before (raw):    coverage {np.mean(raw_cover):.3f}, estimate/truth {np.mean(raw):.2f}"
    )
    print(
        f"   after (adjusted): coverage {np.mean(shown_cover):.3f}, "
        f"estimate/truth {np.mean(shown):.2f}"
    )


def looks(sims: int) -> None:
    before, after = [], []
    for seed in range(sims):
        frame = calendar_frame(simulate_diary(5000 + seed, 150, effects=False).days, "anxiety")
        q = {
            day: {
                (a.factor, a.lag): a.q_value
                for a in to_associations(screen(frame.iloc[:day], "anxiety", (0, 1), 14), 0.1)
            }
            for day in range(2, 151, 2)
        }

        def sig(day: int, fdr: float, q: dict = q) -> set:
            return {k for k, v in q.get(day, {}).items() if v <= fdr}

        looks_at = range(30, 151, 2)
        before.append(any(sig(t, 0.10) for t in looks_at))
        lasting = []
        for t in looks_at:
            kept = sig(t, 0.05)
            for back in LOOKS_BACK:
                kept &= sig(t - back, 0.05)
            lasting.append(bool(kept))
        after.append(any(lasting))
    print(f"5. P(a false finding ever shown), looking every 2 days, days 30-150 ({sims} diaries)")
    print(f"   before (one look, fdr 0.10): {np.mean(before):.3f}")
    print(f"   after (fdr 0.05, held {LOOKS_BACK} days back): {np.mean(after):.3f}")


def intervals(sims: int) -> None:
    print("6. coverage of weekly 95 % intervals (7 days) and by-level means (140-day diaries)")
    for rho in (0.3, 0.5, 0.7):
        rng = np.random.default_rng(int(rho * 10))
        eps = rng.normal(0, 1.5 * np.sqrt(1 - rho**2), size=(sims, 340))
        diaries = 5 + lfilter([1.0], [1.0, -rho], eps, axis=1)[:, 200:]
        cover = {"iid week": [], "aware week": [], "iid level": [], "aware level": []}
        for diary in diaries:
            est = lag1_autocorrelation(pd.Series(diary, pd.date_range("2024-01-01", periods=140)))
            level = rng.random(140) < 0.4
            for name, r in (("iid", 0.0), ("aware", est)):
                _, lo, hi = mean_interval(diary[70:77], np.arange(7), rho=r)
                cover[f"{name} week"].append(lo <= 5 <= hi)
                _, lo, hi = mean_interval(diary[level], np.flatnonzero(level), rho=r)
                cover[f"{name} level"].append(lo <= 5 <= hi)
        print(f"   rho {rho}: " + ", ".join(f"{k} {np.mean(v):.3f}" for k, v in cover.items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sims", type=int, default=400, help="diaries per figure")
    args = parser.parse_args()
    intervals(args.sims * 5)
    family(args.sims)
    drift(args.sims)
    missing(args.sims)
    shrinkage(args.sims)
    looks(max(args.sims // 4, 20))


if __name__ == "__main__":
    main()
