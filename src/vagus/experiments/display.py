"""What a day and a schedule look like to the person: plain labels, no statistics."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from vagus.experiments.models import PAUSED, Experiment


@dataclass(frozen=True)
class DayPlan:
    experiment: Experiment
    day: date
    letter: str  # "A" or "B"
    condition: str  # "as usual" or the change's short name
    todo: str
    settling_in: bool  # a washout day: lived as planned, not counted
    paused: bool
    period_number: int
    periods: int

    @property
    def article(self) -> str:
        return "an" if self.condition[:1].lower() in "aeiou" else "a"


def day_plan(experiment: Experiment, day: date) -> DayPlan | None:
    """Today's (or any day's) condition, or None outside the experiment."""
    schedule = experiment.design
    period = schedule.period_on(day)
    if period is None:
        return None
    return DayPlan(
        experiment=experiment,
        day=day,
        letter=period.letter,
        condition=experiment.condition_label(period.letter),
        todo=experiment.todo(period.letter),
        settling_in=not schedule.is_analysed(day),
        paused=experiment.status == PAUSED,
        period_number=period.index + 1,
        periods=2 * schedule.pairs,
    )


@dataclass(frozen=True)
class PeriodRow:
    number: int
    pair: int
    letter: str
    condition: str
    first_day: date
    last_day: date
    settling_in_until: date | None
    when: str  # "done", "now" or "to come"


def schedule_rows(experiment: Experiment, today: date) -> list[PeriodRow]:
    schedule = experiment.design
    rows = []
    for p in schedule.periods():
        when = "done" if p.last_day < today else "now" if p.first_day <= today else "to come"
        settling = p.first_analysed_day if schedule.washout_days else None
        rows.append(
            PeriodRow(
                number=p.index + 1,
                pair=p.pair + 1,
                letter=p.letter,
                condition=experiment.condition_label(p.letter),
                first_day=p.first_day,
                last_day=p.last_day,
                settling_in_until=(settling.fromordinal(settling.toordinal() - 1))
                if settling
                else None,
                when=when,
            )
        )
    return rows
