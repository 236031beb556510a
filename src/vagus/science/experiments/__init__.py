"""N-of-1 self-experiments: randomised paired designs, their analysis, and planning.

Public API (see ARCHITECTURE.md, "Contracts that must hold")::

    schedule = experiments.design(start, conditions=("usual", "kefir"), pairs=4, washout_days=2)
    schedule.condition_on(day)                       # "usual" | "kefir" | None
    result = experiments.analyse(schedule, outcome)  # estimate, ci, exact p, P(B better), ...
    experiments.describe(result, "anxiety", "kefir", "usual")
    experiments.power(effect=1.0, sd=1.5, autocorrelation=0.4, pairs=6)
    experiments.suggest_pairs(effect=1.0, sd=1.5, autocorrelation=0.4)
    experiments.estimate_variability(diary)          # (sd, lag-1 autocorrelation)

Modules: ``schedules`` (designs), ``randomisation`` (the exact sign-flip test), ``analysis``
(results), ``planning`` (power and variability), ``wording`` (plain-words summaries). The
method and references are in each module's docstring and in docs/experiments.md.
"""

from __future__ import annotations

from .analysis import MIN_PAIRS, PRIOR_PAIRS, ExperimentResult, analyse
from .planning import (
    History,
    PowerResult,
    describe_history,
    estimate_variability,
    pairs_needed_for_alpha,
    power,
    suggest_pairs,
)
from .randomisation import min_p_value, sign_flip_interval, sign_flip_p_value
from .schedules import Period, Schedule, design
from .wording import describe, verdict

__all__ = [
    "MIN_PAIRS",
    "PRIOR_PAIRS",
    "ExperimentResult",
    "History",
    "Period",
    "PowerResult",
    "Schedule",
    "analyse",
    "describe",
    "describe_history",
    "design",
    "estimate_variability",
    "min_p_value",
    "pairs_needed_for_alpha",
    "power",
    "sign_flip_interval",
    "sign_flip_p_value",
    "suggest_pairs",
    "verdict",
]
