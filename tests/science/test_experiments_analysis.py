"""analyse(): data handling, and every number checked against an independent computation.

Reference computations: brute-force enumeration of every order the design could have drawn,
scipy.stats.permutation_test (sign flips), scipy.stats.ttest_1samp (interval) and a numerical
grid integration of the stated posterior.
"""

from __future__ import annotations

import dataclasses
import datetime
import itertools
import json
import math

import numpy as np
import pandas as pd
import pytest
from scipy import integrate, stats

from vagus.science import experiments

START = datetime.date(2025, 3, 3)


def diary(schedule: experiments.Schedule, effect: float = -1.0, seed: int = 0) -> pd.Series:
    """A noisy daily outcome over the whole trial with ``effect`` added on B days."""
    rng = np.random.default_rng(seed)
    days = pd.date_range(schedule.start, schedule.end)
    is_b = np.array([schedule.condition_on(d) == schedule.conditions[1] for d in days])
    return pd.Series(5 + rng.normal(0, 1.5, len(days)) + effect * is_b, index=days)


def hand_pair_differences(schedule: experiments.Schedule, outcome: pd.Series) -> list[float]:
    """Pair differences computed the slow, obvious way from Period objects."""
    by_day = {pd.Timestamp(k).date(): v for k, v in outcome.dropna().items()}
    means: dict[str, list[float]] = {}
    differences = []
    for period in schedule.periods():
        values = [
            by_day[d]
            for d in (
                period.first_analysed_day + datetime.timedelta(days=i)
                for i in range(period.analysed_days)
            )
            if d in by_day
        ]
        means[period.letter] = values
        if period.index % 2 == 1:
            if means["A"] and means["B"]:
                differences.append(float(np.mean(means["B"]) - np.mean(means["A"])))
            means = {}
    return differences


def test_matches_hand_computation_and_accepts_both_index_types() -> None:
    schedule = experiments.design(START, ("usual", "kefir"), pairs=4, washout_days=2, seed=3)
    outcome = diary(schedule)
    result = experiments.analyse(schedule, outcome)
    expected = hand_pair_differences(schedule, outcome)
    assert result.pair_differences == pytest.approx(expected)
    assert result.estimate == pytest.approx(np.mean(expected))
    assert result.n_pairs == 4 and result.n_periods == 8 and result.enough_data
    assert result.mean_b - result.mean_a == pytest.approx(result.estimate)
    as_dates = pd.Series(outcome.to_numpy(), index=[d.date() for d in outcome.index])
    assert experiments.analyse(schedule, as_dates) == result
    aware = outcome.tz_localize("Europe/Berlin")
    assert experiments.analyse(schedule, aware) == result


def test_outside_trial_and_washout_days_are_ignored_and_duplicates_averaged() -> None:
    schedule = experiments.design(START, pairs=3, washout_days=2, seed=5)
    outcome = diary(schedule)
    result = experiments.analyse(schedule, outcome)
    noisy = outcome.copy()
    washout_days = [d for d in noisy.index if not schedule.is_analysed(d)]
    noisy[washout_days] = 100.0
    outside = pd.Series(
        [-50.0, 80.0],
        index=pd.to_datetime(
            [START - datetime.timedelta(days=1), schedule.end + pd.Timedelta(1, "D")]
        ),
    )
    noisy = pd.concat([outside, noisy])
    assert experiments.analyse(schedule, noisy).pair_differences == result.pair_differences
    # A day logged twice counts once, at its mean.
    day = schedule.periods()[0].first_analysed_day
    twice = pd.concat(
        [outcome, pd.Series([outcome[pd.Timestamp(day)] + 2.0], index=[pd.Timestamp(day)])]
    )
    twice[pd.Timestamp(day)] = [outcome[pd.Timestamp(day)] - 2.0, outcome[pd.Timestamp(day)] + 2.0]
    assert experiments.analyse(schedule, twice).pair_differences == pytest.approx(
        result.pair_differences
    )


def test_periods_without_data_drop_their_pair() -> None:
    schedule = experiments.design(START, pairs=4, washout_days=1, seed=2)
    outcome = diary(schedule)
    second_period = schedule.periods()[3]  # pair 2's second period
    emptied = outcome.copy()
    emptied[
        (emptied.index.date >= second_period.first_day)
        & (emptied.index.date <= second_period.last_day)
    ] = np.nan
    result = experiments.analyse(schedule, emptied)
    assert result.n_pairs == 3 and result.n_periods == 6 and result.pairs_planned == 4
    assert "pair 2 left out" in result.note
    assert math.isnan(result.period_means[3])
    full = experiments.analyse(schedule, outcome)
    assert result.pair_differences == tuple(
        d for k, d in enumerate(full.pair_differences) if k != 1
    )
    assert result.min_p_value == 0.25


