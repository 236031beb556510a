"""The days API: every field, bad input refused with a message naming the field, nothing written."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from vagus.accounts.models import AccessToken
from vagus.diary.catalog import BUILTINS
from vagus.diary.models import Observation

pytestmark = pytest.mark.django_db

GOOD_VALUES = {
    "anxiety": 7,
    "mood": 3,
    "stress": 8,
    "gut_pain": 4,
    "bloating": 6,
    "urgency": 1,
    "stool_form": 5,
    "sleep_hours": 5.75,
    "sleep_quality": 3,
    "activity_minutes": 20,
    "mindfulness_minutes": 12,
    "social_minutes": 60,
    "caffeine_drinks": 3,
    "alcohol_units": 2.5,
    "probiotic": True,
    "medication_as_prescribed": 1,
}


def test_put_and_get_a_day_with_every_field(person, api):
    assert set(GOOD_VALUES) == {b.code for b in BUILTINS}
    day = person.today().isoformat()
    response = api("put", f"/api/days/{day}", {"values": GOOD_VALUES, "note": "ok day"})
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["values"] == {k: float(v) for k, v in GOOD_VALUES.items()}
    assert body["note"] == "ok day"
    assert "Anxiety: 7 out of 10" in body["stored"]
    again = api("get", f"/api/days/{day}").json()
    assert again["values"] == body["values"]


def test_partial_update_keeps_other_values_and_null_clears(person, api):
    day = person.today().isoformat()
    api("put", f"/api/days/{day}", {"values": {"anxiety": 5, "mood": 6}})
    api("put", f"/api/days/{day}", {"values": {"mood": None, "bloating": 2}})
    assert api("get", f"/api/days/{day}").json()["values"] == {"anxiety": 5.0, "bloating": 2.0}


BAD = [
    ({"anxiety": 11}, "anxiety"),
    ({"anxiety": -1}, "anxiety"),
    ({"anxiety": 2.5}, "anxiety"),
    ({"stool_form": 0}, "stool_form"),
    ({"stool_form": 7.5}, "stool_form"),
    ({"sleep_hours": 24.5}, "sleep_hours"),
    ({"activity_minutes": -1}, "activity_minutes"),
    ({"probiotic": 3}, "probiotic"),
    ({"anxiety": True}, "anxiety"),
    ({"no_such_measure": 1}, "no_such_measure"),
    ({"gad7_total": 5}, "gad7_total"),  # totals come only from answering the questionnaire
]


@pytest.mark.parametrize(("values", "field"), BAD)
def test_bad_values_are_refused_naming_the_field(person, api, values, field):
    day = person.today().isoformat()
    # A good value beside the bad one: all or nothing.
    response = api("put", f"/api/days/{day}", {"values": {"mood": 5, **values}})
    assert response.status_code == 400
    body = response.json()
    assert field in body["detail"]
    assert field in body["errors"]
    assert not Observation.objects.filter(owner=person).exists()


@pytest.mark.parametrize(
    "payload",
    [
        {"values": {"anxiety": "high"}},
        {"values": ["anxiety", 5]},
        {"values": {"anxiety": {"x": 1}}},
        {"note": 5},
    ],
)
def test_wrong_types_are_422_naming_the_field(person, api, payload):
    response = api("put", f"/api/days/{person.today().isoformat()}", payload)
    assert response.status_code == 422
    assert any(
        "values" in loc or "note" in loc for loc in (e["loc"] for e in response.json()["detail"])
    )
    assert not Observation.objects.filter(owner=person).exists()


def test_future_day_in_the_persons_time_zone_is_refused(person, api):
    tomorrow = (person.today() + timedelta(days=1)).isoformat()
    response = api("put", f"/api/days/{tomorrow}", {"values": {"anxiety": 3}})
    assert response.status_code == 400
    assert "day" in response.json()["errors"]
    assert not Observation.objects.exists()


def test_malformed_json_and_dates_are_4xx_not_500(person, api):
    from django.test import Client

    _, raw = AccessToken.issue(person, "raw")
    client = Client(HTTP_AUTHORIZATION=f"Bearer {raw}")
    response = client.put(
        f"/api/days/{person.today().isoformat()}", data="{not json", content_type="application/json"
    )
    assert 400 <= response.status_code < 500
    assert api("get", "/api/days/2026-02-31").status_code == 422
    assert api("get", "/api/observations?start=2026-01-05&end=2026-01-01").status_code == 400


def test_observations_listing_is_by_day(person, api):
    today = person.today()
    for offset, value in enumerate([3, 5, 7]):
        day = (today - timedelta(days=offset)).isoformat()
        api("put", f"/api/days/{day}", {"values": {"anxiety": value}})
    start = (today - timedelta(days=2)).isoformat()
    rows = api("get", f"/api/observations?start={start}&end={today.isoformat()}").json()
    assert [(r["day"], r["value"]) for r in rows] == [
        ((today - timedelta(days=2)).isoformat(), 7.0),
        ((today - timedelta(days=1)).isoformat(), 5.0),
        (today.isoformat(), 3.0),
    ]


def test_without_credentials_the_api_answers_401(visitor):
    assert visitor.get("/api/me").status_code == 401
    bogus = visitor.get("/api/me", HTTP_AUTHORIZATION="Bearer vgs_not-a-token")
    assert bogus.status_code == 401


def test_revoked_token_stops_working(person, api):
    assert api("get", "/api/me").status_code == 200
    AccessToken.objects.filter(owner=person).delete()
    assert api("get", "/api/me").status_code == 401


def test_session_auth_needs_csrf_for_writes(person, client_of):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(person, backend="django.contrib.auth.backends.ModelBackend")
    assert client.get("/api/me").status_code == 200
    response = client.put(
        f"/api/days/{person.today().isoformat()}",
        data=json.dumps({"values": {"anxiety": 2}}),
        content_type="application/json",
    )
    assert response.status_code in (401, 403)
    assert not Observation.objects.exists()
