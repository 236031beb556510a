"""Simulation with known truth: type-I error, interval coverage, and carry-over bias.

Every diary is simulated day by day (stationary AR(1) noise plus optional slow drift and a
weekend bump), the schedule is drawn with the public ``design`` and analysed with the public
``analyse``, exactly as the app does. Fixed seeds make the figures deterministic; run with
``-s`` to see them.
"""

from __future__ import annotations

import datetime
import math

import numpy as np
import pandas as pd
from scipy import stats

from vagus.science import experiments
from vagus.science.experiments.planning import simulate_ar1

START = datetime.date(2025, 1, 6)  # a Monday


def simulate(
    n: int,
    *,
    pairs: int,
    effect: float = 0.0,
    autocorrelation: float = 0.5,
    sd: float = 1.5,
    drift: float = 0.0,
    weekend: float = 0.0,
    period_days: int = 7,
    washout_days: int = 0,
    carry_days: int = 0,
    seed: int = 0,
) -> tuple[list[experiments.ExperimentResult], list[float]]:
    """``n`` simulated trials; returns results and the naive day-level Welch t-test p-values.

    ``carry_days``: the body follows the condition assigned ``carry_days`` earlier, so effects
    appear late after a switch to B and linger after a switch back (before the trial: A).
    """
    rng = np.random.default_rng(seed)
    n_days = 2 * pairs * period_days
    days = pd.date_range(START, periods=n_days)
    background = 5.0 + drift * np.arange(n_days) / n_days + weekend * (days.day_of_week >= 5)
    noise = simulate_ar1(rng, n, n_days, sd, autocorrelation)
    results, naive = [], []
    for i in range(n):
        schedule = experiments.design(
            START, pairs=pairs, period_days=period_days, washout_days=washout_days, seed=rng
        )
        assigned_b = np.repeat([c == "B" for c in schedule.period_letters], period_days)
        felt_b = np.concatenate([np.zeros(carry_days, bool), assigned_b[: n_days - carry_days]])
        outcome = pd.Series(background + noise[i] + effect * felt_b, index=days)
        results.append(experiments.analyse(schedule, outcome))
        naive.append(
            stats.ttest_ind(
                outcome.to_numpy()[assigned_b], outcome.to_numpy()[~assigned_b], equal_var=False
            ).pvalue
        )
    return results, naive


def mc_se(rate: float, n: int) -> float:
    return math.sqrt(rate * (1 - rate) / n)


def test_type_one_error_is_exact_under_autocorrelation_drift_and_weekends() -> None:
    n = 2000
    results, naive = simulate(n, pairs=8, autocorrelation=0.6, drift=2.0, weekend=0.8, seed=1)
    p = np.array([r.p_value for r in results])
    rejected = float(np.mean(p <= 0.05))
    exact_size = 6 / 128  # p takes values k/128 with 8 pairs; P(p <= 0.05) = 6/128 exactly
    naive_rejected = float(np.mean(np.array(naive) <= 0.05))
    confident = float(np.mean([r.prob_b_better > 0.95 for r in results]))
    print(
        f"\nno effect, 8 pairs x 7 days, AR(1) 0.6 + drift + weekends, {n} trials:"
        f"\n  randomisation test  P(p<=0.05) = {rejected:.4f} (exact size {exact_size:.4f},"
        f" MC se {mc_se(0.05, n):.4f})"
        f"\n  naive day-level t-test          = {naive_rejected:.4f}"
        f"\n  P(prob_b_better > 0.95)         = {confident:.4f}"
    )
    assert rejected <= 0.05 + 2.6 * mc_se(0.05, n)
    assert abs(rejected - exact_size) <= 3 * mc_se(exact_size, n)
    # p-values are uniform on their grid: P(p <= k/128) = k/128 for every k
    for k in (16, 32, 64):
        assert abs(np.mean(p <= k / 128 + 1e-12) - k / 128) <= 3 * mc_se(k / 128, n)
    assert naive_rejected > 0.10  # why days are not the unit of analysis
    assert confident <= 0.05 + 2.6 * mc_se(0.05, n)


def test_five_pairs_can_never_reach_005() -> None:
    results, _ = simulate(300, pairs=5, effect=-3.0, autocorrelation=0.3, seed=2)
    assert min(r.p_value for r in results) == results[0].min_p_value == 1 / 16


def test_intervals_cover_the_true_effect_about_95_percent() -> None:
    n = 500  # each interval inverts the exact test (about 60 p-values), so fewer replicates
    print(f"\n95% interval coverage of a true effect of -1, {n} trials each:")
    for pairs, phi, drift, period in (
        (3, 0.5, 0.0, 7),
        (4, 0.8, 3.0, 7),
        (6, 0.0, 0.0, 5),
        (8, 0.6, 3.0, 7),
    ):
        results, _ = simulate(
            n,
            pairs=pairs,
            effect=-1.0,
            autocorrelation=phi,
            drift=drift,
            weekend=0.5,
            period_days=period,
            seed=10 + pairs,
        )
        covered = float(np.mean([r.ci_low <= -1.0 <= r.ci_high for r in results]))
        estimates = np.array([r.estimate for r in results])
        bias = float(estimates.mean() + 1.0)
        bias_se = float(estimates.std(ddof=1) / math.sqrt(n))
        print(
            f"  pairs {pairs}, AR {phi}, drift {drift}: coverage {covered:.3f},"
            f" bias {bias:+.3f} (se {bias_se:.3f})"
        )
        # The interval inverts an exact test: coverage is at least 95% (more with few pairs,
        # where the test's discreteness makes it conservative); with five pairs or fewer no
        # effect can be ruled out, so the interval is the whole line.
        if pairs <= 5:
            assert not any(r.interval_bounded for r in results)
        assert covered >= 0.95 - 3 * mc_se(0.95, n)
        assert abs(bias) <= 3.3 * bias_se


def test_washout_removes_carry_over_bias() -> None:
    n, effect = 1000, -1.5
    print(f"\neffect {effect} that appears and lingers 2 days after each switch, {n} trials:")
    means = {}
    for washout in (0, 1, 2):
        results, _ = simulate(
            n,
            pairs=4,
            effect=effect,
            autocorrelation=0.4,
            washout_days=washout,
            carry_days=2,
            seed=20,
        )
        estimates = np.array([r.estimate for r in results])
        means[washout] = float(estimates.mean())
        se = float(estimates.std(ddof=1) / math.sqrt(n))
        covered = float(np.mean([r.ci_low <= effect <= r.ci_high for r in results]))
        print(
            f"  washout {washout} days: mean estimate {means[washout]:+.3f} (se {se:.3f}),"
            f" coverage {covered:.3f}"
        )
        if washout == 2:
            assert abs(means[washout] - effect) <= 3.3 * se
    assert means[0] > effect + 0.4  # without washout: clearly biased toward zero
    assert means[2] < means[1] < means[0] < 0


def test_washout_bias_without_noise_is_exact() -> None:
    for washout, check in ((2, lambda e: e == -1.5), (0, lambda e: -1.5 < e < -0.5)):
        results, _ = simulate(
            20, pairs=3, effect=-1.5, sd=1e-9, washout_days=washout, carry_days=2, seed=3
        )
        assert all(check(round(r.estimate, 6)) for r in results)
