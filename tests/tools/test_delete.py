"""A person can delete their own sessions, thought records, journal entries and worries.

Pages ask first (a confirm page; only its button deletes); the API has a DELETE route for
each. Deleting a session takes its minutes out of the diary. Nobody else's rows are found
(tests/test_isolation.py walks these routes as another person too).
"""

from __future__ import annotations

import pytest

from vagus.diary.models import Observation
from vagus.tools import actions
from vagus.tools.models import JournalEntry, ThoughtRecord, ToolSession, Worry

pytestmark = pytest.mark.django_db


def minutes_today(user) -> list[tuple[str, float]]:
    rows = Observation.objects.filter(owner=user, measure__code="mindfulness_minutes")
    return sorted(rows.values_list("source", "value"))


def make_rows(user):
    session = actions.record_session(user, "breathing", 300, 6, 4, {"pattern": "slow"})
    record = actions.save_thought_record(user, {"situation": "the meeting"}).item
    entry = actions.save_journal_entry(user, "slept badly").item
    worry = actions.park_worry(user, "the bill").item
    return session, record, entry, worry


def pages(session, record, entry, worry):
    return [
        (f"/tools/sessions/{session.uuid}/delete/", ToolSession, session),
        (f"/tools/thoughts/{record.uuid}/delete/", ThoughtRecord, record),
        (f"/tools/journal/{entry.uuid}/delete/", JournalEntry, entry),
        (f"/tools/worry/{worry.uuid}/delete/", Worry, worry),
    ]


def test_pages_ask_first_then_delete(person, person_client):
    rows = make_rows(person)
    assert minutes_today(person) == [("tool", 5.0)]
    for url, model, row in pages(*rows):
        confirm = person_client.get(url)
        assert confirm.status_code == 200
        page = confirm.content.decode()
        assert "Delete" in page and "cannot be undone" in page
        assert model.objects.filter(pk=row.pk).exists(), f"GET {url} deleted already"
        done = person_client.post(url)
        assert done.status_code == 302
        assert not model.objects.filter(pk=row.pk).exists(), url
    assert minutes_today(person) == []  # the session's 5 minutes are gone with it


def test_the_tool_pages_link_to_the_confirm_step(person, person_client):
    session, record, entry, worry = make_rows(person)
    assert (
        f"/tools/sessions/{session.uuid}/delete/"
        in person_client.get("/tools/breathing/").content.decode()
    )
    assert (
        f"/tools/thoughts/{record.uuid}/delete/"
        in person_client.get(f"/tools/thoughts/{record.uuid}/").content.decode()
    )
    assert (
        f"/tools/journal/{entry.uuid}/delete/"
        in person_client.get(f"/tools/journal/{entry.uuid}/").content.decode()
    )
    assert (
        f"/tools/worry/{worry.uuid}/delete/"
        in person_client.get("/tools/worry/?review=1").content.decode()
    )


def test_the_confirm_page_says_the_minutes_go_too(person, person_client):
    session = actions.record_session(person, "mindfulness", 600)
    page = person_client.get(f"/tools/sessions/{session.uuid}/delete/").content.decode()
    assert "Mindfulness timer" in page and "10 minutes" in page
    assert "minutes come out of your diary" in page


def test_api_delete_routes(person, api):
    session, record, entry, worry = make_rows(person)
    for path, model, row in [
        (f"/api/tool-sessions/{session.uuid}", ToolSession, session),
        (f"/api/thought-records/{record.uuid}", ThoughtRecord, record),
        (f"/api/journal-entries/{entry.uuid}", JournalEntry, entry),
        (f"/api/worries/{worry.uuid}", Worry, worry),
    ]:
        assert api("delete", path).status_code == 204, path
        assert not model.objects.filter(pk=row.pk).exists()
        assert api("delete", path).status_code == 404, path  # gone, and says so
    assert minutes_today(person) == []


def test_deleting_a_session_keeps_the_check_in_minutes(person):
    from vagus.diary import actions as diary

    diary.save_checkin(person, person.today(), {"mindfulness_minutes": 10})
    keep = actions.record_session(person, "relaxation", 240)
    gone = actions.record_session(person, "breathing", 120)
    actions.delete_session(person, gone)
    assert minutes_today(person) == [("checkin", 10.0), ("tool", 4.0)]
    assert list(ToolSession.objects.filter(owner=person)) == [keep]


def test_nobody_else_can_delete_them(person, other_person, client_of):
    rows = make_rows(person)
    theirs = client_of(other_person)
    for url, model, row in pages(*rows):
        assert theirs.get(url).status_code == 404
        assert theirs.post(url).status_code == 404
        assert model.objects.filter(pk=row.pk).exists()
    assert minutes_today(person) == [("tool", 5.0)]
