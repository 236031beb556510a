"""Crisis language in what a person writes: saved first, then the crisis page (hazard H10)."""

from __future__ import annotations

import pytest

from vagus.questionnaires.models import SafetyAlert
from vagus.safety.crisis_language import PHRASES, crisis_phrases, mentions_crisis
from vagus.tools import actions
from vagus.tools.models import JournalEntry, ThoughtRecord, Worry


@pytest.mark.parametrize(
    "text",
    [
        "Some days I want to die.",
        "I thought about SUICIDE again",
        "i could kill   myself for forgetting",  # errs towards help, by design
        "Everyone would be better off\nwithout me",
        "I don’t want to be alive",
        "I keep wanting to self-harm",
        "I hurt myself last night",
        "feeling suicidal",
        "I want to end my life",
    ],
)
def test_clear_crisis_phrases_are_found(text):
    assert crisis_phrases(text)


@pytest.mark.parametrize(
    "text",
    [
        "I'm dying to try the new café",
        "a killer headache after lunch",
        "I told myself it would pass",
        "the harm reduction leaflet",
        "deadline is tomorrow",
        "",
    ],
)
def test_ordinary_words_are_not(text):
    assert crisis_phrases(text) == []


def test_every_phrase_in_the_list_matches_itself():
    for phrase in PHRASES:
        assert mentions_crisis([f"so {phrase.upper()} today"]), phrase


@pytest.mark.django_db
def test_thought_record_is_saved_then_the_crisis_page_shows(person, person_client):
    response = person_client.post(
        "/tools/thoughts/new/",
        {
            "situation": "at home",
            "automatic_thought": "I want to kill myself",
            "anxiety_before": "8",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/questionnaires/crisis/"
    record = ThoughtRecord.objects.get(owner=person)  # saved, never blocked
    assert record.automatic_thought == "I want to kill myself"
    alert = SafetyAlert.objects.get(owner=person)
    assert (alert.source, alert.response, alert.acknowledged_at) == ("tools", None, None)
    # Every page now leads to the crisis page until it is read.
    page = person_client.get("/tools/", follow=True)
    assert page.redirect_chain[-1][0] == "/questionnaires/crisis/"
    assert "What you wrote is saved" in page.content.decode()
    read = person_client.post("/questionnaires/crisis/read/")
    assert read.status_code == 302
    assert person_client.get("/tools/").status_code == 200


@pytest.mark.django_db
def test_journal_and_worries_are_checked_too(person):
    saved = actions.save_journal_entry(person, "Everyone is better off without me.")
    assert saved.needs_crisis_page and JournalEntry.objects.filter(owner=person).exists()
    assert actions.park_worry(person, "thinking about self harm").needs_crisis_page
    assert Worry.objects.filter(owner=person).count() == 1
    assert SafetyAlert.objects.filter(owner=person, source="tools").count() == 2


@pytest.mark.django_db
def test_ordinary_entries_raise_no_alert(person, person_client):
    response = person_client.post("/tools/journal/", {"text": "Slept badly, gut calmer by noon."})
    assert response.status_code == 302
    assert response["Location"].startswith("/tools/journal/")
    assert not SafetyAlert.objects.exists()


@pytest.mark.django_db
def test_api_says_where_help_is(person_client):
    response = person_client.post(
        "/api/journal-entries",
        {"text": "I have been thinking about suicide"},
        content_type="application/json",
    )
    assert response.status_code == 201
    assert response.json()["safety"]["crisis_page"] == "/questionnaires/crisis/"
    ok = person_client.post(
        "/api/journal-entries", {"text": "a calm day"}, content_type="application/json"
    )
    assert ok.json()["safety"] is None


@pytest.mark.django_db
def test_a_tools_alert_appears_in_the_export(person, person_client):
    actions.park_worry(person, "I want to die")
    alerts = person_client.get("/accounts/export/").json()["safety_alerts"]
    assert [(a["source"], a["response"]) for a in alerts] == [("tools", None)]
