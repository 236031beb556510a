"""The built-in measures every person has. Custom measures are added per person."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from vagus.diary import kinds
from vagus.science import instruments


@dataclass(frozen=True)
class Builtin:
    code: str
    label: str
    kind: kinds.Kind
    direction: str  # "better" when higher is better, "worse" when higher is worse, "" if neither
    help: str = ""
    loinc: str = ""
    on_checkin: bool = True  # False: written by another part of Vagus, never typed in a check-in


# Order is the order of the check-in form: the feelings first, then the gut, then the day.
BUILTINS: tuple[Builtin, ...] = (
    Builtin("anxiety", "Anxiety", kinds.SCALE, "worse", "0 = calm, 10 = the most anxious"),
    Builtin("mood", "Mood", kinds.SCALE, "better", "0 = very low, 10 = very good"),
    Builtin("stress", "Stress", kinds.SCALE, "worse", "0 = none, 10 = overwhelming"),
    Builtin("gut_pain", "Gut pain", kinds.SCALE, "worse", "0 = none, 10 = the worst"),
    Builtin("bloating", "Bloating", kinds.SCALE, "worse", "0 = none, 10 = the worst"),
    Builtin("urgency", "Urgency", kinds.SCALE, "worse", "Needing the toilet in a hurry"),
    Builtin("stool_form", "Stool form", kinds.BRISTOL, "", "Bristol stool scale, if you went"),
    Builtin("sleep_hours", "Sleep last night", kinds.HOURS, "better", "Hours asleep"),
    Builtin("sleep_quality", "Sleep quality", kinds.SCALE, "better", "0 = very poor, 10 = great"),
    Builtin("activity_minutes", "Activity", kinds.MINUTES, "better", "Minutes of movement"),
    Builtin("mindfulness_minutes", "Mindfulness", kinds.MINUTES, "better", "Minutes practised"),
    Builtin("social_minutes", "Time with others", kinds.MINUTES, "better", "Minutes together"),
    Builtin("caffeine_drinks", "Caffeine drinks", kinds.COUNT, "", "Coffee, tea, energy drinks"),
    Builtin("alcohol_units", "Alcohol units", kinds.COUNT, "", "UK units"),
    Builtin("probiotic", "Probiotic or supplement taken", kinds.YES_NO, ""),
    Builtin(
        "medication_as_prescribed",
        "Medication taken as prescribed",
        kinds.YES_NO,
        "",
        "Only a record for you; Vagus never advises on medication",
    ),
)

# Questionnaire totals, written by vagus.questionnaires when a questionnaire is answered (source
# "questionnaire"). Never on the check-in form: a total is only meaningful from the full form.
QUESTIONNAIRE_SCORES: tuple[Builtin, ...] = tuple(
    Builtin(
        f"{instrument.code}_total",
        f"{instrument.name} total",
        kinds.SCORE,
        "worse" if instrument.higher_is_worse else "better",
        f"{instrument.min_total}–{instrument.max_total}, from the {instrument.name} questionnaire",
        instrument.total_loinc or "",
        on_checkin=False,
    )
    for instrument in instruments.INSTRUMENTS.values()
)

# Derived from the text of the day's meals by vagus.diary.nutrition (source "meal"): one value
# per measure per day that has meals, recomputed whenever a meal or a custom food changes.
_FROM_MEALS = "Counted from your meals"
MEAL_MEASURES: tuple[Builtin, ...] = tuple(
    Builtin(code, label, kinds.COUNT, direction, help_text, on_checkin=False)
    for code, label, direction, help_text in (
        ("fermented_servings", "Fermented food servings", "better", _FROM_MEALS),
        ("fibre_rich_servings", "Fibre-rich servings", "better", _FROM_MEALS),
        ("fruit_veg_servings", "Fruit and vegetable servings", "better", _FROM_MEALS),
        ("whole_grain_servings", "Whole grain servings", "better", _FROM_MEALS),
        ("legume_servings", "Beans, lentils and soy servings", "better", _FROM_MEALS),
        ("nuts_seeds_servings", "Nut and seed servings", "better", _FROM_MEALS),
        ("ultra_processed_servings", "Ultra-processed servings", "worse", _FROM_MEALS),
        ("added_sugar_servings", "Added sugar servings", "worse", _FROM_MEALS),
        ("alcohol_servings", "Alcoholic drinks", "", _FROM_MEALS),
        ("caffeine_servings", "Caffeinated drinks", "", _FROM_MEALS),
        ("plant_count", "Different plants", "better", "Distinct plants in that day's meals"),
        ("plant_count_7d", "Different plants in 7 days", "better", "That day and the 6 before"),
    )
)

# Values a phone or watch records, brought in by an import (never typed on the check-in).
DEVICE_MEASURES: tuple[Builtin, ...] = (
    Builtin(
        "steps",
        "Steps",
        kinds.STEPS,
        "better",
        "A day's total from a phone or watch",
        "41950-7",
        on_checkin=False,
    ),
    Builtin(
        "hrv_sdnn",
        "Heart rate variability (SDNN)",
        kinds.MILLISECONDS,
        "",
        "Daily mean of SDNN readings, in milliseconds",
        "80404-7",
        on_checkin=False,
    ),
    # RMSSD is a different measure of variability (Fitbit, Oura): never stored as SDNN.
    Builtin(
        "hrv_rmssd",
        "Heart rate variability (RMSSD)",
        kinds.MILLISECONDS,
        "",
        "Nightly RMSSD from a tracker, in milliseconds",
        on_checkin=False,
    ),
    Builtin(
        "resting_heart_rate",
        "Resting heart rate",
        kinds.PER_MINUTE,
        "",
        "Beats per minute at rest, from a phone or watch",
        "40443-4",
        on_checkin=False,
    ),
    Builtin(
        "respiratory_rate_sleep",
        "Breathing rate during sleep",
        kinds.PER_MINUTE,
        "",
        "Mean breaths per minute while asleep",
        "9279-1",
        on_checkin=False,
    ),
    Builtin(
        "state_of_mind_valence",
        "State of mind",
        kinds.VALENCE,
        "better",
        "Daily mean of logged feelings, −1 very unpleasant to 1 very pleasant",
        on_checkin=False,
    ),
)

# Plain descriptions of the Bristol stool form scale (Lewis & Heaton 1997), in our own words.
BRISTOL_TYPES: dict[int, str] = {
    1: "Separate hard lumps",
    2: "Lumpy and sausage-shaped",
    3: "Sausage-shaped with cracks",
    4: "Smooth and soft, like a sausage",
    5: "Soft blobs with clear edges",
    6: "Mushy, with ragged edges",
    7: "Watery, no solid pieces",
}


def sync_builtin_measures(**_: Any) -> None:
    """Create or update the built-in measures (run after every migrate)."""
    from vagus.diary.models import Measure

    for position, builtin in enumerate(
        BUILTINS + QUESTIONNAIRE_SCORES + MEAL_MEASURES + DEVICE_MEASURES
    ):
        Measure.objects.update_or_create(
            owner=None,
            code=builtin.code,
            defaults={
                "label": builtin.label,
                "kind": builtin.kind.code,
                "direction": builtin.direction,
                "help_text": builtin.help,
                "loinc": builtin.loinc,
                "position": position,
                "on_checkin": builtin.on_checkin,
            },
        )
