"""Meals and custom measures through the API."""

from __future__ import annotations

from datetime import timedelta

import pytest

from vagus.diary.models import Meal, Measure

pytestmark = pytest.mark.django_db


def test_meal_round_trip(person, api):
    created = api(
        "post",
        "/api/meals",
        {"text": "porridge with kefir", "eaten_at": "2026-01-10T08:15:00+13:00"},
    )
    assert created.status_code == 201, created.content
    meal_id = created.json()["id"]
    assert (
        created.json()["day"] == "2026-01-09"
    )  # 08:15 in Auckland is 19:15 the day before in London
    updated = api(
        "put", f"/api/meals/{meal_id}", {"text": "porridge", "eaten_at": "2026-01-10T08:15:00Z"}
    )
    assert updated.json()["text"] == "porridge"
    assert updated.json()["day"] == "2026-01-10"
    assert [m["id"] for m in api("get", "/api/meals").json()] == [meal_id]
    assert api("delete", f"/api/meals/{meal_id}").status_code == 204
    assert not Meal.objects.exists()


@pytest.mark.parametrize(
    "payload",
    [
        {"text": "", "eaten_at": "2026-01-10T08:00:00Z"},
        {"text": "x" * 2001, "eaten_at": "2026-01-10T08:00:00Z"},
        {"text": "toast", "eaten_at": "yesterday"},
        {"text": "toast"},
    ],
)
def test_bad_meals_are_refused(api, payload):
    response = api("post", "/api/meals", payload)
    assert response.status_code in (400, 422)
    assert not Meal.objects.exists()


def test_meal_in_the_future_is_refused(person, api):
    later = (person.local_now() + timedelta(days=2)).isoformat()
    response = api("post", "/api/meals", {"text": "cake", "eaten_at": later})
    assert response.status_code == 400
    assert "eaten_at" in response.json()["errors"]


def test_custom_measure_via_api_then_logged(person, api):
    created = api("post", "/api/measures", {"label": "Cold shower", "kind": "yesno"})
    assert created.status_code == 201
    code = created.json()["code"]
    assert code == "my_cold_shower"
    day = person.today().isoformat()
    assert api("put", f"/api/days/{day}", {"values": {code: 1}}).status_code == 200
    assert api("put", f"/api/days/{day}", {"values": {code: 2}}).status_code == 400
    duplicate = api("post", "/api/measures", {"label": "Cold shower", "kind": "yesno"})
    assert duplicate.status_code == 400
    bad_kind = api("post", "/api/measures", {"label": "X", "kind": "colour"})
    assert bad_kind.status_code == 400
    assert bad_kind.json()["errors"].keys() == {"kind"}
    assert Measure.objects.owned_by(person).count() == 1


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        ("/api/meals", {"text": "toast", "eaten_at": "0001-01-01T00:00:00Z"}, "eaten_at"),
        (
            "/api/questionnaires/gad7/responses",
            {"answers": [0] * 7, "authored": "0001-01-01T00:00:00Z"},
            "authored",
        ),
    ],
)
def test_dates_from_long_ago_are_refused_not_a_500(api, path, body, field):
    response = api("post", path, body)
    assert response.status_code == 400
    assert field in response.json()["detail"]
