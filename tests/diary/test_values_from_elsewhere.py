"""Values written by coping tools and imports show on their day, page and API, with their
source; the check-in keeps its own value beside them and never overwrites them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from django.urls import reverse
from tests.helpers import zone_far_from_midnight

from vagus.diary.models import Observation
from vagus.insights.queries import daily_frame
from vagus.interop.service import run_import
from vagus.tools import actions as tools

pytestmark = pytest.mark.django_db
DAYLIO = Path(__file__).parent.parent / "interop" / "samples" / "daylio.csv"


def _mindfulness(user, day):
    rows = Observation.objects.owned_by(user).filter(day=day, measure__code="mindfulness_minutes")
    return sorted(rows.values_list("source", "value"))


def _far_from_midnight(person):
    # A five-minute session that ended just after midnight began yesterday.
    person.time_zone = zone_far_from_midnight()
    person.save()


def test_a_breathing_session_shows_on_today_and_in_the_api(person, person_client, api):
    _far_from_midnight(person)
    tools.record_session(person, "breathing", 300)
    page = person_client.get(reverse("diary:today")).content.decode()
    assert "5 min</strong> from your breathing session" in page
    assert "Enter only what is not listed here" in page

    body = api("get", f"/api/days/{person.today().isoformat()}").json()
    assert body["values"] == {}  # the check-in's own answers: none yet
    assert body["entries"] == [
        {
            "measure": "mindfulness_minutes",
            "value": 5.0,
            "source": "tool",
            "origin": "from your breathing session",
        }
    ]


def test_saving_the_check_in_keeps_the_tool_minutes_and_insights_add_them_once(
    person, person_client
):
    _far_from_midnight(person)
    today = person.today()
    tools.record_session(person, "breathing", 300)
    page = person_client.get(reverse("diary:today")).content.decode()
    version = _version(page)
    # The person adds ten minutes of their own and answers anxiety.
    person_client.post(
        reverse("diary:today"),
        {"anxiety": "4", "mindfulness_minutes": "10", "version": version},
    )
    assert _mindfulness(person, today) == [("checkin", 10.0), ("tool", 5.0)]
    # Saving again with the field emptied removes only the person's own value.
    page = person_client.get(reverse("diary:today")).content.decode()
    person_client.post(reverse("diary:today"), {"anxiety": "4", "version": _version(page)})
    assert _mindfulness(person, today) == [("tool", 5.0)]
    frame = daily_frame(person, today, today)
    assert frame.loc[str(today), "mindfulness_minutes"] == 5.0


def test_a_daylio_import_shows_on_the_day_and_in_the_api(person, person_client, api):
    run_import(person, "daylio", DAYLIO, options={"mood_map": {"Anxious": 2}})
    day = date(2025, 3, 1)
    page = person_client.get(reverse("diary:day", kwargs={"day": day})).content.decode()
    assert "7 out of 10</strong> imported from Daylio at 19:05" in page
    assert "the day shows their average" in page

    body = api("get", f"/api/days/{day.isoformat()}").json()
    by_measure = {e["measure"]: e for e in body["entries"]}
    assert by_measure["mood"] == {
        "measure": "mood",
        "value": 7.0,
        "source": "import:daylio",
        "origin": "imported from Daylio",
    }
    assert len(body["entries"]) > 1  # the day's activities too

    # A check-in on that day leaves the imported mood as it was.
    response = api("put", f"/api/days/{day.isoformat()}", {"values": {"mood": 5}})
    assert response.status_code == 200
    moods = Observation.objects.owned_by(person).filter(day=day, measure__code="mood")
    assert sorted(moods.values_list("source", "value")) == [
        ("checkin", 5.0),
        ("import:daylio", 7.0),
    ]


def test_another_persons_values_never_show(person, other_person, client_of, api):
    tools.record_session(other_person, "breathing", 300)
    day = Observation.objects.get(owner=other_person).day
    page = client_of(person).get(reverse("diary:day", kwargs={"day": day}), follow=True)
    assert "from your breathing session" not in page.content.decode()
    assert api("get", f"/api/days/{day.isoformat()}").json()["entries"] == []


def _version(page: str) -> str:
    import re

    return re.search(r'name="version" value="([^"]+)"', page).group(1)
