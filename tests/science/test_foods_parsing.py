"""Meal text analysis: items, quantities, negations, misspellings, unknowns, custom foods.

One behaviour per test, named for what a person types.
"""

from __future__ import annotations

import pytest

from vagus.science import foods


def names(text: str, **kwargs: object) -> list[str]:
    return [item.name for item in foods.analyse_meal(text, **kwargs).items]  # type: ignore[arg-type]


def item(text: str, index: int = 0) -> foods.FoodItem:
    return foods.analyse_meal(text).items[index]


# -- basics ------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["", "   ", "\n"])
def test_empty_text_gives_an_empty_analysis(text):
    analysis = foods.analyse_meal(text)
    assert analysis.items == [] and analysis.unknown == [] and analysis.groups == frozenset()


def test_result_shape_follows_the_contract():
    analysis = foods.analyse_meal("porridge with banana")
    assert isinstance(analysis, foods.MealAnalysis)
    first = analysis.items[0]
    assert (first.name, first.matched, first.servings, first.plant) == (
        "porridge",
        "porridge",
        1.0,
        "oat",
    )
    assert isinstance(first.groups, frozenset)
    assert analysis.groups == first.groups | analysis.items[1].groups
    assert analysis.as_dict()["items"][0]["name"] == "porridge"


# -- splitting into items ----------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "apple, pear, tea",
        "apple and pear and tea",
        "apple & pear & tea",
        "apple + pear + tea",
        "apple; pear; tea",
        "apple with pear plus tea",
        "apple. pear then tea",
    ],
)
def test_separators_split_items(text):
    assert names(text) == ["apple", "pear", "tea"]


def test_longest_name_wins_over_its_parts():
    assert names("peanut butter") == ["peanut butter"]
    assert names("sweet potato") == ["sweet potato"]
    assert names("fish and chips") == ["fish and chips"]
    assert names("mac and cheese") == ["mac and cheese"]
    assert names("salt and vinegar crisps") == ["crisps"]


@pytest.mark.parametrize(
    ("text", "name", "matched"),
    [
        ("lentil dahl", "dal", "lentil dahl"),
        ("red lentil dahl", "dal", "red lentil dahl"),
        ("chicken katsu curry with rice", "katsu curry", "chicken katsu curry with rice"),
        ("katsu curry w/ rice", "katsu curry", "katsu curry with rice"),
        ("teriyaki chicken with some jasmine rice", "teriyaki chicken", None),
        ("burrito bowl with black beans", "burrito bowl", None),
    ],
)
def test_a_dish_counts_its_plain_ingredient_once(text, name, matched):
    analysis = foods.analyse_meal(text)
    assert [i.name for i in analysis.items] == [name]
    assert analysis.items[0].servings == 1.0
    if matched:
        assert analysis.items[0].matched == matched


def test_the_amount_before_a_dish_and_its_ingredient_is_the_dishes():
    assert [(i.name, i.servings) for i in foods.analyse_meal("2 lentil dahls").items] == [
        ("dal", 2.0)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("apple crumble and an apple", ["crumble", "apple"]),  # "and" lists two foods
        ("dal with brown rice", ["dal", "brown rice"]),  # brown rice says more than the dish
        ("spaghetti bolognese with garlic bread", ["spaghetti bolognese", "garlic bread"]),
        ("curry with 2 portions of rice", ["curry", "rice"]),  # its own amount: extra rice
        ("katsu curry, rice", ["katsu curry", "rice"]),
        ("lentils and dal", ["lentils", "dal"]),
    ],
)
def test_a_dish_and_a_food_beside_it_stay_apart_when_they_are_two(text, expected):
    assert names(text) == expected


def test_katsu_curry_and_rice_bowls_are_their_own_dishes():
    katsu = foods.analyse_meal("chicken katsu curry")
    assert names("chicken katsu curry") == ["katsu curry"]
    assert katsu.groups == {"ultra_processed"}  # breaded cutlet and curry roux: NOVA 4
    bowl = foods.analyse_meal("tuna rice bowl")
    assert names("tuna rice bowl") == ["tuna", "rice bowl"]
    assert "added_sugar" not in bowl.groups


def test_plurals_and_uk_us_names():
    assert names("3 bananas") == ["banana"]
    assert names("blackberries") == ["blackberries"]
    assert names("tomatoes") == ["tomato"]
    assert names("eggplant") == names("aubergine")
    assert names("crisps") == names("potato chips")


def test_filler_words_are_ignored_not_unknown():
    analysis = foods.analyse_meal("I had some porridge for breakfast at home")
    assert names("I had some porridge for breakfast at home") == ["porridge"]
    assert analysis.unknown == []


def test_for_tea_is_a_meal_time_but_a_cup_of_tea_is_a_drink():
    assert names("fish fingers for tea") == ["fish fingers"]
    assert names("a cup of tea") == ["tea"]


