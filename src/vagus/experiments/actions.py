"""Every change to a person's self-experiments, each one function in one transaction.

Inputs are checked before anything is written; bad input raises ExperimentInputError naming
each field, and writes nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from django.contrib.auth import get_user_model
from django.db import transaction

from vagus.experiments.library import (
    LIBRARY,
    OUTCOMES,
    USUAL,
)
from vagus.experiments.models import (
    COMPLETED,
    OPEN_STATUSES,
    PAUSED,
    PLANNED,
    RUNNING,
    STOPPED,
    AdherenceAnswer,
    Experiment,
)
from vagus.safety.medication import MEDICATION_REFUSAL, mentions_medication
from vagus.science import experiments as core

if TYPE_CHECKING:
    from vagus.accounts.models import User

MAX_PERIOD_DAYS, MAX_PAIRS, MAX_START_AHEAD_DAYS = 28, 12, 60


class ExperimentInputError(ValueError):
    """Bad input; ``errors`` maps a field (``pairs``, ``outcome``, …) to a message."""

    def __init__(self, errors: Mapping[str, str]) -> None:
        self.errors = dict(errors)
        super().__init__("; ".join(self.errors.values()))


def _whole(errors: dict[str, str], name: str, value: Any, low: int, high: int, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        errors[name] = f"{what}: choose a whole number from {low} to {high}."
        return low
    return value


def _text(errors: dict[str, str], name: str, value: Any, limit: int, what: str) -> str:
    text = (value or "").strip() if isinstance(value, str) else ""
    if not text:
        errors[name] = f"{what}: please fill this in."
    elif len(text) > limit:
        errors[name] = f"{what}: at most {limit} characters, please."
    elif mentions_medication(text):
        errors[name] = f"{what}: {MEDICATION_REFUSAL}"
    return text


def open_experiment_on(user: User, outcome: str, today: date) -> Experiment | None:
    """The person's unfinished experiment measuring ``outcome``, if there is one."""
    for experiment in Experiment.objects.owned_by(user).filter(
        outcome=outcome, status__in=OPEN_STATUSES
    ):
        if experiment.state_on(today) in OPEN_STATUSES:
            return experiment
    return None


def create_experiment(
    user: User,
    *,
    library_key: str = "",
    title: str = "",
    b_label: str = "",
    b_todo: str = "",
    outcome: str = "anxiety",
    period_days: int = 7,
    washout_days: int = 2,
    pairs: int = 6,
    start: date | None = None,
    hypothesis: str = "",
    smallest_change: float = 1.0,
    plan: Mapping[str, Any] | None = None,
) -> Experiment:
    """Randomise and store a new experiment, from the library (``library_key``) or custom."""
    errors: dict[str, str] = {}
    today = user.today()
    a_todo = ""
    if library_key:
        ready = LIBRARY.get(library_key)
        if ready is None:
            raise ExperimentInputError({"library_key": "library_key: no such ready experiment."})
        title, b_label, b_todo, a_todo = ready.title, ready.b_label, ready.b_todo, ready.a_todo
    else:
        title = _text(errors, "title", title, 120, "Title")
        b_todo = _text(errors, "b_todo", b_todo, 600, "What to do")
        b_label = (b_label or "").strip() or title.lower()
        if b_label.lower() == USUAL:
            errors["b_label"] = f"Short name: “{USUAL}” is the other condition; name the change."
        elif len(b_label) > 60:
            errors["b_label"] = "Short name: at most 60 characters, please."
        elif mentions_medication(b_label):
            errors["b_label"] = f"Short name: {MEDICATION_REFUSAL}"
    hypothesis = _text(errors, "hypothesis", hypothesis, 1000, "What you expect")
    if outcome not in OUTCOMES:
        errors["outcome"] = "Outcome: choose one of the outcomes listed."
    period_days = _whole(errors, "period_days", period_days, 3, MAX_PERIOD_DAYS, "Period length")
    if "period_days" not in errors:
        washout_days = _whole(
            errors, "washout_days", washout_days, 0, period_days - 2, "Settling-in days"
        )
    if outcome in OUTCOMES and not {"period_days", "washout_days"} & set(errors):
        recall = OUTCOMES[outcome].recall_days
        if period_days - washout_days < recall:
            errors["outcome"] = (
                f"Outcome: {OUTCOMES[outcome].label} asks about the last {recall} days, so "
                f"each period needs at least {recall} counted days (here "
                f"{period_days - washout_days}); lengthen the periods or measure your daily "
                "anxiety rating instead."
            )
    pairs = _whole(errors, "pairs", pairs, 2, MAX_PAIRS, "Pairs of periods")
    start = start or today + timedelta(days=1)
    if not isinstance(start, date) or not today <= start <= today + timedelta(
        days=MAX_START_AHEAD_DAYS
    ):
        errors["start"] = (
            f"Start date: choose a day from today to {MAX_START_AHEAD_DAYS} days ahead."
        )
    scale = OUTCOMES[outcome].scale_max if outcome in OUTCOMES else 10.0
    if (
        isinstance(smallest_change, bool)
        or not isinstance(smallest_change, int | float)
        or not 0 < smallest_change <= scale
    ):
        errors["smallest_change"] = (
            f"Smallest change worth finding: a number above 0, up to {scale:g}."
        )
    if errors:
        raise ExperimentInputError(errors)

    schedule = core.design(start, (USUAL, b_label), period_days, pairs, washout_days, seed=None)
    with transaction.atomic():
        # Lock the person's row so two set-ups at once cannot both pass the one-per-outcome check.
        get_user_model().objects.select_for_update().filter(pk=user.pk).first()
        running = open_experiment_on(user, outcome, today)
        if running is not None:
            raise ExperimentInputError(
                {
                    "outcome": f"Outcome: your experiment “{running.title}” already measures "
                    f"{OUTCOMES[outcome].label}. Finish or stop it first, or choose another "
                    "outcome: two experiments on one outcome would blur each other."
                }
            )
        return Experiment.objects.create(
            owner=user,
            title=title,
            library_key=library_key,
            b_label=b_label,
            b_todo=b_todo,
            a_todo=a_todo,
            outcome=outcome,
            lower_is_better=OUTCOMES[outcome].lower_is_better,
            smallest_change=float(smallest_change),
            plan=dict(plan or {}),
            schedule=schedule.to_dict(),
            status=RUNNING if start <= today else PLANNED,
            started=start,
            hypothesis=hypothesis,
        )


