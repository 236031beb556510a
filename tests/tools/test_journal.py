"""Guided journaling: a prompt a day (or free writing), saved, searchable by the owner."""

from __future__ import annotations

from datetime import date

import pytest

from vagus.tools import actions, catalog, queries
from vagus.tools.models import JournalEntry

pytestmark = pytest.mark.django_db


def test_prompts_rotate_one_a_day_and_cover_the_set():
    start = date(2025, 6, 1)
    seen = [queries.prompt_for(date.fromordinal(start.toordinal() + i))[0] for i in range(8)]
    assert sorted(seen) == sorted(code for code, _ in catalog.PROMPTS)
    assert queries.prompt_for(start, 1) == queries.prompt_for(date(2025, 6, 2))


def test_page_offers_todays_prompt_another_and_free_writing(person, person_client):
    _, text = queries.prompt_for(person.today())
    page = person_client.get("/tools/journal/").content.decode()
    assert text in page and "?next=1" in page and "?prompt=free" in page
    _, next_text = queries.prompt_for(person.today(), 1)
    assert next_text in person_client.get("/tools/journal/?next=1").content.decode()
    assert text not in person_client.get("/tools/journal/?prompt=free").content.decode()


def test_saving_keeps_the_prompt_and_the_text(person, person_client):
    response = person_client.post(
        "/tools/journal/",
        {"prompt": "sleep", "text": "Woke at 4, gut uneasy", "anxiety_after": "3"},
    )
    entry = JournalEntry.objects.get(owner=person)
    assert response["Location"] == f"/tools/journal/{entry.uuid}/"
    assert (entry.prompt, entry.text) == ("sleep", "Woke at 4, gut uneasy")
    assert person.tool_sessions.get().tool == "journal"
    assert "Woke at 4" in person_client.get(response["Location"]).content.decode()


def test_unknown_prompt_and_empty_text_are_refused(person):
    with pytest.raises(actions.ToolInputError) as caught:
        actions.save_journal_entry(person, "text", "nonsense")
    assert list(caught.value.errors) == ["prompt"]
    with pytest.raises(actions.ToolInputError) as caught:
        actions.save_journal_entry(person, "  ")
    assert list(caught.value.errors) == ["text"]


def test_search_is_owner_only(person, other_person, person_client):
    actions.save_journal_entry(person, "Kefir at breakfast, calmer morning")
    actions.save_journal_entry(person, "Long walk")
    actions.save_journal_entry(other_person, "kefir again")
    assert [e.text for e in queries.journal_entries(person, "KEFIR")] == [
        "Kefir at breakfast, calmer morning"
    ]
    page = person_client.get("/tools/journal/?q=kefir").content.decode()
    assert "calmer morning" in page and "kefir again" not in page and "Long walk" not in page


def test_someone_elses_entry_is_not_found(person, other_person, person_client):
    theirs = actions.save_journal_entry(other_person, "mine only").item
    assert person_client.get(f"/tools/journal/{theirs.uuid}/").status_code == 404
    assert person_client.post(f"/tools/journal/{theirs.uuid}/delete/").status_code == 404
