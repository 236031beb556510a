"""Issue 17, item 9: the power promised is the power a real, untidy trial reaches.

Known truth: whole diaries simulated day by day (AR(1) noise, a weekday pattern, an effect that
builds up and fades with a stated time constant, anxious days skipped more often), run through
the real schedule and analysis (design + analyse). The planner's power must match the fraction
of those trials that reach p <= 0.05, within binomial error; the old planner (immediate effect,
complete data) promised far more.
"""

from __future__ import annotations

import math
from datetime import date, timedelta

import numpy as np
import pandas as pd

from vagus.experiments.library import LIBRARY
from vagus.science import experiments

START = date(2026, 1, 5)  # a Monday
WEEKDAY = (0.3, 0.1, 0.0, 0.0, -0.1, -0.6, 0.3)


def trial_detects(
    rng: np.random.Generator,
    *,
    effect: float,
    period_days: int,
    washout_days: int,
    pairs: int,
    build_up_days: float,
    missing: float,
    sd: float = 1.5,
    phi: float = 0.4,
) -> bool:
    schedule = experiments.design(START, ("usual", "B"), period_days, pairs, washout_days, seed=rng)
    level, noise, values = 0.0, rng.normal(0, sd), {}
    for i in range(schedule.n_days):
        day = START + timedelta(days=i)
        if i:
            noise = phi * noise + rng.normal(0, sd * math.sqrt(1 - phi**2))
        target = 1.0 if schedule.condition_on(day) == "B" else 0.0
        step = 1.0 if build_up_days == 0 else 1 - math.exp(-1 / build_up_days)
        level += (target - level) * step
        z = noise / sd
        skip = missing > 0 and rng.random() < 1 / (
            1 + math.exp(-(math.log(missing / (1 - missing)) + z))
        )
        if not skip:
            values[day] = 5.0 + noise + effect * level + WEEKDAY[day.weekday()]
    result = experiments.analyse(schedule, pd.Series(values))
    return bool(result.enough_data and result.p_value <= 0.05)


def test_planner_matches_untidy_trials_and_the_old_one_overpromised() -> None:
    n = 300
    rng = np.random.default_rng(9)
    setting = {"effect": -1.5, "period_days": 14, "washout_days": 4, "pairs": 6}
    reached = np.mean(
        [trial_detects(rng, build_up_days=5.0, missing=0.3, **setting) for _ in range(n)]
    )
    promised_now = experiments.power(
        sd=1.5,
        autocorrelation=0.4,
        build_up_days=5.0,
        missing=0.3,
        weekday_pattern=WEEKDAY,
        n_sim=4000,
        **setting,
    ).power
    promised_before = experiments.power(sd=1.5, autocorrelation=0.4, n_sim=4000, **setting).power
    se = math.sqrt(reached * (1 - reached) / n + promised_now * (1 - promised_now) / 4000)
    print(f"\nreached {reached:.3f}; promised now {promised_now:.3f}, before {promised_before:.3f}")
    assert abs(promised_now - reached) <= 3 * se
    assert promised_before - reached > 3 * se


def test_history_is_read_back_from_a_diary() -> None:
    rng = np.random.default_rng(3)
    days = [START + timedelta(days=i) for i in range(364)]
    noise = 0.0
    values = {}
    for day in days:
        noise = 0.5 * noise + rng.normal(0, 1.5 * math.sqrt(0.75))
        if rng.random() >= 0.25:
            values[day] = 5 + noise + WEEKDAY[day.weekday()]
    history = experiments.describe_history(pd.Series(values))
    assert abs(history.missing - 0.25) < 0.06
    assert np.allclose(history.weekday_pattern, np.array(WEEKDAY) - np.mean(WEEKDAY), atol=0.35)
    assert abs(history.sd - 1.5) < 0.25


def test_library_defaults_give_slow_changes_time_to_build_up() -> None:
    # The fermented-food experiment says microbes change "within weeks": its periods must let a
    # slow effect build (counted days begin after at least one build-up time) and fade again.
    for key in ("fermented", "fibre", "probiotic"):
        ready = LIBRARY[key]
        assert ready.build_up_days >= 7
        assert ready.washout_days >= ready.build_up_days
        assert ready.period_days - ready.washout_days >= 7
    assert LIBRARY["breathing"].build_up_days == 0
    old = experiments.power(1.0, 1.5, 0.4, 7, 2, 6, build_up_days=7.0, missing=0.2).power
    fermented = LIBRARY["fermented"]
    new = experiments.power(
        1.0,
        1.5,
        0.4,
        fermented.period_days,
        fermented.washout_days,
        fermented.pairs,
        build_up_days=fermented.build_up_days,
        missing=0.2,
    ).power
    print(f"\nfermented food, 7-day build-up: 7/2-day periods {old:.3f}, defaults now {new:.3f}")
    assert new > old + 0.1
