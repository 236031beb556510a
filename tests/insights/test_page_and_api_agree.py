"""The Insights page and the API show the same findings; bad input is a 400 naming the field."""

from __future__ import annotations

import html
import re

import pytest

pytestmark = pytest.mark.django_db


def test_same_sentences_and_numbers_on_page_and_api(planted, person_client):
    api = person_client.get("/api/insights?outcome=anxiety&lags=0,1")
    assert api.status_code == 200
    body = api.json()
    page = html.unescape(person_client.get("/insights/?outcome=anxiety").content.decode())

    assert body["significant"], "the planted diary has findings"
    found_on_page = re.findall(r'<p class="sentence">(.*?)</p>', page)
    assert found_on_page == [a["sentence"] for a in body["significant"]]
    for a in body["significant"]:
        # The data table beside the chart shows the selection-adjusted numbers.
        assert f"{a['shown_estimate']:.2f}" in page
        assert f"{a['shown_ci_low']:.2f} to {a['shown_ci_high']:.2f}" in page
        assert a["q_value"] <= 0.05
    for a in body["not_clear"]:
        assert f"<li>{a['factor_label']} " in page
        assert not a["significant"]
    assert body["note"] == "This is an association, not proof of cause."
    assert "This is an association, not proof of cause." in page
    assert 'href="/experiments/new/?factor=fermented_servings&amp;outcome=anxiety"' in (
        person_client.get("/insights/").content.decode()
    )


def test_one_lag_only(planted, person_client):
    body = person_client.get("/api/insights?lags=1").json()
    assert body["lags"] == [1]
    assert {a["lag"] for a in body["significant"] + body["not_clear"]} == {1}


@pytest.mark.parametrize(
    "query, field",
    [
        ("outcome=nonsense", "outcome"),
        ("outcome=probiotic", "outcome"),
        ("lags=x", "lags"),
        ("lags=0,9", "lags"),
        ("lags=-1", "lags"),
        ("lags=,", "lags"),
    ],
)
def test_bad_input_is_400_naming_the_field(person, person_client, query, field):
    response = person_client.get(f"/api/insights?{query}")
    assert response.status_code == 400
    assert response.json()["detail"].startswith(f"{field}:")


def test_bad_outcome_on_the_pages_is_400_with_the_form_error(person, person_client):
    for path in ("/insights/", "/insights/weekly/", "/insights/calendar/", "/insights/levels/"):
        response = person_client.get(f"{path}?outcome=nonsense")
        assert response.status_code == 400, path
        assert 'role="alert"' in response.content.decode()


def test_weekly_api_matches_the_weekly_page(planted, person_client):
    body = person_client.get("/api/insights/weekly?outcome=anxiety").json()
    page = person_client.get("/insights/weekly/?outcome=anxiety").content.decode()
    assert sum(w["days"] for w in body["weeks"]) == 120
    for week in body["weeks"]:
        assert f"<td>{week['mean']:.1f}</td>" in page
    assert person_client.get("/api/insights/weekly?outcome=nope").status_code == 400


def test_the_api_needs_a_login(visitor):
    assert visitor.get("/api/insights").status_code == 401
    assert visitor.get("/insights/").status_code == 302
