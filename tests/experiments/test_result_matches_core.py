"""The result page and API show exactly what the core computes from the person's Observations."""

from __future__ import annotations

import math
from datetime import timedelta

import numpy as np
import pandas as pd
import pytest

from vagus.experiments import actions
from vagus.science import experiments as core

pytestmark = pytest.mark.django_db


def _finished(person, make_experiment, log):
    experiment = make_experiment(person, pairs=3, period_days=4, washout_days=1, days_ago=30)
    schedule = experiment.design
    rng = np.random.default_rng(3)
    values = {}
    for i in range(schedule.n_days):
        day = schedule.start + timedelta(days=i)
        if i % 5 == 3:
            continue  # some days not logged
        effect = -2.0 if schedule.condition_on(day) == "fermented food" else 0.0
        values[day] = float(np.clip(round(5 + effect + rng.normal(0, 1)), 0, 10))
    log(person, values)
    # A second value on one day (e.g. an import) is averaged, as the core expects.
    from vagus.diary.models import Measure, Observation

    extra_day = schedule.start + timedelta(days=2)
    Observation.objects.create(
        owner=person,
        measure=Measure.objects.get(code="anxiety", owner=None),
        day=extra_day,
        value=9.0,
        source="import:csv",
    )
    values[extra_day] = (values[extra_day] + 9.0) / 2
    for i in range(0, schedule.n_days, 2):
        actions.record_adherence(person, experiment, i % 4 == 0, schedule.start + timedelta(days=i))
    adherence = pd.Series(
        {
            schedule.start + timedelta(days=i): float(i % 4 == 0)
            for i in range(0, schedule.n_days, 2)
        }
    )
    expected = core.analyse(schedule, pd.Series(values), adherence=adherence, lower_is_better=True)
    return experiment, expected


def test_result_page_matches_analyse(person, person_client, make_experiment, log):
    experiment, expected = _finished(person, make_experiment, log)
    assert expected.enough_data
    body = person_client.get(f"/experiments/{experiment.uuid}/result/").content.decode()
    assert f"{expected.estimate:.2f} points of anxiety" in body
    if expected.interval_bounded:
        assert f"{expected.ci_low:.2f} to {expected.ci_high:.2f}" in body
        assert f"{round(expected.prob_beyond_smallest * 100)}%" in body
    else:  # too few pairs to rule anything out: no interval, no headline probability
        assert "no difference can be ruled out" in body
        assert "Chance that" not in body
    assert f"{expected.p_value:.3f}" in body
    words = core.describe(expected, "anxiety", "fermented food", "as usual")
    assert words.replace("'", "&#x27;") in body
    assert '<svg class="chart vchart period-chart"' in body and 'role="img"' in body


def test_api_result_matches_analyse(person, person_client, make_experiment, log):
    experiment, expected = _finished(person, make_experiment, log)
    body = person_client.get(f"/api/experiments/{experiment.uuid}/result").json()
    assert body["complete"] is True
    result = body["result"]
    for key in ("estimate", "p_value", "prob_b_better", "prob_beyond_smallest", "adherence"):
        assert result[key] == pytest.approx(getattr(expected, key)), key
    for key in ("ci_low", "ci_high"):  # an unbounded end (too few pairs) is null in JSON
        value = getattr(expected, key)
        assert result[key] == (pytest.approx(value) if math.isfinite(value) else None), key
    assert result["n_periods"] == expected.n_periods


def test_no_result_before_the_last_day(person, person_client, make_experiment, log):
    experiment = make_experiment(person, pairs=2, period_days=3, washout_days=0, days_ago=5)
    log(person, {experiment.started + timedelta(days=i): 3.0 for i in range(5)})
    body = person_client.get(f"/experiments/{experiment.uuid}/result/").content.decode()
    assert "Results come after the last day" in body
    assert "95% interval" not in body
