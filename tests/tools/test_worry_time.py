"""Park a worry now; the Today page brings it back at the person's own worry time."""

from __future__ import annotations

from datetime import UTC, datetime, time

import pytest
from django.test import RequestFactory
from django.utils import timezone

from vagus.tools import actions, queries
from vagus.tools.cards import today_card
from vagus.tools.models import Worry

pytestmark = pytest.mark.django_db


def at(monkeypatch, moment: datetime) -> None:
    monkeypatch.setattr(timezone, "now", lambda: moment)


def card_for(user):
    request = RequestFactory().get("/today/")
    request.user = user
    return today_card(request)


def test_card_shows_from_worry_time_in_the_persons_time_zone(other_person, monkeypatch):
    # Bob is in New York; worry time 18:30 there is 22:30 UTC in June.
    actions.set_worry_time(other_person, time(18, 30))
    actions.park_worry(other_person, "the bill")
    actions.park_worry(other_person, "the test results")
    at(monkeypatch, datetime(2025, 6, 2, 22, 29, tzinfo=UTC))
    assert card_for(other_person) is None
    at(monkeypatch, datetime(2025, 6, 2, 22, 30, tzinfo=UTC))
    card = card_for(other_person)
    assert card["count"] == 2 and card["template"] == "tools/cards/worry_time.html"


def test_no_card_without_parked_worries(person, monkeypatch):
    at(monkeypatch, datetime(2025, 6, 2, 21, 0, tzinfo=UTC))
    assert card_for(person) is None
    worry = actions.park_worry(person, "x").item
    assert card_for(person)["count"] == 1
    actions.resolve_worry(person, worry)
    assert card_for(person) is None


def test_the_card_is_on_the_today_page(person, person_client, monkeypatch):
    actions.set_worry_time(person, time(0, 0))
    actions.park_worry(person, "rent")
    page = person_client.get("/today/").content.decode()
    assert "It's your worry time: 1 parked worry" in page
    assert "/tools/worry/?review=1#review" in page


def test_worry_page_parks_reviews_and_resolves(person, person_client, monkeypatch):
    assert person_client.post("/tools/worry/", {"text": "the meeting"}).status_code == 302
    worry = Worry.objects.get(owner=person)
    at(monkeypatch, datetime(2025, 6, 2, 9, 0, tzinfo=UTC))  # 10:00 in London, before 18:00
    before = person_client.get("/tools/worry/").content.decode()
    assert "the meeting" not in before and "They wait for 18:00" in before
    review = person_client.get("/tools/worry/?review=1").content.decode()
    assert "the meeting" in review
    person_client.post(f"/tools/worry/{worry.uuid}/resolve/")
    assert Worry.objects.get().resolved
    assert queries.parked_worries(person) == []


def test_worry_time_is_chosen_and_checked(person, person_client):
    assert person_client.post("/tools/worry/time/", {"worry_time": "19:45"}).status_code == 302
    assert queries.worry_time_for(person) == time(19, 45)
    bad = person_client.post("/tools/worry/time/", {"worry_time": "25:00"})
    assert bad.status_code == 200 and queries.worry_time_for(person) == time(19, 45)


def test_worry_review_is_a_session(person, person_client):
    person_client.post(
        "/tools/worry/review/", {"anxiety_before": "6", "anxiety_after": "4", "minutes_done": "15"}
    )
    session = person.tool_sessions.get()
    assert (session.tool, session.duration_seconds, session.change) == ("worry_time", 900, -2)


def test_empty_worry_is_refused(person):
    with pytest.raises(actions.ToolInputError) as caught:
        actions.park_worry(person, "   ")
    assert "text" in caught.value.errors


@pytest.mark.parametrize(
    ("utc", "message"),
    [
        # Bob is in New York (UTC−4 in June), worry time 18:00 there.
        (datetime(2025, 6, 2, 13, 0, tzinfo=UTC), "Parked until your worry time, today at 18:00."),
        # 20:28 in New York: worry time has come, and the page says so; so does the message.
        (datetime(2025, 6, 3, 0, 28, tzinfo=UTC), "It is your worry time now (from 18:00)"),
    ],
)
def test_the_parked_message_agrees_with_the_page(
    other_person, client_of, monkeypatch, utc, message
):
    at(monkeypatch, utc)
    client = client_of(other_person)
    page = client.post("/tools/worry/", {"text": "the bill"}, follow=True).content.decode()
    assert message in page
    is_now = "It is your worry time." in page
    assert is_now == ("worry time now" in message)
    assert is_now == (card_for(other_person) is not None)
    if is_now:
        assert "or let it wait until tomorrow at 18:00" in page


def test_opening_the_worry_time_address_shows_the_worry_page(person_client):
    response = person_client.get("/tools/worry/time/")
    assert response.status_code == 302 and response["Location"] == "/tools/worry/"
    assert "Worry time" in person_client.get("/tools/worry/time/", follow=True).content.decode()