def test_fewer_than_two_pairs_gives_no_fake_result() -> None:
    schedule = experiments.design(START, pairs=3, seed=0)
    outcome = diary(schedule)
    first_pair_only = outcome[outcome.index.date < schedule.periods()[2].first_day]
    for partial in (first_pair_only, outcome.iloc[:0], outcome.iloc[:3]):
        result = experiments.analyse(schedule, partial)
        assert not result.enough_data
        for value in (result.estimate, result.ci_low, result.ci_high, result.p_value):
            assert math.isnan(value)
        assert math.isnan(result.prob_b_better)
        assert "not enough data" in result.note
        text = experiments.describe(result, "anxiety", "kefir", "usual diet")
        assert "not enough data" in text
    stored = json.loads(json.dumps(result.to_dict()))
    assert stored["estimate"] is None


def test_adherence_fraction_of_analysed_days() -> None:
    schedule = experiments.design(START, pairs=2, washout_days=2, period_days=5, seed=1)
    outcome = diary(schedule)
    adhered = pd.Series(1.0, index=outcome.index)
    analysed = [d for d in outcome.index if schedule.is_analysed(d)]
    adhered[analysed[:3]] = 0.0  # three of 12 analysed days off-plan
    adhered[[d for d in outcome.index if not schedule.is_analysed(d)]] = 0.0  # washout ignored
    result = experiments.analyse(schedule, outcome, adherence=adhered)
    assert result.adherence == pytest.approx(9 / 12) and result.adherence_days == 12
    assert experiments.analyse(schedule, outcome).adherence is None
    # Adherence never changes the comparison (intention to treat).
    assert result.estimate == experiments.analyse(schedule, outcome).estimate
    with pytest.raises(ValueError, match="adherence"):
        experiments.analyse(schedule, outcome, adherence=adhered * 3)


def test_bad_inputs() -> None:
    schedule = experiments.design(START, seed=0)
    with pytest.raises(ValueError, match="outcome"):
        experiments.analyse(schedule, [1, 2, 3])  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="outcome"):
        experiments.analyse(schedule, pd.Series([1.0], index=["not a date"]))
    with pytest.raises(ValueError, match="schedule"):
        experiments.analyse(schedule.to_dict(), diary(schedule))  # type: ignore[arg-type]


def brute_force_p(schedule: experiments.Schedule, outcome: pd.Series) -> float:
    """Re-analyse the same diary under every order the design could have drawn."""
    observed = experiments.analyse(schedule, outcome).estimate
    estimates = [
        experiments.analyse(dataclasses.replace(schedule, order=order), outcome).estimate
        for order in itertools.product(("AB", "BA"), repeat=schedule.pairs)
    ]
    return float(np.mean(np.abs(estimates) >= abs(observed) - 1e-9))


@pytest.mark.parametrize("seed", range(6))
def test_exact_p_value_against_brute_force_and_scipy(seed: int) -> None:
    rng = np.random.default_rng(100 + seed)
    pairs = int(rng.integers(2, 8))
    schedule = experiments.design(START, pairs=pairs, washout_days=1, seed=seed)
    outcome = diary(schedule, effect=float(rng.normal(0, 1)), seed=seed)
    if seed % 2:  # knock out a random stretch of days, possibly whole periods
        gap = int(rng.integers(0, len(outcome) - 10))
        outcome.iloc[gap : gap + 9] = np.nan
    result = experiments.analyse(schedule, outcome)
    assert result.p_value == pytest.approx(brute_force_p(schedule, outcome), abs=1e-12)
    d = np.asarray(result.pair_differences)
    reference = stats.permutation_test(
        (d,), np.mean, permutation_type="samples", n_resamples=np.inf, vectorized=True
    )
    assert result.p_value == pytest.approx(reference.pvalue, abs=1e-12)
    # The interval inverts this same test, so it leaves out 0 exactly when p <= 0.05.
    excludes_zero = not (result.ci_low <= 0.0 <= result.ci_high)
    assert excludes_zero == (result.p_value <= 0.05)
    assert result.interval_bounded == (result.n_pairs >= 6)
    assert result.min_p_value == pytest.approx(2 / 2**result.n_pairs)
    assert result.p_value >= result.min_p_value


