"""Before/after figures for issue 17, items 7-10 (not a test; run it by hand, about 2 minutes).

    PYTHONPATH=src .venv/bin/python benchmarks/experiments_honest.py

7. Interval vs exact p: how often the old t interval and the inverted interval disagree with the
   exact test (interval leaves out 0 but p > 0.05, or the reverse), and the coverage of each.
8. A 14-day-recall score as the outcome: mean estimate of a true -2 with 7- and 21-day periods.
9. Power promised (old: immediate effect, complete data; new: build-up/fade and skipped anxious
   days) against trials simulated day by day and analysed by ``analyse``.
10. P(a null tool is called helpful) when it is used at anxiety >= 7: before/after alone vs
   compared with no-tool check-ins from similar levels.
"""

from __future__ import annotations

import math
import time
from datetime import date, timedelta

import numpy as np
import pandas as pd
from scipy import stats

from vagus.science import experiments
from vagus.science.tool_effects import tool_effect

START = date(2026, 1, 5)


def item7(n: int = 2000) -> None:
    print("7. interval vs exact p (AR(1) 0.5 diary, SD 1.5, 7-day periods, washout 2)")
    rng = np.random.default_rng(7)
    for pairs in (5, 6, 8, 10):
        old_disagree = new_disagree = old_cover = new_cover = 0
        for _ in range(n):
            noise = experiments.planning.simulate_ar1(rng, 1, 2 * pairs * 7, 1.5, 0.5)[0]
            means = noise.reshape(2 * pairs, 7)[:, 2:].mean(axis=1)
            flip = rng.integers(0, 2, pairs) * 2 - 1
            d = -1.0 + flip * (means[0::2] - means[1::2])
            p = experiments.sign_flip_p_value(d)
            t = stats.ttest_1samp(d, 0.0).confidence_interval(0.95)
            low, high = experiments.sign_flip_interval(d)
            old_disagree += (not (t.low <= 0 <= t.high)) != (p <= 0.05)
            new_disagree += (not (low <= 0 <= high)) != (p <= 0.05)
            old_cover += t.low <= -1.0 <= t.high
            new_cover += low <= -1.0 <= high
        print(
            f"   {pairs:2d} pairs: disagreement with p  before {old_disagree / n:.3f}  after "
            f"{new_disagree / n:.3f};  coverage before {old_cover / n:.3f}  after "
            f"{new_cover / n:.3f}  (MC se {math.sqrt(0.05 * 0.95 / n):.3f})"
        )


def item8(n: int = 200) -> None:
    print("8. 14-day recall score as outcome, true effect -2.0 (6 pairs)")
    for period, washout in ((7, 2), (14, 4), (21, 7)):
        runs = []
        for seed in range(n):
            schedule = experiments.design(START, ("A", "B"), period, 6, washout, seed=seed)
            rng = np.random.default_rng(seed)
            days = [schedule.start + timedelta(days=i) for i in range(-13, schedule.n_days)]
            daily = [rng.normal(5, 1) - 2.0 * (schedule.condition_on(d) == "B") for d in days]
            score = np.convolve(daily, np.ones(14) / 14, mode="valid")
            runs.append(experiments.analyse(schedule, pd.Series(score, index=days[13:])).estimate)
        print(f"   {period:2d}-day periods: mean estimate {np.mean(runs):+.2f}")
    print("   (now refused below 14 counted days; the daily rating is offered instead)")


def simulated_trial(rng, effect, period, washout, pairs, build_up, missing, sd=1.5, phi=0.4):
    schedule = experiments.design(START, ("A", "B"), period, pairs, washout, seed=rng)
    level, noise, values = 0.0, rng.normal(0, sd), {}
    step = 1.0 if build_up == 0 else 1 - math.exp(-1 / build_up)
    for i in range(schedule.n_days):
        day = START + timedelta(days=i)
        if i:
            noise = phi * noise + rng.normal(0, sd * math.sqrt(1 - phi**2))
        level += ((schedule.condition_on(day) == "B") - level) * step
        logit = math.log(missing / (1 - missing)) + noise / sd if missing else -math.inf
        if rng.random() >= 1 / (1 + math.exp(-logit)):
            values[day] = 5.0 + noise + effect * level
    result = experiments.analyse(schedule, pd.Series(values))
    return result.enough_data and result.p_value <= 0.05


def item9(n: int = 800) -> None:
    print("9. power promised vs reached (effect -1, SD 1.5, AR 0.4, 6 pairs, 30% days skipped,")
    print("   anxious days skipped more)")
    rng = np.random.default_rng(9)
    for label, period, washout, build_up in (
        ("breathing, same day ", 7, 1, 0.0),
        ("fermented, 7/2 days ", 7, 2, 7.0),
        ("fermented, 21/7 days", 21, 7, 7.0),
        ("probiotic, 14/4 days", 14, 4, 7.0),
    ):
        reached = np.mean(
            [simulated_trial(rng, -1.0, period, washout, 6, build_up, 0.3) for _ in range(n)]
        )
        before = experiments.power(1.0, 1.5, 0.4, period, washout, 6, n_sim=4000).power
        after = experiments.power(
            1.0, 1.5, 0.4, period, washout, 6, n_sim=4000, build_up_days=build_up, missing=0.3
        ).power
        se = math.sqrt(reached * (1 - reached) / n)
        print(
            f"   {label}: promised before {before:.2f}, after {after:.2f}; "
            f"reached {reached:.2f} (se {se:.2f})"
        )


def item10(n: int = 2000) -> None:
    print("10. a null tool used at anxiety >= 7 (12 sessions, 90 no-tool check-in pairs)")
    rng = np.random.default_rng(10)
    for phi in (0.3, 0.5, 0.8):
        naive = helpful = 0
        for _ in range(n):
            starts = rng.normal(4, 2, 300)
            high = starts[np.clip(np.round(starts), 0, 10) >= 7][:12]

            def step(x, phi=phi):
                return 4 + phi * (x - 4) + rng.normal(0, 2 * math.sqrt(1 - phi**2), x.size)

            before = np.clip(np.round(high), 0, 10)
            after = np.clip(np.round(step(high)), 0, 10)
            c0 = rng.normal(4, 2, 90)
            controls = list(
                zip(np.clip(np.round(c0), 0, 10), np.clip(np.round(step(c0)), 0, 10), strict=True)
            )
            r = tool_effect(before.tolist(), after.tolist(), controls=controls)
            naive += bool(r.ci_high is not None and r.ci_high < 0)
            helpful += bool(r.compared and r.excess_high is not None and r.excess_high < 0)
        print(
            f"   autocorrelation {phi}: called helpful before {naive / n:.3f}, after "
            f"{helpful / n:.3f} (se {math.sqrt(0.05 * 0.95 / n):.3f})"
        )


def main() -> None:
    started = time.perf_counter()
    item7()
    item8()
    item9()
    item10()
    print(f"\n({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
