"""The API documents itself, from this server alone (no CDN)."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.django_db


def test_openapi_schema_lists_the_diary_routes(visitor):
    schema = visitor.get("/api/openapi.json").json()
    assert {"/api/days/{day}", "/api/meals", "/api/measures", "/api/me"} <= set(schema["paths"])


def test_docs_page_loads_its_assets_from_this_server(visitor):
    page = visitor.get("/api/docs").content.decode()
    assets = re.findall(r'(?:src|href)="([^"]+\.(?:js|css))"', page)
    assert assets
    for asset in assets:
        assert asset.startswith("/"), f"{asset} is not served by Vagus"
        assert visitor.get(asset).status_code == 200, asset


def _schema_of(schema: dict, name: str) -> dict:
    return schema["components"]["schemas"][name]


def test_the_schema_documents_the_real_rules_of_the_tools(visitor):
    """The tools' inputs used to be ``Any`` (an empty schema): now each shows its type and
    range, though the action still checks it (so a bad value is a 400 naming the field)."""
    schema = visitor.get("/api/openapi.json").json()
    session = _schema_of(schema, "SessionIn")["properties"]
    assert session["duration_seconds"]["type"] == "integer"
    assert (session["duration_seconds"]["minimum"], session["duration_seconds"]["maximum"]) == (
        30,
        4 * 60 * 60,
    )
    assert "breathing" in session["tool"]["enum"]
    assert {"type": "integer", "minimum": 0, "maximum": 10} in session["anxiety_before"]["anyOf"]
    record = _schema_of(schema, "ThoughtRecordIn")["properties"]
    assert {"type": "integer", "minimum": 0, "maximum": 100} in record["intensity_before"]["anyOf"]
    assert record["situation"]["maxLength"] == 10_000
    assert "catastrophising" in record["patterns"]["items"]["enum"]
    assert "pattern" in _schema_of(schema, "WorryTimeIn")["properties"]["worry_time"]
    for name in ("SessionIn", "ThoughtRecordIn", "JournalIn", "WorryIn", "WorryTimeIn"):
        for field, rules in _schema_of(schema, name)["properties"].items():
            assert rules.get("type") or rules.get("anyOf"), f"{name}.{field} is undocumented"


def test_every_route_with_input_declares_its_error_answers(visitor):
    schema = visitor.get("/api/openapi.json").json()
    checked = 0
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            responses = operation["responses"]
            if operation.get("parameters") or "requestBody" in operation:
                checked += 1
                assert {"400", "422"} <= set(responses), (method, path)
                assert "$ref" in str(responses["400"]["content"]), (method, path)
            if "{" in path and "{day}" not in path:
                assert "404" in responses, (method, path)
    assert checked > 30
    assert "BadInput" in schema["components"]["schemas"]


def test_the_future_day_rule_is_described(visitor):
    schema = visitor.get("/api/openapi.json").json()
    assert "in the future where you are" in schema["info"]["description"]
    meal = _schema_of(schema, "MealIn")["properties"]["eaten_at"]
    assert "future" in meal["description"]
    put_day = schema["paths"]["/api/days/{day}"]["put"]
    assert "future" in put_day["description"]


def test_docs_page_fits_a_phone_and_links_back(visitor, person_client):
    page = visitor.get("/api/docs").content.decode()
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert '<a href="/">← Back to Vagus</a>' in page
    assert 'id="swagger-settings"' in page and "/api/openapi.json" in page
    assert "<script>" not in page  # no inline script: the page works under a strict CSP
    signed_in = person_client.get("/api/docs").content.decode()
    assert 'href="/accounts/settings/">Your access tokens</a>' in signed_in
