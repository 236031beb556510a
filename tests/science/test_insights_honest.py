"""Honest statistics in the insights screen (issue 17, items 1, 2, 4 and 5), by simulation.

Every figure has a known truth (``vagus.science.insights._simulate``), a fixed seed and a
tolerance of three binomial standard errors for the number of replicates. The full figures,
before and after each change, are printed by ``benchmarks/insights_simulations.py``.
"""

from __future__ import annotations

import numpy as np
import pytest

from vagus.science import insights
from vagus.science.insights._findings import to_associations
from vagus.science.insights._model import calendar_frame, screen
from vagus.science.insights._simulate import DRIFTS, FACTORS, PLANTED, simulate_diary


def slack(p: float, n: int) -> float:
    return 3 * np.sqrt(p * (1 - p) / n)


def test_only_the_factors_asked_for_are_screened() -> None:
    days = simulate_diary(1, 90, co_symptoms=2).days
    everything = {a.factor for a in insights.associations(days, "anxiety")}
    assert {"symptom_1", "symptom_2"} <= everything
    habits = insights.associations(days, "anxiety", factors=list(FACTORS))
    assert {a.factor for a in habits} == set(FACTORS)
    with pytest.raises(ValueError, match="not in days"):
        insights.associations(days, "anxiety", factors=["nonsense"])
    with pytest.raises(TypeError):
        insights.associations(days, "anxiety", factors="sleep_hours")


N_FAMILY = 120


def test_habits_as_the_family_keep_null_habits_at_nominal() -> None:
    """Item 1: co-symptoms in the family make BH liberal for every null habit."""
    rng = np.random.default_rng(17)
    with_symptoms, habits_only = [], []
    for _ in range(N_FAMILY):
        days = simulate_diary(rng, int(rng.integers(80, 151)), co_symptoms=5).days
        for bucket, factors in ((with_symptoms, None), (habits_only, list(FACTORS))):
            found = insights.associations(days, "anxiety", factors=factors)
            nulls = [a for a in found if (a.factor, a.lag) not in PLANTED and a.factor in FACTORS]
            bucket.append(any(a.significant for a in nulls))
    print(
        f"P(any null habit found): family with symptoms {np.mean(with_symptoms):.3f}, "
        f"habits only {np.mean(habits_only):.3f}"
    )
    # With real effects present, BH at 0.10 lets a false habit through in about 10-15 % of diaries.
    assert np.mean(habits_only) <= 0.15 + slack(0.15, N_FAMILY)
    assert np.mean(with_symptoms) > np.mean(habits_only) + slack(0.15, N_FAMILY)


N_DRIFT = 100


@pytest.mark.parametrize("drift", DRIFTS)
def test_a_null_habit_that_follows_a_slow_change_stays_near_five_percent(drift: str) -> None:
    """Item 2: the flexible trend takes out drifts that are not straight lines."""
    rng = np.random.default_rng(DRIFTS.index(drift) + 20)
    hits, found_sleep = [], []
    for _ in range(N_DRIFT):
        days = simulate_diary(rng, int(rng.integers(60, 151)), drift=drift).days
        for a in insights.associations(days, "anxiety"):
            if a.factor == "drift_habit":
                hits.append(a.p_value < 0.05)
            if (a.factor, a.lag) == ("sleep_hours", 0):
                found_sleep.append(a.significant)
    print(
        f"{drift}: P(null drift habit p < .05) {np.mean(hits):.3f}, "
        f"power sleep {np.mean(found_sleep):.2f}"
    )
    assert np.mean(hits) <= 0.07 + slack(0.07, len(hits))
    assert np.mean(found_sleep) >= 0.80 - slack(0.80, len(found_sleep))


N_SHOWN = 200


