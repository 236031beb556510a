"""Sentences of the clinician report: plain, dated, never a diagnosis or medication advice."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from vagus.science import experiments as core
from vagus.science import instruments
from vagus.science.experiments import wording as trial

if TYPE_CHECKING:
    from vagus.reports.shapes import ScorePoint
    from vagus.tools.models import ThoughtRecord

NOT_PROOF = "Each is an association, not proof of cause."
NOT_A_DIAGNOSIS = (
    "Made by the person from their own Vagus diary. Questionnaire totals are screening "
    "scores, not a diagnosis."
)
MEDICATION_NOTE = "Recorded by the person; Vagus never advises on medication."
SAFETY_NONE = "No self-harm answers and no crisis pages in this period."
SELF_HARM_FLAG = "self_harm_risk"
VERDICTS = {
    trial.CLEARLY_BETTER: "Clearly better, by more than the smallest worthwhile change",
    trial.BETTER: "Better",
    trial.WORSE: "Worse",
    trial.LITTLE_DIFFERENCE: "Little difference",
    trial.UNCLEAR: "Unclear",
    trial.UNREACHABLE: "Too few pairs to tell",
    "": "Not enough data to compare",
}


def initials(username: str) -> str:
    """ "ann.smith" → "A. S.": a report names nobody unless the person asks."""
    parts = [p for p in re.split(r"[^A-Za-z0-9]+", username) if p]
    return " ".join(f"{p[0].upper()}." for p in parts[:3]) or "—"


def day_words(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def period_words(start: date, end: date) -> str:
    days = (end - start).days + 1
    length = f"{days // 7} weeks" if days % 7 == 0 else f"{days} days"
    return f"{day_words(start)} to {day_words(end)} ({length})"


def number(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def signed(value: float) -> str:
    text = number(abs(value))
    return "0" if text == "0" else ("+" if value > 0 else "−") + text


def _self_harm_item(instrument: instruments.Instrument) -> int | None:
    for rule in instrument.flag_rules:
        if rule.flag == SELF_HARM_FLAG and rule.item is not None:
            return rule.item
    return None


def self_harm_answer(code: str, answers: Sequence[Any], crisis_page: bool) -> str:
    """ "PHQ-9 question 9 (thoughts of being better off dead or of self-harm): “Several days”"."""
    instrument = instruments.get(code)
    item = _self_harm_item(instrument)
    text = f"{instrument.name}: a self-harm answer"
    if item is not None and item <= len(answers):
        value = answers[item - 1]
        labels = {o.value: o.label for o in instrument.answer_options}
        shown = labels.get(value, f"{value}")
        text = (
            f"{instrument.name} question {item} (thoughts of being better off dead or of "
            f"hurting oneself) answered “{shown}” ({value} of {instrument.item_max})"
        )
    return text + ("; the crisis page was shown." if crisis_page else ".")


def alert_words(source: str) -> str:
    if source == "tools":
        return (
            "Words about suicide or self-harm written in a journal entry, thought record or "
            "worry; the crisis page was shown."
        )
    return "A self-harm answer in a questionnaire that was not saved; the crisis page was shown."


def score_summary(
    instrument: instruments.Instrument,
    points: Sequence[ScorePoint],
    change: float | None,
    meaningful: bool,
) -> str:
    first, last = points[0], points[-1]
    if len(points) == 1:
        return f"{number(first.total)} ({first.band.lower()}) on {day_words(first.day)}."
    text = (
        f"{number(first.total)} ({first.band.lower()}) on {day_words(first.day)} to "
        f"{number(last.total)} ({last.band.lower()}) on {day_words(last.day)}, "
        f"{len(points)} answers"
    )
    if change is None or change == 0:
        return text + ": no change."
    moved = "down" if change < 0 else "up"
    threshold = instrument.meaningful_change
    if threshold is None:
        return text + f": {moved} {number(abs(change))}."
    size = "a meaningful change" if meaningful else "less than a meaningful change"
    return text + f": {moved} {number(abs(change))}, {size} ({threshold:g} points or more)."


def threshold_line(name: str, threshold: float | None, source: str | None) -> str:
    if threshold is None:
        return ""
    cited = f" ({_short_source(source)})" if source else ""
    return f"{name}: a change of {threshold:g} points or more is meaningful for one person{cited}."


def _short_source(source: str) -> str:
    """ "Toussaint A, Hüsing P, … 2020; …" → "Toussaint et al. 2020"."""
    author = source.split(" ", 1)[0].rstrip(",")
    year = re.search(r"\b(19|20)\d\d\b", source)
    return f"{author} et al. {year.group(0)}" if year else author


def unfinished_words(state: str, end: date, stopped: date | None) -> str:
    if state == "stopped":
        when = f" on {day_words(stopped)}" if stopped else ""
        return f"Stopped early{when}: no result is reported."
    if state == "paused":
        return "Paused."
    return f"Still running, until {day_words(end)}."


def experiment_numbers(result: core.ExperimentResult) -> str:
    """ "B minus usual −1.2 (95 % interval −2.0 to −0.4), 6 pairs, adherence 90 %"."""
    if not result.enough_data:
        return f"{result.n_pairs} of {result.pairs_planned} pairs of periods with data."
    parts = [f"Difference {signed(result.estimate)}"]
    if math.isfinite(result.ci_low) and math.isfinite(result.ci_high):
        parts[0] += f" (95 % interval {signed(result.ci_low)} to {signed(result.ci_high)})"
    parts.append(f"{result.n_pairs} pairs")
    if result.adherence is not None:
        parts.append(f"followed on {round(100 * result.adherence)} % of days")
    return ", ".join(parts) + "."


def lag_words(lag: int) -> str:
    return "same day" if lag == 0 else "next day" if lag == 1 else f"{lag} days later"


def thought_record_text(record: ThoughtRecord) -> str:
    labels = {
        "situation": "Situation",
        "automatic_thought": "Thought",
        "emotions": "Feelings",
        "evidence_for": "For",
        "evidence_against": "Against",
        "balanced_thought": "Balanced thought",
    }
    return " · ".join(f"{labels[k]}: {v}" for k, v in record.texts().items() if v)