# -- quantities --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "servings"),
    [
        ("banana", 1.0),
        ("2 bananas", 2.0),
        ("two bananas", 2.0),
        ("half a banana", 0.5),
        ("a couple of bananas", 2.0),
        ("1/2 banana", 0.5),
        ("one and a half bananas", 1.5),
        ("3 slices of toast", 1.5),  # a serving of toast is 2 slices
        ("a slice of pizza", 0.5),
        ("a bowl of porridge", 1.0),
        ("a cup of coffee", 1.0),
        ("a handful of almonds", 1.0),
        ("4 eggs", 4.0),  # a serving of eggs is one egg
        ("300g greek yogurt", 2.0),  # a serving is 150 g
        ("a splash of milk", 0.25),
        ("2 pints of lager", 2.0),
        ("coffee x2", 2.0),
        ("a dozen oysters", 12.0),
    ],
)
def test_quantities_become_servings(text, servings):
    assert item(text).servings == pytest.approx(servings)


@pytest.mark.parametrize(
    ("text", "name", "servings"),
    [
        ("an egg", "egg", 1.0),
        ("one egg", "egg", 1.0),
        ("2 eggs", "egg", 2.0),
        ("a couple of eggs", "egg", 2.0),
        ("a biscuit", "biscuits", 1.0),
        ("two biscuits", "biscuits", 2.0),
        ("half a biscuit", "biscuits", 0.5),
        ("three sausages", "sausages", 3.0),
        ("a hash brown", "hash browns", 1.0),
        ("2 crumpets", "crumpet", 2.0),
    ],
)
def test_number_words_count_the_foods_people_count_one_at_a_time(text, name, servings):
    analysis = foods.analyse_meal(text)
    assert [(i.name, i.servings) for i in analysis.items] == [(name, servings)]


def test_a_unit_alone_can_name_the_drink():
    assert names("two and a half pints") == ["beer"]
    assert item("two and a half pints").servings == 2.5


# -- negation and modifiers --------------------------------------------------------------------
def test_coffee_without_milk_has_no_dairy_item():
    analysis = foods.analyse_meal("coffee without milk")
    assert names("coffee without milk") == ["coffee"]
    assert "dairy" not in analysis.groups


def test_negation_carries_over_or_to_additions_only():
    assert names("tea with no milk or sugar") == ["tea"]
    assert names("coffee with no milk and a croissant") == ["coffee", "croissant"]
    assert names("no milk, toast") == ["toast"]


def test_negated_ingredient_removes_its_group_from_the_dish():
    assert "dairy" not in foods.analyse_meal("pizza without cheese").groups
    assert "added_sugar" not in foods.analyse_meal("lemonade, no sugar").groups


@pytest.mark.parametrize(
    ("text", "removed", "kept"),
    [
        ("decaf coffee", "caffeine", None),
        ("decaf tea", "caffeine", None),
        ("decaffeinated cappuccino", "caffeine", "dairy"),
        ("coffee, decaf", "caffeine", None),
        ("had a decaf", "caffeine", None),
        ("diet coke", "added_sugar", "caffeine"),
        ("coke zero", "added_sugar", "caffeine"),
        ("sugar-free red bull", "added_sugar", "caffeine"),
        ("red bull sugar free", "added_sugar", "caffeine"),
        ("sugar free gum", "added_sugar", None),
        ("unsweetened almond milk", "added_sugar", None),
        ("alcohol-free beer", "alcohol", None),
        ("dairy free ice cream", "dairy", "added_sugar"),
        ("pasteurised sauerkraut", "fermented", "vegetable"),
        ("beer with no alcohol", "alcohol", None),
    ],
)
def test_modifiers_remove_a_group(text, removed, kept):
    analysis = foods.analyse_meal(text)
    assert analysis.items, text
    assert removed not in analysis.groups
    if kept:
        assert kept in analysis.groups


def test_skipped_meal_logs_nothing():
    assert names("skipped breakfast, just a coffee") == ["coffee"]
    assert names("didn't have any coffee") == []


