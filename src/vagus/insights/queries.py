"""Reads for insights: one person's diary as a daily table, and what goes with an outcome.

What goes with a chosen outcome is the one read behind page, API and CLI
(:func:`insights_for`). The statistics are ``vagus.science.insights`` (docs/insights.md); this
module feeds it the person's daily table and turns its results into labelled findings.
Computed on request: a three-year diary takes a few tens of milliseconds
(``benchmarks/insights_page.py``), so there is nothing to cache and nothing to go stale.

The daily table (:func:`daily_frame`) has one row per calendar day. Rules for a day with
several values of one measure (check-in, imports, coping-tool sessions, meal analysis all
write to the one Observation table):

* minutes and counts add up across sources and entries (ten minutes of mindfulness typed in
  the check-in plus a ten-minute breathing session is twenty minutes);
* yes/no measures are "yes" if any entry says yes, so they stay 0/1;
* everything else (0–10 scales, hours, Bristol type, questionnaire totals) is the mean.

A day without any value of a measure is NaN: not logged is never read as zero. The
meal-derived measures (source "meal", e.g. ``fermented_servings``) need no special case here:
``vagus.diary.nutrition`` writes every one of them, zeros included, for each day with at least
one logged meal and none for other days. So a day with meals but no fermented food is 0, and a
day without logged meals is NaN (we do not know what was eaten), which is what the analysis
should see.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

import numpy as np
import pandas as pd
from django.urls import reverse

from vagus.diary.models import Measure, Observation
from vagus.insights import wording
from vagus.safety import medication
from vagus.science import insights as science

if TYPE_CHECKING:
    from vagus.accounts.models import User

SUMMED_KINDS = frozenset({"minutes", "count"})
#: How a person feels and what the body does: the check-in's symptoms, questionnaire totals,
#: mood logged on a phone and the body signals a watch records (heart rate, its variability,
#: breathing rate in sleep). They are never screened as causes of the outcome (they are
#: trivially linked to it and would loosen the false-discovery control for every habit); the
#: report shows how they move with it on the same day, as a description.
SYMPTOM_CODES = frozenset(
    {"anxiety", "mood", "stress", "gut_pain", "bloating", "urgency", "stool_form"}
    | {"sleep_quality", "hrv_sdnn", "hrv_rmssd", "resting_heart_rate", "respiratory_rate_sleep"}
    | {"state_of_mind_valence"}
)
ANY_KINDS = frozenset({"yesno"})


def daily_frame(user: User, start: date | None = None, end: date | None = None) -> pd.DataFrame:
    """One row per calendar day from ``start`` (or the first entry) to ``end`` (or the last).

    The index is a gap-free ``DatetimeIndex`` of the person's local days; there is one float
    column per measure code that has at least one value in the range, NaN where not logged.
    One database query.
    """
    rows = Observation.objects.owned_by(user).order_by()
    if start is not None:
        rows = rows.filter(day__gte=start)
    if end is not None:
        rows = rows.filter(day__lte=end)
    records = list(rows.values_list("measure__code", "measure__kind", "day", "value"))
    if not records:
        index = _calendar(start, end) if start and end else pd.DatetimeIndex([], freq="D")
        return pd.DataFrame(index=index, dtype=float)
    tall = pd.DataFrame.from_records(records, columns=["code", "kind", "day", "value"])
    tall["day"] = pd.to_datetime(tall["day"])
    how = np.where(
        tall["kind"].isin(SUMMED_KINDS),
        "sum",
        np.where(tall["kind"].isin(ANY_KINDS), "max", "mean"),
    )
    # Most days have one value per measure; only the rest need aggregating, each its own way.
    repeated = tall.duplicated(["day", "code"], keep=False).to_numpy()
    parts = [tall.loc[~repeated, ["day", "code", "value"]].set_index(["day", "code"])["value"]]
    for name in ("sum", "max", "mean"):
        chosen = tall.loc[repeated & (how == name)]
        if not chosen.empty:
            parts.append(chosen.groupby(["day", "code"])["value"].agg(name))
    frame = pd.concat(parts).unstack("code")
    frame.columns.name = None
    first = pd.Timestamp(start) if start else frame.index.min()
    last = pd.Timestamp(end) if end else frame.index.max()
    return frame.reindex(_calendar(first, last)).astype(float)


def _calendar(first: Any, last: Any) -> pd.DatetimeIndex:
    return pd.date_range(pd.Timestamp(first), pd.Timestamp(last), freq="D", name="day")


def measures_by_code(user: User) -> dict[str, Measure]:
    """Every measure the person can have values of (built-in and their own), by code."""
    return {m.code: m for m in Measure.objects.available_to(user)}


DEFAULT_OUTCOME = "anxiety"
DEFAULT_LAGS = (0, 1)
MAX_LAG = 7
MIN_DAYS = 14
#: The page's false-discovery rate: 0.05 together with the lasting rule keeps the chance that
#: someone looking every two days ever meets a false finding near 0.10 (docs/insights.md).
FDR = 0.05


class UnknownOutcomeError(ValueError):
    """The outcome code is not one of the person's measures that can be an outcome."""


