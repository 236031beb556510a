"""Helpers for the experiments tests: experiments that started in the past, diaries."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest


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


def log_outcome(user: Any, values: dict[date, float], code: str = "anxiety") -> None:
    from vagus.diary import actions

    for day, value in values.items():
        actions.save_checkin(user, day, {code: value})


@pytest.fixture
def make_experiment():
    def make(user: Any, *, days_ago: int | None = None, **kwargs: Any) -> Any:
        from vagus.experiments import actions

        settings = {"library_key": "fermented", "hypothesis": "Calmer with kefir.", **kwargs}
        settings.setdefault("start", user.today())
        experiment = actions.create_experiment(user, **settings)
        if days_ago is not None:
            backdate(experiment, user.today() - timedelta(days=days_ago))
        return experiment

    return make


@pytest.fixture
def move_start():
    return backdate


@pytest.fixture
def log():
    return log_outcome
