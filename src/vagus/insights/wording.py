"""How measures are named in insight sentences: labels as noun phrases, and their units.

The sentences themselves come from ``vagus.science.insights.describe``; this module only
supplies the words it needs for each measure in the diary.
"""

from __future__ import annotations

from typing import Any

# Minutes are screened per half hour: "one minute more of activity" is too small to read.
MINUTES_PER_STEP = 30.0
# Likewise steps per thousand: "one step more" is far too small to read.
STEPS_PER_STEP = 1000.0

_UNIT_BY_KIND = {
    "hours": ("hour", "hours"),
    "minutes": ("half hour", "minutes"),
    "scale": ("point", "points"),
    "score": ("point", "points"),
    "bristol": ("type", "types"),
    "steps": ("thousand steps", "steps"),
    "ms": ("millisecond", "milliseconds"),
}
# Counts name what is counted; the meal-derived ones count servings, plants or drinks.
_COUNT_UNITS = {
    "caffeine_drinks": ("drink", "drinks"),
    "alcohol_units": ("unit", "units"),
    "alcohol_servings": ("drink", "drinks"),
    "caffeine_servings": ("drink", "drinks"),
    "plant_count": ("plant", "plants"),
    "plant_count_7d": ("plant", "plants"),
}
# How built-in measures read inside a sentence ("one hour more of sleep"); custom measures use
# their own label.
_NOUNS = {
    "sleep_hours": "sleep",
    "probiotic": "a probiotic or supplement",
    "medication_as_prescribed": "your medication as prescribed",
    "caffeine_drinks": "caffeine",
    "alcohol_units": "alcohol",
    "fermented_servings": "fermented food",
    "fibre_rich_servings": "fibre-rich food",
    "fruit_veg_servings": "fruit and vegetables",
    "whole_grain_servings": "whole grains",
    "legume_servings": "beans, lentils and soy",
    "nuts_seeds_servings": "nuts and seeds",
    "ultra_processed_servings": "ultra-processed food",
    "added_sugar_servings": "added sugar",
    "alcohol_servings": "alcohol (from meals)",
    "caffeine_servings": "caffeine (from meals)",
    "plant_count": "plant variety",
    "plant_count_7d": "plant variety over 7 days",
}
NOT_CAUSE = "This is an association, not proof of cause."
# Confounding by indication: a medicine taken as needed is taken on the bad days, so it would
# "go with" worse anxiety and read as a reason to stop it.
NOT_MEDICATION = (
    "Medication is not analysed here. People often take a medicine on the days they feel "
    "worse, so it would seem to go with worse days even when it helps, and a link shown here "
    "could mislead. Talk about how a medicine works for you with whoever prescribes it."
)


def noun_of(measure: Any) -> str:
    """The measure as it reads inside a sentence: "sleep", "gut pain", "GAD-7 total"."""
    if measure.owner_id is None and measure.code in _NOUNS:
        return _NOUNS[measure.code]
    return noun(measure.label)


def noun(label: str) -> str:
    """A label as it reads inside a sentence: "Gut pain" → "gut pain", "GAD-7 total" kept."""
    if len(label) > 1 and label[0].isupper() and label[1].islower():
        return label[0].lower() + label[1:]
    return label


def factor_unit(measure: Any) -> str:
    """The singular unit one step of the factor is measured in ("hour", "serving")."""
    if measure.kind == "count":
        if measure.code in _COUNT_UNITS:
            return _COUNT_UNITS[measure.code][0]
        return "serving" if measure.code.endswith("_servings") else "unit"
    return _UNIT_BY_KIND.get(measure.kind, ("unit", "units"))[0]


def outcome_unit(measure: Any) -> str:
    """The plural unit an outcome changes in ("points", "hours")."""
    if measure.kind == "count":
        if measure.code in _COUNT_UNITS:
            return _COUNT_UNITS[measure.code][1]
        return "servings" if measure.code.endswith("_servings") else "units"
    return _UNIT_BY_KIND.get(measure.kind, ("unit", "units"))[1]


def step(measure: Any) -> float:
    """How many stored units make one step of the factor (30 for minutes, 1,000 for steps)."""
    return {"minutes": MINUTES_PER_STEP, "steps": STEPS_PER_STEP}.get(measure.kind, 1.0)


def can_be_outcome(measure: Any) -> bool:
    """Yes/no measures are left out as outcomes: "0.2 points more yes" means nothing."""
    return measure.kind != "yesno"


def when_words(lag: int) -> str:
    return "same day" if lag == 0 else "the day after" if lag == 1 else f"{lag} days after"
