"""A questionnaire's history as a server-rendered SVG: totals over time on its shaded bands."""

from __future__ import annotations

from datetime import date, timedelta
from html import escape

from vagus.science.instruments import Instrument
from vagus.svg import scale, svg_open

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 40, 110, 12, 28
MIN_SPAN_DAYS = 28


def history_chart(instrument: Instrument, points: list[tuple[date, float]], title: str) -> str:
    """Totals (one point per answer) over the published bands, lightest band lowest.

    Band names are written at the right edge, so colour is never the only cue.
    """
    points = sorted(points)
    end = points[-1][0] if points else date.today()
    start = points[0][0] if points else end
    start = min(start, end - timedelta(days=MIN_SPAN_DAYS))
    span = max((end - start).days, 1)
    top = instrument.max_total
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    x_days = scale(0, span, LEFT, LEFT + plot_w)
    y = scale(0, top, TOP + plot_h, TOP)

    def x(day: date) -> float:
        return x_days((day - start).days)

    parts = [
        svg_open(
            "score-chart",
            css="score-chart",
            width=WIDTH,
            height=HEIGHT,
            title=title,
            description=_describe(instrument, points),
        )
    ]
    for index, band in enumerate(instrument.bands):
        # A band covers totals from its minimum up to the next band's minimum.
        upper = instrument.bands[index + 1].minimum if index + 1 < len(instrument.bands) else top
        y_top, y_bottom = y(upper), y(band.minimum)
        parts.append(
            f'<rect class="band band-{index}" x="{LEFT}" y="{y_top:.1f}" width="{plot_w}" '
            f'height="{y_bottom - y_top:.1f}"/>'
            f'<text class="band-label" x="{WIDTH - RIGHT + 6}" '
            f'y="{(y_top + y_bottom) / 2 + 4:.1f}">{escape(band.display)}</text>'
        )
    for band in instrument.bands:
        parts.append(
            f'<text class="tick" x="{LEFT - 6}" y="{y(band.minimum) + 4:.1f}" '
            f'text-anchor="end">{band.minimum:g}</text>'
        )
    parts.append(
        f'<text class="tick" x="{LEFT - 6}" y="{y(top) + 4:.1f}" text-anchor="end">{top}</text>'
    )
    for tick in (start, start + timedelta(days=span // 2), end):
        parts.append(
            f'<text class="tick" x="{x(tick):.1f}" y="{HEIGHT - 8}" text-anchor="middle">'
            f"{tick:%d %b}</text>"
        )
    if len(points) > 1:
        line = " ".join(f"{x(d):.1f},{y(v):.1f}" for d, v in points)
        parts.append(f'<polyline class="score-line" fill="none" points="{line}"/>')
    for day, value in points:
        parts.append(
            f'<circle class="score-point" cx="{x(day):.1f}" cy="{y(value):.1f}" r="4">'
            f"<title>{day:%d %b %Y}: {value:g}</title></circle>"
        )
    parts.append("</svg>")
    return "".join(parts)


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
