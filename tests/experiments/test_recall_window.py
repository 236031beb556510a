"""Issue 17, item 8: a two-week questionnaire cannot be the outcome of shorter periods."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pandas as pd
import pytest

from vagus.experiments import actions
from vagus.experiments.library import OUTCOMES
from vagus.experiments.models import Experiment
from vagus.science import experiments as core


def _two_week_score(schedule: core.Schedule, effect: float, seed: int) -> pd.Series:
    """Known truth: daily anxiety drops by ``effect`` on B days; the questionnaire answered each
    day reports the mean of the last 14 days, as a two-week recall asks."""
    rng = np.random.default_rng(seed)
    days = [schedule.start + timedelta(days=i) for i in range(-13, schedule.n_days)]
    daily = np.array(
        [rng.normal(5, 1) + (effect if schedule.condition_on(d) == "B-side" else 0) for d in days]
    )
    recalled = np.convolve(daily, np.ones(14) / 14, mode="valid")
    return pd.Series(recalled, index=days[13:])


def test_short_periods_would_blur_a_two_week_score() -> None:
    estimates = {}
    for period in (7, 21):
        washout = 2 if period == 7 else 7
        runs = []
        for seed in range(40):
            schedule = core.design(
                date(2026, 1, 5), ("as usual", "B-side"), period, 6, washout, seed=seed
            )
            runs.append(core.analyse(schedule, _two_week_score(schedule, -2.0, seed)).estimate)
        estimates[period] = float(np.mean(runs))
    print(f"\nmean estimate of a true -2.0 by a 14-day recall score: {estimates}")
    assert estimates[7] > -0.6  # measured -0.21: a 7-day period's score is mostly earlier days
    assert estimates[21] < -1.5  # measured -1.68: periods covering the window recover most


@pytest.mark.django_db
def test_gad2_refused_for_periods_shorter_than_its_recall(person) -> None:
    assert OUTCOMES["gad2_total"].recall_days == 14 and OUTCOMES["anxiety"].recall_days == 1
    with pytest.raises(actions.ExperimentInputError) as caught:
        actions.create_experiment(
            person,
            library_key="fermented",
            outcome="gad2_total",
            period_days=7,
            washout_days=2,
            hypothesis="Calmer.",
        )
    assert "last 14 days" in caught.value.errors["outcome"]
    assert "daily anxiety rating" in caught.value.errors["outcome"]
    assert not Experiment.objects.exists()
    made = actions.create_experiment(
        person,
        library_key="fermented",
        outcome="gad2_total",
        period_days=21,
        washout_days=7,
        hypothesis="Calmer.",
    )
    assert made.outcome == "gad2_total"