def record_adherence(
    user: User, experiment: Experiment, followed: Any, day: date | None = None
) -> AdherenceAnswer:
    """Store (or change) the answer to "did you follow the plan?" for one day of the trial."""
    today = user.today()
    day = day or today
    errors: dict[str, str] = {}
    if not isinstance(followed, bool):
        errors["followed"] = "followed: answer yes or no."
    if not isinstance(day, date):
        errors["day"] = "day: give a date."
    elif day > today:
        errors["day"] = "day: that is in the future where you are."
    elif experiment.design.condition_on(day) is None:
        errors["day"] = "day: that day is not part of this experiment."
    if experiment.status == STOPPED:
        errors["experiment"] = "This experiment was stopped, so it takes no more answers."
    if errors:
        raise ExperimentInputError(errors)
    with transaction.atomic():
        answer, _ = AdherenceAnswer.objects.owned_by(user).update_or_create(
            owner=user, experiment=experiment, day=day, defaults={"followed": followed}
        )
    return answer


def pause(user: User, experiment: Experiment) -> Experiment:
    """Pause from today. The schedule does not move: paused days are simply not compared."""
    today = user.today()
    if experiment.state_on(today) != RUNNING:
        raise ExperimentInputError({"status": "Only a running experiment can be paused."})
    with transaction.atomic():
        experiment.pauses = [*experiment.pauses, [today.isoformat(), None]]
        experiment.status = PAUSED
        experiment.save(update_fields=["pauses", "status"])
    return experiment


def _close_pause(experiment: Experiment, today: date) -> None:
    if experiment.pauses and experiment.pauses[-1][1] is None:
        first = experiment.pauses[-1][0]
        last = today - timedelta(days=1)
        # Resumed on the day it was paused: nothing was missed, so no pause is kept.
        closed = [[first, last.isoformat()]] if last >= date.fromisoformat(first) else []
        experiment.pauses = [*experiment.pauses[:-1], *closed]


def resume(user: User, experiment: Experiment) -> Experiment:
    """Resume from today; the days of the pause stay out of the comparison."""
    today = user.today()
    if experiment.state_on(today) != PAUSED:
        raise ExperimentInputError({"status": "Only a paused experiment can be resumed."})
    with transaction.atomic():
        _close_pause(experiment, today)
        experiment.status = RUNNING
        experiment.save(update_fields=["pauses", "status"])
    return experiment


def stop(user: User, experiment: Experiment) -> Experiment:
    """Stop for good. A stopped experiment is reported as incomplete, never as a result."""
    today = user.today()
    if experiment.state_on(today) not in OPEN_STATUSES:
        raise ExperimentInputError({"status": "This experiment has already ended."})
    with transaction.atomic():
        _close_pause(experiment, today)
        experiment.status = STOPPED
        experiment.stopped = today
        experiment.save(update_fields=["pauses", "status", "stopped"])
    return experiment


def record_harms(user: User, experiment: Experiment, text: str) -> Experiment:
    """What the person noticed that they did not want (optional; goes into the report)."""
    text = (text or "").strip() if isinstance(text, str) else ""
    if len(text) > 2000:
        raise ExperimentInputError({"harms": "Unwanted effects: at most 2000 characters, please."})
    with transaction.atomic():
        experiment.harms = text
        experiment.save(update_fields=["harms"])
    return experiment


def settle(experiment: Experiment, today: date) -> Experiment:
    """Store the status the calendar has moved on to (starts, finishes); idempotent."""
    state = experiment.state_on(today)
    if state != experiment.status and state in (RUNNING, COMPLETED):
        with transaction.atomic():
            _close_pause(experiment, experiment.end + timedelta(days=1))
            Experiment.objects.filter(pk=experiment.pk, status=experiment.status).update(
                status=state, pauses=experiment.pauses
            )
            experiment.status = state
    return experiment