@dataclass(frozen=True)
class Finding:
    """One factor at one lag with its wording. Estimates are per ``unit`` of the factor."""

    association: science.Association
    measure: Measure
    sentence: str
    unit: str
    experiment_url: str | None

    @property
    def when(self) -> str:
        return wording.when_words(self.association.lag)

    @property
    def label(self) -> str:
        return self.measure.label


@dataclass(frozen=True)
class Together:
    """A fellow symptom that moves with the outcome on the same day (a description)."""

    association: science.Association
    measure: Measure
    sentence: str

    @property
    def label(self) -> str:
        return self.measure.label


@dataclass(frozen=True)
class Waiting:
    """A factor with some days logged but too few to estimate yet."""

    measure: Measure
    days_needed: int


@dataclass
class Report:
    outcome: Measure
    lags: tuple[int, ...]
    logged_days: int
    found: list[Finding] = field(default_factory=list)
    not_clear: list[Finding] = field(default_factory=list)
    waiting: list[Waiting] = field(default_factory=list)
    #: Fellow symptoms that clearly move with the outcome on the same day.
    together: list[Together] = field(default_factory=list)
    #: Findings in today's diary that did not yet hold two and four weeks ago: listed with
    #: "nothing clear" until they last (repeated looks would otherwise find chance).
    settling: int = 0
    #: When nothing could be estimated: how many more logged days would make a first
    #: estimate possible (None when there are estimates already).
    more_days_needed: int | None = None

    @property
    def estimated(self) -> list[Finding]:
        return self.found + self.not_clear


def analysed(measures: dict[str, Measure]) -> dict[str, Measure]:
    """The measures insights may look at: every one except medication (``wording.NOT_MEDICATION``).

    Left out as factor, as outcome and as a column of the screen, on every page, API and CLI.
    """
    return {code: m for code, m in measures.items() if not medication.is_medication(m)}


def is_symptom(measure: Measure) -> bool:
    """Symptoms and body signals (described together), as against habits and exposures.

    Built-in symptoms, questionnaire totals and the person's own 0–10 ratings are symptoms;
    foods, sleep hours, activity, mindfulness, time with others, caffeine, alcohol, probiotic,
    steps and the person's other own measures are habits and exposures.
    """
    if measure.owner_id is None:
        return measure.code in SYMPTOM_CODES or measure.kind == "score"
    return measure.kind in ("scale", "score")


def outcome_choices(measures: dict[str, Measure], frame: pd.DataFrame) -> list[Measure]:
    """Measures that make sense as an outcome: those with values, and the check-in's own.

    Anxiety comes first, then the order of the check-in. Never medication.
    """
    chosen = [
        m
        for code, m in analysed(measures).items()
        if wording.can_be_outcome(m)
        and (code in frame.columns or (m.on_checkin and not m.archived))
    ]
    return sorted(chosen, key=lambda m: (m.code != DEFAULT_OUTCOME, m.position, m.label))


def resolve_outcome(measures: dict[str, Measure], code: str | None) -> Measure:
    code = code or DEFAULT_OUTCOME
    measure = measures.get(code)
    if measure is not None and medication.is_medication(measure):
        raise UnknownOutcomeError(f"outcome: “{code}” is medication. {wording.NOT_MEDICATION}")
    if measure is None or not wording.can_be_outcome(measure):
        raise UnknownOutcomeError(f"outcome: “{code}” is not one of your measures to look at.")
    return measure


def factor_choices(measures: dict[str, Measure], frame: pd.DataFrame) -> list[Measure]:
    """Measures with values to compare an outcome by, in check-in order. Never medication."""
    usable = analysed(measures)
    return sorted(
        (usable[code] for code in frame.columns if code in usable),
        key=lambda m: (m.position, m.label),
    )


def parse_lags(text: str | None) -> tuple[int, ...]:
    """ "0,1" → (0, 1); ValueError naming the field otherwise."""
    if not text:
        return DEFAULT_LAGS
    try:
        lags = tuple(sorted({int(part) for part in text.split(",") if part.strip()}))
    except ValueError:
        raise ValueError("lags: give whole numbers of days separated by commas, e.g. 0,1") from None
    if not lags or lags[0] < 0 or lags[-1] > MAX_LAG:
        raise ValueError(f"lags: each lag must be between 0 and {MAX_LAG} days")
    return lags


