"""Reads for experiments: the outcome and adherence series, the result, and the power estimate.

Outcome values come straight from the person's Observations (built-in measure, mean per day),
so an experiment's result can always be recomputed from the diary.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

import pandas as pd

from vagus.diary.models import Observation
from vagus.experiments.library import OUTCOMES
from vagus.experiments.models import COMPLETED, AdherenceAnswer, Experiment
from vagus.science import experiments as core

if TYPE_CHECKING:
    from vagus.accounts.models import User

VARIABILITY_DAYS = 60
POWER_SIMULATIONS = 1000  # enough for a planning figure (Monte Carlo se about 0.015)


def outcome_series(user: User, code: str, first: date, last: date) -> pd.Series:
    """Daily mean of a built-in measure in [first, last], indexed by date (days logged only)."""
    by_day: dict[date, list[float]] = defaultdict(list)
    rows = (
        Observation.objects.owned_by(user)
        .filter(measure__code=code, measure__owner__isnull=True, day__range=(first, last))
        .values_list("day", "value")
    )
    for day, value in rows:
        by_day[day].append(value)
    days = sorted(by_day)
    return pd.Series([sum(by_day[d]) / len(by_day[d]) for d in days], index=days, dtype=float)


def adherence_series(answers: list[AdherenceAnswer]) -> pd.Series:
    """1 followed / 0 not, per answered day (paused days have no outcome, so never count)."""
    values = {a.day: 1.0 if a.followed else 0.0 for a in answers}
    days = sorted(values)
    return pd.Series([values[d] for d in days], index=days, dtype=float)


@dataclass(frozen=True)
class Analysis:
    result: core.ExperimentResult
    outcome: pd.Series  # what was analysed (paused days removed)
    answers: list[AdherenceAnswer]
    paused_days: set[date]


def analysis_for(user: User, experiment: Experiment) -> Analysis:
    """The trial analysed as the core does it, with paused days left out of the comparison."""
    schedule = experiment.design
    until = min(user.today(), schedule.end)
    paused = experiment.paused_days(until)
    outcome = outcome_series(user, experiment.outcome, schedule.start, schedule.end)
    outcome = outcome[[day not in paused for day in outcome.index]]
    answers = list(AdherenceAnswer.objects.owned_by(user).filter(experiment=experiment))
    result = core.analyse(
        schedule,
        outcome,
        adherence=adherence_series(answers),
        lower_is_better=experiment.lower_is_better,
        smallest_change=experiment.smallest_change,
    )
    return Analysis(result, outcome, answers, paused)


def has_result(experiment: Experiment, today: date) -> bool:
    """Only a finished, never a stopped, experiment is reported as a result."""
    return experiment.state_on(today) == COMPLETED


@dataclass(frozen=True)
class PowerEstimate:
    sd: float
    autocorrelation: float
    logged_days: int
    own_data: bool  # False: too little diary, the defaults were used
    effect: float
    pairs: int
    power: float
    min_p_value: float
    possible: bool
    pairs_needed_for_alpha: int
    suggested_pairs: int | None
    typical_ci_half_width: float
    total_days: int
    build_up_days: float = 0.0  # the change's build-up/fade time the simulation allowed for
    missing: float = 0.0  # share of days the person skipped, simulated as skipped

    def as_json(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


def power_estimate(
    user: User,
    outcome: str,
    effect: float,
    period_days: int,
    washout_days: int,
    pairs: int,
    build_up_days: float = 0.0,
    start: date | None = None,
) -> PowerEstimate:
    """How likely this design is to find ``effect``, simulated from the person's own history:
    their day-to-day variation, autocorrelation, weekday pattern and skipped days, with the
    change building up and fading over ``build_up_days`` (the library says how long).

    Raises ValueError outside the limits the set-up accepts (simulating designs far beyond
    them would be slow, and they cannot be started anyway).
    """
    from vagus.experiments.actions import MAX_PAIRS, MAX_PERIOD_DAYS

    if outcome not in OUTCOMES or not 2 <= pairs <= MAX_PAIRS:
        raise ValueError("outcome or pairs out of range")
    if not 0 <= washout_days < period_days <= MAX_PERIOD_DAYS or not 0 < effect <= 100:
        raise ValueError("period, settling-in days or effect out of range")
    today = user.today()
    history = outcome_series(user, outcome, today - timedelta(days=VARIABILITY_DAYS - 1), today)
    own_history = core.describe_history(history)
    sd, autocorrelation = own_history.sd, own_history.autocorrelation
    own = len(history) >= 14
    first = start if isinstance(start, date) else today + timedelta(days=1)
    weekdays = own_history.weekday_pattern
    if weekdays:  # the power simulation starts its pattern on the trial's first day
        weekdays = weekdays[first.weekday() :] + weekdays[: first.weekday()]
    missing = own_history.missing
    planned = core.power(
        effect,
        sd,
        autocorrelation,
        period_days,
        washout_days,
        pairs,
        n_sim=POWER_SIMULATIONS,
        build_up_days=build_up_days,
        missing=missing,
        weekday_pattern=weekdays,
    )
    suggested = core.suggest_pairs(
        effect,
        sd,
        autocorrelation,
        period_days,
        washout_days,
        n_sim=POWER_SIMULATIONS,
        build_up_days=build_up_days,
        missing=missing,
        weekday_pattern=weekdays,
    )
    return PowerEstimate(
        sd=sd,
        autocorrelation=autocorrelation,
        logged_days=len(history),
        own_data=own,
        effect=effect,
        pairs=pairs,
        power=planned.power,
        min_p_value=planned.min_p_value,
        possible=planned.possible,
        pairs_needed_for_alpha=planned.pairs_needed_for_alpha,
        suggested_pairs=suggested,
        typical_ci_half_width=planned.typical_ci_half_width,
        total_days=2 * pairs * period_days,
        build_up_days=build_up_days,
        missing=own_history.missing,
    )


def outcome_scale(experiment: Experiment) -> float:
    return OUTCOMES[experiment.outcome].scale_max
