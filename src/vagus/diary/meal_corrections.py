"""Correcting what Vagus understood in one meal: another food, or "not a food I ate".

A correction changes the meal's own words through ``actions.update_meal`` (as the meal's edit
page does): the matched words are replaced by the chosen food's name, or taken out. So it lasts
through every later analysis (a food taught, a restore) and the day's meal-derived measures,
and the gut-diet summary with them, follow at once.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from vagus.diary import actions
from vagus.diary.actions import DiaryInputError
from vagus.diary.models import CustomFood, Meal
from vagus.science.foods.knowledge import knowledge_base

if TYPE_CHECKING:
    from vagus.accounts.models import User


def known_food_names(user: User) -> list[str]:
    """Every food a correction may name: the shared knowledge and the person's own foods."""
    own = CustomFood.objects.owned_by(user).values_list("name", flat=True)
    return sorted({*knowledge_base().by_name, *own}, key=str.casefold)


def _words(matched: str) -> re.Pattern[str]:
    # The analysis keeps the words it matched in lower case with single spaces; the meal's
    # text may have capitals, punctuation or line breaks between them.
    parts = [re.escape(word) for word in matched.split()]
    return re.compile(r"(?<!\w)" + r"[\W_]+".join(parts) + r"(?!\w)", re.IGNORECASE)


def _tidy(text: str) -> str:
    """Text with a phrase taken out: no doubled spaces or commas left behind."""
    text = re.sub(r"\s+([,.;])", r"\1", text)
    text = re.sub(r"([,;])(\s*[,;])+", r"\1", text)
    text = re.sub(r"[ \t]{2,}", " ", text)
    return text.strip(" \t,;")


def correct_match(user: User, meal: Meal, matched: str, food: str | None) -> Meal:
    """Read ``matched`` in ``meal`` as ``food`` instead, or (``food`` None) as nothing."""
    matched = " ".join(matched.split())
    analysis = meal.analysis or {}
    if not matched or matched not in {i.get("matched") for i in analysis.get("items", [])}:
        raise DiaryInputError({"matched": "That part of the meal has changed; here it is again."})
    pattern = _words(matched)
    if not pattern.search(meal.text):
        raise DiaryInputError({"matched": "Those words are no longer in the meal."})
    if food is None:
        text = _tidy(pattern.sub("", meal.text, count=1))
        if not text:
            raise DiaryInputError(
                {"food": "That was all this meal said. Delete the meal instead, or name a food."}
            )
    else:
        wanted = " ".join(food.split()).casefold()
        name = next((n for n in known_food_names(user) if n.casefold() == wanted), None)
        if name is None:
            raise DiaryInputError(
                {
                    "food": f"Vagus doesn't know “{food.strip()}” yet. Pick a food from the "
                    "list, or teach it on the page of foods you taught Vagus."
                }
            )
        text = pattern.sub(lambda _: name, meal.text, count=1)
    return actions.update_meal(meal, text, meal.eaten_at)
