"""Getting professional help: readable without a log-in, sourced and dated like the crisis
contacts, for every country the crisis page knows."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from vagus.learn import professional_help
from vagus.questionnaires import crisis

pytestmark = pytest.mark.django_db
URL = reverse("learn:professional_help")


def test_every_crisis_country_has_sourced_and_dated_routes():
    assert set(professional_help.ROUTES) == set(crisis.COUNTRIES)
    for code, routes in professional_help.ROUTES.items():
        assert routes.routes, code
        for route in routes.routes:
            assert route.source.startswith("https://"), route.name
            # Reviewed with the crisis contacts, at least every six months (docs/safety.md H6).
            assert route.checked >= date(2026, 6, 1), route.name


def test_readable_without_a_login_with_the_emergency_number_first(visitor):
    response = visitor.get(URL, {"country": "GB"})
    assert response.status_code == 200
    html = response.content.decode()
    assert html.index('href="tel:999"') < html.index("When it is worth seeing someone")
    assert "NHS Talking Therapies" in html
    for route in professional_help.ROUTES["GB"].routes:
        assert route.source in html
    assert "does not recommend any company" in html


@pytest.mark.parametrize(
    ("country", "words"),
    [("US", "988"), ("AU", "Head to Health"), ("NZ", "1737"), ("IE", "HSE"), ("CA", "988")],
)
def test_routes_follow_the_chosen_country(visitor, country, words):
    html = visitor.get(URL, {"country": country}).content.decode()
    assert words in html
    assert "NHS Talking Therapies" not in html


def test_the_person_s_time_zone_chooses_the_country(person_client, person):
    person.time_zone = "Australia/Sydney"
    person.save()
    html = person_client.get(URL).content.decode()
    assert "Mental Health Treatment Plan" in html
    assert reverse("reports:index") in html  # what to bring: the report


def test_linked_from_the_crisis_page_and_questionnaire_results(person, person_client):
    from vagus.questionnaires import actions

    assert URL in person_client.get(reverse("questionnaires:crisis")).content.decode()
    for code, answers in (("gad7", [1] * 7), ("phq9", [1] * 8 + [0])):
        response = actions.record_response(person, code, answers).response
        page = person_client.get(reverse("questionnaires:result", args=[response.uuid]))
        assert URL in page.content.decode()
