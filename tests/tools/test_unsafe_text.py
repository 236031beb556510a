"""Text that cannot be stored (a NUL, a lone UTF-16 surrogate) is refused naming the field.

A lone surrogate ("\\ud800" in JSON) in a session's settings used to be stored, and from then
on every JSON export of that person answered 500 (tests/accounts/test_export_robust.py).
"""

from __future__ import annotations

import json

import pytest
from tests.helpers.stored_rows import stored

from vagus.text import UnsafeTextError, refuse_unsafe_text
from vagus.tools import actions

pytestmark = pytest.mark.django_db
LONE = "\ud800"


def test_the_one_helper_names_the_field_and_where_inside_it():
    refuse_unsafe_text({"pattern": "slow", "phases": [4, 2, "ok ✓"]}, "settings")  # fine
    for value, field, named in [
        ("a\x00b", "note", "note"),
        ("late " + LONE, "text", "text"),
        ({"pattern": LONE}, "settings", "settings.pattern"),
        ({"phases": [4, {"x": "\udfff"}]}, "settings", "settings.phases[1].x"),
        ({LONE: 1}, "settings", "settings.\ufffd"),
    ]:
        with pytest.raises(UnsafeTextError) as caught:
            refuse_unsafe_text(value, field)
        assert list(caught.value.errors) == [named]
    # A valid pair (an emoji written as two escapes) is one character, not a lone surrogate.
    refuse_unsafe_text(json.loads('"\\ud83d\\ude00"'), "text")


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        ("/api/tool-sessions",
         {"tool": "breathing", "duration_seconds": 60, "settings": {"pattern": LONE}},
         "settings.pattern"),
        ("/api/tool-sessions",
         {"tool": "breathing", "duration_seconds": 60, "settings": {"minutes": ["\x00"]}},
         "settings.minutes[0]"),
        ("/api/worries", {"text": LONE}, "text"),
        ("/api/journal-entries", {"text": "ok", "prompt": LONE}, "prompt"),
        ("/api/thought-records", {"situation": "a" + LONE + "b"}, "situation"),
        ("/api/meals", {"text": "toast " + LONE, "eaten_at": "2026-01-10T08:00:00Z"}, "text"),
        ("/api/measures", {"label": LONE, "kind": "scale"}, "label"),
        ("/api/experiments", {"title": "kefir\x00", "outcome": "anxiety"}, "title"),
    ],
)  # fmt: skip
def test_every_api_route_answers_400_naming_the_field(person, api, path, body, field):
    before = stored(person)
    response = api("post", path, body)
    assert response.status_code == 400, response.content
    assert field in response.json()["errors"], response.json()
    assert stored(person) == before


def test_a_day_note_is_a_400_not_a_422(person, api):
    response = api("put", f"/api/days/{person.today().isoformat()}", {"note": "x" + LONE})
    assert response.status_code == 400
    assert "note" in response.json()["errors"]


def test_actions_refuse_it_too(person):
    """Pages and importers reach the same actions; nothing is written."""
    with pytest.raises(actions.ToolInputError) as caught:
        actions.record_session(person, "breathing", 60, settings={"pattern": LONE})
    assert "settings.pattern" in caught.value.errors
    with pytest.raises(actions.ToolInputError) as caught:
        actions.park_worry(person, "a\x00")
    assert "text" in caught.value.errors
    with pytest.raises(actions.ToolInputError) as caught:
        actions.save_journal_entry(person, "fine", anxiety_before=None, duration_seconds=0)
        actions.save_thought_record(person, {"evidence_for": LONE})
    assert "evidence_for" in caught.value.errors
    assert not person.tool_sessions.filter(settings__has_key="pattern").exists()
    assert not person.worries.exists() and not person.thought_records.exists()


def test_a_form_post_of_the_same_bytes_stores_no_surrogate(person, person_client):
    """A browser cannot send a lone surrogate: its UTF-8-like bytes (ED A0 80) arrive as
    replacement characters, so the page stores readable text and every export works."""
    body = b"text=late+%ED%A0%80+night"
    response = person_client.post(
        "/tools/worry/", body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 302
    assert person.worries.get().text == "late \ufffd\ufffd\ufffd night"
    assert person_client.get("/accounts/export/").status_code == 200
