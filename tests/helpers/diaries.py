"""A diary with known truth for the insights tests, written straight into the tall table."""

from __future__ import annotations

from datetime import timedelta

import numpy as np

from vagus.diary.models import Measure, Observation

# The truth planted by ``plant_diary``: anxiety falls 0.6 points per hour of sleep that day,
# 1.0 point per serving of fermented food the day before, and 0.5 points per half hour of
# mindfulness that day; caffeine has no effect at all.
SLEEP_PER_HOUR = -0.6
FERMENTED_NEXT_DAY = -1.0
MINDFULNESS_PER_HALF_HOUR = -0.5


def plant_diary(user, days: int = 120, seed: int = 3, *, start=None) -> list[Observation]:
    """``days`` consecutive days ending yesterday (or from ``start``), bulk-created."""
    rng = np.random.default_rng(seed)
    measures = {m.code: m for m in Measure.objects.filter(owner__isnull=True)}
    first = start or user.today() - timedelta(days=days)
    rows: list[Observation] = []
    level, fermented_yesterday = 0.0, 0.0
    for offset in range(days):
        day = first + timedelta(days=offset)
        sleep = float(np.clip(rng.normal(7, 1), 4, 10))
        fermented = float(rng.choice([0, 0, 1, 2]))
        mindfulness = float(rng.choice([0, 0, 10, 20, 30, 45, 60]))
        caffeine = float(rng.choice([0, 1, 2, 3]))
        level = 0.4 * level + rng.normal(0, 1)
        anxiety = (
            5
            + level
            + SLEEP_PER_HOUR * (sleep - 7)
            + FERMENTED_NEXT_DAY * fermented_yesterday
            + MINDFULNESS_PER_HALF_HOUR * mindfulness / 30
        )
        fermented_yesterday = fermented
        values = {
            "anxiety": float(np.clip(anxiety, 0, 10)),
            "sleep_hours": round(sleep * 4) / 4,
            "mindfulness_minutes": mindfulness,
            "caffeine_drinks": caffeine,
            "mood": float(rng.integers(3, 9)),
        }
        for code, value in values.items():
            rows.append(Observation(owner=user, measure=measures[code], day=day, value=value))
        rows.append(
            Observation(
                owner=user,
                measure=measures["fermented_servings"],
                day=day,
                value=fermented,
                source="meal",
            )
        )
    return Observation.objects.bulk_create(rows, batch_size=1000)
