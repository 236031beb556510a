"""Foods a person teaches Vagus: adding or removing one re-analyses all of their meals.

Each change and the re-analysis it causes are one transaction: either the food, every meal's
new analysis and every derived measure are stored, or none of it is.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import transaction

from vagus.diary import nutrition
from vagus.diary.actions import DiaryInputError
from vagus.diary.models import CustomFood
from vagus.science import foods

if TYPE_CHECKING:
    from vagus.accounts.models import User

NAME_MAX = 80
PLANT_MAX = 80

# Checkbox labels, in the order a person thinks of them.
GROUP_LABELS: dict[str, str] = {
    "fermented": "Fermented (live cultures)",
    "fibre_rich": "Fibre-rich",
    "fruit": "Fruit",
    "vegetable": "Vegetable",
    "whole_grain": "Whole grain",
    "legume": "Beans, lentils or soy",
    "nuts_seeds": "Nuts or seeds",
    "dairy": "Dairy",
    "ultra_processed": "Ultra-processed",
    "added_sugar": "Added sugar",
    "alcohol": "Alcohol",
    "caffeine": "Caffeine",
}


@dataclass
class Taught:
    food: CustomFood
    reanalysed: int  # meals whose analysis changed


def _clean(user: User, name: object, groups: object, plant: object) -> tuple[str, list[str], str]:
    errors: dict[str, str] = {}
    name = " ".join(str(name or "").split())
    if not name:
        errors["name"] = "name: write the food's name, e.g. “mum's stew”."
    elif len(name) > NAME_MAX:
        errors["name"] = f"name: please keep it under {NAME_MAX} characters."
    if groups is None:
        groups = []
    if isinstance(groups, str) or not isinstance(groups, Iterable):
        errors["groups"] = "groups: give a list of food groups."
        cleaned_groups: list[str] = []
    else:
        cleaned_groups = sorted({str(g).strip() for g in groups if str(g).strip()})
        unknown = [g for g in cleaned_groups if g not in foods.GROUPS]
        if unknown:
            errors["groups"] = (
                f"groups: “{'”, “'.join(unknown)}” is not a food group; "
                f"choose from {', '.join(sorted(foods.GROUPS))}."
            )
    plant = " ".join(str(plant or "").split()).lower()
    if len(plant) > PLANT_MAX:
        errors["plant"] = f"plant: please keep it under {PLANT_MAX} characters."
    if "name" not in errors:
        try:
            foods.CustomFood(name, frozenset(), plant=plant or None)
            if not any(ch.isalnum() for ch in name):
                raise ValueError(name)
        except ValueError:
            errors["name"] = "name: use at least one letter or number."
    if "name" not in errors:
        taken = CustomFood.objects.owned_by(user).filter(name__iexact=name).exists()
        if taken:
            errors["name"] = f"name: you have already taught Vagus “{name}”."
    if errors:
        raise DiaryInputError(errors)
    return name, cleaned_groups, plant


def add_custom_food(user: User, name: object, groups: object, plant: object = "") -> Taught:
    """Teach Vagus a food; every past meal of this person is analysed again with it."""
    name, cleaned_groups, plant = _clean(user, name, groups, plant)
    with transaction.atomic():
        food = CustomFood.objects.create(owner=user, name=name, groups=cleaned_groups, plant=plant)
        reanalysed = nutrition.reanalyse_all(user)
    return Taught(food, reanalysed)


def delete_custom_food(user: User, food: CustomFood) -> int:
    """Forget one of the person's custom foods and analyse their meals again (meals changed)."""
    with transaction.atomic():
        CustomFood.objects.owned_by(user).filter(pk=food.pk).delete()
        return nutrition.reanalyse_all(user)


def group_labels(groups: Iterable[str]) -> list[str]:
    return [GROUP_LABELS.get(g, g) for g in groups]
