"""A self-harm signal reaches crisis resources first, and again on every visit until read."""

from __future__ import annotations

import json
import re

import pytest
from django.test import override_settings
from django.urls import reverse

from vagus.questionnaires import crisis
from vagus.questionnaires.models import SafetyAlert

pytestmark = pytest.mark.django_db

CRISIS = reverse("questionnaires:crisis")


def phq9(item9: int, rest: int = 0) -> dict[str, str]:
    data = {f"item_{n}": str(rest) for n in range(1, 9)}
    return data | {"item_9": str(item9)}


def test_item_9_above_zero_goes_straight_to_the_crisis_page(person, person_client):
    response = person_client.post(reverse("questionnaires:answer", args=["phq9"]), phq9(1))
    assert response.status_code == 302
    assert response["Location"] == CRISIS
    page = person_client.get(CRISIS).content.decode()
    assert "Help is available now" in page
    assert "I have read this" in page
    assert "contact a professional" in page
    # Even with a total of 1 (the "minimal" band), the signal is never folded into a score.
    assert SafetyAlert.objects.get(owner=person).response.total == 1


def test_item_9_at_zero_does_not(person, person_client):
    response = person_client.post(reverse("questionnaires:answer", args=["phq9"]), phq9(0, 3))
    assert response["Location"].startswith("/questionnaires/responses/")
    assert not SafetyAlert.objects.exists()
    assert person_client.get(reverse("diary:today")).status_code == 200


def test_the_crisis_page_comes_first_on_every_visit_until_read(person, person_client, client_of):
    person_client.post(reverse("questionnaires:answer", args=["phq9"]), phq9(2))
    for name in ("diary:today", "diary:timeline", "questionnaires:index", "accounts:settings"):
        response = person_client.get(reverse(name))
        assert (response.status_code, response["Location"]) == (302, CRISIS), name
    # The next visit: a new session, another day.
    tomorrow = client_of(person)
    assert tomorrow.get(reverse("diary:today"))["Location"] == CRISIS
    # The API is never redirected; logging out still works.
    assert tomorrow.get("/api/me").status_code == 200
    response = tomorrow.post(reverse("questionnaires:crisis_read"))
    assert response["Location"].startswith("/questionnaires/responses/")
    assert SafetyAlert.objects.get(owner=person).acknowledged_at is not None
    assert tomorrow.get(reverse("diary:today")).status_code == 200
    assert "I have read this" not in tomorrow.get(CRISIS).content.decode()


def test_the_data_export_is_never_held_back(person, person_client):
    person_client.post(reverse("questionnaires:answer", args=["phq9"]), phq9(1))
    response = person_client.get(reverse("accounts:export"))
    assert response.status_code == 200
    assert json.loads(response.content)["account"]["username"] == person.username


def test_only_the_person_with_the_alert_is_redirected(
    person, other_person, person_client, client_of
):
    person_client.post(reverse("questionnaires:answer", args=["phq9"]), phq9(1))
    assert client_of(other_person).get(reverse("diary:today")).status_code == 200


def test_the_api_returns_the_signal_and_the_crisis_page(person, person_client):
    response = person_client.post(
        "/api/questionnaires/phq9/responses",
        json.dumps({"answers": [0] * 8 + [3]}),
        content_type="application/json",
    )
    assert response.status_code == 201
    body = response.json()
    assert body["flags"] == ["self_harm_risk"]
    assert body["safety"]["crisis_page"] == CRISIS
    assert person_client.get(reverse("diary:today"))["Location"] == CRISIS


def test_contacts_follow_the_persons_country_choice(person, person_client):
    person_client.post(reverse("questionnaires:answer", args=["phq9"]), phq9(1))
    london = person_client.get(CRISIS).content.decode()  # Europe/London → UK contacts
    assert "999" in london and "116 123" in london
    us = person_client.get(CRISIS + "?country=US").content.decode()
    assert "988" in us and "911" in us
    assert "988" in person_client.get(CRISIS).content.decode()  # the choice is remembered
    intl = person_client.get(CRISIS + "?country=INTL").content.decode()
    assert "your local emergency number" in intl


@override_settings(CRISIS_COUNTRY="AU")
def test_the_operator_can_set_the_country(other_person, client_of):
    page = client_of(other_person).get(CRISIS).content.decode()
    assert "000" in page and "13 11 14" in page


def test_every_country_entry_is_sourced_and_dated():
    assert crisis.INTERNATIONAL in crisis.COUNTRIES
    for country in crisis.COUNTRIES.values():
        assert country.source.startswith("https://"), country.code
        assert country.checked.year >= 2025
        assert country.emergency and country.services, country.code
        for service in country.services:
            assert service.source.startswith("https://"), service.name
            assert re.search(r"\d|\.com", service.contact), service.name


def test_unknown_country_falls_back_to_international():
    assert crisis.country_for("XX", "", "Asia/Tokyo").code == crisis.INTERNATIONAL
    assert crisis.country_for(None, "", "America/New_York").code == "US"
    assert crisis.country_for(None, "", "Australia/Sydney").code == "AU"
    assert crisis.country_for("nz", "GB", "UTC").code == "NZ"
