"""The per-participant sufficient statistics, against the centred design built row by row, and
the weekday adjustment they carry."""

from __future__ import annotations

import numpy as np
import pandas as pd

from vagus.science import cohort
from vagus.science.cohort._frame import to_wide
from vagus.science.cohort._simulate import simulate_cohort
from vagus.science.cohort._stats import CROSS, DAY_SHARE, SIDE, participant_statistics


def test_cross_products_equal_the_explicit_centred_design():
    frame = simulate_cohort(np.random.default_rng(4), 20, 40, missing=0.3)
    wide = to_wide(frame, "anxiety", None)
    stats, _ = participant_statistics(wide.codes, wide.weekday, wide.values, 20)
    for k in range(len(wide.factors)):
        for person in (0, 7, 19):
            rows = (wide.codes == person) & np.isfinite(wide.values[:, 0])
            rows &= np.isfinite(wide.values[:, 1 + k])
            days = np.stack([wide.weekday[rows] == d for d in range(1, 7)], axis=1)
            z = np.column_stack([wide.values[rows, 1 + k], days, wide.values[rows, 0]])
            z = z - z.mean(axis=0)
            expected = z.T @ z
            got = stats[k, person, CROSS].reshape(SIDE, SIDE)
            assert np.allclose(got, expected, rtol=0, atol=1e-9)
            assert np.allclose(stats[k, person, DAY_SHARE], days.mean(axis=0))


def test_a_factor_that_only_follows_the_weekday_has_no_within_effect():
    rng = np.random.default_rng(9)
    people, days = 40, 56
    dates = pd.date_range("2026-01-05", periods=days)  # starts on a Monday
    weekend = np.tile((dates.day_of_week >= 5).astype(float), people)
    person = np.repeat(np.arange(people), days)
    drinks = 2.0 * weekend + rng.normal(0, 1, people * days)  # more at weekends
    anxiety = 5 + 1.5 * weekend + rng.normal(0, 1, people)[person] + rng.normal(0, 1, people * days)
    frame = pd.concat(
        [
            pd.DataFrame(
                {"participant": person, "date": np.tile(dates, people), "measure": m, "value": v}
            )
            for m, v in (("anxiety", anxiety), ("drinks", drinks))
        ]
    )
    within = cohort.analyse(frame, "anxiety").factors[0].within
    assert within.ci_low < 0 < within.ci_high
    assert abs(within.estimate) < 0.05
    # Without the weekday the same data would show a clear "effect":
    naive = np.polyfit(drinks, anxiety, 1)[0]
    assert naive > 0.25  # about 3 var(weekend) / (4 var(weekend) + 1) = 0.34
