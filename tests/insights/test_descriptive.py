"""Weekly averages and the outcome by level of a factor, checked against pandas and scipy."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from vagus.insights import patterns


@pytest.fixture
def frame():
    rng = np.random.default_rng(1)
    index = pd.date_range("2026-01-05", periods=63, freq="D")  # nine weeks from a Monday
    anxiety = rng.integers(0, 11, size=63).astype(float)
    anxiety[[3, 10, 11]] = np.nan
    sleep = rng.normal(7, 1, size=63).round(1)
    kefir = (rng.random(63) < 0.4).astype(float)
    return pd.DataFrame({"anxiety": anxiety, "sleep_hours": sleep, "kefir": kefir}, index=index)


def test_weekly_means_and_intervals(frame):
    weeks = patterns.weekly_averages(frame, "anxiety")
    assert len(weeks) == 9
    second = frame["anxiety"].iloc[7:14].dropna()
    assert weeks[1].start.isoformat() == "2026-01-12"
    assert weeks[1].days == second.size == 5
    assert weeks[1].mean == pytest.approx(second.mean())
    low, high = stats.t.interval(0.95, second.size - 1, second.mean(), stats.sem(second))
    assert (weeks[1].low, weeks[1].high) == pytest.approx((low, high))


def test_yes_no_levels_with_a_lag(frame):
    levels = patterns.by_level(frame, "anxiety", "kefir", lag=1, binary=True)
    both = pd.DataFrame({"y": frame["anxiety"], "x": frame["kefir"].shift(1)}).dropna()
    yes = both.loc[both["x"] == 1, "y"]
    assert [level.label for level in levels] == ["No", "Yes"]
    assert levels[1].days == yes.size
    assert levels[1].mean == pytest.approx(yes.mean())
    assert levels[1].low == pytest.approx(
        stats.t.interval(0.95, yes.size - 1, yes.mean(), stats.sem(yes))[0]
    )


def test_numeric_factor_split_into_thirds(frame):
    levels = patterns.by_level(frame, "anxiety", "sleep_hours")
    assert len(levels) == 3
    assert sum(level.days for level in levels) == frame["anxiety"].notna().sum()
    assert levels[0].label.endswith("or less") and levels[2].label.startswith("over")
    few = frame.assign(sleep_hours=frame["sleep_hours"].round().clip(6, 8))
    assert [lv.label for lv in patterns.by_level(few, "anxiety", "sleep_hours")] == ["6", "7", "8"]


def test_nothing_to_compare():
    empty = pd.DataFrame({"anxiety": [np.nan]}, index=pd.date_range("2026-01-01", periods=1))
    assert patterns.by_level(empty, "anxiety", "sleep_hours") == []
    assert patterns.weekly_averages(empty, "gut_pain") == []
    assert patterns.mean_interval(np.array([4.0])) == (4.0, None, None)
