"""The outcome by period as a server-rendered SVG: no JavaScript, readable by screen readers.

Each period is a labelled band ("B" or "A" written on it, so colour is never the only cue);
its settling-in days are hatched; daily values are dots; the period's mean is a thick line
(solid for the change, dashed for as usual).
"""

from __future__ import annotations

import math
from datetime import date

import pandas as pd

from vagus.science.experiments import ExperimentResult, Schedule
from vagus.svg import scale, svg_open

WIDTH, HEIGHT = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 36, 12, 26, 28


def period_chart(
    schedule: Schedule,
    outcome: pd.Series,
    result: ExperimentResult,
    *,
    b_label: str,
    outcome_label: str,
    y_max: float = 10,
) -> str:
    span = schedule.n_days
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    day_w = plot_w / span

    def x(day: date) -> float:
        return LEFT + day_w * (day - schedule.start).days

    y = scale(0, y_max, TOP + plot_h, TOP)
    parts = [
        svg_open(
            "period-chart",
            css="period-chart",
            width=WIDTH,
            height=HEIGHT,
            title=f"Your {outcome_label} in each period",
            description=_describe(schedule, result, b_label, outcome_label),
        ),
        '<defs><pattern id="washout-hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="6" class="hatch"/>'
        "</pattern></defs>",
    ]
    for period in schedule.periods():
        x0, width = x(period.first_day), day_w * schedule.period_days
        css = "period-b" if period.letter == "B" else "period-a"
        parts.append(
            f'<rect class="{css}" x="{x0:.1f}" y="{TOP}" width="{width:.1f}" height="{plot_h}"/>'
        )
        if schedule.washout_days:
            parts.append(
                f'<rect fill="url(#washout-hatch)" x="{x0:.1f}" y="{TOP}" '
                f'width="{day_w * schedule.washout_days:.1f}" height="{plot_h}"/>'
            )
        parts.append(
            f'<text class="period-letter" x="{x0 + width / 2:.1f}" y="{TOP - 8}" '
            f'text-anchor="middle">{period.letter}</text>'
        )
        mean = (
            result.period_means[period.index]
            if period.index < len(result.period_means)
            else math.nan
        )
        if not math.isnan(mean):
            xa = x(period.first_analysed_day)
            parts.append(
                f'<line class="mean mean-{period.letter.lower()}" x1="{xa:.1f}" '
                f'x2="{x0 + width:.1f}" y1="{y(mean):.1f}" y2="{y(mean):.1f}"/>'
            )
    for tick in range(0, int(y_max) + 1, 2):
        parts.append(
            f'<text class="tick" x="{LEFT - 6}" y="{y(tick) + 4:.1f}" text-anchor="end">'
            f"{tick}</text>"
        )
    for day, value in outcome.items():
        if schedule.condition_on(day) is not None:
            parts.append(
                f'<circle class="day-dot" cx="{x(day) + day_w / 2:.1f}" cy="{y(value):.1f}" '
                f'r="2.5"/>'
            )
    for day in (schedule.start, schedule.end):
        parts.append(
            f'<text class="tick" x="{x(day) + day_w / 2:.1f}" y="{HEIGHT - 8}" '
            f'text-anchor="middle">{day:%d %b}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


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
