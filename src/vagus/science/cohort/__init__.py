"""Cohort analysis: within-person and between-person effects across a study's participants.

Public API::

    analyse(frame, outcome, factors=None, *, engine="local", scheduler=None, min_days=10,
            workers=2, processes=True) -> CohortResult
    CohortResult.to_json() -> str   (CohortResult.to_dict() -> dict)
    screens(frame, outcome, factors=None, *, engine="local", scheduler=None, lags=(0, 1),
            min_days=14, fdr=0.05, workers=2, processes=True) -> ScreenSummary

``screens`` runs every participant's own N-of-1 screen (:mod:`vagus.science.insights`, the
insights page's rules) on their diary, here or on Dask, and counts per factor and lag how many
participants were screened and how many would be shown a finding in each direction
(:mod:`._screens`).

``frame`` is the tidy study export, one row per ``participant,date,measure,value``. Each factor
is analysed on its own (adjusted for weekday) as the random-slope model

    y_ij = b0 + bW (x_ij - xbar_i) + bB xbar_i + sum_d w_d [weekday(j) = d] + u0_i
           + u1_i (x_ij - xbar_i) + e_ij

where ``bW`` is the within-person effect (a person's better-than-usual day), ``bB`` the
between-person effect (people who are higher on average), and the SD of ``u1`` the spread of
the within-person slope across people. A pooled regression would mix ``bW`` and ``bB``; this
model keeps them apart (Curran & Bauer 2011; Hamaker & Muthén 2020).

The model is estimated in two stages from per-participant sufficient statistics
(:mod:`._stats`, :mod:`._pool`): one pass over the rows, which runs in this process or on Dask
(``engine="dask"``), then pooling over participants. At 365 days a person the two-stage
estimates agree closely with a full MixedLM fit and are two orders of magnitude cheaper;
``docs/cohort.md`` gives the measurements and the agreement. ``q`` is the Benjamini-Hochberg
(1995) adjustment of the within-person p-values over the factors.

These are associations between diaries, not causes.

References
----------
Curran PJ, Bauer DJ (2011). The disaggregation of within-person and between-person effects in
longitudinal models of change. Annu Rev Psychol 62:583-619.
Hamaker EL, Muthén B (2020). The fixed versus random effects debate and how it relates to
centering in multilevel modeling. Psychol Methods 25:365-379.
Viechtbauer W (2005). Bias and efficiency of meta-analytic variance estimators in the
random-effects model. J Educ Behav Stat 30:261-293.
Knapp G, Hartung J (2003). Improved tests for a random effects meta-regression with a single
covariate. Stat Med 22:2693-2710.
IntHout J, Ioannidis JPA, Borm GF (2014). The Hartung-Knapp-Sidik-Jonkman method for random
effects meta-analysis is straightforward and considerably outperforms the standard
DerSimonian-Laird method. BMC Med Res Methodol 14:25.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from vagus.science.cohort._engines import ENGINES, dask_statistics, local_statistics
from vagus.science.cohort._frame import to_wide
from vagus.science.cohort._pool import Pooled, pool
from vagus.science.cohort._screens import FactorScreen, ParticipantScreen, ScreenSummary, screens
from vagus.science.insights import benjamini_hochberg

if TYPE_CHECKING:
    from distributed import Client

__all__ = [
    "ENGINES",
    "BetweenEffect",
    "CohortResult",
    "FactorResult",
    "FactorScreen",
    "ParticipantScreen",
    "ScreenSummary",
    "WithinEffect",
    "analyse",
    "screens",
]


@dataclass(frozen=True)
class WithinEffect:
    estimate: float
    ci_low: float
    ci_high: float
    p: float
    q: float


@dataclass(frozen=True)
class BetweenEffect:
    estimate: float
    ci_low: float
    ci_high: float


@dataclass(frozen=True)
class FactorResult:
    factor: str
    participants: int
    observations: int
    within: WithinEffect
    between: BetweenEffect
    slope_sd: float | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "factor": self.factor,
            "participants": self.participants,
            "within": {
                "estimate": self.within.estimate,
                "ci_low": self.within.ci_low,
                "ci_high": self.within.ci_high,
                "p": self.within.p,
                "q": self.within.q,
            },
            "between": {
                "estimate": self.between.estimate,
                "ci_low": self.between.ci_low,
                "ci_high": self.between.ci_high,
            },
            "slope_sd": self.slope_sd,
        }


@dataclass(frozen=True)
class CohortResult:
    outcome: str
    participants: int  # used for at least one factor
    observations: int  # their days with the outcome and at least one factor logged
    factors: tuple[FactorResult, ...]
    left_out: dict[str, str] = field(default_factory=dict)  # factor -> why it was not estimated

    def to_dict(self) -> dict[str, Any]:
        return {
            "participants": self.participants,
            "observations": self.observations,
            "outcome": self.outcome,
            "factors": [f.to_dict() for f in self.factors],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), allow_nan=False)


def analyse(
    frame: pd.DataFrame,
    outcome: str,
    factors: Sequence[str] | None = None,
    *,
    engine: str = "local",
    scheduler: str | Client | None = None,
    min_days: int = 10,
    workers: int = 2,
    processes: bool = True,
) -> CohortResult:
    """Within- and between-person effects of each factor on ``outcome``.

    ``factors``: measure codes (default: every other measure in the frame). A participant
    counts for a factor with at least ``min_days`` days on which outcome and factor were both
    logged and the factor varies. Raises ``ValueError`` naming the problem for bad input, and
    when no factor can be estimated.
    """
    if engine not in ENGINES:
        raise ValueError(f"The engine must be one of {', '.join(ENGINES)}, not “{engine}”.")
    wide = to_wide(frame, outcome, factors)
    if engine == "local":
        stats, days_used = local_statistics(wide)
    else:
        stats, days_used = dask_statistics(wide, scheduler, workers=workers, processes=processes)
    pooled: dict[str, Pooled] = {}
    left_out: dict[str, str] = {}
    for index, name in enumerate(wide.factors):
        found = pool(stats[index], min_days)
        if isinstance(found, str):
            left_out[name] = found
        else:
            pooled[name] = found
    if not pooled:
        reasons = "; ".join(f"{name}: {why}" for name, why in left_out.items())
        raise ValueError(f"No factor could be estimated ({reasons}).")
    q_values = benjamini_hochberg(np.array([p.within[3] for p in pooled.values()]))
    results = tuple(
        FactorResult(
            factor=name,
            participants=p.participants,
            observations=p.observations,
            within=WithinEffect(*p.within, q=float(q)),
            between=BetweenEffect(*p.between),
            slope_sd=p.slope_sd,
        )
        for (name, p), q in zip(pooled.items(), q_values, strict=True)
    )
    anyone = np.zeros(len(wide.participants), dtype=bool)
    for p in pooled.values():
        anyone |= p.used
    return CohortResult(
        outcome=outcome,
        participants=int(anyone.sum()),
        observations=int(days_used[anyone].sum()),
        factors=results,
        left_out=left_out,
    )
