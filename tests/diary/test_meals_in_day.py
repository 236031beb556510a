"""Meals inside the day: added with the day preset, read back as what they were understood as,
and corrected in place (another food, or not a food at all)."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest
from django.urls import reverse
from tests.helpers import zone_far_from_midnight
from tests.helpers.db import make_person

from vagus.diary import actions, cards
from vagus.diary.models import Meal, Observation

pytestmark = pytest.mark.django_db


@pytest.fixture
def someone(db):
    return make_person("mira", zone_far_from_midnight())


@pytest.fixture
def browser(someone, client_of):
    return client_of(someone)


def _day_url(day) -> str:
    return reverse("diary:day", kwargs={"day": day})


def _meal(user, text: str, days_ago: int) -> Meal:
    day = user.today() - timedelta(days=days_ago)
    return actions.add_meal(user, text, datetime.combine(day, time(8, 30), tzinfo=user.zone()))


def _served(user, code: str, day) -> float | None:
    row = Observation.objects.filter(owner=user, measure__code=code, day=day, source="meal").first()
    return row and row.value


def test_the_meal_page_presets_a_past_day_and_the_meal_lands_on_it(someone, browser):
    past = someone.today() - timedelta(days=3)
    page = browser.get(reverse("diary:meals") + f"?day={past}")
    assert page.status_code == 200
    assert page.context["form"].initial["eaten_at"].date() == past
    assert "This meal goes on" in page.content.decode()
    answer = browser.post(
        reverse("diary:meals") + f"?day={past}",
        {"text": "porridge with kefir", "eaten_at": f"{past}T09:15"},
    )
    assert answer.status_code == 302
    assert answer["Location"] == _day_url(past) + "#day-meals"
    meal = Meal.objects.get(owner=someone)
    assert meal.day == past
    day_page = browser.get(_day_url(past)).content.decode()
    assert "porridge with kefir" in day_page and "Meals, as Vagus read them" in day_page
    assert "Fermented (live cultures)" in day_page  # what kefir was understood as


def test_a_future_day_is_refused_in_plain_words_and_the_meal_is_set_to_now(someone, browser):
    future = someone.today() + timedelta(days=2)
    page = browser.get(reverse("diary:meals") + f"?day={future}", follow=True)
    text = page.content.decode()
    assert "That day hasn&#x27;t come yet where you are, so the meal is set to now." in text
    assert page.context["form"].initial["eaten_at"].date() == someone.today()
    assert page.context["day"] is None


@pytest.mark.parametrize("raw", ["2026-02-30", "yesterday", "1850-01-01"])
def test_a_day_that_cannot_be_logged_says_so(browser, raw):
    text = browser.get(reverse("diary:meals") + f"?day={raw}").content.decode()
    assert "so the meal is set to now" in text


def test_the_day_page_form_posts_with_its_day_preset(someone, browser):
    past = someone.today() - timedelta(days=1)
    page = browser.get(_day_url(past)).content.decode()
    assert f'action="{reverse("diary:meals")}?day={past}"' in page
    assert f'value="{past}T' in page  # the time field starts on that day


def test_today_shows_the_meal_panel(someone, browser):
    _meal(someone, "toast and crisps", 0)
    page = browser.get(reverse("diary:today")).content.decode()
    assert "Meals, as Vagus read them" in page and "toast and crisps" in page
    assert "Not right? Correct “crisps”" in page


def test_correcting_a_match_changes_it_and_the_gut_diet_summary_follows(someone, browser):
    meal = _meal(someone, "Porridge and CRISPS", 2)
    before = cards.week_summary(someone, meal.day)
    assert _served(someone, "ultra_processed_servings", meal.day) == 1
    answer = browser.post(
        reverse("diary:meal_correct", args=[meal.uuid]),
        {"matched": "crisps", "food": "apple", "choice": "food"},
    )
    assert answer["Location"] == _day_url(meal.day) + "#day-meals"
    meal.refresh_from_db()
    assert meal.text == "Porridge and apple"
    assert "apple" in [item["name"] for item in meal.analysis["items"]]
    assert _served(someone, "ultra_processed_servings", meal.day) == 0
    after = cards.week_summary(someone, meal.day)
    totals = {
        r["code"]: (b["total"], r["total"])
        for b, r in zip(before["rows"], after["rows"], strict=True)
    }
    assert totals["ultra_processed_servings"] == ("1", "0")
    assert float(totals["fruit_veg_servings"][1]) > float(totals["fruit_veg_servings"][0])


def test_not_a_food_i_ate_takes_the_words_out_of_the_meal(someone, browser):
    meal = _meal(someone, "porridge, crisps, and tea", 1)
    browser.post(
        reverse("diary:meal_correct", args=[meal.uuid]), {"matched": "crisps", "choice": "not"}
    )
    meal.refresh_from_db()
    assert meal.text == "porridge, and tea"
    assert "crisps" not in [item["name"] for item in meal.analysis["items"]]
    assert _served(someone, "ultra_processed_servings", meal.day) == 0


def test_a_food_vagus_does_not_know_leaves_the_meal_as_it_was(someone, browser):
    meal = _meal(someone, "toast and crisps", 1)
    page = browser.post(
        reverse("diary:meal_correct", args=[meal.uuid]),
        {"matched": "crisps", "food": "grandma's surprise", "choice": "food"},
        follow=True,
    ).content.decode()
    assert "Vagus doesn&#x27;t know “grandma&#x27;s surprise” yet" in page
    meal.refresh_from_db()
    assert meal.text == "toast and crisps"


def test_another_persons_meal_cannot_be_corrected(someone, browser):
    stranger = make_person("stranger", zone_far_from_midnight())
    meal = _meal(stranger, "toast and crisps", 1)
    answer = browser.post(
        reverse("diary:meal_correct", args=[meal.uuid]),
        {"matched": "crisps", "food": "apple", "choice": "food"},
    )
    assert answer.status_code == 404
    meal.refresh_from_db()
    assert meal.text == "toast and crisps"
