"""insights.associations on simulated diaries with known truth.

The simulator (``vagus.science.insights._simulate``) plants a same-day effect of sleep and a
next-day effect of fermented food, and sets the traps of diary data: a factor that only
trends, one that only follows the weekday, one caused by yesterday's anxiety, an
autocorrelated null and a sticky yes/no null. Figures print with ``pytest -s`` (or ``-rA``).
Seeds are fixed, so every run sees the same diaries.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pytest
from scipy import stats

from vagus.science import insights
from vagus.science.insights._simulate import PLANTED, TRAPS, simulate_diary

N_DIARIES = 400
FDR = 0.10


@dataclass
class Tally:
    """Outcomes of screening many diaries, keyed by (factor, lag)."""

    fdp: list[float] = field(default_factory=list)
    any_discovery: list[bool] = field(default_factory=list)
    p_below_05: dict[tuple[str, int], list[bool]] = field(default_factory=dict)
    discovered: dict[tuple[str, int], list[bool]] = field(default_factory=dict)
    covered: dict[tuple[str, int], list[bool]] = field(default_factory=dict)
    days_of: dict[tuple[str, int], list[int]] = field(default_factory=dict)
    usable_days: list[int] = field(default_factory=list)

    def rate(self, table: dict[tuple[str, int], list[bool]], *keys: tuple[str, int]) -> float:
        return float(np.mean(np.concatenate([table[k] for k in keys])))


def screen_many(seed: int, *, effects: bool) -> Tally:
    rng = np.random.default_rng(seed)
    tally = Tally()
    for _ in range(N_DIARIES):
        diary = simulate_diary(rng, int(rng.integers(80, 151)), effects=effects)
        found = insights.associations(diary.days, "anxiety", fdr=FDR)
        false = sum(a.significant and diary.truth[(a.factor, a.lag)] == 0 for a in found)
        total = sum(a.significant for a in found)
        tally.fdp.append(false / max(total, 1))
        tally.any_discovery.append(false > 0)
        for a in found:
            key = (a.factor, a.lag)
            truth = diary.truth[key]
            tally.p_below_05.setdefault(key, []).append(a.p_value < 0.05)
            tally.discovered.setdefault(key, []).append(a.significant)
            tally.covered.setdefault(key, []).append(a.ci_low <= truth <= a.ci_high)
            tally.days_of.setdefault(key, []).append(a.n_days)
            tally.usable_days.append(a.n_days)
    return tally


@pytest.fixture(scope="module")
def with_effects() -> Tally:
    return screen_many(20240601, effects=True)


@pytest.fixture(scope="module")
def all_null() -> Tally:
    return screen_many(20240602, effects=False)


def test_every_diary_screens_all_factors(with_effects: Tally) -> None:
    assert all(len(v) == N_DIARIES for v in with_effects.p_below_05.values())
    low, high = np.percentile(with_effects.usable_days, [5, 95])
    print(f"\nusable days per fit: 5th-95th percentile {low:.0f}-{high:.0f}")
    assert low >= 55 and high <= 125  # the lengths people actually log


def test_false_discovery_rate_at_or_below_nominal(with_effects: Tally, all_null: Tally) -> None:
    mixed = np.mean(with_effects.fdp)
    null = np.mean(all_null.fdp)
    print(
        f"\nmean false-discovery proportion at fdr={FDR}: {mixed:.3f} with planted effects, "
        f"{null:.3f} when nothing is real (= chance of any false discovery)"
    )
    assert mixed <= FDR + 0.01
    # With nothing real the FDP is 0 or 1 per diary: three binomial standard errors of slack.
    assert null <= FDR + 3 * np.sqrt(FDR * (1 - FDR) / N_DIARIES)


def test_traps_false_positive_rate_near_five_percent(with_effects: Tally) -> None:
    print("\nshare of p < 0.05 (true association 0):   lag 0   lag 1   both")
    for trap in TRAPS:
        lag0 = with_effects.rate(with_effects.p_below_05, (trap, 0))
        lag1 = with_effects.rate(with_effects.p_below_05, (trap, 1))
        both = with_effects.rate(with_effects.p_below_05, (trap, 0), (trap, 1))
        print(f"  {trap:38s} {lag0:7.3f} {lag1:7.3f} {both:6.3f}")
        assert both <= 0.08, trap
        assert max(lag0, lag1) <= 0.09, trap
    other = [("sleep_hours", 1), ("fermented", 0)]
    other_rate = with_effects.rate(with_effects.p_below_05, *other)
    print(f"  {'planted factors at the other lag':38s} {'':15s} {other_rate:6.3f}")
    assert other_rate <= 0.08


def test_planted_effects_are_found(with_effects: Tally) -> None:
    print("\npower (significant at q <= 0.10) and share with p < 0.05:")
    power = {}
    for key, truth in PLANTED.items():
        power[key] = with_effects.rate(with_effects.discovered, key)
        p05 = with_effects.rate(with_effects.p_below_05, key)
        print(f"  {key[0]} lag {key[1]} (true {truth:+.1f}): {power[key]:.3f} / {p05:.3f}")
    # Power grows with the length of the diary; a 0.6-point effect of a habit kept one day in
    # three is a hard target for three months of data, and the figures say so honestly.
    for key in PLANTED:
        n = np.array(with_effects.days_of[key])
        hit = np.array(with_effects.discovered[key])
        by_length = ", ".join(
            f"{low}-{high} days: {hit[(n >= low) & (n <= high)].mean():.2f}"
            for low, high in ((55, 79), (80, 99), (100, 125))
        )
        print(f"  {key[0]} lag {key[1]} by usable days: {by_length}")
    assert power[("sleep_hours", 0)] >= 0.85
    # 0.37 with a straight-line trend; the flexible trend (issue 17) costs a few points.
    assert power[("fermented", 1)] >= 0.30


def test_intervals_cover_the_truth(with_effects: Tally) -> None:
    planted = with_effects.rate(with_effects.covered, *PLANTED)
    nulls = [k for k in with_effects.covered if k not in PLANTED]
    everything = with_effects.rate(with_effects.covered, *with_effects.covered)
    print(
        f"\n95 % interval coverage: planted effects {planted:.3f}, "
        f"true nulls {with_effects.rate(with_effects.covered, *nulls):.3f}, all {everything:.3f}"
    )
    for key in PLANTED:
        print(f"  {key[0]} lag {key[1]}: {with_effects.rate(with_effects.covered, key):.3f}")
    assert 0.92 <= planted <= 0.975
    assert 0.92 <= everything <= 0.975


def test_naive_correlation_screen_falls_into_the_traps() -> None:
    """Why the adjustment exists: plain same-day Pearson correlations find the traps."""
    rng = np.random.default_rng(20240603)
    hits: dict[str, list[bool]] = {trap: [] for trap in TRAPS}
    next_day_alcohol: list[bool] = []
    adjusted: list[bool] = []
    for _ in range(200):
        days = simulate_diary(rng, int(rng.integers(80, 151))).days
        for trap in TRAPS:
            pair = days[["anxiety", trap]].dropna()
            hits[trap].append(stats.pearsonr(pair["anxiety"], pair[trap]).pvalue < 0.05)
        calendar = days.asfreq("D")
        pair = calendar.assign(before=calendar["alcohol_units"].shift(1))[["anxiety", "before"]]
        pair = pair.dropna()
        next_day_alcohol.append(stats.pearsonr(pair["anxiety"], pair["before"]).pvalue < 0.05)
        found = insights.associations(days, "anxiety", lags=(0,))
        adjusted.append(any(a.factor == "plant_count" and a.p_value < 0.05 for a in found))
    print("\nnaive same-day Pearson screen, share of diaries with p < 0.05:")
    for trap in TRAPS:
        print(f"  {trap:14s} {np.mean(hits[trap]):.3f}")
    print(f"  alcohol_units the day before: {np.mean(next_day_alcohol):.3f}")
    print(f"  plant_count with the adjusted model: {np.mean(adjusted):.3f}")
    assert np.mean(hits["plant_count"]) >= 0.75
    assert np.mean(hits["comfort_food"]) >= 0.5
    assert np.mean(adjusted) <= 0.08
