"""The monitor's adherence chart: one dot per participant, percent of scheduled days logged."""

from __future__ import annotations

from collections.abc import Sequence

from vagus.charts import Chart
from vagus.charts.intervals import Interval, interval_chart
from vagus.studies.queries import MonitorRow


def adherence_chart(rows: Sequence[MonitorRow]) -> Chart:
    shown = [r for r in rows if r.progress.adherence is not None]
    return interval_chart(
        [
            Interval(
                r.pseudonym,
                float(r.progress.adherence or 0.0),
                None,
                None,
                r.progress.scheduled_days,
            )
            for r in shown
        ],
        chart_id="adherence",
        title="Adherence by participant",
        desc="Percent of each participant's scheduled days so far with an entry.",
        axis_label="% of scheduled days logged",
        zero=0.0,
        digits=0,
        table_columns=("Participant", "Adherence (%)", "95 % range"),
    )
