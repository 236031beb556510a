"""Server-rendered SVG line charts: no JavaScript, no CDN, readable by screen readers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from vagus.svg import scale, svg_open


@dataclass(frozen=True)
class Line:
    label: str
    values: dict[date, float]
    css_class: str  # colour and dash pattern live in the stylesheet


WIDTH, HEIGHT = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 36, 12, 12, 28


def line_chart(
    lines: list[Line], start: date, end: date, *, y_max: float = 10, title: str = ""
) -> str:
    """An SVG chart of daily values; gaps in the diary stay gaps in the line."""
    span = max((end - start).days, 1)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    x_days = scale(0, span, LEFT, LEFT + plot_w)
    y = scale(0, y_max, TOP + plot_h, TOP)

    def x(day: date) -> float:
        return x_days((day - start).days)

    description = _describe(lines, start, end)
    parts = [svg_open("chart", width=WIDTH, height=HEIGHT, title=title, description=description)]
    for tick in range(0, int(y_max) + 1, 2):
        parts.append(
            f'<line class="grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(tick):.1f}" '
            f'y2="{y(tick):.1f}"/><text class="tick" x="{LEFT - 6}" y="{y(tick) + 4:.1f}" '
            f'text-anchor="end">{tick}</text>'
        )
    for day in _date_ticks(start, end):
        parts.append(
            f'<text class="tick" x="{x(day):.1f}" y="{HEIGHT - 8}" text-anchor="middle">'
            f"{day:%d %b}</text>"
        )
    for line in lines:
        for segment in _segments(line.values, start, end):
            points = " ".join(f"{x(d):.1f},{y(v):.1f}" for d, v in segment)
            if len(segment) == 1:
                d, v = segment[0]
                parts.append(
                    f'<circle class="{line.css_class}" cx="{x(d):.1f}" cy="{y(v):.1f}" r="2.5"/>'
                )
            else:
                parts.append(f'<polyline class="{line.css_class}" fill="none" points="{points}"/>')
    parts.append("</svg>")
    return "".join(parts)


def _segments(values: dict[date, float], start: date, end: date) -> list[list[tuple[date, float]]]:
    """Runs of consecutive logged days: a missing day breaks the line."""
    segments: list[list[tuple[date, float]]] = []
    previous: date | None = None
    for day in sorted(d for d in values if start <= d <= end):
        if previous is None or (day - previous).days > 1:
            segments.append([])
        segments[-1].append((day, values[day]))
        previous = day
    return segments


def _date_ticks(start: date, end: date, count: int = 5) -> list[date]:
    span = (end - start).days
    step = max(span // (count - 1), 1)
    return [start + timedelta(days=i * step) for i in range(count) if i * step <= span]


def _describe(lines: list[Line], start: date, end: date) -> str:
    parts = [f"Daily values from {start:%d %B %Y} to {end:%d %B %Y}."]
    for line in lines:
        shown = [v for d, v in line.values.items() if start <= d <= end]
        if shown:
            parts.append(
                f"{line.label}: {len(shown)} days logged, average {sum(shown) / len(shown):.1f}, "
                f"lowest {min(shown):g}, highest {max(shown):g}."
            )
        else:
            parts.append(f"{line.label}: nothing logged.")
    return " ".join(parts)
