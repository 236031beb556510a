"""tool_effect(): the mean before/after change and its interval, pinned to scipy.stats."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import stats

from vagus.science.tool_effects import MIN_SESSIONS, tool_effect, tool_effects


def test_mean_change_and_interval_match_scipy_ttest_1samp():
    before = [7, 6, 8, 5, 7, 6, 9, 4]
    after = [5, 5, 6, 5, 4, 6, 6, 3]
    effect = tool_effect(before, after, tool="breathing")
    changes = np.array(after) - np.array(before)
    reference = stats.ttest_1samp(changes, 0.0).confidence_interval(0.95)
    assert effect.n == 8
    assert effect.mean_change == pytest.approx(changes.mean())
    assert effect.sd == pytest.approx(changes.std(ddof=1))
    assert effect.ci_low == pytest.approx(reference.low)
    assert effect.ci_high == pytest.approx(reference.high)
    assert effect.enough


@pytest.mark.parametrize("seed", range(5))
def test_random_sessions_match_scipy_t_interval(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 40))
    before = rng.integers(0, 11, n).astype(float)
    after = np.clip(before + rng.integers(-4, 3, n), 0, 10)
    effect = tool_effect(list(before), list(after))
    changes = after - before
    if changes.std(ddof=1) == 0:
        assert effect.ci_low == effect.ci_high == pytest.approx(changes.mean())
        return
    low, high = stats.t.interval(0.95, n - 1, loc=changes.mean(), scale=stats.sem(changes, ddof=1))
    assert (effect.ci_low, effect.ci_high) == pytest.approx((low, high))


def test_skipped_ratings_count_as_sessions_but_not_in_the_mean():
    effect = tool_effect([6, None, 5, 8], [4, 3, None, 7])
    assert effect.sessions == 4
    assert effect.n == 2
    assert effect.mean_change == pytest.approx(-1.5)


def test_too_few_sessions_to_tell():
    effect = tool_effect([6] * (MIN_SESSIONS - 1), [4, 5, 3, 4])
    assert not effect.enough
    assert effect.more_needed == 1
    assert tool_effect([6] * MIN_SESSIONS, [4, 5, 3, 4, 5]).enough


def test_one_or_no_rated_session_has_no_interval():
    none = tool_effect([None], [None])
    assert (none.n, none.mean_change, none.ci_low) == (0, None, None)
    one = tool_effect([5], [3])
    assert (one.n, one.mean_change, one.ci_low, one.ci_high) == (1, -2.0, None, None)


def test_identical_changes_have_a_zero_width_interval():
    effect = tool_effect([5, 6, 7, 8, 9], [4, 5, 6, 7, 8])
    assert effect.mean_change == -1.0
    assert effect.ci_low == effect.ci_high == -1.0
    assert not math.isnan(effect.sd)


@pytest.mark.parametrize(
    ("before", "after", "message"),
    [
        ([11], [3], "before rating of session 1"),
        ([5, 5], [5, -1], "after rating of session 2"),
        ([5], [True], "after rating of session 1"),
        ([5, 5], [5], "one entry per session"),
    ],
)
def test_bad_ratings_are_named(before, after, message):
    with pytest.raises(ValueError, match=message):
        tool_effect(before, after)


def test_tool_effects_groups_by_tool():
    rows = [("breathing", 6, 4)] * 3 + [("journal", 5, 5), ("breathing", None, 2)]
    effects = tool_effects(rows)
    assert list(effects) == ["breathing", "journal"]
    assert effects["breathing"].sessions == 4
    assert effects["breathing"].n == 3
    assert effects["journal"].mean_change == 0.0


def test_interval_covers_the_truth_about_95_percent_of_the_time():
    rng = np.random.default_rng(7)
    covered = 0
    runs = 2000
    for _ in range(runs):
        before = rng.normal(6, 1, 8)
        after = before + rng.normal(-1.0, 1.2, 8)
        effect = tool_effect(list(np.clip(before, 0, 10)), list(np.clip(after, 0, 10)))
        # the truth after clipping is close to −1 at these levels; use the unclipped model
        covered += effect.ci_low <= -1.0 <= effect.ci_high
    assert 0.92 <= covered / runs <= 0.98
