"""The canvas every chart is drawn on, and a chart as the page places it."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.safestring import SafeString, mark_safe

from vagus.charts.table import Table

# Near the width a chart gets on a 390 px phone (the page's and the card's padding taken off),
# so one user unit is about one CSS pixel there and more on anything wider.
WIDTH = 320
# Text is 13 units (vagus/charts.css); a character is about this wide, for fitting labels.
CHAR_WIDTH = 7.4
LINE_HEIGHT = 16


def text_width(text: str) -> float:
    return len(text) * CHAR_WIDTH


@dataclass(frozen=True)
class Chart:
    """One or more SVG panels, a live region for the tap-and-hover readout, and a table.

    ``str(chart)`` (and ``{{ chart }}`` in a template) is the whole figure body; ``svg``
    alone is for print, where nothing is tapped.
    """

    panels: tuple[str, ...]
    table: Table | None = None
    hint: str = "Tap or hover over the chart to read a value."
    css: str = field(default="")

    @property
    def svg(self) -> str:
        return "".join(self.panels)

    def __str__(self) -> SafeString:
        # Safe: every piece of text in the panels and the table is escaped where it is drawn.
        if not self.panels:
            return mark_safe("")
        classes = f"chart-figure {self.css}".strip()
        return mark_safe(
            f'<div class="{classes}" data-chart data-hint="{self.hint}">'
            f'<div class="chart-panels">{self.svg}</div>'
            '<p class="chart-readout" aria-live="polite"></p>'
            f"{self.table.html() if self.table else ''}</div>"
        )

    def __html__(self) -> SafeString:
        return self.__str__()

    def __bool__(self) -> bool:
        return bool(self.panels)
