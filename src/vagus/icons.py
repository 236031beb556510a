"""The project's own line icons: which file each name is, and which icon a measure shows.

The SVG files live in diary/static/vagus/icons/ (with their LICENSE); templates insert them
inline through ``{% icon "name" %}`` so they take the text colour and need no extra request.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

ICON_DIR = Path(__file__).resolve().parent / "diary" / "static" / "vagus" / "icons"

# Measure code -> icon name. A measure not listed (a custom one) shows the plain "measure" icon.
MEASURE_ICONS: dict[str, str] = {
    "anxiety": "anxiety",
    "mood": "mood",
    "stress": "stress",
    "gut_pain": "gut",
    "bloating": "bloating",
    "urgency": "urgency",
    "stool_form": "stool",
    "sleep_hours": "sleep",
    "sleep_quality": "sleep",
    "activity_minutes": "activity",
    "mindfulness_minutes": "mindfulness",
    "social_minutes": "social",
    "caffeine_drinks": "caffeine",
    "caffeine_servings": "caffeine",
    "alcohol_units": "alcohol",
    "alcohol_servings": "alcohol",
    "probiotic": "probiotic",
    "medication_as_prescribed": "probiotic",
    "water": "water",
    "steps": "steps",
    "resting_heart_rate": "heart",
    "hrv_sdnn": "heart",
    "plant_count": "plants",
    "plant_count_7d": "plants",
    "fermented_servings": "food",
    "fibre_rich_servings": "food",
    "fruit_veg_servings": "food",
    "whole_grain_servings": "food",
    "legume_servings": "food",
    "nuts_seeds_servings": "food",
    "ultra_processed_servings": "food",
    "added_sugar_servings": "food",
}
FALLBACK = "measure"


def icon_path(name: str) -> Path:
    return ICON_DIR / f"{name}.svg"


@cache
def icon_markup(name: str) -> str:
    """The icon's SVG, hidden from assistive technology: it always sits beside words."""
    svg = icon_path(name).read_text(encoding="utf-8").strip()
    return svg.replace("<svg ", '<svg class="icon" aria-hidden="true" focusable="false" ', 1)


def measure_icon_name(code: str) -> str:
    return MEASURE_ICONS.get(code, FALLBACK)
