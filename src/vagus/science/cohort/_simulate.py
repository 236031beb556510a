"""Known-truth cohorts for the tests and the benchmark (vectorised: one draw per array).

Each participant ``i`` has a person mean ``m_i`` of every factor and logs ``days`` days in a
row (a share ``missing`` of values left out at random). The outcome is

    y = 5 + sum_k [within_k + u_ik] (x_k - m_ik) + between_k m_ik + weekday + a_i + e

with random slopes ``u_ik ~ N(0, slope_sd_k^2)``, person intercepts ``a_i ~ N(0, 1)``, a
weekend lift of 0.5 and ``e ~ N(0, 1)``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd


@dataclass(frozen=True)
class Truth:
    within: float
    between: float
    slope_sd: float = 0.0


DEFAULT = {
    "sleep_hours": Truth(within=-0.4, between=0.6, slope_sd=0.2),
    "fermented": Truth(within=0.0, between=-0.8, slope_sd=0.0),
}


def simulate_cohort(
    rng: np.random.Generator,
    participants: int,
    days: int,
    truth: Mapping[str, Truth] | None = None,
    *,
    missing: float = 0.0,
    tidy: bool = True,
) -> pd.DataFrame:
    """The tidy frame (or, with ``tidy=False``, one wide row per participant-day)."""
    truth = DEFAULT if truth is None else truth
    rows = participants * days
    person = np.repeat(np.arange(participants), days)
    day = np.tile(np.arange(days), participants)
    dates = np.datetime64("2026-01-05") + day  # a Monday
    weekday = (day % 7).astype(np.int64)
    y = 5.0 + 0.5 * (weekday >= 5) + rng.normal(0.0, 1.0, participants)[person]
    y = y + rng.normal(0.0, 1.0, rows)
    columns = []
    for t in truth.values():
        person_mean = rng.normal(0.0, 1.0, participants)[person]
        x = person_mean + rng.normal(0.0, 1.0, rows)
        slope = (
            t.within + rng.normal(0.0, t.slope_sd, participants)[person] if t.slope_sd else t.within
        )
        y = y + slope * (x - person_mean) + t.between * person_mean
        columns.append(x)
    measures = [*truth, "anxiety"]
    values = np.column_stack([*columns, y])
    if missing:
        values[rng.random(values.shape) < missing] = np.nan
    if not tidy:
        return pd.DataFrame(
            {"participant": person, "date": dates} | dict(zip(measures, values.T, strict=True))
        )
    width = len(measures)
    flat = values.reshape(-1)
    keep = np.isfinite(flat)
    return pd.DataFrame(
        {
            "participant": pd.Categorical.from_codes(
                np.repeat(person, width)[keep], [f"p{i:05d}" for i in range(participants)]
            ),
            "date": np.repeat(dates, width)[keep],
            "measure": pd.Categorical.from_codes(np.tile(np.arange(width), rows)[keep], measures),
            "value": flat[keep],
        }
    )
