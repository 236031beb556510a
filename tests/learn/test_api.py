"""GET /api/evidence and /api/evidence/{entry}: the library as JSON, for signed-in callers."""

from __future__ import annotations

import pytest

from vagus.science import evidence

pytestmark = pytest.mark.django_db


def test_the_list_has_every_entry(person_client):
    body = person_client.get("/api/evidence").json()
    assert {e["id"] for e in body} == evidence.ids()
    assert all(e["sources"] and e["does_not_show"] for e in body)


def test_the_list_filters(person_client):
    body = person_client.get("/api/evidence", {"grade": "strong"}).json()
    assert body and all(e["grade"] == "strong" for e in body)


def test_one_entry(person_client):
    body = person_client.get("/api/evidence/slow-breathing").json()
    assert body["id"] == "slow-breathing"
    assert body["sources"][0]["doi"].startswith("10.")


def test_an_unknown_entry_is_404(person_client):
    assert person_client.get("/api/evidence/no-such-claim").status_code == 404


def test_anonymous_callers_need_to_sign_in(visitor):
    assert visitor.get("/api/evidence").status_code == 401
