"""A tool session stores its ratings and adds its minutes to the day's mindfulness."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from tests.helpers import zone_far_from_midnight

from vagus.diary import actions as diary_actions
from vagus.diary.models import Observation
from vagus.tools import actions
from vagus.tools.models import ToolSession

pytestmark = pytest.mark.django_db


def test_session_writes_one_mindfulness_observation_with_source_tool(person):
    session = actions.record_session(person, "breathing", 300, 6, 4, {"pattern": "slow"})
    obs = Observation.objects.get(owner=person, source="tool")
    assert obs.measure.code == "mindfulness_minutes"
    assert obs.value == 5.0
    assert session.observation == obs
    assert (session.anxiety_before, session.anxiety_after, session.change) == (6, 4, -2)


def test_day_is_the_persons_local_day_when_the_session_began(other_person):
    # 03:30 UTC on 2 June is 23:30 on 1 June in New York; a 10-minute session began at 23:20.
    ended = datetime(2025, 6, 2, 3, 30, tzinfo=UTC)
    actions.record_session(other_person, "mindfulness", 600, ended=ended)
    assert str(Observation.objects.get(owner=other_person, source="tool").day) == "2025-06-01"


def test_checkin_value_stays_separate(person):
    person.time_zone = zone_far_from_midnight()  # a session just after midnight began yesterday
    person.save()
    today = person.today()
    diary_actions.save_checkin(person, today, {"mindfulness_minutes": 10})
    actions.record_session(person, "breathing", 120)
    actions.record_session(person, "relaxation", 240)
    values = sorted(
        Observation.objects.filter(
            owner=person, measure__code="mindfulness_minutes", day=today
        ).values_list("source", "value")
    )
    assert values == [("checkin", 10.0), ("tool", 2.0), ("tool", 4.0)]
    # Saving the check-in again leaves the tool minutes alone.
    diary_actions.save_checkin(person, today, {"mindfulness_minutes": 15})
    assert Observation.objects.filter(owner=person, source="tool").count() == 2


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"anxiety_before": 11}, "anxiety_before"),
        ({"anxiety_after": "x"}, "anxiety_after"),
        ({"anxiety_after": 2.5}, "anxiety_after"),
        ({"duration_seconds": -1}, "duration_seconds"),
        ({"duration_seconds": 5 * 3600}, "duration_seconds"),
        ({"tool": "dancing"}, "tool"),
    ],
)
def test_bad_input_names_the_field_and_writes_nothing(person, kwargs, field):
    args = {"tool": "breathing", "duration_seconds": 60, **kwargs}
    with pytest.raises(actions.ToolInputError) as caught:
        actions.record_session(person, **args)
    assert list(caught.value.errors) == [field]
    assert not ToolSession.objects.exists() and not Observation.objects.exists()


def test_page_post_with_the_pacers_duration(person, person_client):
    response = person_client.post(
        "/tools/breathing/",
        {"pattern": "box", "minutes": "3", "anxiety_before": "7", "anxiety_after": "5",
         "duration_seconds": "181"},
    )  # fmt: skip
    assert response.status_code == 302
    session = ToolSession.objects.get(owner=person)
    assert session.duration_seconds == 181
    assert session.settings == {
        "pattern": "box", "inhale": 4, "hold_in": 4, "exhale": 4, "hold_out": 4, "minutes": 3
    }  # fmt: skip
    page = person_client.get("/tools/breathing/").content.decode()
    assert "Anxiety 7 → 5" in page


def test_without_javascript_the_person_gives_the_minutes(person, person_client):
    response = person_client.post(
        "/tools/relaxation/", {"anxiety_before": "", "anxiety_after": "", "minutes_done": "4"}
    )
    assert response.status_code == 302
    session = ToolSession.objects.get(owner=person)
    assert (session.duration_seconds, session.anxiety_before) == (240, None)


def test_no_duration_at_all_asks_for_minutes(person, person_client):
    response = person_client.post("/tools/grounding/", {"anxiety_before": "5"})
    assert response.status_code == 200
    assert "How many minutes did you practise?" in response.content.decode()
    assert not ToolSession.objects.exists()
