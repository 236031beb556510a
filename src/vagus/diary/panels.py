"""The diary's day panel (listed in vagus/today.py): a day's meals on its page and on Today,
with what each was understood as, a short form to add one with the day preset, and a way to
correct a match in place."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.urls import reverse

from vagus.diary import custom_foods, meal_corrections, queries
from vagus.diary.models import Meal
from vagus.ownership import AuthenticatedHttpRequest


def meal_view(meal: Meal) -> dict[str, object]:
    """A meal with its stored analysis laid out for a page (no queries)."""
    analysis = meal.analysis or {}
    items = [
        {
            "name": item["name"],
            "matched": item.get("matched", ""),
            "groups": custom_foods.group_labels(item.get("groups", [])),
            "servings": f"{item.get('servings', 1):g}",
            "plant": item.get("plant"),
            "custom": item.get("custom", False),
            "unsure": item.get("confidence", 1) < 1,
            "form_id": f"fix-{meal.pk}-{i}",
        }
        for i, item in enumerate(analysis.get("items", []))
    ]
    return {
        "meal": meal,
        "items": items,
        "unknown": [
            {"text": text, "form_id": f"teach-{meal.pk}-{i}"}
            for i, text in enumerate(analysis.get("unknown", []))
        ],
        "analysed": meal.analysis is not None,
    }


def day_url(request: AuthenticatedHttpRequest, day: date) -> str:
    if day == request.user.today():
        return reverse("diary:today")
    return reverse("diary:day", kwargs={"day": day})


def preset_moment(request: AuthenticatedHttpRequest, day: date) -> datetime:
    """When a meal added for ``day`` is set to: now on today, this time of day on a past day."""
    now = request.user.local_now().replace(second=0, microsecond=0, tzinfo=None)
    return now if day >= now.date() else datetime.combine(day, now.time())


def day_meals(request: AuthenticatedHttpRequest, day: date) -> dict[str, Any]:
    """Always shown: a day without meals still offers the form to add one."""
    meals = [meal_view(meal) for meal in queries.meals_on(request.user, day)]
    return {
        "template": "diary/panels/meals.html",
        "day": day,
        "meals": meals,
        "back": day_url(request, day),
        "when": preset_moment(request, day).strftime("%Y-%m-%dT%H:%M"),
        "food_names": (
            meal_corrections.known_food_names(request.user)
            if any(row["items"] for row in meals)
            else []
        ),
    }