def test_sign_flip_enumeration_handles_ties_and_large_n() -> None:
    assert experiments.sign_flip_p_value([1.0, 1.0, 1.0, 1.0]) == pytest.approx(1 / 8)
    assert experiments.sign_flip_p_value([0.0, 0.0]) == 1.0
    assert experiments.sign_flip_p_value([0.1, 0.2, 0.3]) == pytest.approx(2 / 8)  # ties in sums
    rng = np.random.default_rng(0)
    d = rng.normal(0.3, 1, 14)
    reference = stats.permutation_test(
        (d,), np.mean, permutation_type="samples", n_resamples=np.inf, vectorized=True
    )
    assert experiments.sign_flip_p_value(d) == pytest.approx(reference.pvalue, abs=1e-12)
    # 21 pairs: the meet-in-the-middle count against plain enumeration in blocks
    d = rng.normal(0.4, 1, 21)
    low = np.array(list(itertools.product((1.0, -1.0), repeat=14))) @ d[:14]
    high = np.array(list(itertools.product((1.0, -1.0), repeat=7))) @ d[14:]
    extreme = sum(int(np.sum(np.abs(low + h) >= abs(d.sum()) - 1e-9)) for h in high)
    assert experiments.sign_flip_p_value(d) == pytest.approx(extreme / 2**21, abs=1e-15)
    # beyond 40 pairs: Monte Carlo, close to the normal approximation for large n
    d = rng.normal(0.1, 1, 45)
    z = abs(d.sum()) / math.sqrt(float(np.sum(d**2)))
    assert experiments.sign_flip_p_value(d) == pytest.approx(2 * stats.norm.sf(z), abs=0.02)


def numerical_posterior_prob_below_zero(d: np.ndarray, k0: float) -> float:
    """P(mu < 0 | d) by adaptive 2-D quadrature of the stated model over (mu, log sigma).

    Prior: p(sigma^2) ∝ 1/sigma^2, i.e. flat in log sigma, and mu | sigma ~ N(0, sigma^2 / k0);
    likelihood d_k ~ N(mu, sigma^2). Nothing here uses the conjugate closed form.
    """

    def joint(mu: float, log_sigma: float) -> float:
        sigma = math.exp(log_sigma)
        z = (d - mu) / sigma
        log_density = -0.5 * k0 * (mu / sigma) ** 2 - 0.5 * float(z @ z)
        return math.exp(log_density - (d.size + 1) * log_sigma)

    below = integrate.dblquad(joint, -8, 6, -40, 0)[0]
    above = integrate.dblquad(joint, -8, 6, 0, 40)[0]
    return below / (below + above)


@pytest.mark.parametrize(
    "d", [[-1.0, -1.1], [-0.5, 0.2, -0.9], [0.4, 1.2, -0.3, 0.8, 0.1], [-2.0, 1.5, -0.2, -0.7]]
)
def test_prob_b_better_matches_numerical_posterior(d: list[float]) -> None:
    schedule = experiments.design(START, pairs=len(d), period_days=1, seed=0)
    values = []
    for pair, order in enumerate(schedule.order):  # one day per period, A on 0 so B - A = d
        values += [0.0, d[pair]] if order == "AB" else [d[pair], 0.0]
    outcome = pd.Series(values, index=pd.date_range(START, periods=len(values)))
    result = experiments.analyse(schedule, outcome)
    assert result.pair_differences == pytest.approx(d)
    expected = numerical_posterior_prob_below_zero(np.asarray(d), experiments.PRIOR_PAIRS)
    assert result.prob_b_better == pytest.approx(expected, abs=2e-4)
    higher = experiments.analyse(schedule, outcome, lower_is_better=False)
    assert higher.prob_b_better == pytest.approx(1 - result.prob_b_better)
    assert higher.estimate == result.estimate and higher.p_value == result.p_value


def test_describe_is_calm_and_consistent() -> None:
    schedule = experiments.design(START, ("usual diet", "kefir"), pairs=6, seed=11)
    strong = experiments.analyse(schedule, diary(schedule, effect=-3.0, seed=1))
    text = experiments.describe(strong, "anxiety", "kefir", "usual diet")
    print("\n" + text)
    assert "lower with kefir than with usual diet" in text
    assert "95% interval" in text and "p = 0.031" in text
    for word in ("prove", "cure", "definitely", "100%"):
        assert word not in text.lower()
    small = experiments.design(START, ("usual diet", "kefir"), pairs=3, seed=11)
    weak = experiments.analyse(
        small, diary(small, effect=0.0, seed=2), adherence=pd.Series(0.0, index=[START])
    )
    text = experiments.describe(weak, "anxiety", "kefir", "usual diet")
    print(text)
    assert "smallest possible p is 0.25" in text
    assert "at least 6 pairs" in text
    assert "chance" not in text.lower()  # no headline probability a design this small cannot back
