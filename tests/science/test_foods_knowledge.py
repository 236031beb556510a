"""The shipped food knowledge base: schema, vocabulary, size and load time.

Reads the CSV directly as well as through the loader, so a malformed row is reported with its
name even if the loader's own validation were loosened.
"""

from __future__ import annotations

import csv
from importlib import resources

import pytest

from vagus.science import foods
from vagus.science.foods.knowledge import CSV_COLUMNS, knowledge_base, parse_foods_csv
from vagus.science.foods.text import phrase_key

EXPECTED_GROUPS = {
    "fermented",
    "fibre_rich",
    "fruit",
    "vegetable",
    "whole_grain",
    "legume",
    "nuts_seeds",
    "ultra_processed",
    "added_sugar",
    "dairy",
    "alcohol",
    "caffeine",
}


def _rows() -> list[dict[str, str]]:
    text = (resources.files("vagus.science") / "data" / "foods.csv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines))


def test_group_vocabulary_is_the_fixed_one():
    assert foods.GROUPS == EXPECTED_GROUPS


def test_schema_and_vocabulary_of_every_row():
    rows = _rows()
    assert tuple(rows[0].keys()) == CSV_COLUMNS
    problems = []
    for row in rows:
        name = row["name"]
        if not name or name != name.strip().lower():
            problems.append(f"{name!r}: name must be lower case and trimmed")
        groups = row["groups"].split()
        if set(groups) - EXPECTED_GROUPS:
            problems.append(f"{name}: unknown groups {sorted(set(groups) - EXPECTED_GROUPS)}")
        if len(groups) != len(set(groups)):
            problems.append(f"{name}: repeated group")
        if not row["serving"].strip():
            problems.append(f"{name}: no serving description")
        if row["plant"] != row["plant"].strip() or "," in row["plant"]:
            problems.append(f"{name}: plant must be one trimmed name or empty")
    assert not problems, "\n".join(problems)


def test_servings_are_positive_and_plants_are_str_or_none():
    for food in knowledge_base().foods:
        assert food.serving_count > 0, food.name
        assert food.serving_amount is None or food.serving_amount > 0, food.name
        assert food.plant is None or (isinstance(food.plant, str) and food.plant), food.name


def test_no_name_or_synonym_belongs_to_two_foods():
    owner: dict[str, str] = {}
    clashes = []
    for row in _rows():
        labels = [row["name"], *(s for s in row["synonyms"].split(";") if s.strip())]
        if len(labels) != len(set(labels)):
            clashes.append(f"{row['name']}: a synonym is listed twice")
        for label in labels:
            key = phrase_key(label)
            assert key, f"{row['name']}: empty label {label!r}"
            if owner.setdefault(key, row["name"]) != row["name"]:
                clashes.append(f"{key!r}: {owner[key]} and {row['name']}")
    assert not clashes, "\n".join(clashes)


def test_knowledge_base_is_large_enough():
    assert len(knowledge_base().foods) >= 800


def test_uk_and_us_names_meet():
    pairs = [
        ("crisps", "potato chips"),
        ("aubergine", "eggplant"),
        ("courgette", "zucchini"),
        ("porridge", "oatmeal"),
        ("wholemeal bread", "whole wheat bread"),
        ("coriander", "cilantro"),
        ("biscuits", "graham crackers"),
        ("chips", "french fries"),
        ("rocket", "arugula"),
        ("prawns", "shrimp"),
    ]
    for uk, us in pairs:
        assert foods.analyse_meal(uk).items[0].name == foods.analyse_meal(us).items[0].name


def test_loading_is_cached():
    # Load time is a benchmark figure (benchmarks/meals.py), never a test assertion.
    knowledge_base.cache_clear()
    first = knowledge_base()
    assert knowledge_base() is first


def test_loader_rejects_an_unknown_group():
    bad = "name,synonyms,serving,groups,plant\napple,,1 (100 g),fruit healthy,apple\n"
    with pytest.raises(ValueError, match="healthy"):
        parse_foods_csv(bad)


def test_loader_rejects_a_wrong_header():
    with pytest.raises(ValueError, match="header"):
        parse_foods_csv("name,groups\napple,fruit\n")


def test_custom_food_rejects_unknown_group():
    with pytest.raises(ValueError, match="probiotic"):
        foods.CustomFood("mum's stew", groups={"vegetable", "probiotic"})
