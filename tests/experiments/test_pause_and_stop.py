"""Pause keeps the schedule and leaves paused days out; stop asks first and reports nothing."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from vagus.experiments import actions, queries
from vagus.experiments.models import PAUSED, RUNNING, STOPPED, Experiment

pytestmark = pytest.mark.django_db


def test_pause_and_resume_keep_the_schedule(person, person_client, make_experiment):
    experiment = make_experiment(person, days_ago=3)
    schedule = dict(experiment.schedule)
    person_client.post(f"/experiments/{experiment.uuid}/pause/")
    experiment.refresh_from_db()
    assert experiment.status == PAUSED
    assert (
        "Paused. The schedule keeps its dates"
        in person_client.get(f"/experiments/{experiment.uuid}/").content.decode()
    )
    actions.resume(person, experiment)  # same day: nothing was missed
    experiment.refresh_from_db()
    assert experiment.status == RUNNING and experiment.pauses == []
    assert experiment.schedule == schedule


def test_paused_days_are_left_out_of_the_comparison(person, make_experiment, log):
    experiment = make_experiment(person, pairs=2, period_days=3, washout_days=0, days_ago=20)
    start = experiment.started
    log(person, {start + timedelta(days=i): 2.0 for i in range(12)})
    paused_day = start + timedelta(days=1)
    log(person, {paused_day: 10.0})
    experiment.pauses = [[paused_day.isoformat(), paused_day.isoformat()]]
    experiment.save()
    analysis = queries.analysis_for(person, experiment)
    assert paused_day not in analysis.outcome.index
    assert analysis.result.estimate == pytest.approx(0.0)  # the 10 was left out
    assert analysis.paused_days == {paused_day}


def test_stop_asks_first(person, person_client, make_experiment):
    experiment = make_experiment(person)
    page = person_client.get(f"/experiments/{experiment.uuid}/stop/")
    assert "Yes, stop it" in page.content.decode()
    experiment.refresh_from_db()
    assert experiment.status == RUNNING
    person_client.post(f"/experiments/{experiment.uuid}/stop/", {})  # no confirmation
    experiment.refresh_from_db()
    assert experiment.status == RUNNING
    person_client.post(f"/experiments/{experiment.uuid}/stop/", {"confirm": "yes"})
    experiment.refresh_from_db()
    assert experiment.status == STOPPED and experiment.stopped == person.today()


def test_a_stopped_trial_is_incomplete_never_a_result(person, person_client, make_experiment, log):
    experiment = make_experiment(person, pairs=2, period_days=3, washout_days=0, days_ago=10)
    start: date = experiment.started
    order = "".join(experiment.schedule["order"])
    # Plenty of data with a big difference: a result would be computable.
    log(
        person,
        {start + timedelta(days=i): (1.0 if order[i // 3] == "B" else 8.0) for i in range(10)},
    )
    Experiment.objects.filter(pk=experiment.pk).update(
        status=STOPPED, stopped=start + timedelta(days=10)
    )
    body = person_client.get(f"/experiments/{experiment.uuid}/result/").content.decode()
    assert "Stopped early: no result" in body
    for number in ("95% interval", "p-value", "Chance that", "points of anxiety"):
        assert number not in body
    report = person_client.get(f"/experiments/{experiment.uuid}/report/").content.decode()
    assert "Incomplete:" in report and "None reported: the experiment was stopped early" in report
    assert "Mean A" not in report
    api = person_client.get(f"/api/experiments/{experiment.uuid}/result").json()
    assert api["complete"] is False and "result" not in api
