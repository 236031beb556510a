"""Restoring the experiments' sections of a Vagus backup (see vagus.interop.registry).

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
from typing import Any

from vagus.experiments.library import (
    LIBRARY,
    OUTCOMES,
)
from vagus.experiments.models import (
    OPEN_STATUSES,
    STATUSES,
    STOPPED,
    AdherenceAnswer,
    Experiment,
)
from vagus.interop.registry import RestoreContext, importer
from vagus.interop.sections import RowProblem, _day, _field, _moment, _parse, _rows
from vagus.safety.medication import MEDICATION_REFUSAL, mentions_medication
from vagus.science.experiments import Schedule

EXPERIMENTS, ADHERENCE = "experiments", "experiment_adherence"
_STATUS_CODES = [code for code, _ in STATUSES]
_SLUG = re.compile(r"^[-a-zA-Z0-9_]+$")


def _text(
    i: int, row: Any, name: str, limit: int, *, required: bool = True, medication: bool = False
) -> str:
    text = _field(EXPERIMENTS, i, row, name, str)
    if required and not text.strip():
        raise RowProblem(f"{EXPERIMENTS}[{i}].{name}: empty")
    if len(text) > limit:
        raise RowProblem(f"{EXPERIMENTS}[{i}].{name}: too long (at most {limit} characters)")
    # As when one is made in the app: an experiment never changes medication.
    if medication and mentions_medication(text):
        raise RowProblem(f"{EXPERIMENTS}[{i}].{name}: {MEDICATION_REFUSAL}")
    return text


def _optional_day(i: int, row: Any, name: str) -> date | None:
    value = _field(EXPERIMENTS, i, row, name, (str, type(None)))
    return _parse(EXPERIMENTS, i, name, value, date.fromisoformat)


def _library_key(i: int, row: Any) -> str:
    key = _field(EXPERIMENTS, i, row, "library_key", (str, type(None))) or ""
    if key and (not _SLUG.match(key) or key not in LIBRARY):
        raise RowProblem(f"{EXPERIMENTS}[{i}].library_key: “{key}” is not a ready experiment")
    return key


def _schedule(i: int, row: Any, started: date) -> dict[str, Any]:
    data = _field(EXPERIMENTS, i, row, "schedule", dict)
    try:
        design = Schedule.from_dict(data)
    except (TypeError, ValueError) as exc:
        raise RowProblem(f"{EXPERIMENTS}[{i}].schedule: {exc}") from None
    if design.start != started:
        raise RowProblem(
            f"{EXPERIMENTS}[{i}].started: {started} is not the schedule's first day "
            f"({design.start})"
        )
    return data  # kept as stored, not rebuilt: the backup is the record


def _pauses(i: int, row: Any) -> list[list[str | None]]:
    pauses = _field(EXPERIMENTS, i, row, "pauses", list)
    where = f"{EXPERIMENTS}[{i}].pauses"
    for k, pause in enumerate(pauses):
        if not isinstance(pause, list) or len(pause) != 2:
            raise RowProblem(f"{where}[{k}]: expected [first day, last day or null]")
        first, last = pause
        if not isinstance(first, str) or not (last is None or isinstance(last, str)):
            raise RowProblem(f"{where}[{k}]: expected [first day, last day or null]")
        first_day = _parse(EXPERIMENTS, i, f"pauses[{k}]", first, date.fromisoformat)
        last_day = _parse(EXPERIMENTS, i, f"pauses[{k}]", last, date.fromisoformat)
        if last_day is not None and last_day < first_day:
            raise RowProblem(f"{where}[{k}]: ends before it starts")
    return pauses


def _smallest_change(i: int, row: Any, outcome: str) -> float:
    value = _field(EXPERIMENTS, i, row, "smallest_change", (int, float))
    scale = OUTCOMES[outcome].scale_max
    if not 0 < value <= scale:
        raise RowProblem(
            f"{EXPERIMENTS}[{i}].smallest_change: {value} is not above 0 and up to {scale:g}"
        )
    return float(value)


@importer(EXPERIMENTS, order=80)
def _experiments(user: Any, rows: Any, ctx: RestoreContext) -> int:
    today = user.today()  # the account's time zone is restored first
    unfinished: dict[str, int] = {}  # outcome → row of its unfinished experiment
    created = []
    for i, row in enumerate(_rows(EXPERIMENTS, rows)):
        old_id = _field(EXPERIMENTS, i, row, "id", str)
        if ctx.find(EXPERIMENTS, old_id) is not None:
            raise RowProblem(f"{EXPERIMENTS}[{i}].id: “{old_id}” appears twice")
        outcome = _field(EXPERIMENTS, i, row, "outcome", str)
        if outcome not in OUTCOMES:
            raise RowProblem(f"{EXPERIMENTS}[{i}].outcome: “{outcome}” is not an outcome")
        status = _field(EXPERIMENTS, i, row, "status", str)
        if status not in _STATUS_CODES:
            raise RowProblem(
                f"{EXPERIMENTS}[{i}].status: “{status}” is not one of {', '.join(_STATUS_CODES)}"
            )
        started = _day(EXPERIMENTS, i, row, "started")
        stopped = _optional_day(i, row, "stopped")
        if status == STOPPED and stopped is None:
            raise RowProblem(f"{EXPERIMENTS}[{i}].stopped: a stopped experiment needs its date")
        experiment = Experiment(
            owner=user,
            title=_text(i, row, "title", 120, medication=True),
            library_key=_library_key(i, row),
            b_label=_text(i, row, "b_label", 60, medication=True),
            b_todo=_text(i, row, "b_todo", 600, medication=True),
            a_todo=_text(i, row, "a_todo", 600, required=False),
            outcome=outcome,
            lower_is_better=_field(EXPERIMENTS, i, row, "lower_is_better", bool),
            smallest_change=_smallest_change(i, row, outcome),
            plan=_field(EXPERIMENTS, i, row, "plan", dict),
            schedule=_schedule(i, row, started),
            status=status,
            started=started,
            stopped=stopped,
            pauses=_pauses(i, row),
            hypothesis=_text(i, row, "hypothesis", 1000, medication=True),
            harms=_text(i, row, "harms", 2000, required=False),
        )
        moment = _moment(EXPERIMENTS, i, row, "created")
        # Two unfinished experiments on one outcome would blur each other (see actions).
        if status in OPEN_STATUSES and experiment.state_on(today) in OPEN_STATUSES:
            if outcome in unfinished:
                raise RowProblem(
                    f"{EXPERIMENTS}[{i}].outcome: {EXPERIMENTS}[{unfinished[outcome]}] is "
                    f"also unfinished and measures {OUTCOMES[outcome].label}"
                )
            unfinished[outcome] = i
        experiment.save()
        ctx.remember(EXPERIMENTS, old_id, experiment)
        created.append((experiment, moment))
    for experiment, moment in created:
        Experiment.objects.filter(pk=experiment.pk).update(created=moment)
    return len(created)


@importer(ADHERENCE, order=81)
def _adherence(user: Any, rows: Any, ctx: RestoreContext) -> int:
    answers = []
    seen: dict[tuple[int, date], int] = {}  # (experiment, day) → row
    for i, row in enumerate(_rows(ADHERENCE, rows)):
        _field(ADHERENCE, i, row, "id", str)
        experiment = ctx.find(EXPERIMENTS, _field(ADHERENCE, i, row, "experiment", str))
        if experiment is None:
            raise RowProblem(f"{ADHERENCE}[{i}].experiment: not among the experiments")
        day = _day(ADHERENCE, i, row)
        if experiment.design.condition_on(day) is None:
            raise RowProblem(f"{ADHERENCE}[{i}].day: {day} is not a day of its experiment")
        if (experiment.pk, day) in seen:
            raise RowProblem(
                f"{ADHERENCE}[{i}].day: {ADHERENCE}[{seen[experiment.pk, day]}] already "
                f"answers {day} for the same experiment"
            )
        seen[experiment.pk, day] = i
        answers.append(
            AdherenceAnswer(
                owner=user,
                experiment=experiment,
                day=day,
                followed=_field(ADHERENCE, i, row, "followed", bool),
            )
        )
    saved = AdherenceAnswer.objects.bulk_create(answers)
    for row, answer in zip(rows, saved, strict=True):
        ctx.remember(ADHERENCE, row["id"], answer)
    return len(saved)
