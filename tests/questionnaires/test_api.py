"""The questionnaires API: instruments, answering, listing, owner-only reads."""

from __future__ import annotations

import json

import pytest

from vagus.questionnaires import actions
from vagus.science import instruments

pytestmark = pytest.mark.django_db


def test_list_instruments(api):
    body = api("get", "/api/instruments").json()
    assert [i["code"] for i in body] == list(instruments.CODES)
    gad7 = body[0]
    assert (gad7["items"], gad7["max_total"], gad7["total_loinc"]) == (7, 21, "70274-6")
    assert [b["label"] for b in gad7["bands"]] == ["minimal", "mild", "moderate", "severe"]


def test_instrument_fhir(api):
    body = api("get", "/api/instruments/phq9/fhir").json()
    assert body["resourceType"] == "Questionnaire"
    assert body["code"][0]["code"] == "44249-1"
    assert api("get", "/api/instruments/nope/fhir").status_code == 404


def test_answer_list_and_get(person, api):
    created = api("post", "/api/questionnaires/phq4/responses", {"answers": [2, 1, 0, 3]})
    assert created.status_code == 201, created.content
    body = created.json()
    assert (body["total"], body["band"], body["band_display"]) == (6, "moderate", "Moderate")
    assert body["subscales"] == {"anxiety": 3, "depression": 3}
    assert sorted(body["flags"]) == ["anxiety_screen_positive", "depression_screen_positive"]
    assert body["safety"] is None
    assert "usually called moderate distress" in body["summary"]
    listed = api("get", "/api/questionnaire-responses").json()
    assert [r["id"] for r in listed] == [body["id"]]
    assert api("get", f"/api/questionnaire-responses/{body['id']}").json()["total"] == 6
    assert api("get", "/api/questionnaire-responses?instrument=gad7").json() == []


def test_authored_lands_on_the_persons_own_day(person, api):
    # 23:30 in New York on 1 June is already 05:30 on 2 June for this London person.
    body = api(
        "post",
        "/api/questionnaires/gad7/responses",
        {"answers": [0] * 7, "authored": "2025-06-01T23:30:00-04:00"},
    ).json()
    assert body["day"] == "2025-06-02"


def test_another_persons_responses_are_not_found(person, other_person, client_of):
    mine = actions.record_response(person, "gad7", [1] * 7).response
    bob = client_of(other_person)
    for path in (
        f"/api/questionnaire-responses/{mine.uuid}",
        f"/api/questionnaire-responses/{mine.uuid}/fhir",
    ):
        assert bob.get(path).status_code == 404
    assert bob.get("/api/questionnaire-responses").json() == []


def test_anonymous_gets_401(visitor):
    assert visitor.get("/api/questionnaire-responses").status_code == 401
    assert (
        visitor.post(
            "/api/questionnaires/gad7/responses",
            json.dumps({"answers": [0] * 7}),
            "application/json",
        ).status_code
        == 401
    )
