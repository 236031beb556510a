"""A session of a few seconds (a slip of the finger) is not saved, and never "0.1 minutes"."""

from __future__ import annotations

import pytest

from vagus.diary.models import Observation
from vagus.tools import actions, queries
from vagus.tools.models import ToolSession

pytestmark = pytest.mark.django_db


def test_the_page_says_so_calmly_and_saves_nothing(person, person_client):
    response = person_client.post(
        "/tools/breathing/",
        {"pattern": "slow", "minutes": "5", "anxiety_before": "6", "anxiety_after": "6",
         "duration_seconds": "5"},
        follow=True,
    )  # fmt: skip
    page = response.content.decode()
    assert "That was a few seconds — nothing saved." in page
    assert "0.1 minutes" not in page and "Saved:" not in page
    assert not ToolSession.objects.exists() and not Observation.objects.exists()


def test_the_api_refuses_it_naming_the_field(api):
    response = api("post", "/api/tool-sessions", {"tool": "mindfulness", "duration_seconds": 29})
    assert response.status_code == 400
    assert "nothing saved" in response.json()["errors"]["duration_seconds"]
    assert not ToolSession.objects.exists()
    ok = api("post", "/api/tool-sessions", {"tool": "mindfulness", "duration_seconds": 30})
    assert ok.status_code == 201
    assert ToolSession.objects.get().duration_seconds == 30


def test_half_a_minute_is_a_session_with_its_minutes(person, person_client):
    person_client.post("/tools/grounding/", {"minutes_done": "0.5"})
    session = ToolSession.objects.get()
    assert session.duration_seconds == 30
    assert Observation.objects.get(source="tool").value == 0.5


def test_quick_writing_keeps_its_ratings_but_adds_no_minutes(person, person_client):
    saved = actions.save_thought_record(
        person, {"situation": "x"}, anxiety_before=7, anxiety_after=5, duration_seconds=5
    )
    assert saved.session.change == -2
    assert not Observation.objects.exists()
    response = person_client.post("/tools/journal/", {"text": "quick note"}, follow=True)
    assert "Saved: journal<" in response.content.decode()  # not "Saved: journal, 0.1 minutes"


def test_older_short_sessions_do_not_count_in_what_helps(person, person_client):
    """Saved before this rule (straight into the table): left out of What helps me and the
    tool's recent list, like a session that was never saved."""
    for before, after in [(8, 2), (8, 2), (8, 2)]:
        actions.record_session(person, "breathing", 300, 6, 5)
        ToolSession.objects.create(
            owner=person,
            tool="breathing",
            started=ToolSession.objects.first().started,
            duration_seconds=5,
            anxiety_before=before,
            anxiety_after=after,
        )
    (breathing,) = [h for h in queries.what_helps(person) if h.tool.code == "breathing"]
    assert breathing.effect.sessions == 3
    page = person_client.get("/tools/breathing/").content.decode()
    assert "0.1 min" not in page and "5 min" in page
    helps = person_client.get("/tools/what-helps/").content.decode()
    assert "3 sessions, 3 with a rating before and after" in helps
