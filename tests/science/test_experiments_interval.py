"""Issue 17, item 7: the interval inverts the exact test, and the words give one verdict.

Known truth: simulated trials with a planted constant effect; the reference interval is a
brute-force inversion over a grid with p-values from scipy.stats.permutation_test.
"""

from __future__ import annotations

import math
from datetime import date

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from vagus.science import experiments
from vagus.science.experiments.randomisation import sign_flip_interval

START = date(2026, 3, 2)


def scipy_p(d: np.ndarray) -> float:
    return float(
        stats.permutation_test(
            (d,), np.sum, permutation_type="samples", n_resamples=np.inf, vectorized=True
        ).pvalue
    )


@pytest.mark.parametrize("seed", range(4))
def test_interval_matches_brute_force_inversion_over_a_grid(seed: int) -> None:
    rng = np.random.default_rng(seed)
    d = rng.normal(-1.0, 1.5, size=6 + seed)
    low, high = sign_flip_interval(d)
    step = 0.01
    grid = np.arange(d.min() - 1, d.max() + 1, step)
    accepted = np.array([scipy_p(d - delta) > 0.05 for delta in grid])
    assert accepted.any()
    assert grid[accepted].min() == pytest.approx(low, abs=step)
    assert grid[accepted].max() == pytest.approx(high, abs=step)
    # One piece: every grid point between the ends is accepted (the set has no holes).
    inside = (grid > low + step) & (grid < high - step)
    assert accepted[inside].all()


def test_interval_and_exact_p_always_agree() -> None:
    rng = np.random.default_rng(7)
    disagreements = 0
    for _ in range(400):
        n = int(rng.integers(6, 11))
        d = rng.normal(rng.normal(0, 1), 1.5, size=n)
        low, high = sign_flip_interval(d)
        excludes_zero = not (low <= 0.0 <= high)
        disagreements += excludes_zero != (experiments.sign_flip_p_value(d) <= 0.05)
    assert disagreements == 0


def test_five_pairs_cannot_rule_anything_out() -> None:
    assert sign_flip_interval([-1.2, -0.8, -1.0, -0.9, -1.1]) == (-math.inf, math.inf)
    assert sign_flip_interval([-1.2, -0.8, -1.0, -0.9, -1.1, -1.0])[1] < 0


def trial(pairs: int, effect: float, seed: int) -> experiments.ExperimentResult:
    schedule = experiments.design(START, ("as usual", "kefir"), pairs=pairs, seed=seed)
    rng = np.random.default_rng(seed)
    days = pd.date_range(START, periods=schedule.n_days, freq="D").date
    values = [
        5 + rng.normal(0, 1.0) + (effect if schedule.condition_on(day) == "kefir" else 0)
        for day in days
    ]
    return experiments.analyse(schedule, pd.Series(values, index=days), smallest_change=1.0)


def test_the_five_pair_kefir_paragraph_says_it_cannot_reach_005() -> None:
    # The example: a clear-looking drop over 5 pairs once read "plausibly -1.2 to -0.8",
    # "could easily come from ups and downs (p = 0.062)" and "over 99% chance" together.
    result = trial(5, -1.0, seed=3)
    text = experiments.describe(result, "anxiety", "kefir", "as usual")
    print("\n" + text)
    assert experiments.verdict(result) == "unreachable"
    assert "cannot tell" in text and "at least 6 pairs" in text
    assert "%" not in text and "interval" not in text


def test_every_paragraph_states_one_verdict_its_numbers_support() -> None:
    counts: dict[str, int] = {}
    for seed in range(120):
        effect = (-2.0, -0.8, 0.0, 0.8)[seed % 4]
        result = trial(6 + seed % 5, effect, seed)
        text = experiments.describe(result, "anxiety", "kefir", "as usual")
        kind = experiments.verdict(result)
        counts[kind] = counts.get(kind, 0) + 1
        significant = result.p_value <= 0.05
        assert ("unlikely to be ordinary ups and downs" in text) == significant, text
        assert ("could be ordinary ups and downs" in text) == (not significant), text
        assert (kind in {"clearly_better", "better", "worse"}) == significant
        assert "smallest worthwhile change of 1 point" in text
        for word in ("prove", "cure", "caused", "definitely"):
            assert word not in text.lower()
        if kind == "clearly_better":
            assert result.ci_high <= -1.0
        if kind == "little_difference":
            assert result.ci_low > -1.0 and result.ci_high < 1.0
    print(counts)
    assert {"clearly_better", "better", "unclear"} <= set(counts)


def test_probability_beyond_the_smallest_change_is_below_any_improvement() -> None:
    result = trial(8, -1.0, seed=5)
    assert 0 < result.prob_beyond_smallest < result.prob_b_better < 1
    upper = experiments.analyse(
        experiments.design(START, ("as usual", "kefir"), pairs=8, seed=5),
        pd.Series(dtype=float),
    )
    assert math.isnan(upper.prob_beyond_smallest)
