"""The experiments API with a personal access token: library, create, list, adherence, status."""

from __future__ import annotations

import pytest

from vagus.experiments.library import LIBRARY
from vagus.experiments.models import AdherenceAnswer, Experiment

pytestmark = pytest.mark.django_db


def test_library_lists_the_ready_experiments(api):
    body = api("get", "/api/experiments/library").json()
    assert [r["key"] for r in body] == list(LIBRARY)
    assert all("nof1-trials" in r["evidence"] for r in body)
    probiotic = next(r for r in body if r["key"] == "probiotic")
    assert "doctor or pharmacist" in probiotic["caution"]


def test_create_list_get_adherence_status(person, api):
    created = api(
        "post",
        "/api/experiments",
        {"library_key": "breathing", "hypothesis": "Calmer.", "start": person.today().isoformat()},
    )
    assert created.status_code == 201
    experiment_id = created.json()["id"]
    assert created.json()["state"] == "running"
    assert created.json()["plan"]["min_p_value"] == pytest.approx(2 / 2**6)
    assert [e["id"] for e in api("get", "/api/experiments").json()] == [experiment_id]
    assert (
        api("get", f"/api/experiments/{experiment_id}").json()["title"]
        == LIBRARY["breathing"].title
    )
    answer = api("post", f"/api/experiments/{experiment_id}/adherence", {"followed": True})
    assert answer.status_code == 200 and answer.json()["followed"] is True
    missing = api("post", f"/api/experiments/{experiment_id}/adherence", {})
    assert missing.status_code == 400 and "followed" in missing.json()["errors"]
    assert AdherenceAnswer.objects.count() == 1
    paused = api("post", f"/api/experiments/{experiment_id}/status", {"action": "pause"})
    assert paused.json()["state"] == "paused"
    stopped = api("post", f"/api/experiments/{experiment_id}/status", {"action": "stop"})
    assert stopped.json()["state"] == "stopped"
    assert (
        api("post", f"/api/experiments/{experiment_id}/status", {"action": "stop"}).status_code
        == 400
    )
    result = api("get", f"/api/experiments/{experiment_id}/result").json()
    assert result["complete"] is False and "incomplete" in result["note"]


def test_someone_elses_experiment_is_404(other_person, api, make_experiment):
    experiment = make_experiment(other_person)
    assert api("get", f"/api/experiments/{experiment.uuid}").status_code == 404
    assert (
        api("post", f"/api/experiments/{experiment.uuid}/adherence", {"followed": True}).status_code
        == 404
    )
    assert not AdherenceAnswer.objects.exists()
    assert Experiment.objects.get().status == "running"
