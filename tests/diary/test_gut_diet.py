"""The meal-derived measures, the gut-diet card on Today and the weekly summary."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from vagus.diary import actions, cards, custom_foods, nutrition, queries
from vagus.diary.catalog import MEAL_MEASURES
from vagus.diary.demo import create_demo_account
from vagus.diary.models import Meal, Measure, Observation
from vagus.science import foods

pytestmark = pytest.mark.django_db

EVIDENCE_IDS = [
    "fermented-foods-microbiome",
    "fibre-microbiome",
    "plant-diversity",
    "ultra-processed-mental-health",
]


def at(user, days_ago: int = 0, hour: int = 12) -> datetime:
    day = user.today() - timedelta(days=days_ago)
    return datetime.combine(day, time(hour, 0), tzinfo=user.zone())


def test_meal_measures_are_builtin_counts_off_the_checkin(person):
    codes = [m.code for m in MEAL_MEASURES]
    assert codes == [*foods.DAILY_MEASURES, "plant_count_7d"]
    assert tuple(codes) == nutrition.DERIVED_CODES
    stored = Measure.objects.filter(owner__isnull=True, code__in=codes)
    assert stored.count() == len(codes)
    assert {(m.kind, m.on_checkin) for m in stored} == {("count", False)}
    assert not {m.code for m in queries.measures_for(person)} & set(codes)


def test_today_card_is_one_calm_line_with_a_link_to_more(person, person_client):
    actions.add_meal(person, "porridge with banana and kefir", at(person, 0, 8))
    actions.add_meal(person, "a can of coke and crisps", at(person, 0, 13))
    actions.add_meal(person, "lentil dal with spinach", at(person, 3))
    page = person_client.get(reverse("diary:today")).content.decode()
    card = page[page.index('<section class="card gut-diet"') :]
    card = card[: card.index("</section>")]
    assert "Food and your gut" in card
    assert "4 different plants in your meals this week." in card  # oat banana lentil spinach
    assert f'href="{reverse("diary:meals_week")}"' in card
    # No daily tally beside today's food: the numbers and evidence are on the weekly page.
    assert "today" not in card.lower().replace("food and your gut", "")
    assert "Ultra-processed" not in card
    assert len(card.split("<p>")) == 2  # one short paragraph


def test_today_card_agrees_with_the_stored_measures(person, rf):
    actions.add_meal(person, "kimchi with brown rice and broccoli", at(person))
    actions.add_meal(person, "an apple", at(person, 6))
    actions.add_meal(person, "a pear", at(person, 7))  # outside the 7 days
    request = rf.get("/today/")
    request.user = person
    card = cards.gut_diet_card(request)
    stored = dict(
        Observation.objects.filter(owner=person, day=person.today(), source="meal").values_list(
            "measure__code", "value"
        )
    )
    assert card["meals_week"] == 2
    assert card["plants_week"] == stored["plant_count_7d"] == 4


def test_no_card_without_recent_meals(person, person_client):
    actions.add_meal(person, "kefir", at(person, 10))
    page = person_client.get(reverse("diary:today")).content.decode()
    assert "Food and your gut" not in page


def test_weekly_summary(person, person_client, other_person):
    actions.add_meal(person, "porridge with banana and kefir", at(person, 0))
    actions.add_meal(person, "kimchi and brown rice", at(person, 2))
    actions.add_meal(person, "a pint of beer", at(person, 9))  # outside the week
    actions.add_meal(other_person, "kefir and kefir and kefir", at(other_person, 1))
    response = person_client.get(reverse("diary:meals_week"))
    assert response.status_code == 200
    summary = response.context["summary"]
    rows = {row["code"]: row for row in summary["rows"]}
    assert rows["fermented_servings"]["total"] == "2"
    assert rows["fermented_servings"]["values"][-1] == "1"  # today
    assert rows["fermented_servings"]["values"][-2] is None  # yesterday: no meals
    assert rows["alcohol_servings"]["total"] == "0"
    assert rows["plant_count"]["total"] == "4"  # oat, banana, cabbage, rice
    assert summary["plants"] == ["banana", "cabbage", "oat", "rice"]
    page = response.content.decode()
    for entry in EVIDENCE_IDS:
        assert f'href="/learn/evidence/{entry}/"' in page
    # The table agrees with the stored measures, day by day.
    stored = dict(
        Observation.objects.filter(
            owner=person, source="meal", measure__code="fibre_rich_servings"
        ).values_list("day", "value")
    )
    for day, shown in zip(summary["days"], rows["fibre_rich_servings"]["values"], strict=True):
        assert (None if shown is None else float(shown)) == stored.get(day)


def _fill(user, days: int, start: int = 0) -> None:
    for k in range(start, start + days):
        actions.add_meal(user, "porridge with banana and kefir", at(user, k, 8))
        actions.add_meal(user, "qwerty blorp with rice", at(user, k, 13))


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


@pytest.mark.parametrize("url_name", ["diary:meals", "diary:meals_week", "diary:today"])
def test_query_counts_stay_flat_as_the_diary_grows(person, person_client, url_name):
    url = reverse(url_name)
    _fill(person, 2)
    custom_foods.add_custom_food(person, "mum's stew", ["vegetable"])
    small = _queries(person_client, url)
    _fill(person, 30, start=2)
    custom_foods.add_custom_food(person, "dad's bake", ["dairy"])
    assert _queries(person_client, url) <= small


def test_demo_account_has_exact_meal_measures(db):
    user = create_demo_account(days=20)
    meals = Meal.objects.filter(owner=user)
    assert meals.exists() and all(m.analysis for m in meals)
    before = Observation.objects.filter(owner=user, source="meal").count()
    assert before == len({m.day for m in meals}) * len(nutrition.DERIVED_CODES)
    assert nutrition.recompute_days(user) == 0  # already exact
