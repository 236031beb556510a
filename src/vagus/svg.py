"""What every server-rendered chart shares: an accessible SVG opening and linear scales.

Each chart is ``role="img"`` with a title and a text description wired by
``aria-labelledby``, so a screen reader gets the figure in words. The canvas is sized in
``vagus.charts`` so that its text reads on a phone.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape


def svg_open(
    chart_id: str,
    *,
    width: float,
    height: float,
    title: str,
    description: str,
    css: str = "",
    axis: str = "",
) -> str:
    """``axis`` ("x" or "y") says along which the readout script finds the nearest mark."""
    classes = f"chart {css}".strip()
    readout = f' data-axis="{axis}"' if axis else ""
    return (
        f'<svg class="{classes}" id="{chart_id}" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'role="img" aria-labelledby="{chart_id}-title {chart_id}-desc"{readout} '
        f'xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>'
    )


def scale(
    domain_low: float, domain_high: float, range_low: float, range_high: float
) -> Callable[[float], float]:
    """The linear map taking [domain_low, domain_high] onto [range_low, range_high]."""
    width = (domain_high - domain_low) or 1.0
    return lambda value: range_low + (range_high - range_low) * (value - domain_low) / width
