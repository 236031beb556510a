"""Small multiples: one measure per panel over the same days, so nothing overlaps."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape

from vagus.charts import marks
from vagus.charts.layout import WIDTH, Chart
from vagus.charts.ticks import date_ticks, nice_ticks, tick_text
from vagus.svg import scale, svg_open

LEFT, RIGHT, TOP, BOTTOM = 34, 12, 28, 26
PLOT_HEIGHT = 96


@dataclass(frozen=True)
class Series:
    label: str
    values: dict[date, float]
    unit: str = ""  # written after a value: "7.5 h"
    # A fixed axis (a 0–10 scale); without one the axis is fitted to the values.
    low: float | None = None
    high: float | None = None


def shown(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def reading(series: Series, value: float) -> str:
    return f"{series.label} {shown(value)}" + (f" {series.unit}" if series.unit else "")


def small_multiples(
    series: Sequence[Series], start: date, end: date, *, chart_id: str, css: str = ""
) -> Chart:
    """A panel per measure from ``start`` to ``end``; gaps in the diary stay gaps."""
    return Chart(
        tuple(panel(s, start, end, chart_id=f"{chart_id}-{i}") for i, s in enumerate(series)),
        hint="Tap or hover over a day to read its values.",
        css=css,
    )


def panel(series: Series, start: date, end: date, *, chart_id: str) -> str:
    span = max((end - start).days, 1)
    height = TOP + PLOT_HEIGHT + BOTTOM
    shown_values = {d: v for d, v in series.values.items() if start <= d <= end}
    low = series.low if series.low is not None else min(shown_values.values(), default=0.0)
    high = series.high if series.high is not None else max(shown_values.values(), default=1.0)
    y_ticks = nice_ticks(low, high, most=6)
    y = scale(y_ticks[0], y_ticks[-1], TOP + PLOT_HEIGHT, TOP)
    x_days = scale(0, span, LEFT, WIDTH - RIGHT)
    if start == end:  # one day: draw it in the middle
        x_days = scale(-1, 1, LEFT, WIDTH - RIGHT)

    def x(day: date) -> float:
        return x_days((day - start).days)

    parts = [
        svg_open(
            chart_id,
            width=WIDTH,
            height=height,
            title=series.label,
            description=describe(series, start, end),
            css="vchart panel",
            axis="x",
        ),
        f'<text class="panel-title" x="2" y="16">{escape(series.label)}</text>',
        marks.y_axis(y_ticks, y, LEFT, WIDTH - RIGHT),
        marks.x_axis_dates(date_ticks(start, end), x, TOP + PLOT_HEIGHT, LEFT, WIDTH - RIGHT),
    ]
    if not shown_values:
        parts.append(
            f'<text class="empty-note" x="{(LEFT + WIDTH - RIGHT) / 2}" '
            f'y="{TOP + PLOT_HEIGHT / 2}" text-anchor="middle">Nothing logged in these days</text>'
        )
    radius = 3.5 if span <= 45 else 2
    for segment in segments(shown_values):
        if len(segment) > 1:
            points = " ".join(f"{x(d):.1f},{y(v):.1f}" for d, v in segment)
            parts.append(f'<polyline class="line" points="{points}"/>')
        for day, value in segment:
            parts.append(
                marks.mark(
                    day.isoformat(),
                    f"{day:%a} {day.day} {day:%b}: {reading(series, value)}",
                    marks.dot(x(day), y(value), 3.5 if len(segment) == 1 else radius),
                    x=x(day),
                )
            )
    parts.append("</svg>")
    return "".join(parts)


def segments(values: dict[date, float]) -> list[list[tuple[date, float]]]:
    """Runs of consecutive logged days: a missing day breaks the line."""
    runs: list[list[tuple[date, float]]] = []
    previous: date | None = None
    for day in sorted(values):
        if previous is None or day - previous > timedelta(days=1):
            runs.append([])
        runs[-1].append((day, values[day]))
        previous = day
    return runs


def day_words(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def describe(series: Series, start: date, end: date) -> str:
    shown_values = [v for d, v in series.values.items() if start <= d <= end]
    when = f"from {day_words(start)} to {day_words(end)}"
    if not shown_values:
        return f"{series.label}: nothing logged {when}."
    return (
        f"{series.label}: {len(shown_values)} day{'s' if len(shown_values) != 1 else ''} "
        f"logged {when}, average "
        f"{sum(shown_values) / len(shown_values):.1f}, lowest {tick_text(min(shown_values))}, "
        f"highest {tick_text(max(shown_values))}."
    )