def test_shown_intervals_cover_the_truth_among_shown_findings() -> None:
    """Item 4: a finding's shown estimate and interval allow for it having been picked out."""
    rng = np.random.default_rng(4)
    raw_ratio, shown_ratio, covered, raw_covered = [], [], [], []
    for _ in range(N_SHOWN):
        days = simulate_diary(rng, int(rng.integers(40, 91))).days
        for a in insights.associations(days, "anxiety"):
            if not a.significant:
                continue
            assert a.shown_estimate is not None and a.shown_low is not None
            assert a.shown_high is not None
            truth = PLANTED.get((a.factor, a.lag), 0.0)
            covered.append(a.shown_low <= truth <= a.shown_high)
            raw_covered.append(a.ci_low <= truth <= a.ci_high)
            if truth:
                raw_ratio.append(a.estimate / truth)
                shown_ratio.append(a.shown_estimate / truth)
    n = len(covered)
    print(
        f"{n} shown findings: coverage shown {np.mean(covered):.3f} "
        f"raw {np.mean(raw_covered):.3f}; "
        f"estimate / truth raw {np.mean(raw_ratio):.2f} shown {np.mean(shown_ratio):.2f}"
    )
    assert n >= 0.75 * N_SHOWN  # the planted effects are found often enough to measure this
    assert np.mean(covered) >= 0.95 - slack(0.95, n)
    assert abs(np.mean(shown_ratio) - 1) < abs(np.mean(raw_ratio) - 1)


def test_the_selection_adjusted_numbers_are_the_truncated_normal_quantiles() -> None:
    from scipy import stats

    from vagus.science.insights._findings import selection_adjusted

    z, c = np.array([2.5, -4.0]), np.array([2.2, 2.2])
    low, middle, high = selection_adjusted(z, c)
    for j in range(2):
        for mu, level in ((low[j], 0.975), (middle[j], 0.5), (high[j], 0.025)):
            # P(Z <= z | |Z| >= c) for Z ~ N(mu, 1), by scipy's truncated normal pieces.
            za = abs(z[j])
            m = mu * np.sign(z[j])
            lower = stats.norm(m).cdf(-c[j])
            upper = stats.norm(m).sf(c[j])
            inside = stats.norm(m).cdf(za) - stats.norm(m).cdf(c[j])
            assert (lower + inside) / (lower + upper) == pytest.approx(level, abs=1e-6)
    # Far past the threshold there is almost nothing to adjust.
    assert selection_adjusted(np.array([9.0]), np.array([2.0]))[1, 0] == pytest.approx(
        9.0, abs=1e-3
    )


N_LOOKS = 24
FDR_PAGE = 0.05


def _significant_by_day(seed: int) -> dict[int, set[tuple[str, int]]]:
    frame = calendar_frame(simulate_diary(seed, 150, effects=False).days, "anxiety")
    return {
        day: {
            (a.factor, a.lag)
            for a in to_associations(screen(frame.iloc[:day], "anxiety", (0, 1), 14), FDR_PAGE)
            if a.significant
        }
        for day in range(2, 151, 2)
    }


def test_lasting_is_the_screen_repeated_on_the_earlier_diaries() -> None:
    days = simulate_diary(8, 150).days
    found = insights.associations(days, "anxiety", fdr=FDR_PAGE)
    kept = insights.lasting(days, "anxiety", fdr=FDR_PAGE)
    frame = calendar_frame(days, "anxiety")
    expected = {(a.factor, a.lag) for a in found if a.significant}
    for back in insights.LOOKS_BACK:
        earlier = frame.iloc[: len(frame) - back]
        expected &= {
            (a.factor, a.lag)
            for a in insights.associations(earlier, "anxiety", fdr=FDR_PAGE)
            if a.significant
        }
    assert kept == expected
    assert ("sleep_hours", 0) in kept  # a real, strong effect lasts


def test_looking_every_two_days_rarely_ever_shows_a_false_finding() -> None:
    """Item 5: P(a false finding ever shown, looking every 2 days from day 30 to 150)."""
    ever_single, ever_lasting = [], []
    for seed in range(N_LOOKS):
        significant = _significant_by_day(5000 + seed)
        looks = range(30, 151, 2)
        ever_single.append(any(significant[t] for t in looks))
        lasting = []
        for t in looks:
            kept = set(significant[t])
            for back in insights.LOOKS_BACK:
                kept &= significant.get(t - back, set())
            lasting.append(bool(kept))
        ever_lasting.append(any(lasting))
    print(
        f"P(ever a false finding): every look {np.mean(ever_single):.3f}, "
        f"lasting rule {np.mean(ever_lasting):.3f}"
    )
    assert np.mean(ever_lasting) <= 0.15 + slack(0.15, N_LOOKS)
    assert np.mean(ever_single) > np.mean(ever_lasting)
