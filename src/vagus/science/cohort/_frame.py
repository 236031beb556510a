"""From the tidy frame ``participant,date,measure,value`` to one row per participant-day.

Inputs are checked first, and every message names the problem in plain words. Two values for
the same participant, day and measure are averaged (a measure is one number a day).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from numpy.typing import NDArray

COLUMNS = ("participant", "date", "measure", "value")
MIN_PARTICIPANTS = 3  # the between-person line needs one residual degree of freedom


@dataclass(frozen=True)
class Wide:
    """Participant-days sorted by participant, then date; ``values[:, 0]`` is the outcome."""

    participants: tuple[str, ...]
    codes: NDArray[np.int64]  # row -> index into ``participants``
    weekday: NDArray[np.int64]  # 0 = Monday ... 6 = Sunday
    day: NDArray[np.int64]  # days since 1970-01-01 (the N-of-1 screens follow the calendar)
    values: NDArray[np.float64]  # rows x (1 + factors), NaN where nothing was logged
    outcome: str
    factors: tuple[str, ...]


def _names(values: Sequence[str], most: int = 8) -> str:
    shown = ", ".join(f"“{v}”" for v in values[:most])
    return shown + (f" and {len(values) - most} more" if len(values) > most else "")


def _numbers(column: pd.Series) -> NDArray[np.float64]:
    result: NDArray[np.float64]
    if pd.api.types.is_bool_dtype(column) or pd.api.types.is_numeric_dtype(column):
        result = column.to_numpy(dtype=np.float64, na_value=np.nan)
        return _finite(result)
    text = column.astype("string").str.strip()
    numbers = pd.to_numeric(text.replace("", pd.NA), errors="coerce")
    bad = numbers.isna() & text.notna() & (text != "")
    if bad.any():
        first = int(np.flatnonzero(bad.to_numpy())[0])
        raise ValueError(
            f"Some values are not numbers ({int(bad.sum())} in all; the first is "
            f"“{text.iloc[first]}” on row {first + 1}). Every value must be a number."
        )
    result = numbers.to_numpy(dtype=np.float64, na_value=np.nan)
    return _finite(result)


def _finite(values: NDArray[np.float64]) -> NDArray[np.float64]:
    infinite = np.isinf(values)
    if infinite.any():
        first = int(np.flatnonzero(infinite)[0])
        raise ValueError(f"A value is infinite on row {first + 1}; every value must be a number.")
    return values


def _factorize(column: pd.Series) -> tuple[NDArray[np.int64], list[str]]:
    """Codes in sorted order of the labels; categoricals keep their cheap codes."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        raw = column.cat.codes.to_numpy(dtype=np.int64)
        present = np.flatnonzero(np.bincount(raw, minlength=len(column.cat.categories)))
        dense_of = np.zeros(len(column.cat.categories), dtype=np.int64)
        dense_of[present] = np.arange(len(present))  # unused categories dropped
        dense = dense_of[raw]
        labels = [str(c) for c in column.cat.categories[present]]
        order = np.argsort(np.array(labels, dtype=object), kind="stable")
        rank = np.empty(len(order), dtype=np.int64)
        rank[order] = np.arange(len(order))
        return rank[dense], [labels[i] for i in order]
    codes, labels = pd.factorize(column.astype("string"), sort=True)
    return codes.astype(np.int64), [str(label) for label in labels]


def _day_numbers(column: pd.Series) -> NDArray[np.int64]:
    if pd.api.types.is_datetime64_any_dtype(column):
        dates = column
    else:
        dates = pd.to_datetime(column.astype("string"), errors="coerce", format="ISO8601")
        bad = dates.isna() & column.notna()
        if bad.any():
            first = int(np.flatnonzero(bad.to_numpy())[0])
            raise ValueError(
                f"Some dates are not dates like 2026-03-01 (the first is "
                f"“{column.iloc[first]}” on row {first + 1})."
            )
    if dates.isna().any():
        first = int(np.flatnonzero(dates.isna().to_numpy())[0])
        raise ValueError(f"A date is missing on row {first + 1}.")
    if getattr(dates.dt, "tz", None) is not None:
        dates = dates.dt.tz_localize(None)
    days: NDArray[np.int64] = (
        dates.to_numpy(dtype="datetime64[ns]").astype("datetime64[D]").astype(np.int64)
    )
    return days


