"""Bad input: errors name the field, nothing is written; medication can never be an experiment."""

from __future__ import annotations

from datetime import timedelta

import pytest

from vagus.experiments import actions
from vagus.experiments.models import Experiment

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "change, field",
    [
        ({"pairs": 1}, "pairs"),
        ({"pairs": 13}, "pairs"),
        ({"period_days": 2}, "period_days"),
        ({"washout_days": 6, "period_days": 7}, "washout_days"),
        ({"outcome": "weather"}, "outcome"),
        ({"hypothesis": "  "}, "hypothesis"),
        ({"smallest_change": 0}, "smallest_change"),
        ({"start": "yesterday"}, "start"),
        ({"library_key": "nope"}, "library_key"),
        ({"library_key": "", "title": ""}, "title"),
        ({"library_key": "", "title": "Walk", "b_todo": ""}, "b_todo"),
    ],
)
def test_each_bad_field_is_named(person, change, field):
    settings = {"library_key": "fermented", "hypothesis": "Calmer.", "start": person.today()}
    if change.get("start") == "yesterday":
        change = {"start": person.today() - timedelta(days=1)}
    with pytest.raises(actions.ExperimentInputError) as caught:
        actions.create_experiment(person, **{**settings, **change})
    assert field in caught.value.errors
    assert not Experiment.objects.exists()


@pytest.mark.parametrize(
    "text",
    ["Stop my sertraline", "Halve my medication", "skip the evening pills", "No meds on B days"],
)
def test_custom_experiments_cannot_touch_medication(person, person_client, text):
    with pytest.raises(actions.ExperimentInputError) as caught:
        actions.create_experiment(
            person, title="My test", b_todo=text, hypothesis="Calmer.", start=person.today()
        )
    assert "cannot change medication" in caught.value.errors["b_todo"]
    response = person_client.post(
        "/experiments/new/",
        {
            "title": text,
            "b_todo": "Walk",
            "outcome": "anxiety",
            "smallest_change": "1",
            "period_days": "7",
            "washout_days": "2",
            "pairs": "6",
            "start": person.today().isoformat(),
            "hypothesis": "Calmer.",
            "action": "start",
        },
    )
    assert "cannot change medication" in response.content.decode()
    assert not Experiment.objects.exists()


def test_form_type_errors_name_the_field(person_client):
    response = person_client.post(
        "/experiments/new/",
        {"library": "fermented", "outcome": "anxiety", "pairs": "many", "action": "start"},
    )
    assert response.status_code == 200
    assert "Pairs of periods must be a whole number." in response.content.decode()
    assert not Experiment.objects.exists()


def test_api_bad_input_is_400_naming_the_field(person_client):
    response = person_client.post(
        "/api/experiments",
        {"library_key": "fermented", "hypothesis": "Calmer.", "pairs": 40},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"pairs"}
    assert not Experiment.objects.exists()
