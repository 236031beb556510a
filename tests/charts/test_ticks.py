"""Axis ticks are round numbers that cover the data; date ticks stay inside the range."""

from __future__ import annotations

import itertools
import math
from datetime import date, timedelta

import pytest

from vagus.charts.ticks import date_text, date_ticks, nice_ticks


@pytest.mark.parametrize(
    ("low", "high"),
    [(0, 10), (0, 7), (-0.83, 1.42), (4.6, 9.2), (0, 500), (-12.5, -3), (0.02, 0.07), (3, 3)],
)
def test_ticks_are_nice_evenly_spaced_and_cover_the_data(low, high):
    ticks = nice_ticks(low, high, most=6)
    assert 2 <= len(ticks) <= 6
    assert ticks[0] <= low and ticks[-1] >= high
    steps = {round(b - a, 9) for a, b in itertools.pairwise(ticks)}
    assert len(steps) == 1
    (step,) = steps
    mantissa = step / 10 ** math.floor(math.log10(step))
    assert round(mantissa, 6) in {1, 2, 2.5, 5}
    assert all(round(t / step, 6).is_integer() for t in ticks)  # multiples of the step


def test_a_ten_point_scale_reads_0_2_4_6_8_10():
    assert nice_ticks(0, 10, most=6) == [0, 2, 4, 6, 8, 10]


def test_ticks_do_not_pad_far_past_the_data():
    ticks = nice_ticks(4.6, 9.2, most=6)
    assert ticks[-1] - ticks[0] < 2 * (9.2 - 4.6)


@pytest.mark.parametrize("days", [0, 1, 6, 13, 29, 89, 364, 800])
def test_date_ticks_stay_in_range_and_are_few(days):
    end = date(2026, 11, 30)
    start = end - timedelta(days=days)
    ticks = date_ticks(start, end, most=4)
    assert 1 <= len(ticks) <= 4
    assert all(start <= t <= end for t in ticks)
    assert ticks == sorted(ticks)


def test_long_ranges_tick_on_month_starts_with_the_year_where_it_helps():
    ticks = date_ticks(date(2026, 3, 3), date(2027, 3, 2), most=4)
    assert all(t.day == 1 for t in ticks)
    labels = [date_text(t, ticks) for t in ticks]
    assert labels[0].endswith("2026")
    assert "Jan 2027" in labels


def test_short_ranges_tick_on_days():
    ticks = date_ticks(date(2026, 3, 1), date(2026, 3, 29), most=4)
    assert [date_text(t, ticks) for t in ticks] == ["1 Mar", "15 Mar", "29 Mar"]
