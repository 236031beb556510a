"""The power calculator, validated three ways, and the variability estimate.

1. Exact analytic check: with 6 pairs, p <= 0.05 happens only when all six pair differences
   share a sign (p = 2/64), so power = Phi(delta)^6 + Phi(-delta)^6, delta = effect / SD of a
   pair difference, which follows from the AR(1) covariances (computed here independently).
2. Large-sample check: with 12 pairs the randomisation test behaves like the one-sample t-test,
   whose power is a noncentral t probability.
3. Brute force: the same designs simulated day by day through the public ``design`` and
   ``analyse``.
"""

from __future__ import annotations

import datetime
import math

import numpy as np
import pandas as pd
import pytest
from scipy import signal, stats

from vagus.science import experiments
from vagus.science.experiments.planning import DEFAULT_AUTOCORRELATION, DEFAULT_SD

START = datetime.date(2025, 1, 6)


def pair_difference_sd(sd: float, phi: float, period_days: int, washout_days: int) -> float:
    """SD of (mean of one period's analysed days - mean of the next period's), AR(1) days."""
    t = np.arange(washout_days, period_days)
    within = sd**2 * np.mean(phi ** np.abs(t[:, None] - t[None, :]))
    across = sd**2 * np.mean(phi ** np.abs(t[:, None] - (t[None, :] + period_days)))
    return math.sqrt(2 * within - 2 * across)


@pytest.mark.parametrize("phi", [0.0, 0.3, 0.6])
def test_power_with_six_pairs_matches_exact_formula(phi: float) -> None:
    result = experiments.power(1.2, 1.5, phi, period_days=7, washout_days=1, pairs=6, n_sim=4000)
    delta = 1.2 / pair_difference_sd(1.5, phi, 7, 1)
    exact = stats.norm.cdf(delta) ** 6 + stats.norm.cdf(-delta) ** 6
    print(f"\n6 pairs, AR {phi}: simulated {result.power:.4f}, exact {exact:.4f}")
    assert result.possible and result.min_p_value == 1 / 32
    assert abs(result.power - exact) <= 3.3 * math.sqrt(exact * (1 - exact) / 4000)


def test_power_with_twelve_pairs_matches_noncentral_t() -> None:
    effect, sd, phi, pairs = 0.6, 1.5, 0.6, 12
    result = experiments.power(effect, sd, phi, pairs=pairs, n_sim=4000, seed=1)
    ncp = effect * math.sqrt(pairs) / pair_difference_sd(sd, phi, 7, 0)
    t_crit = stats.t.ppf(0.975, pairs - 1)
    analytic = stats.nct.sf(t_crit, pairs - 1, ncp) + stats.nct.cdf(-t_crit, pairs - 1, ncp)
    print(f"\n12 pairs: simulated {result.power:.4f}, noncentral t {analytic:.4f}")
    assert abs(result.power - analytic) <= 0.02 + 3 * result.mc_se


def test_power_matches_brute_force_through_design_and_analyse() -> None:
    effect, sd, phi, pairs, period, washout = 1.0, 1.5, 0.5, 7, 6, 1
    calculated = experiments.power(effect, sd, phi, period, washout, pairs, n_sim=4000, seed=5)
    rng = np.random.default_rng(99)
    n, n_days = 800, 2 * pairs * period
    days = pd.date_range(START, periods=n_days)
    detected = 0
    for _ in range(n):
        schedule = experiments.design(
            START, pairs=pairs, period_days=period, washout_days=washout, seed=rng
        )
        shocks = rng.standard_normal(n_days) * sd
        shocks[1:] *= math.sqrt(1 - phi**2)
        noise = signal.lfilter([1.0], [1.0, -phi], shocks)
        is_b = np.repeat([c == "B" for c in schedule.period_letters], period)
        result = experiments.analyse(schedule, pd.Series(noise + effect * is_b, index=days))
        detected += result.p_value <= 0.05
    brute = detected / n
    se = math.sqrt(calculated.mc_se**2 + brute * (1 - brute) / n)
    print(f"\n7 pairs: power() {calculated.power:.4f}, design+analyse brute force {brute:.4f}")
    assert abs(calculated.power - brute) <= 3.3 * se


def test_no_effect_gives_at_most_alpha() -> None:
    result = experiments.power(0.0, 1.5, 0.4, pairs=8, n_sim=4000, seed=2)
    assert result.power <= 0.05 + 3 * math.sqrt(0.05 * 0.95 / 4000)


