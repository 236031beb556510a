"""Dots with 95 % interval bars, one row each, on a numbered axis.

Each row's label has a line of its own above its bar, outside the plot band, so the line at
"no difference" never runs through a label.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from vagus.charts import marks
from vagus.charts.layout import LINE_HEIGHT, WIDTH, Chart
from vagus.charts.table import Table
from vagus.charts.ticks import nice_ticks
from vagus.svg import scale, svg_open

LEFT, RIGHT, TOP = 14, 14, 6
BAR_BAND = 26  # the height of the strip each bar is drawn in
AXIS = 44  # numbers and the axis title under the rows


@dataclass(frozen=True)
class Interval:
    label: str
    estimate: float
    low: float | None
    high: float | None
    days: int | None = None  # how many days the row stands on, for the table


@dataclass(frozen=True)
class RowBox:
    """Where a row sits: its label lines and the strip its bar is drawn in."""

    label_top: float
    bar_top: float
    bar_bottom: float


def interval_chart(
    rows: Sequence[Interval],
    *,
    chart_id: str,
    title: str,
    desc: str,
    axis_label: str,
    zero: float | None = 0.0,
    digits: int = 2,
    table_columns: tuple[str, str, str] = ("", "Estimate", "95 % range"),
    table_shown: bool = False,
) -> Chart:
    if not rows:
        return Chart(())
    values = [v for r in rows for v in (r.estimate, r.low, r.high) if v is not None]
    if zero is not None:
        values.append(zero)
    ticks = nice_ticks(min(values), max(values), most=5)
    x = scale(ticks[0], ticks[-1], LEFT, WIDTH - RIGHT)

    def number(value: float) -> str:
        return f"{value:.{digits}f}"

    boxes, labels, y = [], [], TOP
    for row in rows:
        lines = marks.wrap(row.label, WIDTH - 4)
        labels.append(lines)
        bar_top = y + LINE_HEIGHT * len(lines) + 4
        boxes.append(RowBox(y, bar_top, bar_top + BAR_BAND))
        y = bar_top + BAR_BAND + 6
    plot_bottom = y
    height = plot_bottom + AXIS
    parts = [
        svg_open(
            chart_id,
            width=WIDTH,
            height=height,
            title=title,
            description=desc,
            css="vchart interval-chart",
            axis="y",
        )
    ]
    for t in ticks:  # faint grid lines in each bar strip only
        parts.extend(
            f'<line class="grid" x1="{x(t):.1f}" x2="{x(t):.1f}" y1="{b.bar_top}" '
            f'y2="{b.bar_bottom}"/>'
            for b in boxes
        )
    if zero is not None:
        parts.extend(
            f'<line class="zero" x1="{x(zero):.1f}" x2="{x(zero):.1f}" y1="{b.bar_top}" '
            f'y2="{b.bar_bottom}"/>'
            for b in boxes
        )
    table_rows = []
    for index, (row, lines, box) in enumerate(zip(rows, labels, boxes, strict=True)):
        tspans = "".join(
            f'<tspan x="2" y="{box.label_top + LINE_HEIGHT * (i + 1) - 3}">{escape(line)}</tspan>'
            for i, line in enumerate(lines)
        )
        parts.append(f'<text class="row-label">{tspans}</text>')
        middle = (box.bar_top + box.bar_bottom) / 2
        shape = ""
        if row.low is not None and row.high is not None:
            shape = (
                f'<line class="interval" x1="{x(row.low):.1f}" x2="{x(row.high):.1f}" '
                f'y1="{middle}" y2="{middle}"/>'
            )
        span = (
            f"{number(row.low)} to {number(row.high)}"
            if row.low is not None and row.high is not None
            else "—"
        )
        reading = f"{number(row.estimate)}" + (f" (95 % range {span})" if span != "—" else "")
        parts.append(
            marks.mark(
                f"row-{index}",
                f"{row.label}: {reading}",
                shape + marks.dot(x(row.estimate), middle, 5.5),
                y=middle,
            )
        )
        days = () if row.days is None else (str(row.days),)
        table_rows.append((row.label, number(row.estimate), span, *days))
    parts.append(marks.x_axis_numbers(ticks, x, plot_bottom, LEFT, WIDTH - RIGHT))
    parts.append(
        f'<text class="axis-title" x="{WIDTH / 2}" y="{height - 4}" text-anchor="middle">'
        f"{escape(axis_label)}</text></svg>"
    )
    days_column = ("Days",) if any(r.days is not None for r in rows) else ()
    columns = (table_columns[0] or "Row", *table_columns[1:], *days_column)
    return Chart(
        ("".join(parts),),
        Table(title, columns, tuple(table_rows), shown=table_shown),
        hint="Tap or hover over a row to read its numbers.",
    )
