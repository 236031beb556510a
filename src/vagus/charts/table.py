"""The numbers of a chart as a real table, for screen readers and for anyone who prefers one."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape


@dataclass(frozen=True)
class Table:
    caption: str
    columns: tuple[str, ...]  # the first column heads the rows
    rows: tuple[tuple[str, ...], ...]
    # Shown as it is, or folded into "The numbers in this chart" below the chart.
    shown: bool = False

    def html(self) -> str:
        head = "".join(f'<th scope="col">{escape(c)}</th>' for c in self.columns)
        body = "".join(
            f'<tr><th scope="row">{escape(row[0])}</th>'
            + "".join(f"<td>{escape(cell)}</td>" for cell in row[1:])
            + "</tr>"
            for row in self.rows
        )
        caption_class = ' class="visually-hidden"' if not self.shown else ""
        table = (
            f'<div class="table-wrap"><table class="chart-data"><caption{caption_class}>'
            f"{escape(self.caption)}</caption><thead><tr>{head}</tr></thead>"
            f"<tbody>{body}</tbody></table></div>"
        )
        if self.shown:
            return table
        return (
            '<details class="chart-table"><summary>The numbers in this chart</summary>'
            f"{table}</details>"
        )
