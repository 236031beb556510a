"""Helpers for the experiments tests: experiments that started in the past, diaries."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from tests.helpers.experiments import backdate, started_experiment


def log_outcome(user: Any, values: dict[date, float], code: str = "anxiety") -> None:
    from vagus.diary import actions

    for day, value in values.items():
        actions.save_checkin(user, day, {code: value})


@pytest.fixture
def make_experiment():
    return started_experiment


@pytest.fixture
def move_start():
    return backdate


@pytest.fixture
def log():
    return log_outcome
