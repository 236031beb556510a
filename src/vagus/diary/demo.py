"""A demo account with about 120 days of made-up but realistic diary data.

The patterns are planted on purpose so the later pages have something true to find: poor
sleep raises next-day anxiety, gut pain travels with anxiety, and fermented food at
breakfast goes with slightly calmer days. The account is flagged ``is_demo`` and every
page says so.
"""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta
from typing import Any

from django.db import transaction

from vagus.accounts.models import User
from vagus.diary import nutrition
from vagus.diary.models import DayNote, Meal, Measure, Observation

DEMO_USERNAME = "demo"
DEMO_PASSWORD = "vagus-demo"
DEMO_DAYS = 120

BREAKFASTS = [
    "porridge with banana and kefir",
    "2 slices of wholemeal toast with peanut butter",
    "greek yogurt with berries and oats",
    "croissant and a latte",
    "bowl of cornflakes with milk",
    "scrambled eggs on sourdough",
]
LUNCHES = [
    "lentil soup with a wholemeal roll",
    "chicken salad sandwich",
    "leftover chickpea curry with brown rice",
    "ham sandwich and a bag of crisps",
    "miso soup and a tuna rice bowl",
    "jacket potato with beans",
]
DINNERS = [
    "salmon, broccoli and new potatoes",
    "spaghetti bolognese",
    "vegetable stir fry with tofu and noodles",
    "frozen pizza",
    "kimchi fried rice with an egg",
    "bean chilli with rice",
]


def create_demo_account(*, days: int = DEMO_DAYS, seed: int = 7) -> User | None:
    """Create the demo account unless it exists; returns it, or None if it already existed."""
    if User.objects.filter(username=DEMO_USERNAME).exists():
        return None
    with transaction.atomic():
        user = User(username=DEMO_USERNAME, time_zone="Europe/London", is_demo=True)
        user.set_password(DEMO_PASSWORD)
        user.save()
        _fill(user, days, random.Random(seed))
    return user


def _fill(user: User, days: int, rng: random.Random) -> None:
    measures = {m.code: m for m in Measure.objects.filter(owner__isnull=True)}
    today = user.today()
    observations: list[Observation] = []
    meals: list[Meal] = []
    notes: list[DayNote] = []
    level, previous_sleep = 4.5, 7.0
    for offset in range(days, 0, -1):
        day = today - timedelta(days=offset - 1)
        fermented = rng.random() < 0.4
        # Anxiety: yesterday's level carries over; short sleep and a weekday push it up.
        level = (
            0.6 * level
            + 0.4 * 4.5
            + 0.45 * (7.0 - previous_sleep)
            + (0.4 if day.weekday() < 5 else -0.4)
            - (0.5 if fermented else 0.0)
            + rng.gauss(0, 1.0)
        )
        sleep = min(max(rng.gauss(7.0, 1.0), 3.5), 10.0)
        previous_sleep = sleep
        if rng.random() < 0.1:  # an unlogged day, as real diaries have
            continue
        anxiety = _clip(level)
        values: dict[str, Any] = {
            "anxiety": anxiety,
            "mood": _clip(9 - 0.6 * anxiety + rng.gauss(0, 1)),
            "stress": _clip(anxiety + rng.gauss(0, 1.2)),
            "gut_pain": _clip(0.5 * anxiety + rng.gauss(0.5, 1.3)),
            "bloating": _clip(0.4 * anxiety + rng.gauss(1.0, 1.5)),
            "urgency": _clip(0.3 * anxiety + rng.gauss(0.0, 1.2)),
            "sleep_hours": round(sleep * 4) / 4,
            "sleep_quality": _clip(sleep - 1 + rng.gauss(0, 1.2)),
            "activity_minutes": max(0, round(rng.gauss(35, 20) / 5) * 5),
            "mindfulness_minutes": rng.choice([0, 0, 0, 5, 10, 15]),
            "social_minutes": max(0, round(rng.gauss(90, 60) / 15) * 15),
            "caffeine_drinks": rng.choice([0, 1, 1, 2, 2, 3]),
            "alcohol_units": rng.choice([0, 0, 0, 0, 1, 2, 4]),
            "probiotic": 1 if rng.random() < 0.3 else 0,
            "medication_as_prescribed": 1,
        }
        if rng.random() < 0.8:
            values["stool_form"] = min(max(round(rng.gauss(4 + 0.15 * (anxiety - 4), 1.2)), 1), 7)
        for code, value in values.items():
            observations.append(
                Observation(owner=user, measure=measures[code], day=day, value=float(value))
            )
        breakfast = rng.choice(BREAKFASTS[:3] if fermented else BREAKFASTS[3:])
        for text, hour in ((breakfast, 8), (rng.choice(LUNCHES), 13), (rng.choice(DINNERS), 19)):
            eaten = datetime.combine(day, time(hour, rng.randrange(0, 60)), tzinfo=user.zone())
            meals.append(Meal(owner=user, day=day, eaten_at=eaten, text=text))
        if rng.random() < 0.15:
            notes.append(
                DayNote(owner=user, day=day, text="Demo note: busy day, stomach unsettled.")
            )
    Observation.objects.bulk_create(observations, batch_size=500)
    nutrition.prepare_meals(user, meals)  # each distinct text analysed once
    Meal.objects.bulk_create(meals, batch_size=500)
    nutrition.recompute_days(user, {meal.day for meal in meals})  # meal-derived measures, in bulk
    DayNote.objects.bulk_create(notes)


def _clip(value: float) -> int:
    return int(min(max(round(value), 0), 10))
