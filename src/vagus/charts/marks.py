"""Pieces of an SVG chart: axes with their numbers, and marks a finger or a pointer can read.

A mark is a ``<g class="mark">`` holding its shape and a ``<title>`` ("Tue 3 Mar: Anxiety 4"):
a tooltip without JavaScript, and what ``vagus/charts.js`` reads out for the nearest mark.
Marks sharing a ``data-key`` (one day across several panels) are read out together.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from html import escape

from vagus.charts.layout import WIDTH, text_width
from vagus.charts.ticks import date_text, tick_text


def mark(
    key: str, title: str, shape: str, *, x: float | None = None, y: float | None = None
) -> str:
    where = (f' data-x="{x:.1f}"' if x is not None else "") + (
        f' data-y="{y:.1f}"' if y is not None else ""
    )
    return (
        f'<g class="mark" data-key="{escape(key)}"{where}><title>{escape(title)}</title>{shape}</g>'
    )


def dot(x: float, y: float, r: float = 4, css: str = "dot") -> str:
    return f'<circle class="{css}" cx="{x:.1f}" cy="{y:.1f}" r="{r:g}"/>'


def y_axis(ticks: Sequence[float], y: Callable[[float], float], left: float, right: float) -> str:
    """Grid lines across the plot and their numbers in the margin on the left."""
    return "".join(
        f'<line class="grid" x1="{left}" x2="{right}" y1="{y(t):.1f}" y2="{y(t):.1f}"/>'
        f'<text class="tick" x="{left - 5}" y="{y(t) + 4.5:.1f}" text-anchor="end">'
        f"{tick_text(t)}</text>"
        for t in ticks
    )


def x_axis_numbers(
    ticks: Sequence[float], x: Callable[[float], float], y_line: float, left: float, right: float
) -> str:
    parts = [f'<line class="axis" x1="{left}" x2="{right}" y1="{y_line}" y2="{y_line}"/>']
    for t in ticks:
        parts.append(
            f'<line class="axis" x1="{x(t):.1f}" x2="{x(t):.1f}" y1="{y_line}" '
            f'y2="{y_line + 4}"/>' + _label(x(t), y_line + 18, tick_text(t))
        )
    return "".join(parts)


def x_axis_dates(
    ticks: list[date], x: Callable[[date], float], y_line: float, left: float, right: float
) -> str:
    parts = [f'<line class="axis" x1="{left}" x2="{right}" y1="{y_line}" y2="{y_line}"/>']
    for day in ticks:
        parts.append(
            f'<line class="axis" x1="{x(day):.1f}" x2="{x(day):.1f}" y1="{y_line}" '
            f'y2="{y_line + 4}"/>' + _label(x(day), y_line + 18, date_text(day, ticks), "tick date")
        )
    return "".join(parts)


def _label(x: float, y: float, text: str, css: str = "tick") -> str:
    """A tick label centred on its tick, or ending (starting) there at the canvas's edges."""
    half = text_width(text) / 2
    anchor = "end" if x + half > WIDTH - 2 else "start" if x - half < 2 else "middle"
    return (
        f'<text class="{css}" x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}">{escape(text)}</text>'
    )


def wrap(text: str, width: float) -> list[str]:
    """Words on as few lines as fit ``width`` units."""
    lines: list[str] = []
    for word in text.split():
        if lines and text_width(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines or [""]
