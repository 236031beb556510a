"""Per-participant sufficient statistics: the only pass over the 3.6 million rows.

For one factor ``x`` and participant ``i`` on the days where both the outcome ``y`` and ``x``
were logged, the statistics are the day count ``n``, the person means of ``x`` and ``y``, the
share of each weekday, and the 8 x 8 cross-product matrix of the person-mean-centred columns
``[x, Tue, Wed, Thu, Fri, Sat, Sun, y]`` (weekday indicators, Monday the reference). Every
estimate of the cohort model is a function of these, so participants can be summarised
anywhere (one process or many Dask workers) and pooled afterwards.

Sums run over each participant's rows in date order with ``numpy.bincount``, which adds in row
order: a participant's numbers do not depend on how participants are split into chunks, and
the local and Dask engines agree to the last bit.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

WEEKDAYS = 6  # Tuesday ... Sunday; Monday is the reference
SIDE = 2 + WEEKDAYS  # x, the weekdays, y
COUNT, X_MEAN, Y_MEAN = 0, 1, 2
DAY_SHARE = slice(3, 3 + WEEKDAYS)
CROSS = slice(3 + WEEKDAYS, 3 + WEEKDAYS + SIDE * SIDE)
WIDTH = 3 + WEEKDAYS + SIDE * SIDE


def _sums(index: NDArray[np.int64], weights: NDArray[np.float64], size: int) -> NDArray[np.float64]:
    """Sums by group, added in row order (so chunking never changes a participant's sums)."""
    # numpy's stubs type every bincount as integer; with weights it is float64
    return np.bincount(index, weights=weights, minlength=size).astype(np.float64, copy=False)


def participant_statistics(
    codes: NDArray[np.int64],
    weekday: NDArray[np.int64],
    values: NDArray[np.float64],
    participants: int,
) -> tuple[NDArray[np.float64], NDArray[np.int64]]:
    """Statistics of every factor: ``(factors, participants, WIDTH)``, and per participant the
    days with the outcome and at least one factor logged.

    ``codes`` numbers the participants 0 .. ``participants`` - 1 (rows grouped by participant,
    in date order); ``values[:, 0]`` is the outcome, ``values[:, 1 + k]`` factor ``k``.
    """
    factors = values.shape[1] - 1
    out = np.zeros((factors, participants, WIDTH))
    y_all = values[:, 0]
    logged = np.isfinite(y_all) & np.isfinite(values[:, 1:]).any(axis=1)
    days_used = np.bincount(codes[logged], minlength=participants).astype(np.int64)
    for k in range(factors):
        x_all = values[:, 1 + k]
        mask = np.isfinite(y_all) & np.isfinite(x_all)
        g, x, y = codes[mask], x_all[mask], y_all[mask]
        cell = g * 7 + weekday[mask]  # (participant, weekday)
        per_day = np.bincount(cell, minlength=7 * participants).reshape(participants, 7)
        n = per_day.sum(axis=1).astype(np.float64)
        safe = np.maximum(n, 1.0)
        x_mean = _sums(g, x, participants) / safe
        y_mean = _sums(g, y, participants) / safe
        xc, yc = x - x_mean[g], y - y_mean[g]

        share = per_day[:, 1:] / safe[:, None]
        # All seven days: Monday's sum is part of sum z_c below.
        x_day = _sums(cell, xc, 7 * participants).reshape(participants, 7)
        y_day = _sums(cell, yc, 7 * participants).reshape(participants, 7)
        # Centred weekday indicators D_d - share_d, without building them row by row:
        # sum z_c (D_d - s_d) = (sum of z_c on day d) - s_d sum z_c, and
        # sum (D_a - s_a)(D_b - s_b) = n_a [a = b] - n s_a s_b.
        cross = np.zeros((participants, SIDE, SIDE))
        cross[:, 0, 0] = _sums(g, xc * xc, participants)
        cross[:, 0, -1] = cross[:, -1, 0] = _sums(g, xc * yc, participants)
        cross[:, -1, -1] = _sums(g, yc * yc, participants)
        cross[:, 0, 1:-1] = cross[:, 1:-1, 0] = x_day[:, 1:] - share * x_day.sum(axis=1)[:, None]
        cross[:, -1, 1:-1] = cross[:, 1:-1, -1] = y_day[:, 1:] - share * y_day.sum(axis=1)[:, None]
        days = np.arange(WEEKDAYS)
        cross[:, 1 + days, 1 + days] = per_day[:, 1:]
        cross[:, 1:-1, 1:-1] -= n[:, None, None] * share[:, :, None] * share[:, None, :]
        stats = out[k]
        stats[:, COUNT], stats[:, X_MEAN], stats[:, Y_MEAN] = n, x_mean, y_mean
        stats[:, DAY_SHARE] = share
        stats[:, CROSS] = cross.reshape(participants, SIDE * SIDE)
    return out, days_used
