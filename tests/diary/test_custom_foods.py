"""Teaching Vagus a food: past meals re-analysed, only for that person, bad input refused."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from vagus.backup.export import export_user_data
from vagus.diary import actions, custom_foods, nutrition
from vagus.diary.models import CustomFood, Meal, Observation
from vagus.science import foods

pytestmark = pytest.mark.django_db


def at(user, days_ago: int = 0, hour: int = 12) -> datetime:
    day = user.today() - timedelta(days=days_ago)
    return datetime.combine(day, time(hour, 0), tzinfo=user.zone())


def value(user, day, code):
    return Observation.objects.get(owner=user, source="meal", day=day, measure__code=code).value


def test_every_group_has_a_label():
    assert set(custom_foods.GROUP_LABELS) == foods.GROUPS


def test_a_taught_food_applies_to_past_meals(person):
    old = actions.add_meal(person, "qwerty blorp with rice", at(person, 20))
    recent = actions.add_meal(person, "qwerty blorp", at(person, 1))
    assert old.analysis["unknown"] == ["qwerty blorp"]
    assert value(person, old.day, "legume_servings") == 0
    taught = custom_foods.add_custom_food(
        person, "Qwerty Blorp", ["legume", "fibre_rich"], "Lentil"
    )
    assert taught.reanalysed == 2
    assert taught.food.plant == "lentil"  # plant kinds are compared in lower case
    for meal in (old, recent):
        meal.refresh_from_db()
        assert meal.analysis["unknown"] == []
        item = meal.analysis["items"][0]
        assert (item["name"], item["custom"], item["groups"]) == (
            "Qwerty Blorp",
            True,
            ["fibre_rich", "legume"],
        )
        assert value(person, meal.day, "legume_servings") == 1
    assert value(person, old.day, "plant_count") == 2  # lentil and rice
    assert value(person, recent.day, "plant_count_7d") == 1
    # Forgetting it puts everything back.
    assert custom_foods.delete_custom_food(person, taught.food) == 2
    old.refresh_from_db()
    assert old.analysis == foods.analyse_meal("qwerty blorp with rice").as_dict()
    assert value(person, old.day, "legume_servings") == 0


def test_new_meals_use_the_persons_foods(person):
    custom_foods.add_custom_food(person, "mum's stew", ["vegetable", "legume"], "lentil")
    meal = actions.add_meal(person, "Mums stew and a coffee", at(person))
    assert [i["name"] for i in meal.analysis["items"]] == ["mum's stew", "coffee"]
    assert value(person, meal.day, "legume_servings") == 1


def test_another_persons_foods_never_apply_to_mine(person, other_person):
    mine = actions.add_meal(person, "qwerty blorp", at(person, 2))
    custom_foods.add_custom_food(other_person, "qwerty blorp", ["alcohol"], "hops")
    theirs = actions.add_meal(other_person, "qwerty blorp", at(other_person, 2))
    mine.refresh_from_db()
    assert mine.analysis["unknown"] == ["qwerty blorp"]
    assert value(person, mine.day, "alcohol_servings") == 0
    assert theirs.analysis["items"][0]["custom"] is True
    # Their re-analysis touched nothing of mine, and mine never touches theirs.
    custom_foods.add_custom_food(person, "qwerty blorp", ["legume"])
    theirs.refresh_from_db()
    assert theirs.analysis["items"][0]["groups"] == ["alcohol"]


def test_teaching_from_the_meals_page(person, person_client):
    meal = actions.add_meal(person, "grannys flapjack and an apple", at(person))
    page = person_client.get(reverse("diary:meals")).content.decode()
    assert "Teach Vagus “grannys”" in page
    response = person_client.post(
        reverse("diary:foods"),
        {"name": "grannys", "groups": ["added_sugar"], "plant": "", "back": "meals"},
    )
    assert response.status_code == 302 and response["Location"] == reverse("diary:meals")
    meal.refresh_from_db()
    assert meal.analysis["unknown"] == []
    page = person_client.get(reverse("diary:meals")).content.decode()
    assert "Teach Vagus “grannys”" not in page
    assert "1 past meal analysed again" in page


@pytest.mark.parametrize(
    ("form", "field"),
    [
        ({"name": "", "groups": ["legume"]}, "name"),
        ({"name": "   ", "groups": ["legume"]}, "name"),
        ({"name": "stew", "groups": ["legumes"]}, "groups"),
        ({"name": "x" * 81, "groups": []}, "name"),
        ({"name": "stew", "plant": "y" * 81}, "plant"),
    ],
)
def test_bad_form_input_names_the_field_and_writes_nothing(person, person_client, form, field):
    meal = actions.add_meal(person, "stew", at(person))
    before = meal.analysis
    response = person_client.post(reverse("diary:foods"), form)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors, errors
    assert not CustomFood.objects.exists()
    meal.refresh_from_db()
    assert meal.analysis == before


def test_a_name_taught_twice_is_refused(person):
    custom_foods.add_custom_food(person, "Mum's stew", ["vegetable"])
    with pytest.raises(actions.DiaryInputError) as error:
        custom_foods.add_custom_food(person, "mum's  STEW", ["legume"])
    assert set(error.value.errors) == {"name"}
    assert CustomFood.objects.count() == 1


def test_custom_foods_page_lists_and_removes(person, person_client, other_person):
    food = custom_foods.add_custom_food(person, "mum's stew", ["vegetable"], "carrot").food
    theirs = custom_foods.add_custom_food(other_person, "bob's bake", ["dairy"]).food
    page = person_client.get(reverse("diary:foods")).content.decode()
    assert "mum&#x27;s stew" in page and "Vegetable" in page and "bob" not in page
    assert person_client.post(reverse("diary:food_delete", args=[theirs.uuid])).status_code == 404
    response = person_client.post(reverse("diary:food_delete", args=[food.uuid]))
    assert response.status_code == 302
    assert list(CustomFood.objects.values_list("name", flat=True)) == ["bob's bake"]


def test_api_custom_foods_round_trip(person, api):
    meal = actions.add_meal(person, "qwerty blorp", at(person, 3))
    created = api("post", "/api/foods/custom", {"name": "qwerty blorp", "groups": ["fermented"]})
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["groups"] == ["fermented"] and body["reanalysed_meals"] == 1
    assert [f["name"] for f in api("get", "/api/foods/custom").json()] == ["qwerty blorp"]
    meal_out = api("get", f"/api/meals/{meal.uuid}").json()
    assert meal_out["analysis"]["items"][0]["custom"] is True
    assert value(person, meal.day, "fermented_servings") == 1
    assert api("delete", f"/api/foods/custom/{body['id']}").status_code == 204
    assert api("delete", f"/api/foods/custom/{body['id']}").status_code == 404
    assert value(person, meal.day, "fermented_servings") == 0


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"name": "stew", "groups": ["vegetable", "protein"]}, "groups"),
        ({"name": "", "groups": ["vegetable"]}, "name"),
        ({"name": "!!!", "groups": []}, "name"),
        ({"name": "---", "groups": []}, "name"),
    ],
)
def test_api_bad_input_is_400_naming_the_field(person, api, payload, field):
    actions.add_meal(person, "stew", at(person))
    before = list(Observation.objects.values_list("id", "value"))
    response = api("post", "/api/foods/custom", payload)
    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert field in response.json()["detail"]
    assert not CustomFood.objects.exists()
    assert list(Observation.objects.values_list("id", "value")) == before


def test_api_analyse_is_the_shared_knowledge_only(person, api):
    custom_foods.add_custom_food(person, "qwerty blorp", ["legume"])
    response = api("get", "/api/foods/analyse?text=qwerty%20blorp%20and%20kefir")
    assert response.status_code == 200
    assert response.json() == foods.analyse_meal("qwerty blorp and kefir").as_dict()
    assert response.json()["unknown"] == ["qwerty blorp"]
    assert not Meal.objects.exists()
    assert api("get", "/api/foods/analyse?text=").status_code == 400
    assert "text" in api("get", "/api/foods/analyse").json()["errors"]


def test_custom_foods_are_exported(person):
    custom_foods.add_custom_food(person, "mum's stew", ["legume"], "lentil")
    document = export_user_data(person)
    assert document["custom_foods"][0]["name"] == "mum's stew"
    assert document["custom_foods"][0]["groups"] == ["legume"]


def test_reanalysing_a_thousand_meals_is_done_in_bulk(person):
    texts = ["porridge with banana", "qwerty blorp and kefir", "lentil dal with rice"]
    meals = []
    for i in range(1000):
        day = person.today() - timedelta(days=i // 3)
        eaten = datetime.combine(day, time(8 + 5 * (i % 3)), tzinfo=person.zone())
        meals.append(Meal(owner=person, day=day, eaten_at=eaten, text=f"{texts[i % 3]} x{i % 7}"))
    nutrition.prepare_meals(person, meals)
    Meal.objects.bulk_create(meals)
    nutrition.recompute_days(person, {m.day for m in meals})
    # Speed is measured in benchmarks/meal_reanalysis.py; here, that the work is done in bulk.
    with CaptureQueriesContext(connection) as ctx:
        taught = custom_foods.add_custom_food(person, "qwerty blorp", ["legume"], "lentil")
    assert taught.reanalysed == 333  # every third meal
    assert len(ctx) < 40, "re-analysis must be bulk, not a query per meal"
    sample = Meal.objects.filter(owner=person, text__startswith="qwerty").first()
    assert value(person, sample.day, "legume_servings") >= 1
