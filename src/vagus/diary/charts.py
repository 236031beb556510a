"""The timeline: one small chart per headline measure over the same days."""

from __future__ import annotations

from datetime import date, timedelta

from vagus.charts import Chart
from vagus.charts.timeseries import Series, small_multiples

# (code, label, unit, fixed axis): the measures the timeline's table lists too.
HEADLINE: tuple[tuple[str, str, str, tuple[float, float] | None], ...] = (
    ("anxiety", "Anxiety", "", (0, 10)),
    ("mood", "Mood", "", (0, 10)),
    ("gut_pain", "Gut pain", "", (0, 10)),
    ("bloating", "Bloating", "", (0, 10)),
    ("sleep_hours", "Sleep (hours)", "h", None),
)
HEADLINE_CODES = [code for code, *_ in HEADLINE]
SHORTEST_SPAN = timedelta(days=6)  # a week at least, so one logged day is not a lone column


def fitted_start(first_logged: date | None, start: date, end: date) -> date:
    """The chart starts at the first logged day in the range, not at an empty stretch."""
    if first_logged is None or first_logged <= start:
        return start
    return max(start, min(first_logged, end - SHORTEST_SPAN))


def timeline_chart(values: dict[str, dict[date, float]], start: date, end: date) -> Chart:
    return small_multiples(
        [
            Series(label, values.get(code, {}), unit, *(axis or (None, None)))
            for code, label, unit, axis in HEADLINE
        ],
        start,
        end,
        chart_id="timeline",
        css="small-multiples",
    )
