"""Notes that came with an import show on their day's page, to their owner only."""

from __future__ import annotations

import pytest
from django.urls import reverse

from vagus.interop.service import run_import

pytestmark = pytest.mark.django_db


def test_imported_notes_show_on_their_day(person, person_client, other_person, client_of, samples):
    run_import(person, "daylio", samples / "daylio.csv", options={"mood_map": {"Anxious": 2}})
    page = person_client.get(reverse("diary:day", kwargs={"day": "2025-03-02"})).content.decode()
    assert "Notes you brought with you" in page
    assert "Busy day" in page
    assert "Tight stomach before meeting, then &quot;fine&quot; by lunch.<br>Second line" in page
    other_day = person_client.get(reverse("diary:day", kwargs={"day": "2025-03-01"}))
    assert "Notes you brought with you" not in other_day.content.decode()
    # Another person's page for the same day shows none of it.
    theirs = client_of(other_person).get(reverse("diary:day", kwargs={"day": "2025-03-02"}))
    assert "Busy day" not in theirs.content.decode()
