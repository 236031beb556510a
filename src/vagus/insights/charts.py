"""Server-rendered SVG for the insights pages: no JavaScript, sized to be legible on a phone.

Every chart is ``role="img"`` with a title and a text description, and each page also shows
the same numbers as a table, so nothing is told by position or colour alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from html import escape

from vagus.charts import marks
from vagus.charts.intervals import Interval, interval_chart
from vagus.charts.layout import WIDTH as CANVAS
from vagus.charts.layout import Chart
from vagus.charts.table import Table
from vagus.charts.ticks import date_ticks, nice_ticks
from vagus.insights.patterns import Week
from vagus.svg import scale, svg_open

__all__ = [
    "Chart",
    "Interval",
    "calendar_heatmap",
    "interval_chart",
    "shade_bounds",
    "weekly_chart",
]

# The calendar's canvas: at 390 px wide the text is drawn close to its nominal size.
WIDTH = 360
# Five shades of one hue, light to dark; the value is also written in each cell.
SHADES = ("#e8f0f7", "#c3d8ea", "#8fb6d6", "#3f7fb0", "#1f4e75")
DARK_SHADES = 2  # the last two need white text


def _open(chart_id: str, height: float, title: str, desc: str, css: str) -> list[str]:
    return [svg_open(chart_id, css=css, width=WIDTH, height=height, title=title, description=desc)]


def weekly_chart(weeks: Sequence[Week], *, chart_id: str, title: str, y_max: float) -> Chart:
    """Weekly means as dots with 95 % interval bars on a dated axis, oldest on the left."""
    if not weeks:
        return Chart(())
    left, right, top, plot_h = 34, 12, 10, 150
    height = top + plot_h + 26
    first, last = weeks[0].start, weeks[-1].start + timedelta(days=6)
    highs = [w.high if w.high is not None else w.mean for w in weeks]
    lows = [w.low if w.low is not None else w.mean for w in weeks]
    ticks = nice_ticks(min([0.0, *lows]), max([y_max, *highs]), most=6)
    y = scale(ticks[0], ticks[-1], top + plot_h, top)
    x_days = scale(0, max((last - first).days, 1), left, CANVAS - right)

    def x(day: date) -> float:
        return x_days((day - first).days)

    desc = (
        f"{len(weeks)} weeks from the week of {weeks[0].start:%d %B %Y} to the week of "
        f"{weeks[-1].start:%d %B %Y}. Lowest weekly average {min(w.mean for w in weeks):.1f}, "
        f"highest {max(w.mean for w in weeks):.1f}, latest {weeks[-1].mean:.1f}."
    )
    parts = [
        svg_open(
            chart_id,
            width=CANVAS,
            height=height,
            title=title,
            description=desc,
            css="vchart weekly-chart",
            axis="x",
        ),
        marks.y_axis(ticks, y, left, CANVAS - right),
        marks.x_axis_dates(date_ticks(first, last), x, top + plot_h, left, CANVAS - right),
    ]
    rows = []
    for week in weeks:
        cx = x(week.start + timedelta(days=3))  # the middle of the week
        span = "—"
        shape = ""
        if week.low is not None and week.high is not None:
            span = f"{week.low:.1f} to {week.high:.1f}"
            shape = (
                f'<line class="interval" x1="{cx:.1f}" x2="{cx:.1f}" y1="{y(week.low):.1f}" '
                f'y2="{y(week.high):.1f}"/>'
            )
        range_words = f", 95 % range {span}" if span != "—" else ""
        title_text = (
            f"Week of {week.start.day} {week.start:%b}: average {week.mean:.1f}{range_words}, "
            f"{week.days} day{'s' if week.days != 1 else ''} logged"
        )
        parts.append(
            marks.mark(
                week.start.isoformat(), title_text, shape + marks.dot(cx, y(week.mean), 4.5), x=cx
            )
        )
        rows.append(
            (f"{week.start.day} {week.start:%b %Y}", f"{week.mean:.1f}", span, str(week.days))
        )
    parts.append("</svg>")
    table = Table(
        f"{title}, oldest first",
        ("Week of", "Average", "95 % range", "Days logged"),
        tuple(rows),
        shown=True,
    )
    return Chart(("".join(parts),), table, hint="Tap or hover over a week to read its average.")


def shade_bounds(low: float, high: float) -> list[tuple[float, float]]:
    """Five equal bands from ``low`` to ``high``: the legend of the calendar."""
    width = (high - low) / len(SHADES) or 1.0
    return [(low + width * i, low + width * (i + 1)) for i in range(len(SHADES))]


def shade_of(value: float, bounds: list[tuple[float, float]]) -> int:
    for index, (_, upper) in enumerate(bounds):
        if value < upper:
            return index
    return len(bounds) - 1


def calendar_heatmap(
    rows: Sequence[Sequence[tuple[date, float | None, bool]]],
    *,
    chart_id: str,
    title: str,
    label: str,
    bounds: list[tuple[float, float]],
) -> str:
    """A week per row, Monday first; each logged day shaded and its value written in the cell."""
    left, top, cell_w, cell_h, gap = 52, 22, 42, 30, 2
    height = top + len(rows) * (cell_h + gap) + 4
    logged = [v for row in rows for _, v, _ in row if v is not None]
    desc = (
        f"{label} on each day of the last {len(rows)} weeks, a row per week from Monday to "
        f"Sunday. {len(logged)} days logged"
        + (f", from {min(logged):g} to {max(logged):g}." if logged else ".")
        + " Darker cells are higher values; each value is also written in its cell."
    )
    parts = _open(chart_id, height, title, desc, "heatmap")
    for index, name in enumerate(("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")):
        cx = left + index * (cell_w + gap) + cell_w / 2
        parts.append(f'<text class="tick" x="{cx:.0f}" y="14" text-anchor="middle">{name}</text>')
    for week, row in enumerate(rows):
        y0 = top + week * (cell_h + gap)
        parts.append(
            f'<text class="tick" x="{left - 4}" y="{y0 + cell_h / 2 + 4:.0f}" text-anchor="end">'
            f"{row[0][0]:%d %b}</text>"
        )
        for index, (day, value, future) in enumerate(row):
            if future:
                continue
            x0 = left + index * (cell_w + gap)
            if value is None:
                text = f"{day:%A %d %B}: not logged"
                parts.append(
                    f'<g><title>{text}</title><rect class="day empty" x="{x0}" y="{y0}" '
                    f'width="{cell_w}" height="{cell_h}" rx="3"/></g>'
                )
                continue
            shade = shade_of(value, bounds)
            ink = "light" if shade >= len(SHADES) - DARK_SHADES else "dark"
            parts.append(
                f"<g><title>{day:%A %d %B}: {escape(label)} {value:g}</title>"
                f'<rect class="day" x="{x0}" y="{y0}" width="{cell_w}" height="{cell_h}" rx="3" '
                f'fill="{SHADES[shade]}"/><text class="value {ink}" x="{x0 + cell_w / 2:.0f}" '
                f'y="{y0 + cell_h / 2 + 5:.0f}" text-anchor="middle">{value:.3g}</text></g>'
            )
    parts.append("</svg>")
    return "".join(parts)
