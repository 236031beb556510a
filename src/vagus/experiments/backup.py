"""The experiments' part of a backup: each experiment and its daily adherence answers.

Each experiment is restored as it was stored: its randomised schedule, status, pauses,
hypothesis and unwanted effects are the record of the trial, never re-drawn or re-checked
against today's date. Every field is checked first, and whatever the app relies on must hold
(a schedule that can be read, ``started`` on its first day, a stopped experiment's stop date,
at most one unfinished experiment per outcome), or the whole backup is refused. Adherence
answers follow their experiment by its id in the backup.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, Any

from pydantic import Field

from vagus.backup.registry import RestoreContext, restorer, section
from vagus.backup.rows import Day, Flag, Id, Moment, Number, Row, Text, parse_rows, problem
from vagus.experiments.library import LIBRARY, OUTCOMES
from vagus.experiments.models import (
    OPEN_STATUSES,
    STATUSES,
    STOPPED,
    AdherenceAnswer,
    Experiment,
)
from vagus.safety.medication import MEDICATION_REFUSAL, mentions_medication
from vagus.science.experiments import Schedule

if TYPE_CHECKING:
    from vagus.accounts.models import User

EXPERIMENTS, ADHERENCE = "experiments", "experiment_adherence"
_STATUS_CODES = [code for code, _ in STATUSES]
_SLUG = re.compile(r"^[-a-zA-Z0-9_]+$")


class ExperimentRow(Row):
    id: Id
    title: Text
    library_key: Text | None
    b_label: Text
    b_todo: Text
    a_todo: Text
    outcome: Text = Field(json_schema_extra={"enum": [*sorted(OUTCOMES)]})
    lower_is_better: Flag
    smallest_change: Number
    plan: dict[str, Any]
    schedule: dict[str, Any]
    status: Text = Field(json_schema_extra={"enum": [*_STATUS_CODES]})
    started: Day
    stopped: Day | None
    pauses: list[Any] = Field(description="[first day, last day or null] of each pause.")
    hypothesis: Text
    harms: Text
    created: Moment

    @classmethod
    def of(cls, e: Experiment) -> ExperimentRow:
        return cls(
            id=str(e.uuid),
            title=e.title,
            library_key=e.library_key or None,
            b_label=e.b_label,
            b_todo=e.b_todo,
            a_todo=e.a_todo,
            outcome=e.outcome,
            lower_is_better=e.lower_is_better,
            smallest_change=e.smallest_change,
            plan=e.plan,
            schedule=e.schedule,
            status=e.status,
            started=e.started,
            stopped=e.stopped,
            pauses=e.pauses,
            hypothesis=e.hypothesis,
            harms=e.harms,
            created=e.created,
        )


class AdherenceRow(Row):
    id: Id
    experiment: Id = Field(description="The id of a row of experiments.")
    day: Day
    followed: Flag


@section(EXPERIMENTS, model="experiments.Experiment", row=ExperimentRow)
def export_experiments(user: User) -> list[ExperimentRow]:
    rows = Experiment.objects.owned_by(user).order_by("created", "id")
    return [ExperimentRow.of(e) for e in rows]


@section(ADHERENCE, model="experiments.AdherenceAnswer", row=AdherenceRow)
def export_adherence(user: User) -> list[AdherenceRow]:
    return [
        AdherenceRow(
            id=str(a.uuid), experiment=str(a.experiment.uuid), day=a.day, followed=a.followed
        )
        for a in AdherenceAnswer.objects.owned_by(user)
        .select_related("experiment")
        .order_by("day", "id")
    ]


def _text(
    i: int, name: str, text: str, limit: int, *, required: bool = True, medication: bool = False
) -> str:
    if required and not text.strip():
        raise problem(EXPERIMENTS, i, name, "empty")
    if len(text) > limit:
        raise problem(EXPERIMENTS, i, name, f"too long (at most {limit} characters)")
    # As when one is made in the app: an experiment never changes medication.
    if medication and mentions_medication(text):
        raise problem(EXPERIMENTS, i, name, MEDICATION_REFUSAL)
    return text


def _library_key(i: int, row: ExperimentRow) -> str:
    key = row.library_key or ""
    if key and (not _SLUG.match(key) or key not in LIBRARY):
        raise problem(EXPERIMENTS, i, "library_key", f"“{key}” is not a ready experiment")
    return key


def _schedule(i: int, row: ExperimentRow) -> dict[str, Any]:
    try:
        design = Schedule.from_dict(row.schedule)
    except (TypeError, ValueError) as exc:
        raise problem(EXPERIMENTS, i, "schedule", str(exc)) from None
    if design.start != row.started:
        raise problem(
            EXPERIMENTS,
            i,
            "started",
            f"{row.started} is not the schedule's first day ({design.start})",
        )
    return row.schedule  # kept as stored, not rebuilt: the backup is the record


def _day(i: int, name: str, text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise problem(EXPERIMENTS, i, name, f"“{text}” cannot be read") from None


def _pauses(i: int, pauses: list[Any]) -> list[list[str | None]]:
    for k, pause in enumerate(pauses):
        if not isinstance(pause, list) or len(pause) != 2:
            raise problem(EXPERIMENTS, i, f"pauses[{k}]", "expected [first day, last day or null]")
        first, last = pause
        if not isinstance(first, str) or not (last is None or isinstance(last, str)):
            raise problem(EXPERIMENTS, i, f"pauses[{k}]", "expected [first day, last day or null]")
        first_day = _day(i, f"pauses[{k}]", first)
        last_day = _day(i, f"pauses[{k}]", last)
        if last_day is not None and first_day is not None and last_day < first_day:
            raise problem(EXPERIMENTS, i, f"pauses[{k}]", "ends before it starts")
    return pauses


def _smallest_change(i: int, value: float, outcome: str) -> float:
    scale = OUTCOMES[outcome].scale_max
    if not 0 < value <= scale:
        raise problem(
            EXPERIMENTS, i, "smallest_change", f"{value} is not above 0 and up to {scale:g}"
        )
    return float(value)


@restorer(EXPERIMENTS, order=80)
def restore_experiments(user: User, data: Any, ctx: RestoreContext) -> int:
    today = user.today()  # the account's time zone is restored first
    unfinished: dict[str, int] = {}  # outcome → row of its unfinished experiment
    created = []
    for i, row in enumerate(parse_rows(EXPERIMENTS, data, ExperimentRow)):
        if ctx.find(EXPERIMENTS, row.id) is not None:
            raise problem(EXPERIMENTS, i, "id", f"“{row.id}” appears twice")
        if row.outcome not in OUTCOMES:
            raise problem(EXPERIMENTS, i, "outcome", f"“{row.outcome}” is not an outcome")
        if row.status not in _STATUS_CODES:
            raise problem(
                EXPERIMENTS,
                i,
                "status",
                f"“{row.status}” is not one of {', '.join(_STATUS_CODES)}",
            )
        if row.status == STOPPED and row.stopped is None:
            raise problem(EXPERIMENTS, i, "stopped", "a stopped experiment needs its date")
        experiment = Experiment(
            owner=user,
            title=_text(i, "title", row.title, 120, medication=True),
            library_key=_library_key(i, row),
            b_label=_text(i, "b_label", row.b_label, 60, medication=True),
            b_todo=_text(i, "b_todo", row.b_todo, 600, medication=True),
            a_todo=_text(i, "a_todo", row.a_todo, 600, required=False),
            outcome=row.outcome,
            lower_is_better=row.lower_is_better,
            smallest_change=_smallest_change(i, row.smallest_change, row.outcome),
            plan=row.plan,
            schedule=_schedule(i, row),
            status=row.status,
            started=row.started,
            stopped=row.stopped,
            pauses=_pauses(i, row.pauses),
            hypothesis=_text(i, "hypothesis", row.hypothesis, 1000, medication=True),
            harms=_text(i, "harms", row.harms, 2000, required=False),
        )
        # Two unfinished experiments on one outcome would blur each other (see actions).
        if row.status in OPEN_STATUSES and experiment.state_on(today) in OPEN_STATUSES:
            if row.outcome in unfinished:
                raise problem(
                    EXPERIMENTS,
                    i,
                    "outcome",
                    f"{EXPERIMENTS}[{unfinished[row.outcome]}] is also unfinished and "
                    f"measures {OUTCOMES[row.outcome].label}",
                )
            unfinished[row.outcome] = i
        experiment.save()
        ctx.remember(EXPERIMENTS, row.id, experiment)
        created.append((experiment, row.created))
    for experiment, moment in created:
        Experiment.objects.filter(pk=experiment.pk).update(created=moment)
    return len(created)


@restorer(ADHERENCE, order=81)
def restore_adherence(user: User, data: Any, ctx: RestoreContext) -> int:
    rows = parse_rows(ADHERENCE, data, AdherenceRow)
    answers = []
    seen: dict[tuple[int, date], int] = {}  # (experiment, day) → row
    for i, row in enumerate(rows):
        experiment = ctx.find(EXPERIMENTS, row.experiment)
        if experiment is None:
            raise problem(ADHERENCE, i, "experiment", "not among the experiments")
        if experiment.design.condition_on(row.day) is None:
            raise problem(ADHERENCE, i, "day", f"{row.day} is not a day of its experiment")
        if (experiment.pk, row.day) in seen:
            raise problem(
                ADHERENCE,
                i,
                "day",
                f"{ADHERENCE}[{seen[experiment.pk, row.day]}] already answers {row.day} "
                "for the same experiment",
            )
        seen[experiment.pk, row.day] = i
        answers.append(
            AdherenceAnswer(owner=user, experiment=experiment, day=row.day, followed=row.followed)
        )
    return ctx.create_all(ADHERENCE, rows, answers)
