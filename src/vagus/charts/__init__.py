"""What every server-drawn chart shares so it reads on a phone.

Each chart is drawn in a canvas ``WIDTH`` user units wide: about the width a chart gets on a
390 px phone, so the 13-unit text of ``vagus/charts.css`` is drawn at 12 px or more there and
never shrinks below that on a wider screen. ``ticks`` picks nice axis numbers and dates,
``marks`` writes the points a finger or a pointer can read (``vagus/charts.js``), ``table``
gives the same numbers as a table, ``timeseries`` draws one measure per small panel.
"""

from __future__ import annotations

from vagus.charts.layout import WIDTH, Chart
from vagus.charts.table import Table

__all__ = ["WIDTH", "Chart", "Table"]
