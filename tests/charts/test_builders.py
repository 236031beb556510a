"""The chart builders: one panel per measure, the range they are given, numbered axes, a table
with the numbers of the marks, and labels the no-difference line never crosses."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pandas as pd
from defusedxml import ElementTree

from vagus.charts import WIDTH
from vagus.charts.intervals import Interval, interval_chart
from vagus.charts.layout import LINE_HEIGHT
from vagus.charts.timeseries import Series, small_multiples
from vagus.experiments.charts import period_chart
from vagus.science.experiments import analyse, design

SVG = "{http://www.w3.org/2000/svg}"
START = date(2026, 3, 2)


def parse(svg: str):
    return ElementTree.fromstring(svg)


def mark_titles(root) -> list[str]:
    return [g.find(f"{SVG}title").text for g in root.iter(f"{SVG}g") if g.get("class") == "mark"]


def tick_numbers(root) -> list[float]:
    return [float(t.text) for t in root.iter(f"{SVG}text") if t.get("class") == "tick"]


def test_one_panel_per_measure_each_with_its_own_numbered_axis():
    days = {START + timedelta(days=i): float(i % 7) for i in range(20)}
    sleep = {START + timedelta(days=i): 6.5 + (i % 3) for i in range(20)}
    chart = small_multiples(
        [Series("Anxiety", days, low=0, high=10), Series("Sleep", sleep, unit="h")],
        START,
        START + timedelta(days=19),
        chart_id="t",
    )
    assert len(chart.panels) == 2
    anxiety, hours = (parse(p) for p in chart.panels)
    assert tick_numbers(anxiety) == [0, 2, 4, 6, 8, 10]
    numbers = tick_numbers(hours)
    assert min(numbers) <= 6.5 and max(numbers) >= 8.5  # fitted to the hours slept
    assert len(mark_titles(anxiety)) == 20 and len(mark_titles(hours)) == 20
    assert mark_titles(hours)[0] == "Mon 2 Mar: Sleep 6.5 h"


def test_panels_span_exactly_the_range_given():
    values = {START: 2.0, START + timedelta(days=30): 5.0}
    (svg,) = small_multiples(
        [Series("Anxiety", values, low=0, high=10)],
        START,
        START + timedelta(days=30),
        chart_id="t",
    ).panels
    xs = sorted(float(g.get("data-x")) for g in parse(svg).iter(f"{SVG}g") if g.get("data-x"))
    left, right = 34, WIDTH - 12
    assert xs == [left, right]  # first and last day at the plot's edges, nothing empty before


def test_interval_table_has_the_numbers_of_the_marks():
    rows = [
        Interval("Sleep, the same day (per hour)", -0.42, -0.71, -0.13, 58),
        Interval("Fermented foods, the day after", 0.35, 0.05, 0.66, 61),
    ]
    chart = interval_chart(rows, chart_id="i", title="T", desc="D", axis_label="Difference")
    titles = mark_titles(parse(chart.svg))
    assert titles == [
        "Sleep, the same day (per hour): -0.42 (95 % range -0.71 to -0.13)",
        "Fermented foods, the day after: 0.35 (95 % range 0.05 to 0.66)",
    ]
    assert chart.table is not None
    assert chart.table.columns[-1] == "Days"
    for title, row in zip(titles, chart.table.rows, strict=True):
        assert row[0] in title and f": {row[1]} " in title and row[2] in title
    html = str(chart)
    assert "<table" in html and html.count("<tr>") == 3  # a heading row and one per mark


def test_interval_axis_numbers_cover_every_interval_and_zero():
    rows = [Interval("A", 1.2, 0.4, 2.1), Interval("B", -0.3, -0.9, 0.2)]
    root = parse(interval_chart(rows, chart_id="i", title="T", desc="D", axis_label="x").svg)
    numbers = tick_numbers(root)
    assert min(numbers) <= -0.9 and max(numbers) >= 2.1 and 0 in numbers


def _box(text_el) -> list[tuple[float, float]]:
    """The vertical extent of each line of a label (13-unit text on its baseline)."""
    return [(float(t.get("y")) - 13, float(t.get("y")) + 3) for t in text_el.iter(f"{SVG}tspan")]


def test_the_no_difference_line_never_crosses_a_label():
    rows = [
        Interval(
            "Plant count, the day before (per plant), a long label that wraps", 0.1, -0.5, 0.7
        ),
        Interval("Caffeine, the same day", -0.2, -0.6, 0.1),
        Interval("Walking, the day after", 0.4, 0.1, 0.8),
    ]
    root = parse(interval_chart(rows, chart_id="i", title="T", desc="D", axis_label="x").svg)
    labels = [t for t in root.iter(f"{SVG}text") if t.get("class") == "row-label"]
    assert len(labels) == 3 and len(list(labels[0].iter(f"{SVG}tspan"))) == 2  # wrapped
    zero_lines = [ln for ln in root.iter(f"{SVG}line") if ln.get("class") == "zero"]
    assert len(zero_lines) == 3
    for line in zero_lines:
        y1, y2 = float(line.get("y1")), float(line.get("y2"))
        for label in labels:
            for top, bottom in _box(label):
                assert y2 <= top or y1 >= bottom, (y1, y2, top, bottom)
    for label in labels:  # every line of a label fits the canvas
        for tspan in label.iter(f"{SVG}tspan"):
            assert len(tspan.text) * 7.4 <= WIDTH
    assert LINE_HEIGHT >= 16


def test_experiment_table_lists_every_drawn_day():
    schedule = design(START, ("as usual", "a walk"), period_days=7, pairs=2, washout_days=2, seed=3)
    outcome = pd.Series(
        {START + timedelta(days=i): float(3 + i % 4) for i in range(schedule.n_days)}
    )
    result = analyse(schedule, outcome)
    chart = period_chart(schedule, outcome, result, b_label="a walk", outcome_label="anxiety")
    titles = mark_titles(parse(chart.svg))
    assert chart.table is not None
    assert len(titles) == len(chart.table.rows) == schedule.n_days
    for title, (day, _period, value) in zip(titles, chart.table.rows, strict=True):
        assert re.search(rf"anxiety {re.escape(value)} \(", title)
        assert title.startswith(day.rsplit(" ", 1)[0])
