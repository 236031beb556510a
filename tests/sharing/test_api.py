"""The sharing API: a person's shares and audit, a clinician's people; bearer tokens."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from tests.helpers.sharing import clinician, person, shared, signed_in, token_client

from vagus.ownership import Scope
from vagus.sharing.models import Share

pytestmark = pytest.mark.django_db


def _post(client: Client, url: str, body: dict):
    return client.post(url, json.dumps(body), content_type="application/json")


def test_invite_accept_list_read_audit_and_revoke_through_the_api():
    ana, lee = person(), clinician()
    mine, theirs = token_client(ana), token_client(lee)
    made = _post(mine, "/api/shares", {"scopes": ["diary", "questionnaires"]})
    assert made.status_code == 201, made.content
    code = made.json()["code"]
    assert made.json()["link"].endswith(f"/sharing/accept/?code={code}")

    accepted = _post(theirs, "/api/shares/accept", {"code": code})
    assert accepted.status_code == 200 and accepted.json()["status"] == "active"
    assert _post(theirs, "/api/shares/accept", {"code": code}).status_code == 400

    people = theirs.get("/api/clinician/people").json()
    assert [p["username"] for p in people] == ["ana"]
    assert people[0]["scopes"] == ["diary", "questionnaires"]

    listed = mine.get("/api/shares").json()
    assert listed[0]["clinician"] == "drlee" and listed[0]["status"] == "active"
    audit = mine.get("/api/shares/audit").json()
    assert {"share.read", "share.accept", "share.create"} <= {row["action"] for row in audit}

    share_id = listed[0]["id"]
    assert theirs.delete(f"/api/shares/{share_id}").status_code == 404  # not the clinician's
    assert mine.delete(f"/api/shares/{share_id}").status_code == 204
    assert theirs.get("/api/clinician/people").json() == []


def test_bad_share_input_names_the_field():
    mine = token_client(person())
    answer = _post(mine, "/api/shares", {"scopes": [], "ends": "2000-01-01"})
    assert answer.status_code == 400
    assert set(answer.json()["errors"]) <= {"scopes", "ends"} and answer.json()["errors"]
    assert _post(mine, "/api/shares", {"scopes": ["everything"]}).status_code == 422


def test_clinician_routes_refuse_people_and_unproven_sessions():
    ana, lee = person(), clinician()
    shared(ana, lee, [Scope.DIARY])
    assert token_client(person("bob")).get("/api/clinician/people").status_code == 404
    unproven = Client()
    unproven.force_login(lee)
    assert unproven.get("/api/clinician/people").status_code == 404
    assert signed_in(lee).get("/api/clinician/people").status_code == 200


def test_the_api_docs_list_the_sharing_routes():
    paths = Client().get("/api/openapi.json").json()["paths"]
    for route in (
        "/api/shares",
        "/api/shares/accept",
        "/api/shares/{share_id}",
        "/api/shares/audit",
        "/api/clinician/people",
    ):
        assert route in paths
    assert Share.objects.count() == 0