# -- misspellings and unknown words ------------------------------------------------------------
@pytest.mark.parametrize(
    ("typo", "name"),
    [
        ("brocoli", "broccoli"),
        ("bannana", "banana"),
        ("chiken", "chicken"),
        ("yoghourt", "yogurt"),
        ("expresso", "coffee"),
        ("capuccino", "white coffee"),
        ("spagetti", "pasta"),
        ("tumeric", "turmeric"),
        ("avacado", "avocado"),
        ("kombutcha", "kombucha"),
        ("sandwhich", "sandwich"),
        ("cerial", "cereal"),
        ("quiona", "quinoa"),
        ("lettice", "lettuce"),
        ("peanut buter", "peanut butter"),
        ("brown bred", "brown bread"),
        ("baked beens", "baked beans"),
    ],
)
def test_common_misspellings_are_corrected(typo, name):
    found = foods.analyse_meal(typo)
    assert [i.name for i in found.items] == [name]
    assert found.unknown == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("fresh raspberries", ["raspberries"]),  # not "fresh cranberries"
        ("plain ice cream", ["ice cream"]),  # not "plain rice" and cream
        ("fresh fish", ["fish"]),  # not "fresh fig"
        ("homemade cherry crumble", ["cherries", "crumble"]),  # not "homemade curry"
        ("veggie chillies", ["chilli pepper"]),  # not "vegetable curry"
    ],
)
def test_a_known_word_is_never_corrected_across_words(text, expected):
    analysis = foods.analyse_meal(text)
    assert names(text) == expected
    assert all(i.confidence == 1.0 for i in analysis.items)


def test_corrected_items_carry_their_confidence():
    assert 0.8 < item("brocolli").confidence < 1.0
    assert item("broccoli").confidence == 1.0


@pytest.mark.parametrize(
    "text",
    ["qwerty blorp", "asdf", "zxcvb qwop", "felt better", "nice", "tasty", "later", "bucket"],
)
def test_nonsense_and_ordinary_words_are_never_matched(text):
    assert foods.analyse_meal(text).items == []


def test_unknown_words_are_returned_not_guessed():
    analysis = foods.analyse_meal("porridge and qwerty blorp, then a zorblax")
    assert names("porridge and qwerty blorp, then a zorblax") == ["porridge"]
    assert analysis.unknown == ["qwerty blorp", "zorblax"]


# -- processing (NOVA) ------------------------------------------------------------------------
def test_black_pudding_is_a_reconstituted_meat_like_sausages():
    assert foods.analyse_meal("black pudding").groups == {"ultra_processed"}
    assert foods.analyse_meal("sausages").groups == {"ultra_processed"}
    assert "ultra_processed" not in foods.analyse_meal("bacon").groups  # cured whole meat


def test_toast_of_unstated_origin_is_nova_4_but_butter_and_bakery_bread_are_not():
    assert foods.analyse_meal("butter").groups == {"dairy"}
    assert foods.analyse_meal("plain toast with butter").groups == {"ultra_processed", "dairy"}
    assert foods.analyse_meal("sourdough toast with butter").groups == {"dairy"}


# -- custom foods ------------------------------------------------------------------------------
def test_custom_foods_take_precedence_and_are_marked():
    stew = foods.CustomFood("mum's stew", groups={"vegetable", "legume"}, plant="lentil")
    analysis = foods.analyse_meal("mums stew and bread", extra_foods=[stew])
    assert [i.name for i in analysis.items] == ["mum's stew", "bread"]
    assert analysis.items[0].custom and analysis.items[0].plant == "lentil"
    assert {"vegetable", "legume"} <= analysis.groups


def test_custom_food_synonyms_and_override_of_a_kb_name():
    mine = foods.CustomFood("porridge", groups={"whole_grain", "dairy"}, synonyms=["my oats"])
    assert item_groups("porridge", mine) == {"whole_grain", "dairy"}
    assert item_groups("my oats", mine) == {"whole_grain", "dairy"}


def item_groups(text: str, custom: foods.CustomFood) -> set[str]:
    return set(foods.analyse_meal(text, extra_foods=[custom]).items[0].groups)


def test_without_custom_foods_the_kb_is_used():
    assert names("porridge", extra_foods=None) == ["porridge"]
    assert names("porridge", extra_foods=[]) == ["porridge"]


# -- daily measures and plants -----------------------------------------------------------------
def test_daily_measures_sum_servings_per_group():
    day = [
        foods.analyse_meal("porridge with a banana and 2 coffees"),
        foods.analyse_meal("kimchi, brown rice and broccoli"),
        foods.analyse_meal("2 pints of lager and a packet of crisps"),
    ]
    measures = foods.daily_measures(day)
    assert set(measures) == set(foods.DAILY_MEASURES)
    assert measures["caffeine_servings"] == 2.0
    assert measures["fermented_servings"] == 1.0
    assert measures["whole_grain_servings"] == 2.0
    assert measures["fruit_veg_servings"] == 3.0  # banana, kimchi, broccoli
    assert measures["alcohol_servings"] == 2.0
    assert measures["ultra_processed_servings"] == 1.0
    assert measures["plant_count"] == 6.0  # oat, banana, coffee, cabbage, rice, broccoli


def test_daily_measures_of_no_meals_are_zero():
    assert all(value == 0.0 for value in foods.daily_measures([]).values())


def test_distinct_plants_over_a_week():
    week = [foods.analyse_meal(text) for text in ["apple", "2 apples and a pear", "oat porridge"]]
    assert foods.distinct_plants(week) == {"apple", "pear", "oat"}