def insights_for(
    user: User,
    outcome_code: str | None = None,
    lags: tuple[int, ...] = DEFAULT_LAGS,
    *,
    frame: pd.DataFrame | None = None,
    measures: dict[str, Measure] | None = None,
) -> Report:
    """Screen every measure of the person's diary against the outcome (two queries)."""
    measures = measures_by_code(user) if measures is None else measures
    outcome = resolve_outcome(measures, outcome_code)
    frame = daily_frame(user) if frame is None else frame
    days = screen_input(frame, measures, outcome.code)
    report = Report(outcome=outcome, lags=lags, logged_days=int(days[outcome.code].notna().sum()))
    if days.empty:
        report.more_days_needed = MIN_DAYS + 1  # the first day has no "day before"
        return report
    columns = [c for c in days.columns if c != outcome.code]
    habits = [c for c in columns if not is_symptom(measures[c])]
    symptoms = [c for c in columns if is_symptom(measures[c])]
    results = science.associations(
        days, outcome.code, lags=lags, min_days=MIN_DAYS, fdr=FDR, factors=habits
    )
    lasting = science.lasting(
        days, outcome.code, lags=lags, min_days=MIN_DAYS, fdr=FDR, factors=habits, found=results
    )
    significant_factors = {a.factor for a in results if (a.factor, a.lag) in lasting}
    for association in results:
        shown = (association.factor, association.lag) in lasting
        finding = _finding(association, measures[association.factor], outcome, shown)
        if shown:
            report.found.append(finding)
        elif association.factor not in significant_factors:
            report.not_clear.append(finding)
    report.settling = len({a.factor for a in results if a.significant} - significant_factors)
    report.together = _together(days, outcome, symptoms, measures)
    report.found.sort(key=lambda f: (f.association.q_value, f.association.p_value))
    # One line per factor in the "nothing clear" list: the lag closest to a finding.
    best: dict[str, Finding] = {}
    for finding in report.not_clear:
        best.setdefault(finding.association.factor, finding)
    report.not_clear = sorted(best.values(), key=lambda f: (f.measure.position, f.label))
    estimated = {a.factor for a in results}
    factors = [c for c in habits if c not in estimated]
    for code in factors:
        needed = min(
            science.days_needed(days, outcome.code, code, lag=lag, min_days=MIN_DAYS)
            for lag in lags
        )
        if needed > 0:
            report.waiting.append(Waiting(measures[code], needed))
    report.waiting.sort(key=lambda w: (w.days_needed, w.measure.position))
    if not results:
        report.more_days_needed = _days_for_first_estimate(days, outcome.code, report.waiting)
    return report


def screen_input(frame: pd.DataFrame, measures: dict[str, Measure], outcome: str) -> pd.DataFrame:
    """The daily table as the screen sees it: minutes per half hour, known measures only.

    Medication is dropped here, so it is neither a factor nor anything else in the screen.
    """
    measures = analysed(measures)
    columns = [c for c in frame.columns if c in measures]
    days = frame[columns].copy()
    for code in columns:
        factor_step = wording.step(measures[code])
        if factor_step != 1 and code != outcome:
            days[code] = days[code] / factor_step
    if outcome not in days.columns:
        days[outcome] = float("nan")
    return days


def _days_for_first_estimate(days: pd.DataFrame, outcome: str, waiting: list[Waiting]) -> int:
    if waiting:
        return min(w.days_needed for w in waiting)
    # No factor logged at all (or only ones that copy the weekday): the outcome's own days.
    y = days[outcome]
    usable = int((y.notna() & y.shift(1).notna()).sum())
    return max(MIN_DAYS - usable, 1)


def shown_numbers(association: science.Association) -> tuple[float, float, float]:
    """Estimate and 95 % range as shown: selection-adjusted for a finding, plain otherwise."""
    a = association
    if a.significant and a.shown_estimate is not None:
        assert a.shown_low is not None and a.shown_high is not None
        return a.shown_estimate, a.shown_low, a.shown_high
    return a.estimate, a.ci_low, a.ci_high


def _together(
    days: pd.DataFrame, outcome: Measure, symptoms: list[str], measures: dict[str, Measure]
) -> list[Together]:
    """Fellow symptoms that clearly go with the outcome on the same day, strongest first."""
    if not symptoms:
        return []
    results = science.associations(
        days, outcome.code, lags=(0,), min_days=MIN_DAYS, fdr=FDR, factors=symptoms
    )
    together = [
        Together(
            a,
            measures[a.factor],
            science.describe_together(
                a,
                wording.noun_of(outcome),
                wording.noun_of(measures[a.factor]),
                symptom_unit=wording.factor_unit(measures[a.factor]),
                outcome_unit=wording.outcome_unit(outcome),
            ),
        )
        for a in results
        if a.significant
    ]
    return sorted(together, key=lambda t: t.association.p_value)


def _finding(
    association: science.Association, factor: Measure, outcome: Measure, shown: bool = True
) -> Finding:
    unit = wording.factor_unit(factor)
    if association.significant and not shown:
        # Not (yet) a finding: described with its plain estimate and "may be chance".
        association = replace(association, significant=False)
    sentence = science.describe(
        association,
        wording.noun_of(outcome),
        wording.noun_of(factor),
        factor_unit=unit,
        outcome_unit=wording.outcome_unit(outcome),
    )
    url = None
    if association.significant and medication.can_be_tested(factor):
        query = urlencode({"factor": factor.code, "outcome": outcome.code})
        url = f"{reverse('experiments:setup')}?{query}"
    return Finding(association, factor, sentence, unit, url)
