"""One unfinished experiment per outcome; other outcomes, and finished ones, do not block."""

from __future__ import annotations

import pytest

from vagus.experiments import actions
from vagus.experiments.models import Experiment

pytestmark = pytest.mark.django_db


def test_second_experiment_on_the_same_outcome_is_refused(person, make_experiment):
    make_experiment(person)
    with pytest.raises(actions.ExperimentInputError) as caught:
        make_experiment(person, library_key="fibre")
    assert set(caught.value.errors) == {"outcome"}
    assert "Finish or stop it first" in caught.value.errors["outcome"]
    assert Experiment.objects.count() == 1


def test_page_shows_the_error_on_the_outcome_field(person, person_client, make_experiment):
    make_experiment(person)
    response = person_client.post(
        "/experiments/new/",
        {
            "library": "fibre",
            "outcome": "anxiety",
            "smallest_change": "1",
            "period_days": "7",
            "washout_days": "2",
            "pairs": "6",
            "start": person.today().isoformat(),
            "hypothesis": "Less anxious with fibre.",
            "action": "start",
        },
    )
    assert response.status_code == 200
    assert "already measures anxiety" in response.content.decode()
    assert Experiment.objects.count() == 1


def test_other_outcome_paused_or_stopped_allow_a_new_one(person, make_experiment):
    first = make_experiment(person)
    make_experiment(person, library_key="fibre", outcome="bloating")  # another outcome: fine
    actions.pause(person, first)
    with pytest.raises(actions.ExperimentInputError):  # paused still counts as running
        make_experiment(person, library_key="breathing")
    actions.stop(person, first)
    make_experiment(person, library_key="breathing")  # stopped frees the outcome
    assert Experiment.objects.filter(outcome="anxiety").count() == 2


def test_a_finished_experiment_frees_the_outcome(person, make_experiment):
    make_experiment(person, pairs=2, period_days=3, washout_days=0, days_ago=12)  # ended
    make_experiment(person, library_key="fibre")
    assert Experiment.objects.count() == 2


def test_another_persons_experiment_does_not_block(person, other_person, make_experiment):
    make_experiment(other_person)
    make_experiment(person)
    assert Experiment.objects.count() == 2
