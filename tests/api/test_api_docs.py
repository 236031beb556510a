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


def test_docs_page_fits_a_phone_and_links_back(visitor, person_client):
    page = visitor.get("/api/docs").content.decode()
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert '<a href="/">← Back to Vagus</a>' in page
    assert 'id="swagger-settings"' in page and "/api/openapi.json" in page
    assert "<script>" not in page  # no inline script: the page works under a strict CSP
    signed_in = person_client.get("/api/docs").content.decode()
    assert 'href="/accounts/settings/">Your access tokens</a>' in signed_in
