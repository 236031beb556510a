"""A questionnaire's history: totals over time on its shaded, named bands."""

from __future__ import annotations

from datetime import date, timedelta
from html import escape

from vagus.charts import WIDTH, Chart, marks
from vagus.charts.layout import LINE_HEIGHT
from vagus.charts.ticks import date_ticks
from vagus.science.instruments import Instrument
from vagus.svg import scale, svg_open

LEFT, RIGHT, TOP, BOTTOM = 34, 10, 8, 26
PLOT_HEIGHT = 190
MIN_SPAN_DAYS = 14  # a first answer or two still get a readable stretch of time


def history_chart(instrument: Instrument, points: list[tuple[date, float]], title: str) -> Chart:
    """Totals (one point per answer) over the published bands, lightest band lowest.

    Each band's name is written inside it, and each point's band is in its readout, so colour
    is never the only cue. The page lists the same answers in a table.
    """
    points = sorted(points)
    end = points[-1][0] if points else date.today()
    start = points[0][0] if points else end
    start = min(start, end - timedelta(days=MIN_SPAN_DAYS))
    top = instrument.max_total
    height = TOP + PLOT_HEIGHT + BOTTOM
    x_days = scale(0, max((end - start).days, 1), LEFT, WIDTH - RIGHT)
    y = scale(0, top, TOP + PLOT_HEIGHT, TOP)

    def x(day: date) -> float:
        return x_days((day - start).days)

    parts = [
        svg_open(
            "score-chart",
            css="vchart score-chart",
            width=WIDTH,
            height=height,
            title=title,
            description=_describe(instrument, points),
            axis="x",
        )
    ]
    for index, band in enumerate(instrument.bands):
        # A band covers totals from its minimum up to the next band's minimum.
        upper = instrument.bands[index + 1].minimum if index + 1 < len(instrument.bands) else top
        y_top, y_bottom = y(upper), y(band.minimum)
        parts.append(
            f'<rect class="band band-{index}" x="{LEFT}" y="{y_top:.1f}" '
            f'width="{WIDTH - LEFT - RIGHT}" height="{y_bottom - y_top:.1f}"/>'
        )
        if y_bottom - y_top >= LINE_HEIGHT:
            parts.append(
                f'<text class="band-label" x="{WIDTH - RIGHT - 4}" y="{y_top + 13:.1f}" '
                f'text-anchor="end">{escape(band.display)}</text>'
            )
    drawn: list[float] = []
    for value in [*(b.minimum for b in instrument.bands), top]:
        if all(abs(y(value) - other) >= LINE_HEIGHT for other in drawn):
            drawn.append(y(value))
            parts.append(
                f'<text class="tick" x="{LEFT - 5}" y="{y(value) + 4.5:.1f}" '
                f'text-anchor="end">{value:g}</text>'
            )
    parts.append(
        marks.x_axis_dates(date_ticks(start, end), x, TOP + PLOT_HEIGHT, LEFT, WIDTH - RIGHT)
    )
    if len(points) > 1:
        line = " ".join(f"{x(d):.1f},{y(v):.1f}" for d, v in points)
        parts.append(f'<polyline class="line score-line" points="{line}"/>')
    for index, (day, value) in enumerate(points):
        parts.append(
            marks.mark(
                f"answer-{index}",
                f"{day.day} {day:%b %Y}: {value:g} ({band_of(instrument, value)})",
                marks.dot(x(day), y(value), 5, css="dot score-point"),
                x=x(day),
            )
        )
    parts.append("</svg>")
    return Chart(("".join(parts),), hint="Tap or hover over a point to read that answer.")


def band_of(instrument: Instrument, total: float) -> str:
    found = instrument.bands[0]
    for band in instrument.bands:
        if total >= band.minimum:
            found = band
    return found.display


def _describe(instrument: Instrument, points: list[tuple[date, float]]) -> str:
    if not points:
        return f"No {instrument.name} answers yet."
    first, last = points[0], points[-1]
    text = [
        f"{len(points)} {instrument.name} totals from {first[0]:%d %B %Y} to {last[0]:%d %B %Y}, "
        f"on a scale of {instrument.min_total} to {instrument.max_total}.",
        f"First {first[1]:g}, latest {last[1]:g}.",
    ]
    bands = ", ".join(f"{b.display} {b.minimum:g}–{b.maximum:g}" for b in instrument.bands)
    text.append(f"Ranges: {bands}.")
    return " ".join(text)
