"""The one adherence question: recorded per day, changeable, refused outside the trial."""

from __future__ import annotations

from datetime import timedelta

import pytest

from vagus.experiments import actions
from vagus.experiments.models import AdherenceAnswer

pytestmark = pytest.mark.django_db


def test_yes_from_the_today_card_is_saved_and_confirmed(person, person_client, make_experiment):
    experiment = make_experiment(person)
    response = person_client.post(
        f"/experiments/{experiment.uuid}/adherence/",
        {"followed": "yes", "next": "/today/"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == "/today/"
    assert "Saved: you followed today" in response.content.decode()
    answer = AdherenceAnswer.objects.get(experiment=experiment)
    assert (answer.day, answer.followed, answer.owner) == (person.today(), True, person)


def test_changing_the_answer_keeps_one_row(person, person_client, make_experiment):
    experiment = make_experiment(person)
    url = f"/experiments/{experiment.uuid}/adherence/"
    person_client.post(url, {"followed": "yes"})
    person_client.post(url, {"followed": "no"})
    assert list(AdherenceAnswer.objects.values_list("followed", flat=True)) == [False]


def test_outside_the_trial_or_not_yes_no_writes_nothing(person, person_client, make_experiment):
    experiment = make_experiment(person, start=person.today() + timedelta(days=1))
    with pytest.raises(actions.ExperimentInputError) as caught:
        actions.record_adherence(person, experiment, True)
    assert set(caught.value.errors) == {"day"}
    with pytest.raises(actions.ExperimentInputError) as caught:
        actions.record_adherence(person, experiment, "perhaps", experiment.started)
    assert "followed" in caught.value.errors
    response = person_client.post(f"/experiments/{experiment.uuid}/adherence/", {"followed": "x"})
    assert response.status_code == 302
    assert not AdherenceAnswer.objects.exists()


def test_an_offsite_next_is_ignored(person, person_client, make_experiment):
    experiment = make_experiment(person)
    response = person_client.post(
        f"/experiments/{experiment.uuid}/adherence/",
        {"followed": "yes", "next": "https://evil.example/"},
    )
    assert response["Location"] == f"/experiments/{experiment.uuid}/"
