"""Meals are analysed when stored, and their days' derived measures are always exact."""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date, datetime, time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from vagus.diary import actions, nutrition
from vagus.diary.models import Meal, Observation
from vagus.science import foods

pytestmark = pytest.mark.django_db


def at(user, day: date, hour: int = 12) -> datetime:
    return datetime.combine(day, time(hour, 0), tzinfo=user.zone())


def derived(user) -> dict[tuple[date, str], float]:
    """The person's meal-derived observations as {(day, code): value}; fails on duplicates."""
    rows = list(
        Observation.objects.filter(owner=user, source="meal").values_list(
            "day", "measure__code", "value"
        )
    )
    result = {(day, code): value for day, code, value in rows}
    assert len(result) == len(rows), "two derived values for one measure and day"
    return result


def expected(user) -> dict[tuple[date, str], float]:
    """What the derived observations must be, worked out from scratch from the meal texts."""
    by_day: dict[date, list[foods.MealAnalysis]] = defaultdict(list)
    for meal in Meal.objects.filter(owner=user):
        by_day[meal.day].append(foods.analyse_meal(meal.text, extra_foods=_custom(user)))
    result: dict[tuple[date, str], float] = {}
    for day, analyses in by_day.items():
        for code, value in foods.daily_measures(analyses).items():
            result[(day, code)] = value
        window = [a for k in range(7) for a in by_day.get(day - timedelta(days=k), [])]
        result[(day, "plant_count_7d")] = float(len(foods.distinct_plants(window)))
    return result


def _custom(user):
    return [
        foods.CustomFood(f.name, f.groups, plant=f.plant or None) for f in user.custom_foods.all()
    ] or None


def test_analysis_is_stored_when_a_meal_is_added(person):
    meal = actions.add_meal(person, "porridge with banana and kefir", at(person, person.today()))
    meal.refresh_from_db()
    assert meal.analysis == foods.analyse_meal("porridge with banana and kefir").as_dict()
    assert [i["name"] for i in meal.analysis["items"]] == ["porridge", "banana", "kefir"]


def test_analysis_is_replaced_when_a_meal_is_edited(person):
    meal = actions.add_meal(person, "porridge", at(person, person.today()))
    actions.update_meal(meal, "kimchi and brown rice", at(person, person.today()))
    meal.refresh_from_db()
    assert [i["name"] for i in meal.analysis["items"]] == ["kimchi", "brown rice"]
    assert "fermented" in meal.analysis["groups"]


def test_derived_measures_of_a_known_day(person):
    day = person.today()
    actions.add_meal(person, "porridge with banana and kefir", at(person, day, 8))
    actions.add_meal(person, "kimchi and brown rice", at(person, day, 19))
    values = {code: v for (d, code), v in derived(person).items() if d == day}
    assert set(values) == set(nutrition.DERIVED_CODES)
    assert values["fermented_servings"] == 2  # kefir, kimchi
    assert values["fibre_rich_servings"] == 3  # porridge, banana, brown rice
    assert values["whole_grain_servings"] == 2  # porridge, brown rice
    assert values["fruit_veg_servings"] == 2  # banana, kimchi
    assert values["ultra_processed_servings"] == 0  # zeros are stored, not left out
    assert values["plant_count"] == 4  # oat, banana, cabbage, rice
    assert values["plant_count_7d"] == 4


def test_the_form_and_the_api_store_the_same_analysis(person, person_client):
    eaten = person.local_now().replace(second=0, microsecond=0, tzinfo=None)
    response = person_client.post(
        reverse("diary:meals"),
        {"text": "lentil soup with a wholemeal roll", "eaten_at": eaten.strftime("%Y-%m-%dT%H:%M")},
    )
    assert response.status_code == 302
    meal = Meal.objects.get(owner=person)
    assert meal.analysis == foods.analyse_meal("lentil soup with a wholemeal roll").as_dict()
    assert derived(person)[(meal.day, "legume_servings")] == 1


def test_moving_a_meal_to_another_day_moves_its_measures(person):
    today = person.today()
    yesterday = today - timedelta(days=1)
    meal = actions.add_meal(person, "kefir", at(person, yesterday))
    assert derived(person)[(yesterday, "fermented_servings")] == 1
    actions.update_meal(meal, "kefir and an apple", at(person, today))
    values = derived(person)
    assert not any(day == yesterday for day, _ in values), "a day without meals keeps nothing"
    assert values[(today, "fermented_servings")] == 1
    assert values[(today, "plant_count")] == 1  # apple (kefir is no plant)
    assert values == expected(person)


