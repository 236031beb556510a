"""The outcome by period as a server-rendered SVG: no JavaScript, readable by screen readers.

Each period is a labelled band ("B" or "A" written on it, so colour is never the only cue);
its settling-in days are hatched; daily values are dots; the period's mean is a thick line
(solid for the change, dashed for as usual).
"""

from __future__ import annotations

import math
from datetime import date

import pandas as pd

from vagus.charts import WIDTH, Chart, Table, marks
from vagus.charts.ticks import date_ticks, nice_ticks
from vagus.charts.timeseries import shown
from vagus.science.experiments import ExperimentResult, Schedule
from vagus.svg import scale, svg_open

LEFT, RIGHT, TOP, BOTTOM = 34, 10, 24, 26
PLOT_HEIGHT = 170


def period_chart(
    schedule: Schedule,
    outcome: pd.Series,
    result: ExperimentResult,
    *,
    b_label: str,
    outcome_label: str,
    y_max: float = 10,
) -> Chart:
    span = schedule.n_days
    plot_w = WIDTH - LEFT - RIGHT
    day_w = plot_w / span
    height = TOP + PLOT_HEIGHT + BOTTOM

    def x(day: date) -> float:
        return LEFT + day_w * (day - schedule.start).days

    ticks = nice_ticks(0, y_max, most=6)
    y = scale(ticks[0], ticks[-1], TOP + PLOT_HEIGHT, TOP)
    parts = [
        svg_open(
            "period-chart",
            css="vchart period-chart",
            width=WIDTH,
            height=height,
            title=f"Your {outcome_label} in each period",
            description=_describe(schedule, result, b_label, outcome_label),
            axis="x",
        ),
        '<defs><pattern id="washout-hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="6" class="hatch"/>'
        "</pattern></defs>",
    ]
    for period in schedule.periods():
        x0, width = x(period.first_day), day_w * schedule.period_days
        css = "period-b" if period.letter == "B" else "period-a"
        parts.append(
            f'<rect class="{css}" x="{x0:.1f}" y="{TOP}" width="{width:.1f}" '
            f'height="{PLOT_HEIGHT}"/>'
        )
        if schedule.washout_days:
            parts.append(
                f'<rect fill="url(#washout-hatch)" x="{x0:.1f}" y="{TOP}" '
                f'width="{day_w * schedule.washout_days:.1f}" height="{PLOT_HEIGHT}"/>'
            )
        parts.append(
            f'<text class="period-letter" x="{x0 + width / 2:.1f}" y="{TOP - 7}" '
            f'text-anchor="middle">{period.letter}</text>'
        )
    parts.append(marks.y_axis(ticks, y, LEFT, WIDTH - RIGHT))
    for period in schedule.periods():
        mean = (
            result.period_means[period.index]
            if period.index < len(result.period_means)
            else math.nan
        )
        if not math.isnan(mean):
            x_end = x(period.first_day) + day_w * schedule.period_days
            parts.append(
                f'<line class="mean mean-{period.letter.lower()}" '
                f'x1="{x(period.first_analysed_day):.1f}" x2="{x_end:.1f}" '
                f'y1="{y(mean):.1f}" y2="{y(mean):.1f}"/>'
            )
    rows = []
    for day, value in outcome.items():
        on = schedule.period_on(day)
        if on is None:
            continue
        condition = "B, " + b_label if on.letter == "B" else "A, as usual"
        settling = "" if schedule.is_analysed(day) else ", settling in, not counted"
        when = f"{day:%a} {day.day} {day:%b}"
        parts.append(
            marks.mark(
                day.isoformat(),
                f"{when}: {outcome_label} {shown(value)} ({condition}{settling})",
                marks.dot(x(day) + day_w / 2, y(value), 3, css="dot day-dot"),
                x=x(day) + day_w / 2,
            )
        )
        rows.append(
            (f"{when} {day.year}", f"{on.index + 1} ({on.letter})" + settling, shown(value))
        )
    parts.append(
        marks.x_axis_dates(
            date_ticks(schedule.start, schedule.end),
            lambda d: x(d) + day_w / 2,
            TOP + PLOT_HEIGHT,
            LEFT,
            WIDTH - RIGHT,
        )
    )
    parts.append("</svg>")
    table = Table(
        f"Your {outcome_label} on each day of the experiment",
        ("Day", "Period", outcome_label.capitalize()),
        tuple(rows),
    )
    return Chart(("".join(parts),), table, hint="Tap or hover over a day to read its value.")


def _describe(
    schedule: Schedule, result: ExperimentResult, b_label: str, outcome_label: str
) -> str:
    text = [
        f"{2 * schedule.pairs} periods of {schedule.period_days} days from "
        f"{schedule.start:%d %B %Y} to {schedule.end:%d %B %Y}; B is {b_label}, A is as usual."
    ]
    for period in schedule.periods():
        mean = result.period_means[period.index]
        shown = "no data" if math.isnan(mean) else f"average {outcome_label} {mean:.1f}"
        text.append(f"Period {period.index + 1} ({period.letter}): {shown}.")
    return " ".join(text)