def _rows(key: NDArray[np.int64], grid: int) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """The distinct participant-days in order, and each value's row: ``np.unique`` without
    the sort when the participant x day grid is small enough to mark (a study's usually is)."""
    if grid > 64_000_000:
        rows, row_of = np.unique(key, return_inverse=True)
        return rows.astype(np.int64), row_of.astype(np.int64)
    taken = np.bincount(key, minlength=grid) > 0
    rows = np.flatnonzero(taken).astype(np.int64)
    row_number = np.cumsum(taken, dtype=np.int64) - 1
    return rows, row_number[key]


def to_wide(frame: pd.DataFrame, outcome: str, factors: Sequence[str] | None) -> Wide:
    """Check the tidy frame and reshape it; ``ValueError`` names what is wrong."""
    missing = [c for c in COLUMNS if c not in frame.columns]
    if missing:
        raise ValueError(
            f"The data has no {_names(missing)} column; a cohort file needs the columns "
            "participant, date, measure and value."
        )
    if len(frame) == 0:
        raise ValueError("The data has no rows.")
    for name in ("participant", "measure"):
        if frame[name].isna().any():
            first = int(np.flatnonzero(frame[name].isna().to_numpy())[0])
            raise ValueError(f"The {name} is missing on row {first + 1}.")
    measure_codes, known = _factorize(frame["measure"])
    if outcome not in known:
        raise ValueError(
            f"There is no measure “{outcome}” to analyse; the data has {_names(known)}."
        )
    if factors is None:
        chosen = [m for m in known if m != outcome]
    else:
        chosen = list(dict.fromkeys(factors))
        unknown = [f for f in chosen if f not in known]
        if unknown:
            raise ValueError(
                f"There is no measure {_names(unknown)}; the data has {_names(known)}."
            )
        if outcome in chosen:
            raise ValueError(f"“{outcome}” is the outcome; it cannot be a factor as well.")
    if not chosen:
        raise ValueError(f"There is nothing to relate to “{outcome}”: no other measure.")

    column_of = np.full(len(known), -1, dtype=np.int64)
    for index, name in enumerate([outcome, *chosen]):
        column_of[known.index(name)] = index
    column = column_of[measure_codes]
    values = _numbers(frame["value"])
    days = _day_numbers(frame["date"])
    keep = (column >= 0) & np.isfinite(values)
    person_codes, people = _factorize(frame["participant"])

    column, values, days, person_codes = (
        column[keep],
        values[keep],
        days[keep],
        person_codes[keep],
    )
    with_outcome = np.unique(person_codes[column == 0])
    if len(with_outcome) < MIN_PARTICIPANTS:
        raise ValueError(
            f"The data has {len(with_outcome)} participant{'s' if len(with_outcome) != 1 else ''}"
            f" with “{outcome}” logged; a cohort analysis needs at least {MIN_PARTICIPANTS}."
        )
    first_day = int(days.min())
    span = int(days.max()) - first_day + 1
    key = person_codes * span + (days - first_day)
    rows, row_of = _rows(key, len(people) * span)
    width = 1 + len(chosen)
    cell = row_of.astype(np.int64) * width + column
    size = len(rows) * width
    sums = np.bincount(cell, weights=values, minlength=size)
    counts = np.bincount(cell, minlength=size)
    with np.errstate(invalid="ignore", divide="ignore"):
        wide = np.where(counts > 0, sums / np.maximum(counts, 1), np.nan).reshape(-1, width)
    return Wide(
        participants=tuple(people),
        codes=(rows // span).astype(np.int64),
        weekday=((first_day + rows % span + 3) % 7).astype(np.int64),  # 1970-01-01 a Thursday
        day=(first_day + rows % span).astype(np.int64),
        values=wide,
        outcome=outcome,
        factors=tuple(chosen),
    )
