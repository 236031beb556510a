"""The report's small print charts: vector SVG built from the shared chart pieces.

Drawn wider than the phone canvas (``CANVAS`` units at about 90 mm on paper) so 11-unit text
prints near 8 pt. Each SVG carries its own small ``<style>``: WeasyPrint renders an inline SVG
on its own, without the page's style sheet. Bands are greys and the second series is dashed
with hollow dots, so nothing depends on colour; the page beside each chart has the numbers.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from html import escape

from vagus.charts import marks
from vagus.charts.ticks import date_ticks, nice_ticks
from vagus.reports.shapes import DailySeries, QuestionnaireSeries
from vagus.reports.wording import day_words, number
from vagus.svg import scale, svg_open

CANVAS = 360
LEFT, RIGHT, TOP, BOTTOM = 30, 8, 18, 22
SCORE_HEIGHT = 80
DAILY_HEIGHT = 62
STYLE = (
    "<style>"
    "text{font-family:'DejaVu Sans',sans-serif;font-size:11px;fill:#1a1a1a}"
    ".title{font-weight:bold}"
    ".grid{stroke:#d9d9d9;stroke-width:.6}"
    ".axis{stroke:#555;stroke-width:.8}"
    ".band-0{fill:#f4f4f4}.band-1{fill:#e6e6e6}.band-2{fill:#d8d8d8}"
    ".band-3{fill:#cacaca}.band-4{fill:#bcbcbc}"
    ".band-label{font-size:9px;fill:#333}"
    ".threshold{stroke:#333;stroke-width:.8;stroke-dasharray:3 2}"
    ".threshold-label{font-size:9px}"
    ".score-line{stroke:#10375c;stroke-width:1.6;fill:none}"
    ".score-point{fill:#10375c}"
    ".dot{fill:#10375c}"
    ".hollow{fill:#fff;stroke:#8a3b12;stroke-width:.9}"
    ".week{stroke:#10375c;stroke-width:2;fill:none}"
    ".week-2{stroke:#8a3b12;stroke-width:2;stroke-dasharray:4 2;fill:none}"
    ".empty-note{fill:#555}"
    "</style>"
)


def score_chart(series: QuestionnaireSeries, start: date, end: date, chart_id: str) -> str:
    """Totals over the period on the published bands, with dashed lines a meaningful change
    away from the first answer."""
    height = TOP + SCORE_HEIGHT + BOTTOM
    x = _x(start, end)
    y = scale(series.min_total, series.max_total, TOP + SCORE_HEIGHT, TOP)
    parts = [
        svg_open(
            chart_id,
            width=CANVAS,
            height=height,
            title=f"{series.name} totals",
            description=f"{series.name}: {series.summary}",
        ),
        STYLE,
        f'<text class="title" x="2" y="12">{escape(series.name)} totals</text>',
    ]
    for index, band in enumerate(series.bands):
        upper = (
            series.bands[index + 1].minimum if index + 1 < len(series.bands) else series.max_total
        )
        y_top, y_bottom = y(upper), y(band.minimum)
        parts.append(
            f'<rect class="band-{min(index, 4)}" x="{LEFT}" y="{y_top:.1f}" '
            f'width="{CANVAS - LEFT - RIGHT}" height="{y_bottom - y_top:.1f}"/>'
        )
        if y_bottom - y_top >= 10:
            parts.append(
                f'<text class="band-label" x="{CANVAS - RIGHT - 3}" y="{y_top + 9:.1f}" '
                f'text-anchor="end">{escape(band.display)}</text>'
            )
        parts.append(
            f'<text x="{LEFT - 4}" y="{y(band.minimum) + 3.5:.1f}" text-anchor="end">'
            f"{band.minimum:g}</text>"
        )
    parts.append(
        f'<text x="{LEFT - 4}" y="{y(series.max_total) + 7:.1f}" text-anchor="end">'
        f"{series.max_total:g}</text>"
    )
    parts.append(
        marks.x_axis_dates(date_ticks(start, end), x, TOP + SCORE_HEIGHT, LEFT, CANVAS - RIGHT)
    )
    if series.points and series.meaningful_change:
        first = series.points[0].total
        for sign, label in ((-1, "−"), (1, "+")):
            level = first + sign * series.meaningful_change
            if series.min_total <= level <= series.max_total:
                parts.append(
                    f'<line class="threshold" x1="{LEFT}" x2="{CANVAS - RIGHT}" '
                    f'y1="{y(level):.1f}" y2="{y(level):.1f}"/>'
                    f'<text class="threshold-label" x="{LEFT + 3}" y="{y(level) - 2:.1f}">'
                    f"first {label}{series.meaningful_change:g}</text>"
                )
    if len(series.points) > 1:
        line = " ".join(f"{x(p.day):.1f},{y(p.total):.1f}" for p in series.points)
        parts.append(f'<polyline class="score-line" points="{line}"/>')
    for index, point in enumerate(series.points):
        parts.append(
            marks.mark(
                f"{chart_id}-{index}",
                f"{day_words(point.day)}: {number(point.total)} ({point.band})",
                marks.dot(x(point.day), y(point.total), 3, css="score-point"),
            )
        )
    parts.append("</svg>")
    return "".join(parts)


def daily_chart(
    title: str,
    series: Sequence[DailySeries],
    start: date,
    end: date,
    week_starts: Sequence[date],
    chart_id: str,
) -> str:
    """Each day as a small dot and each week's mean as a bar across its days (a second
    series dashed, with hollow dots)."""
    height = TOP + DAILY_HEIGHT + BOTTOM
    x = _x(start, end)
    values = [v for s in series for _, v in s.values]
    fixed_low = [s.low for s in series if s.low is not None]
    fixed_high = [s.high for s in series if s.high is not None]
    low = min(fixed_low) if fixed_low else min(values, default=0.0)
    high = max(fixed_high) if fixed_high else max(values, default=1.0)
    # A fixed scale shows its ends and middle (0, 5, 10; Bristol 1, 4, 7).
    ticks = (
        [low, (low + high) / 2, high] if fixed_low and fixed_high else nice_ticks(low, high, most=4)
    )
    y = scale(ticks[0], ticks[-1], TOP + DAILY_HEIGHT, TOP)
    parts = [
        svg_open(
            chart_id,
            width=CANVAS,
            height=height,
            title=title,
            description=" ".join(_describe(s) for s in series),
        ),
        STYLE,
        f'<text class="title" x="2" y="12">{escape(title)}</text>',
        marks.y_axis(ticks, y, LEFT, CANVAS - RIGHT),
        marks.x_axis_dates(date_ticks(start, end), x, TOP + DAILY_HEIGHT, LEFT, CANVAS - RIGHT),
    ]
    if not values:
        parts.append(
            f'<text class="empty-note" x="{(LEFT + CANVAS - RIGHT) / 2}" '
            f'y="{TOP + DAILY_HEIGHT / 2}" text-anchor="middle">Nothing logged</text>'
        )
    for number_in_chart, one in enumerate(series):
        # One path for all of a series' dots and one for its weekly bars: hundreds of
        # separate shapes would make the page several times slower to draw.
        dot_css = "dot" if number_in_chart == 0 else "hollow"
        week_css = "week" if number_in_chart == 0 else "week-2"
        if one.values:
            parts.append(
                f'<path class="{dot_css}" d="{_dots([(x(d), y(v)) for d, v in one.values])}"/>'
            )
        bars = [
            f"M{x(week):.1f} {y(mean):.1f}H{x(min(week + timedelta(days=6), end)):.1f}"
            for week, mean in zip(week_starts, one.weekly_means, strict=True)
            if mean is not None
        ]
        if bars:
            parts.append(f'<path class="{week_css}" d="{"".join(bars)}"/>')
    parts.append("</svg>")
    return "".join(parts)


def _x(start: date, end: date) -> Callable[[date], float]:
    days = scale(0, max((end - start).days, 1), LEFT, CANVAS - RIGHT)
    return lambda day: days((day - start).days)


def _dots(points: Sequence[tuple[float, float]], r: float = 1.4) -> str:
    """Small circles as one path: each a move and two half-circle arcs."""
    return "".join(
        f"M{px - r:.1f} {py:.1f}a{r} {r} 0 1 0 {2 * r} 0a{r} {r} 0 1 0 {-2 * r} 0"
        for px, py in points
    )


def _describe(series: DailySeries) -> str:
    if not series.days:
        return f"{series.label}: nothing logged."
    assert series.average is not None
    return f"{series.label}: {series.days} days logged, average {number(series.average)}."
