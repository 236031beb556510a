"""What a score means, in plain and calm words. Never a diagnosis, never medication advice.

Every sentence says "usually called": a band is a published range of totals, not a verdict
about the person. Change is judged against the instrument's published, cited threshold.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from vagus.science import instruments

# What each instrument's bands describe, to finish "in the range usually called …".
_TOPIC = {
    "gad7": "anxiety",
    "gad2": "anxiety",
    "phq9": "depression",
    "phq8": "depression",
    "phq4": "distress (anxiety and low mood together)",
    "ibs_sss": "IBS symptoms",
}
_BAND_PHRASE = {
    ("gad2", "negative"): "a negative screen for anxiety",
    ("gad2", "positive"): "a positive screen for anxiety",
    ("ibs_sss", "remission"): "remission of IBS symptoms",
    ("phq4", "normal"): "the normal range",
}

# From these totals a gentle suggestion to talk with a professional is shown: the published
# cut-offs for "worth a closer look" (GAD-7, PHQ-8, PHQ-9 ≥ 10; GAD-2 ≥ 3; PHQ-4 ≥ 6).
SUGGEST_PROFESSIONAL_AT = {"gad7": 10, "phq9": 10, "phq8": 10, "gad2": 3, "phq4": 6}

NOT_A_DIAGNOSIS = (
    "A questionnaire is a way to keep track, not a diagnosis. Only a professional who talks with "
    "you can tell what is going on."
)


def band_phrase(code: str, band: str) -> str:
    """e.g. "moderate anxiety", "moderately severe depression"."""
    if (code, band) in _BAND_PHRASE:
        return _BAND_PHRASE[(code, band)]
    display = instruments.get(code).band_display(band).lower()
    return f"{display} {_TOPIC[code]}"


def total_sentence(code: str, total: float, band: str) -> str:
    """ "Your answers add up to 12 of 21, in the range usually called moderate anxiety." """
    instrument = instruments.get(code)
    return (
        f"Your answers add up to {total:g} of {instrument.max_total}, in the range usually "
        f"called {band_phrase(code, band)}."
    )


def suggests_professional(code: str, total: float) -> bool:
    threshold = SUGGEST_PROFESSIONAL_AT.get(code)
    return threshold is not None and total >= threshold


@dataclass(frozen=True)
class ChangeWords:
    headline: str  # e.g. "4 points lower than last time"
    meaning: str  # what that size of change usually means, with its threshold
    source: str | None  # the study the threshold comes from
    direction: str  # "better", "worse" or "same"
    meaningful: bool


def change_words(code: str, previous: float, current: float, previous_day: date) -> ChangeWords:
    """How the total moved since the last time, and whether that size of change counts."""
    instrument = instruments.get(code)
    change = instruments.change(code, previous, current)
    size = abs(change.delta)
    when = f"{previous_day.day} {previous_day:%B %Y}"
    if change.direction == "same":
        headline = f"The same total as last time ({when}): {previous:g}."
    else:
        higher = "higher" if change.delta > 0 else "lower"
        points = "point" if size == 1 else "points"
        headline = f"{size:g} {points} {higher} than last time ({when}), when it was {previous:g}."
    threshold = change.threshold
    if threshold is None:
        meaning = (
            f"There is no published figure for how big a change in the {instrument.name} "
            "matters, so small moves are best read as ordinary ups and downs."
        )
    elif change.direction == "same" or not change.meaningful:
        meaning = (
            f"Studies count a change of {threshold:g} points or more as one people notice; "
            "this is smaller, so it may be ordinary ups and downs."
        )
    elif change.direction == "better":
        meaning = (
            f"That is at least the {threshold:g} points studies count as a change people "
            "notice: a real improvement."
        )
    else:
        meaning = (
            f"That is at least the {threshold:g} points studies count as a change people "
            "notice. It may help to talk about how things have been with someone you trust, "
            "or with a doctor or therapist."
        )
    return ChangeWords(
        headline,
        meaning,
        instrument.meaningful_change_source,
        change.direction,
        change.meaningful,
    )
