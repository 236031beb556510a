"""Server-rendered SVG for the insights pages: no JavaScript, sized to be legible on a phone.

Every chart is ``role="img"`` with a title and a text description, and each page also shows
the same numbers as a table, so nothing is told by position or colour alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from html import escape

from vagus.insights.patterns import Week
from vagus.svg import svg_open

# A narrow canvas: at 390 px wide the text is drawn close to its nominal size.
WIDTH = 360
ROW = 46
# Five shades of one hue, light to dark; the value is also written in each cell.
SHADES = ("#e8f0f7", "#c3d8ea", "#8fb6d6", "#3f7fb0", "#1f4e75")
DARK_SHADES = 2  # the last two need white text


@dataclass(frozen=True)
class Interval:
    label: str
    estimate: float
    low: float | None
    high: float | None


def _open(chart_id: str, height: float, title: str, desc: str, css: str) -> list[str]:
    return [svg_open(chart_id, css=css, width=WIDTH, height=height, title=title, description=desc)]


def _nice_range(values: Sequence[float], include: float | None) -> tuple[float, float]:
    low, high = min(values), max(values)
    if include is not None:
        low, high = min(low, include), max(high, include)
    pad = (high - low) * 0.08 or 1.0
    return low - pad, high + pad


def interval_chart(
    rows: Sequence[Interval], *, chart_id: str, title: str, desc: str, zero: float | None = 0.0
) -> str:
    """Dots with 95 % interval bars, one row each, label above the bar; a line at ``zero``."""
    if not rows:
        return ""
    left, right, top = 12, WIDTH - 12, 8
    values = [v for r in rows for v in (r.estimate, r.low, r.high) if v is not None]
    lo, hi = _nice_range(values, zero)

    def x(value: float) -> float:
        return left + (right - left) * (value - lo) / (hi - lo)

    height = top + ROW * len(rows) + 26
    parts = _open(chart_id, height, title, desc, "interval-chart")
    if zero is not None:
        parts.append(
            f'<line class="zero" x1="{x(zero):.1f}" x2="{x(zero):.1f}" y1="{top}" '
            f'y2="{height - 22:.1f}"/><text class="tick" x="{x(zero):.1f}" y="{height - 6:.1f}" '
            f'text-anchor="middle">{zero:g} (no difference)</text>'
        )
    for index, row in enumerate(rows):
        y_text = top + ROW * index + 16
        y_bar = y_text + 16
        parts.append(f'<text class="row-label" x="{left}" y="{y_text}">{escape(row.label)}</text>')
        if row.low is not None and row.high is not None:
            parts.append(
                f'<line class="interval" x1="{x(row.low):.1f}" x2="{x(row.high):.1f}" '
                f'y1="{y_bar}" y2="{y_bar}"/>'
            )
        parts.append(f'<circle class="dot" cx="{x(row.estimate):.1f}" cy="{y_bar}" r="5"/>')
    parts.append("</svg>")
    return "".join(parts)


def weekly_chart(weeks: Sequence[Week], *, chart_id: str, title: str, y_max: float) -> str:
    """Weekly means as dots with 95 % interval bars, oldest on the left."""
    if not weeks:
        return ""
    left, right, top, bottom, height = 30, WIDTH - 10, 10, 24, 200
    plot_h = height - top - bottom
    top_value = max([y_max, *(w.high or w.mean for w in weeks)])
    low_value = min([0.0, *(w.low if w.low is not None else w.mean for w in weeks)])

    def y(value: float) -> float:
        return top + plot_h * (1 - (value - low_value) / (top_value - low_value or 1))

    step = (right - left) / max(len(weeks), 1)
    desc = (
        f"{len(weeks)} weeks from the week of {weeks[0].start:%d %B %Y} to the week of "
        f"{weeks[-1].start:%d %B %Y}. Lowest weekly average {min(w.mean for w in weeks):.1f}, "
        f"highest {max(w.mean for w in weeks):.1f}, latest {weeks[-1].mean:.1f}."
    )
    parts = _open(chart_id, height, title, desc, "weekly-chart")
    for tick in (low_value, (low_value + top_value) / 2, top_value):
        parts.append(
            f'<line class="grid" x1="{left}" x2="{right}" y1="{y(tick):.1f}" y2="{y(tick):.1f}"/>'
            f'<text class="tick" x="{left - 4}" y="{y(tick) + 4:.1f}" text-anchor="end">'
            f"{tick:.0f}</text>"
        )
    for index, week in enumerate(weeks):
        cx = left + step * (index + 0.5)
        if week.low is not None and week.high is not None:
            parts.append(
                f'<line class="interval" x1="{cx:.1f}" x2="{cx:.1f}" y1="{y(week.low):.1f}" '
                f'y2="{y(week.high):.1f}"/>'
            )
        parts.append(f'<circle class="dot" cx="{cx:.1f}" cy="{y(week.mean):.1f}" r="3.5"/>')
    for index in sorted({0, len(weeks) - 1}):
        cx = left + step * (index + 0.5)
        anchor = "start" if index == 0 and len(weeks) > 1 else "end"
        parts.append(
            f'<text class="tick" x="{cx:.1f}" y="{height - 6}" text-anchor="{anchor}">'
            f"{weeks[index].start:%d %b}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


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
