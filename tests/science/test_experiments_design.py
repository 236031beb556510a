"""Schedules: validation, dates, serialisation and the randomisation of orders."""

from __future__ import annotations

import datetime
import itertools
import json
from collections import Counter

import pytest

from vagus.science import experiments

START = datetime.date(2025, 3, 3)


def test_schedule_layout_and_condition_on() -> None:
    schedule = experiments.design(
        START, ("usual diet", "kefir"), period_days=7, pairs=3, washout_days=2, seed=4
    )
    assert schedule.end == START + datetime.timedelta(days=41)
    assert len(schedule.order) == 3
    assert all(o in ("AB", "BA") for o in schedule.order)
    periods = schedule.periods()
    assert [p.index for p in periods] == list(range(6))
    assert periods[0].first_day == START
    assert periods[-1].last_day == schedule.end
    for period in periods:
        assert period.analysed_days == 5
        assert period.first_analysed_day == period.first_day + datetime.timedelta(days=2)
        for offset in range(7):
            day = period.first_day + datetime.timedelta(days=offset)
            assert schedule.condition_on(day) == period.condition
            assert schedule.is_analysed(day) is (offset >= 2)
    for pair in range(3):
        assert {periods[2 * pair].condition, periods[2 * pair + 1].condition} == {
            "usual diet",
            "kefir",
        }
    assert schedule.condition_on(START - datetime.timedelta(days=1)) is None
    assert schedule.condition_on(schedule.end + datetime.timedelta(days=1)) is None
    # datetimes and Timestamps are read as their calendar day
    noon = datetime.datetime.combine(START, datetime.time(12))
    assert schedule.condition_on(noon) == periods[0].condition


def test_round_trip_through_json() -> None:
    schedule = experiments.design(START, ("A", "B"), period_days=5, pairs=4, washout_days=1, seed=1)
    stored = json.loads(json.dumps(schedule.to_dict()))
    assert stored["order"] == list(schedule.order)
    assert stored["end"] == schedule.end.isoformat()
    assert experiments.Schedule.from_dict(stored) == schedule
    stored["end"] = "2030-01-01"
    with pytest.raises(ValueError, match="end"):
        experiments.Schedule.from_dict(stored)
    with pytest.raises(ValueError, match="order"):
        experiments.Schedule.from_dict({**schedule.to_dict(), "order": ["AB"]})


def test_schedule_is_frozen() -> None:
    schedule = experiments.design(START, seed=0)
    with pytest.raises(AttributeError):
        schedule.pairs = 5  # type: ignore[misc]


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"pairs": 0}, "pairs"),
        ({"pairs": 2.5}, "pairs"),
        ({"pairs": True}, "pairs"),
        ({"period_days": 0}, "period_days"),
        ({"washout_days": -1}, "washout_days"),
        ({"washout_days": 7}, "washout_days"),
        ({"conditions": ("A", "A")}, "conditions"),
        ({"conditions": ("A", "B", "C")}, "conditions"),
        ({"conditions": "AB"}, "conditions"),
        ({"conditions": ("A", "")}, "conditions"),
    ],
)
def test_invalid_designs_name_the_parameter(kwargs: dict[str, object], name: str) -> None:
    with pytest.raises(ValueError, match=name):
        experiments.design(START, **kwargs)  # type: ignore[arg-type]


def test_seed_reproduces_and_none_draws_fresh() -> None:
    assert experiments.design(START, pairs=8, seed=7) == experiments.design(START, pairs=8, seed=7)
    drawn = {experiments.design(START, pairs=10).order for _ in range(20)}
    assert len(drawn) > 1


def test_every_order_is_possible_and_equally_likely() -> None:
    # All 2**pairs orders (including AB AB AB) must be drawable with equal probability,
    # otherwise the randomisation test over 2**pairs orders would be wrong.
    counts = Counter(experiments.design(START, pairs=3, seed=s).order for s in range(4000))
    assert set(counts) == set(itertools.product(("AB", "BA"), repeat=3))
    expected = 4000 / 8
    chi2 = sum((c - expected) ** 2 / expected for c in counts.values())
    print(f"\norders over 4000 seeds: chi-square {chi2:.1f} on 7 df")
    assert chi2 < 24.3  # the 0.001 critical value of chi-square with 7 df
