"""Thought records: written on a page, read back, searched and deleted by their owner only."""

from __future__ import annotations

import pytest

from vagus.tools import actions
from vagus.tools.models import ThoughtRecord, ToolSession

pytestmark = pytest.mark.django_db


def record(user, situation: str, thought: str = "it will go wrong") -> ThoughtRecord:
    return actions.save_thought_record(
        user, {"situation": situation, "automatic_thought": thought}
    ).item


def test_the_form_saves_every_part(person, person_client):
    response = person_client.post(
        "/tools/thoughts/new/",
        {
            "anxiety_before": "7",
            "situation": "Stomach cramps on the train",
            "automatic_thought": "Something is seriously wrong",
            "emotions": "scared",
            "intensity_before": "85",
            "patterns": ["catastrophising", "body_alarm"],
            "evidence_for": "It hurt a lot",
            "evidence_against": "It has happened before and passed",
            "balanced_thought": "My gut reacts to stress; it usually settles",
            "intensity_after": "40",
            "anxiety_after": "4",
            "opened": "0",
        },
    )
    saved = ThoughtRecord.objects.get(owner=person)
    assert response["Location"] == f"/tools/thoughts/{saved.uuid}/"
    assert saved.patterns == ["body_alarm", "catastrophising"]
    assert (saved.intensity_before, saved.intensity_after) == (85, 40)
    session = ToolSession.objects.get(owner=person)
    assert (session.tool, session.change) == ("thought_record", -3)
    page = person_client.get(response["Location"]).content.decode()
    assert "My gut reacts to stress" in page and "Reading body signals as danger" in page


def test_an_empty_record_is_not_saved(person, person_client):
    response = person_client.post("/tools/thoughts/new/", {"anxiety_before": "5"})
    assert response.status_code == 200
    assert "please write something first" in response.content.decode()
    assert not ThoughtRecord.objects.exists() and not ToolSession.objects.exists()


def test_intensity_out_of_range_is_named(person):
    with pytest.raises(actions.ToolInputError) as caught:
        actions.save_thought_record(person, {"situation": "x"}, intensity_before=120)
    assert list(caught.value.errors) == ["intensity_before"]


def test_search_finds_words_in_any_part_and_only_my_records(person, other_person, person_client):
    record(person, "Meeting with my manager")
    record(person, "Dinner out", thought="Everyone will notice my bloating")
    record(other_person, "Bloating at the gym")
    page = person_client.get("/tools/thoughts/?q=BLOATING").content.decode()
    assert "1 record with" in page
    assert "Everyone will notice my bloating" in page and "gym" not in page
    everything = person_client.get("/tools/thoughts/").content.decode()
    assert everything.count('class="card"') == 2


def test_someone_elses_record_is_not_found(person, other_person, client_of):
    theirs = record(other_person, "private")
    client = client_of(person)
    assert client.get(f"/tools/thoughts/{theirs.uuid}/").status_code == 404
    assert client.post(f"/tools/thoughts/{theirs.uuid}/delete/").status_code == 404
    assert ThoughtRecord.objects.filter(pk=theirs.pk).exists()


def test_delete(person, person_client):
    mine = record(person, "gone soon")
    response = person_client.post(f"/tools/thoughts/{mine.uuid}/delete/")
    assert response.status_code == 302
    assert not ThoughtRecord.objects.exists()
