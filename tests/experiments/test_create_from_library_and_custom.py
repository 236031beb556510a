"""Set-up from the library and custom experiments, through the page and the action."""

from __future__ import annotations

from datetime import timedelta

import pytest

from vagus.experiments.library import LIBRARY
from vagus.experiments.models import PLANNED, RUNNING, Experiment
from vagus.science.experiments import Schedule

pytestmark = pytest.mark.django_db

FORM = {
    "outcome": "anxiety",
    "smallest_change": "1",
    "period_days": "7",
    "washout_days": "2",
    "pairs": "6",
    "hypothesis": "I expect lower anxiety on kefir days.",
    "action": "start",
}


def test_library_page_lists_every_ready_experiment(person_client):
    body = person_client.get("/experiments/").content.decode()
    for ready in LIBRARY.values():
        assert ready.title in body
        assert f"?library={ready.key}" in body
    assert "Talk to your doctor or pharmacist first" in body  # the probiotic's caution


def test_set_up_from_the_library(person, person_client):
    start = person.today() + timedelta(days=1)
    page = person_client.get("/experiments/new/?library=fermented")
    assert page.status_code == 200
    assert "fermented food" in page.content.decode()
    response = person_client.post(
        "/experiments/new/", {**FORM, "library": "fermented", "start": start.isoformat()}
    )
    experiment = Experiment.objects.get(owner=person)
    assert response.status_code == 302
    assert response["Location"] == f"/experiments/{experiment.uuid}/"
    assert experiment.library_key == "fermented"
    assert experiment.title == LIBRARY["fermented"].title
    assert experiment.status == PLANNED  # starts tomorrow
    schedule = Schedule.from_dict(experiment.schedule)
    assert (schedule.start, schedule.pairs, schedule.period_days, schedule.washout_days) == (
        start,
        6,
        7,
        2,
    )
    assert schedule.conditions == ("as usual", "fermented food")
    assert experiment.hypothesis == FORM["hypothesis"]
    assert experiment.plan["pairs"] == 6 and experiment.plan["power"] > 0


def test_custom_experiment_starting_today_is_running(person, person_client):
    response = person_client.post(
        "/experiments/new/",
        {
            **FORM,
            "title": "Walk after lunch",
            "b_label": "walking",
            "b_todo": "Walk for 15 minutes after lunch.",
            "outcome": "gut_pain",
            "start": person.today().isoformat(),
        },
    )
    assert response.status_code == 302
    experiment = Experiment.objects.get(owner=person)
    assert (experiment.library_key, experiment.b_label, experiment.outcome) == (
        "",
        "walking",
        "gut_pain",
    )
    assert experiment.status == RUNNING
    assert experiment.lower_is_better


def test_insights_link_prefills_a_custom_experiment(person_client):
    body = person_client.get(
        "/experiments/new/?factor=caffeine_drinks&outcome=bloating"
    ).content.decode()
    assert 'value="Testing caffeine drinks"' in body
    assert '<option value="bloating" selected>' in body


def test_estimate_button_writes_nothing(person, person_client):
    response = person_client.post(
        "/experiments/new/",
        {**FORM, "library": "fibre", "start": person.today().isoformat(), "action": "estimate"},
    )
    assert response.status_code == 200
    assert "What this design can show" in response.content.decode()
    assert not Experiment.objects.exists()
