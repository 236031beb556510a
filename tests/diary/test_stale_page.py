"""A check-in page left open on one device cannot wipe what another device saved since."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from vagus.diary.models import DayNote, Observation

pytestmark = pytest.mark.django_db


def _stored(user, day):
    rows = Observation.objects.owned_by(user).filter(day=day, source="checkin")
    return dict(rows.values_list("measure__code", "value"))


def _note(user, day):
    note = DayNote.objects.owned_by(user).filter(day=day).first()
    return note.text if note else ""


def _open(client) -> dict[str, str]:
    """The check-in form as a browser would send it untouched: every field, as shown."""
    page = client.get(reverse("diary:today")).content.decode()
    version = re.search(r'name="version" value="([^"]+)"', page).group(1)
    return {"version": version, "note": "", "supplement_name": ""}


@pytest.fixture
def devices(person, client_of):
    return client_of(person), client_of(person)


def test_a_stale_page_is_refused_and_both_versions_are_shown(person, devices):
    phone, laptop = devices
    today = person.today()
    stale = _open(phone)  # the phone opens an empty day
    fresh = _open(laptop)
    laptop.post(
        reverse("diary:today"),
        {**fresh, "mood": "6", "gut_pain": "3", "note": "Curry at lunch; cramps by four."},
    )
    # The phone, still showing the empty day, saves anxiety only.
    response = phone.post(reverse("diary:today"), {**stale, "anxiety": "4"})
    assert response.status_code == 409
    page = response.content.decode()
    assert "This day changed on another device" in page
    assert "Nothing was saved" in page
    # Both versions side by side: the laptop's saved answers, and the phone's (empty) ones.
    assert "<td>6 out of 10</td><td>(empty)</td>" in page
    assert "<td>Curry at lunch; cramps by four.</td><td>(empty)</td>" in page
    # Nothing was lost or written.
    assert _stored(person, today) == {"mood": 6.0, "gut_pain": 3.0}
    assert _note(person, today) == "Curry at lunch; cramps by four."
    # The form now holds the saved answers plus the phone's anxiety, with the new version.
    assert re.search(r'name="anxiety" value="4"[^>]* checked', page)
    assert re.search(r'name="mood" value="6"[^>]* checked', page)
    assert "Curry at lunch; cramps by four.</textarea>" in page

    # Saving again from that page (as the browser sends it) keeps everything.
    reviewed = {
        "version": re.search(r'name="version" value="([^"]+)"', page).group(1),
        "anxiety": "4",
        "mood": "6",
        "gut_pain": "3",
        "note": "Curry at lunch; cramps by four.",
        "supplement_name": "",
    }
    response = phone.post(reverse("diary:today"), reviewed)
    assert response.status_code == 302
    assert _stored(person, today) == {"anxiety": 4.0, "mood": 6.0, "gut_pain": 3.0}
    assert _note(person, today) == "Curry at lunch; cramps by four."


def test_answers_the_stale_page_changed_itself_are_refused_too(person, devices):
    phone, laptop = devices
    laptop.post(reverse("diary:today"), {**_open(laptop), "mood": "6"})
    stale = _open(phone)  # shows mood 6
    laptop.post(reverse("diary:today"), {**_open(laptop), "mood": "2"})
    response = phone.post(reverse("diary:today"), {**stale, "mood": "8"})
    assert response.status_code == 409
    assert "<td>2 out of 10</td><td>8 out of 10</td>" in response.content.decode()
    assert _stored(person, person.today()) == {"mood": 2.0}


def test_a_stale_page_that_only_adds_what_nobody_else_touched_saves(person, devices):
    phone, laptop = devices
    stale = _open(phone)
    laptop.post(reverse("diary:today"), {**_open(laptop), "mood": "6"})
    # The phone sends mood 6, what is saved now: nothing saved elsewhere would change.
    response = phone.post(reverse("diary:today"), {**stale, "anxiety": "4", "mood": "6"})
    assert response.status_code == 302
    assert _stored(person, person.today()) == {"anxiety": 4.0, "mood": 6.0}


def test_a_page_with_the_current_version_saves_and_can_clear(person, person_client):
    person_client.post(reverse("diary:today"), {**_open(person_client), "mood": "6"})
    response = person_client.post(reverse("diary:today"), {**_open(person_client), "mood": ""})
    assert response.status_code == 302
    assert _stored(person, person.today()) == {}


def test_the_api_keeps_last_writer_wins_field_by_field(person, api):
    day = person.today().isoformat()
    api("put", f"/api/days/{day}", {"values": {"mood": 6, "gut_pain": 3}, "note": "Curry."})
    # A second script writes anxiety only: the other fields and the note are kept.
    assert api("put", f"/api/days/{day}", {"values": {"anxiety": 4}}).status_code == 200
    assert _stored(person, person.today()) == {"anxiety": 4.0, "mood": 6.0, "gut_pain": 3.0}
    assert _note(person, person.today()) == "Curry."
    # The last writer of a field wins.
    api("put", f"/api/days/{day}", {"values": {"mood": 2}})
    assert _stored(person, person.today())["mood"] == 2.0
