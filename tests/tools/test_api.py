"""The tools API: the caller's own rows only, decrypted for them; bad input is a 400."""

from __future__ import annotations

import pytest

from vagus.tools import actions

pytestmark = pytest.mark.django_db


def post(client, url, body):
    return client.post(url, body, content_type="application/json")


def test_sessions_round_trip(person_client):
    created = post(
        person_client,
        "/api/tool-sessions",
        {"tool": "mindfulness", "duration_seconds": 600, "anxiety_before": 5, "anxiety_after": 3},
    )
    assert created.status_code == 201
    body = created.json()
    assert person_client.get(f"/api/tool-sessions/{body['id']}").json() == body
    assert [s["tool"] for s in person_client.get("/api/tool-sessions").json()] == ["mindfulness"]


@pytest.mark.parametrize(
    ("url", "body", "field"),
    [
        ("/api/tool-sessions", {"tool": "breathing", "duration_seconds": "x"}, "duration_seconds"),
        ("/api/tool-sessions", {"tool": "breathing", "duration_seconds": 60, "anxiety_after": 12},
         "anxiety_after"),
        ("/api/tool-sessions", {"tool": 3, "duration_seconds": 60}, "tool"),
        ("/api/tool-sessions", {"tool": "breathing", "duration_seconds": 60, "settings": [1]},
         "settings"),
        ("/api/thought-records", {"situation": "x", "patterns": "catastrophising"}, "patterns"),
        ("/api/thought-records", {"situation": "x", "intensity_after": 101}, "intensity_after"),
        ("/api/thought-records", {"situation": ["x"]}, "situation"),
        ("/api/journal-entries", {"text": ""}, "text"),
        ("/api/journal-entries", {"text": "x", "prompt": 5}, "prompt"),
        ("/api/worries", {"text": 42}, "text"),
    ],
)  # fmt: skip
def test_bad_input_is_a_400_naming_the_field(person_client, url, body, field):
    response = post(person_client, url, body)
    assert response.status_code == 400, response.content
    assert field in response.json()["errors"]


def test_records_entries_and_worries_are_decrypted_for_their_owner_only(
    person, other_person, client_of
):
    actions.save_thought_record(person, {"situation": "alice situation"})
    actions.save_journal_entry(person, "alice journal")
    worry = actions.park_worry(person, "alice worry").item
    mine, theirs = client_of(person), client_of(other_person)
    assert mine.get("/api/thought-records").json()[0]["situation"] == "alice situation"
    assert mine.get("/api/journal-entries?q=JOURNAL").json()[0]["text"] == "alice journal"
    assert mine.get("/api/worries").json()[0]["text"] == "alice worry"
    for url in ("/api/thought-records", "/api/journal-entries", "/api/worries"):
        assert theirs.get(url).json() == []
    assert post(theirs, f"/api/worries/{worry.uuid}/resolve", {}).status_code == 404
    resolved = post(mine, f"/api/worries/{worry.uuid}/resolve", {}).json()
    assert resolved["resolved_at"] is not None
    assert mine.get("/api/worries").json() == []
    assert len(mine.get("/api/worries?include_resolved=true").json()) == 1


def test_worry_time_by_api(person_client):
    response = person_client.put(
        "/api/tools/worry-time", {"worry_time": "20:15"}, content_type="application/json"
    )
    assert response.json() == {"worry_time": "20:15"}
    bad = person_client.put(
        "/api/tools/worry-time", {"worry_time": "later"}, content_type="application/json"
    )
    assert bad.status_code == 400 and "worry_time" in bad.json()["errors"]


def test_visitors_are_refused(visitor):
    assert visitor.get("/api/thought-records").status_code == 401
