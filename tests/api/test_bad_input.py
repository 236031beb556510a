"""Input that used to crash a route (500) is a 400 that names the field, and writes nothing.

"²" passes str.isdigit() but not int(); int() refuses more than 4,300 digits; a moment at the
very end of the calendar has no date once moved to another time zone (OverflowError).
"""

from __future__ import annotations

import pytest
from tests.helpers.stored_rows import stored

from vagus.tools import actions

pytestmark = pytest.mark.django_db
HUGE = "9" * 5000
EDGE = "9999-12-31T23:59:59-12:00"
SESSION = {"tool": "breathing", "duration_seconds": 60}


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        ("/api/tool-sessions", {**SESSION, "duration_seconds": "²"}, "duration_seconds"),
        ("/api/tool-sessions", {**SESSION, "anxiety_before": "²"}, "anxiety_before"),
        ("/api/tool-sessions", {**SESSION, "anxiety_after": "٣"}, "anxiety_after"),
        ("/api/tool-sessions", {**SESSION, "duration_seconds": HUGE}, "duration_seconds"),
        ("/api/thought-records", {"situation": "x", "intensity_before": "²"}, "intensity_before"),
        ("/api/thought-records", {"situation": "x", "intensity_after": HUGE}, "intensity_after"),
        ("/api/journal-entries", {"text": "x", "duration_seconds": "²"}, "duration_seconds"),
        ("/api/meals", {"text": "toast", "eaten_at": EDGE}, "eaten_at"),
        ("/api/questionnaires/gad2/responses", {"answers": [1, 1], "authored": EDGE}, "authored"),
    ],
)
def test_a_400_naming_the_field(person, api, path, body, field):
    before = stored(person)
    response = api("post", path, body)
    assert response.status_code == 400, response.content
    assert field in response.json()["errors"], response.json()
    assert stored(person) == before


def test_a_huge_json_integer_is_named_too(person):
    """Not a string of digits but a JSON number of 5,000 digits (json.dumps cannot write one,
    so the body is written by hand)."""
    from django.test import Client

    from vagus.accounts.models import AccessToken

    _, raw = AccessToken.issue(person, "raw")
    client = Client(HTTP_AUTHORIZATION=f"Bearer {raw}")
    body = '{"tool": "breathing", "duration_seconds": ' + HUGE + "}"
    response = client.post("/api/tool-sessions", body, content_type="application/json")
    assert response.status_code == 400
    assert "duration_seconds" in response.json()["errors"]
    body = '{"values": {"anxiety": -' + HUGE + "}}"
    response = client.put(f"/api/days/{person.today()}", body, content_type="application/json")
    assert response.status_code == 400
    assert "anxiety" in response.json()["errors"]
    assert not person.tool_sessions.exists() and not person.observations.exists()


@pytest.mark.parametrize("value", ["²", "٣", "7.5", "1e1", HUGE, "-" + HUGE, 1e300, 7.5, True])
def test_a_whole_number_is_ascii_digits_or_a_number(value):
    with pytest.raises(actions.ToolInputError) as caught:
        actions.check_rating(value, "anxiety_before")
    assert list(caught.value.errors) == ["anxiety_before"]


@pytest.mark.parametrize(("value", "number"), [(" 7 ", 7), ("+3", 3), (7.0, 7), (0, 0), ("", None)])
def test_what_a_whole_number_may_look_like(value, number):
    assert actions.check_rating(value, "anxiety_before") == number


def test_the_meal_page_refuses_the_edge_of_the_calendar(other_person, client_of):
    """The same moment typed into the page, by someone in New York (UTC−5 in winter): a
    guard, as the page reads it in the person's own zone and finds it in the future."""
    client = client_of(other_person)
    response = client.post("/meals/", {"text": "toast", "eaten_at": "9999-12-31T23:59"})
    assert response.status_code == 200
    assert "future" in response.context["form"].errors["eaten_at"][0]
    assert not other_person.meals.exists()
