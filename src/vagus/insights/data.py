"""A person's diary as one row per calendar day: the table the insights are computed from.

Rules for a day with several values of one measure (check-in, imports, coping-tool sessions,
meal analysis all write to the one Observation table):

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

from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from vagus.diary.models import Measure, Observation

SUMMED_KINDS = frozenset({"minutes", "count"})
ANY_KINDS = frozenset({"yesno"})


def daily_frame(user: Any, start: date | None = None, end: date | None = None) -> pd.DataFrame:
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


def measures_by_code(user: Any) -> dict[str, Measure]:
    """Every measure the person can have values of (built-in and their own), by code."""
    return {m.code: m for m in Measure.objects.available_to(user)}
