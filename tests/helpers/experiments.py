"""Self-experiments that started in the past, for tests of their days, results and charts."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any


def backdate(experiment: Any, start: date) -> Any:
    """Move an experiment (same random order) so that it started on ``start``."""
    from vagus.science.experiments import Schedule

    schedule = dict(experiment.schedule)
    schedule.pop("end", None)
    schedule["start"] = start.isoformat()
    experiment.schedule = Schedule.from_dict(schedule).to_dict()
    experiment.started = start
    experiment.save(update_fields=["schedule", "started"])
    return experiment


def started_experiment(user: Any, *, days_ago: int | None = None, **settings: Any) -> Any:
    """A new experiment for ``user`` (fermented foods unless told otherwise), moved to have
    started ``days_ago`` days before today when given."""
    from vagus.experiments import actions

    settings = {"library_key": "fermented", "hypothesis": "Calmer with kefir.", **settings}
    settings.setdefault("start", user.today())
    experiment = actions.create_experiment(user, **settings)
    if days_ago is not None:
        backdate(experiment, user.today() - timedelta(days=days_ago))
    return experiment