@pytest.mark.parametrize("pairs", [1, 2, 3, 4, 5])
def test_designs_that_cannot_reach_alpha_are_flagged(pairs: int) -> None:
    result = experiments.power(5.0, 1.0, pairs=pairs, n_sim=200)
    assert result.min_p_value == pytest.approx(2 / 2**pairs)
    assert not result.possible and result.power == 0.0
    assert "cannot reach significance" in result.note and "at least 6 pairs" in result.note
    assert experiments.power(5.0, 1.0, pairs=4, alpha=0.2, n_sim=200).possible


def test_pairs_needed_and_min_p() -> None:
    assert experiments.min_p_value(4) == 1 / 8
    assert [experiments.pairs_needed_for_alpha(a) for a in (0.05, 0.1, 0.01)] == [6, 5, 8]
    assert experiments.power(3.0, 1.0, pairs=6, n_sim=500).possible


def test_suggest_pairs_is_the_smallest_design_reaching_the_target() -> None:
    kwargs = {"effect": 1.0, "sd": 1.5, "autocorrelation": 0.3, "washout_days": 1, "n_sim": 1000}
    suggested = experiments.suggest_pairs(**kwargs)
    assert suggested is not None
    assert experiments.power(pairs=suggested, **kwargs).power >= 0.8
    if suggested > 6:
        assert experiments.power(pairs=suggested - 1, **kwargs).power < 0.8
    print(f"\nsuggested pairs for effect 1.0, sd 1.5, AR 0.3: {suggested}")
    assert experiments.suggest_pairs(0.05, 1.5, 0.3, n_sim=500) is None


def test_power_is_deterministic_and_validates_inputs() -> None:
    assert experiments.power(1.0, 1.5, 0.4, pairs=6) == experiments.power(1.0, 1.5, 0.4, pairs=6)
    for kwargs, name in (
        ({"sd": 0.0}, "sd"),
        ({"autocorrelation": 1.0}, "autocorrelation"),
        ({"alpha": 0.0}, "alpha"),
        ({"pairs": 0}, "pairs"),
        ({"washout_days": 7}, "washout_days"),
    ):
        with pytest.raises(ValueError, match=name):
            experiments.power(**({"effect": 1.0, "sd": 1.5} | kwargs))  # type: ignore[arg-type]


def ar1_diary(n_days: int, sd: float, phi: float, seed: int) -> pd.Series:
    rng = np.random.default_rng(seed)
    shocks = rng.standard_normal(n_days) * sd
    shocks[1:] *= math.sqrt(1 - phi**2)
    values = 5 + signal.lfilter([1.0], [1.0, -phi], shocks)
    return pd.Series(values, index=pd.date_range(START, periods=n_days))


def test_estimate_variability_recovers_sd_and_autocorrelation() -> None:
    long = ar1_diary(3000, 2.0, 0.5, seed=0)
    long = long.drop(long.index[::10])  # gaps: every tenth day missing
    sd, phi = experiments.estimate_variability(long)
    assert sd == pytest.approx(2.0, rel=0.08) and phi == pytest.approx(0.5, abs=0.05)
    # Short diaries (60 days): the bias correction keeps the average close to the truth.
    estimates = np.array(
        [experiments.estimate_variability(ar1_diary(60, 1.5, 0.5, s)) for s in range(300)]
    )
    print(
        f"\n60-day diaries, truth sd 1.5, AR 0.5: mean sd {estimates[:, 0].mean():.3f},"
        f" mean AR {estimates[:, 1].mean():.3f}"
    )
    assert estimates[:, 1].mean() == pytest.approx(0.5, abs=0.03)
    assert estimates[:, 0].mean() == pytest.approx(1.5, rel=0.05)


def test_estimate_variability_defaults_when_too_short() -> None:
    defaults = (DEFAULT_SD, DEFAULT_AUTOCORRELATION)
    assert experiments.estimate_variability(ar1_diary(10, 2.0, 0.5, 1)) == defaults
    assert experiments.estimate_variability(pd.Series(dtype=float)) == defaults
    every_other_day = ar1_diary(60, 2.0, 0.5, 1).iloc[::2]  # 30 days logged, none consecutive
    sd, phi = experiments.estimate_variability(every_other_day, default_autocorrelation=0.25)
    assert phi == 0.25 and sd > 0
    dated = ar1_diary(40, 2.0, 0.5, 2)
    as_dates = pd.Series(dated.to_numpy(), index=[d.date() for d in dated.index])
    assert experiments.estimate_variability(as_dates) == experiments.estimate_variability(dated)