def test_deleting_the_last_meal_of_a_day_removes_its_measures(person, person_client):
    day = person.today()
    first = actions.add_meal(person, "apple", at(person, day, 8))
    actions.add_meal(person, "banana", at(person, day, 12))
    assert derived(person)[(day, "plant_count")] == 2
    person_client.post(reverse("diary:meal_delete", args=[first.uuid]))
    assert derived(person)[(day, "plant_count")] == 1
    actions.delete_meal(person, Meal.objects.get(owner=person))
    assert derived(person) == {}


def test_plants_over_the_rolling_seven_days(person):
    today = person.today()
    d = [today - timedelta(days=k) for k in range(10, -1, -1)]  # d[0] is 10 days ago, d[10] today
    actions.add_meal(person, "apple", at(person, d[0]))
    actions.add_meal(person, "banana", at(person, d[3]))
    actions.add_meal(person, "apple and pear", at(person, d[7]))
    values = derived(person)
    assert values[(d[0], "plant_count_7d")] == 1
    assert values[(d[3], "plant_count_7d")] == 2  # apple (d0) and banana
    assert values[(d[7], "plant_count_7d")] == 3  # d1..d7: banana, apple, pear (d0 fell out)
    assert (d[5], "plant_count_7d") not in values  # no meals that day, so no value
    # A change on d[3] reaches d[7], inside its window.
    banana = Meal.objects.get(owner=person, day=d[3])
    actions.update_meal(banana, "banana and kiwi", at(person, d[3]))
    assert derived(person)[(d[7], "plant_count_7d")] == 4
    actions.delete_meal(person, banana)
    assert derived(person)[(d[7], "plant_count_7d")] == 2
    assert derived(person) == expected(person)


def test_random_edits_always_leave_exact_measures(person):
    """Any sequence of adds, edits, moves and deletes ends as a recompute from scratch would."""
    rng = random.Random(4)
    texts = [
        "porridge with banana and kefir",
        "kimchi fried rice with an egg",
        "2 coffees and a croissant",
        "lentil dal with brown rice and spinach",
        "a pint of beer and crisps",
        "apple",
        "greek yogurt with walnuts and honey",
    ]
    today = person.today()
    for _ in range(40):
        meals = list(Meal.objects.filter(owner=person))
        day = today - timedelta(days=rng.randrange(0, 15))
        action = rng.random()
        if action < 0.5 or not meals:
            actions.add_meal(person, rng.choice(texts), at(person, day, rng.randrange(6, 22)))
        elif action < 0.8:
            actions.update_meal(rng.choice(meals), rng.choice(texts), at(person, day))
        else:
            actions.delete_meal(person, rng.choice(meals))
    assert derived(person) == expected(person)
    # Recomputing everything again changes nothing.
    assert nutrition.recompute_days(person) == 0


def test_bad_meal_input_writes_nothing(person, person_client):
    response = person_client.post(reverse("diary:meals"), {"text": "", "eaten_at": ""})
    assert response.status_code == 200
    with pytest.raises(actions.DiaryInputError) as error:
        actions.add_meal(person, "apple", at(person, person.today() + timedelta(days=2)))
    assert "eaten_at" in error.value.errors
    assert not Meal.objects.exists()
    assert not Observation.objects.exists()


def test_another_person_is_never_recomputed(person, other_person):
    actions.add_meal(other_person, "kefir", at(other_person, other_person.today()))
    before = derived(other_person)
    meal = actions.add_meal(person, "apple", at(person, person.today()))
    actions.delete_meal(person, meal)
    nutrition.recompute_days(person)
    assert derived(other_person) == before != {}


def test_adding_a_meal_costs_the_same_queries_however_long_the_diary(person):
    today = person.today()

    def queries_for_one_more(day: date) -> int:
        with CaptureQueriesContext(connection) as ctx:
            actions.add_meal(person, "porridge with banana", at(person, day, 9))
        return len(ctx)

    first = queries_for_one_more(today - timedelta(days=40))
    for k in range(30):
        actions.add_meal(person, "apple and kefir", at(person, today - timedelta(days=k)))
    assert queries_for_one_more(today - timedelta(days=3)) <= first


def test_meals_from_before_analysis_are_analysed_after_migrate(person):
    day = person.today()
    eaten = at(person, day)
    Meal.objects.create(owner=person, day=day, eaten_at=eaten, text="kefir", analysis=None)
    assert nutrition.analyse_missing() == 1
    assert Meal.objects.get().analysis == foods.analyse_meal("kefir").as_dict()
    assert derived(person) == expected(person)
    assert derived(person)[(day, "fermented_servings")] == 1
    assert nutrition.analyse_missing() == 0
