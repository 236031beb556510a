"""Today: cards hidden for the day, the month's logged days, and a kind word after a gap."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from django.urls import reverse
from tests.helpers import zone_far_from_midnight
from tests.helpers.db import make_person

from vagus.diary import actions, engagement, queries
from vagus.diary.models import HiddenCard

pytestmark = pytest.mark.django_db
WELCOME = "Welcome back — log today, the past can wait."


@pytest.fixture
def midday_person(db):
    return make_person("carol", zone_far_from_midnight())


def with_meal_card(user) -> None:
    moment = datetime.combine(user.today(), time(12, 0), tzinfo=user.zone())
    actions.add_meal(user, "lentil dal with spinach", moment - timedelta(hours=1))


def test_a_card_hidden_for_today_is_gone_today_and_back_tomorrow(midday_person, client_of):
    user = midday_person
    with_meal_card(user)
    client = client_of(user)
    html = client.get(reverse("diary:today")).content.decode()
    assert "Food and your gut" in html and "Hide for today" in html
    response = client.post(reverse("diary:hide_card"), {"card": "diary.gut_diet_card"}, follow=True)
    page = response.content.decode()
    assert "Hidden for today. It will be back tomorrow." in page
    assert "Food and your gut" not in page
    assert HiddenCard.objects.filter(owner=user, day=user.today()).count() == 1
    # The same card hidden yesterday only: it shows (a hidden card is back the next day).
    HiddenCard.objects.filter(owner=user).update(day=user.today() - timedelta(days=1))
    assert "Food and your gut" in client.get(reverse("diary:today")).content.decode()
    assert queries.hidden_cards(user, user.today()) == set()


def test_hiding_is_per_person_and_refuses_unknown_cards(midday_person, client_of):
    other = make_person("dave", zone_far_from_midnight())
    with_meal_card(midday_person)
    with_meal_card(other)
    client_of(midday_person).post(reverse("diary:hide_card"), {"card": "diary.gut_diet_card"})
    assert "Food and your gut" in client_of(other).get(reverse("diary:today")).content.decode()
    client_of(midday_person).post(reverse("diary:hide_card"), {"card": "no.such_card"})
    assert not HiddenCard.objects.filter(card="no.such_card").exists()


def test_cards_sit_beside_the_check_in_after_it(midday_person, client_of):
    with_meal_card(midday_person)
    html = client_of(midday_person).get(reverse("diary:today")).content.decode()
    main = html.index('<div class="today-main">')
    side = html.index('<aside class="today-side"')
    assert main < html.index('class="checkin"') < side < html.index("Food and your gut")


def test_month_strip_counts_days_with_anything_logged(person):
    today = date(2026, 2, 10)
    for day in (date(2026, 1, 31), date(2026, 2, 1), date(2026, 2, 3), date(2026, 2, 10)):
        actions.save_checkin(person, day, {"anxiety": 4})
    actions.save_checkin(person, date(2026, 2, 7), {}, note="only a note")
    actions.add_meal(person, "toast", datetime(2026, 2, 5, 8, 0, tzinfo=person.zone()))
    actions.save_checkin(person, date(2026, 2, 3), {"mood": 5})  # the same day twice: once
    strip = engagement.month_strip(person, today)
    assert len(strip.days) == 28
    assert [d.day.day for d in strip.days if d.logged] == [1, 3, 5, 7, 10]
    assert strip.logged == 5
    assert strip.sentence == "5 days logged in February."
    assert [d.day.day for d in strip.days if d.future] == list(range(11, 29))
    assert [d.day.day for d in strip.days if d.today] == [10]


def test_month_strip_on_today_and_no_streak_anywhere(midday_person, client_of):
    actions.save_checkin(midday_person, midday_person.today(), {"anxiety": 2})
    html = client_of(midday_person).get(reverse("diary:today")).content.decode()
    month = f"{midday_person.today():%B}"
    assert f"1 day logged in {month}." in html
    assert html.count('class="strip-day') >= 28
    assert "streak" not in html.lower()


@pytest.mark.parametrize(
    ("days_ago", "welcomed"), [(None, False), (1, False), (2, False), (3, True), (30, True)]
)
def test_welcome_back_after_a_gap(midday_person, client_of, days_ago, welcomed):
    user = midday_person
    if days_ago is not None:
        actions.save_checkin(user, user.today() - timedelta(days=days_ago), {"anxiety": 5})
    assert (engagement.welcome_back(user, user.today()) == WELCOME) is welcomed
    html = client_of(user).get(reverse("diary:today")).content.decode()
    assert (WELCOME in html) is welcomed


def test_no_welcome_back_once_today_is_logged(midday_person):
    user = midday_person
    actions.save_checkin(user, user.today() - timedelta(days=9), {"anxiety": 5})
    actions.save_checkin(user, user.today(), {"mood": 5})
    assert engagement.welcome_back(user, user.today()) is None
