"""Per-participant N-of-1 screens: each participant's own diary through
:func:`vagus.science.insights.associations`, then a count across participants.

A participant's screen is exactly what the person would see on their own insights page: every
factor at each lag, Benjamini–Hochberg over that one diary, and a *shown finding* only when it
is significant and also held two and four weeks earlier (:func:`vagus.science.insights.lasting`).
The screens run on chunks of whole participants, here or on Dask; each chunk is a pure function
of its rows, so both engines give the same results.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
from numpy.typing import NDArray

from vagus.science.cohort._engines import ENGINES, _chunks, chunk_count, dask_client
from vagus.science.cohort._frame import to_wide
from vagus.science.insights import Association, associations, lasting

if TYPE_CHECKING:
    from distributed import Client

# The insights page's rules (vagus.insights.queries), so a count here means "this many people
# would see it on their own page".
LAGS = (0, 1)
MIN_DAYS = 14
FDR = 0.05
PARTICIPANTS_PER_CHUNK = 50  # a screen is ~10 ms a person: tasks of about half a second


@dataclass(frozen=True)
class ParticipantScreen:
    participant: str
    associations: tuple[Association, ...]  # as insights.associations returns them
    shown: frozenset[tuple[str, int]]  # (factor, lag) findings the person would be shown


@dataclass(frozen=True)
class FactorScreen:
    factor: str
    lag: int
    participants: int  # screened: enough days for this factor at this lag
    higher: int  # shown finding, outcome higher with more of the factor
    lower: int  # shown finding, outcome lower
    median_estimate: float  # over the screened participants (plain, not selection-adjusted)

    def to_dict(self) -> dict[str, object]:
        return {
            "factor": self.factor,
            "lag": self.lag,
            "participants": self.participants,
            "higher": self.higher,
            "lower": self.lower,
            "median_estimate": self.median_estimate,
        }


@dataclass(frozen=True)
class ScreenSummary:
    outcome: str
    participants: int  # with the outcome logged
    screened: int  # with at least one factor estimated
    factors: tuple[FactorScreen, ...]  # in the order of the factors, then lag
    people: tuple[ParticipantScreen, ...]  # every participant with the outcome logged

    def to_dict(self) -> dict[str, object]:
        return {
            "outcome": self.outcome,
            "participants": self.participants,
            "screened": self.screened,
            "factors": [f.to_dict() for f in self.factors],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), allow_nan=False)


def participant_days(
    day: NDArray[np.int64], values: NDArray[np.float64], columns: Sequence[str]
) -> pd.DataFrame:
    """One participant's rows as the wide daily frame the insights screen takes."""
    index = pd.DatetimeIndex(day.astype("datetime64[D]").astype("datetime64[ns]"), name="date")
    return pd.DataFrame(values, index=index, columns=list(columns))


def screen_chunk(
    names: Sequence[str],
    codes: NDArray[np.int64],
    day: NDArray[np.int64],
    values: NDArray[np.float64],
    columns: Sequence[str],
    lags: tuple[int, ...],
    min_days: int,
    fdr: float,
) -> list[ParticipantScreen]:
    """The screens of one chunk; ``codes`` index ``names`` and are sorted."""
    outcome, factors = columns[0], list(columns[1:])
    starts = np.searchsorted(codes, np.arange(len(names) + 1))
    people = []
    for index, name in enumerate(names):
        rows = slice(int(starts[index]), int(starts[index + 1]))
        if not np.isfinite(values[rows, 0]).any():
            continue  # no outcome logged: nothing to screen
        days = participant_days(day[rows], values[rows], columns)
        found = associations(days, outcome, lags=lags, min_days=min_days, fdr=fdr, factors=factors)
        shown = lasting(
            days, outcome, lags=lags, min_days=min_days, fdr=fdr, factors=factors, found=found
        )
        people.append(ParticipantScreen(name, tuple(found), frozenset(shown)))
    return people


def screens(
    frame: pd.DataFrame,
    outcome: str,
    factors: Sequence[str] | None = None,
    *,
    engine: str = "local",
    scheduler: str | Client | None = None,
    lags: Sequence[int] = LAGS,
    min_days: int = MIN_DAYS,
    fdr: float = FDR,
    workers: int = 2,
    processes: bool = True,
) -> ScreenSummary:
    """Every participant's own N-of-1 screen of ``factors`` against ``outcome``, and a count.

    Input and errors as for :func:`vagus.science.cohort.analyse`. On Dask (``scheduler`` as
    there) the workers import Vagus, since a screen needs pandas, scipy and the insights model.
    """
    if engine not in ENGINES:
        raise ValueError(f"The engine must be one of {', '.join(ENGINES)}, not “{engine}”.")
    wide = to_wide(frame, outcome, factors)
    columns = (wide.outcome, *wide.factors)
    options = (tuple(int(lag) for lag in lags), min_days, fdr)
    per_chunk = PARTICIPANTS_PER_CHUNK
    bounds = _chunks(wide, chunk_count(wide, 1 if engine == "local" else workers, per_chunk))

    def arguments(
        first: int, end: int, row: int, row_end: int
    ) -> tuple[tuple[str, ...], list[NDArray[Any]]]:
        arrays = [wide.codes[row:row_end] - first, wide.day[row:row_end], wide.values[row:row_end]]
        return wide.participants[first:end], arrays

    people: list[ParticipantScreen] = []
    if engine == "local":
        for bound in bounds:
            names, (codes, day, values) = arguments(*bound)
            people += screen_chunk(names, codes, day, values, columns, *options)
    else:
        with dask_client(scheduler, workers=workers, processes=processes) as client:
            futures = []
            for bound in bounds:
                names, arrays = arguments(*bound)
                # Arrays as data, not inside the task graph. hash=False: equal chunks have
                # equal code arrays, and one key shared by two chunks was released under a
                # worker still fetching it.
                parts = client.scatter(arrays, hash=False)  # type: ignore[no-untyped-call]
                futures.append(
                    client.submit(screen_chunk, names, *parts, columns, *options, pure=False)
                )
            for result in client.gather(futures):  # type: ignore[no-untyped-call]
                people += result
    return summarise(outcome, wide.factors, options[0], people)


def summarise(
    outcome: str,
    factors: Sequence[str],
    lags: Sequence[int],
    people: Sequence[ParticipantScreen],
) -> ScreenSummary:
    rows = []
    for factor in factors:
        for lag in lags:
            estimates: list[float] = []
            higher = lower = 0
            for person in people:
                for a in person.associations:
                    if a.factor != factor or a.lag != lag:
                        continue
                    estimates.append(a.estimate)
                    if (factor, lag) in person.shown:
                        higher += a.estimate > 0
                        lower += a.estimate < 0
            if estimates:
                rows.append(
                    FactorScreen(
                        factor, lag, len(estimates), higher, lower, float(np.median(estimates))
                    )
                )
    return ScreenSummary(
        outcome=outcome,
        participants=len(people),
        screened=sum(1 for p in people if p.associations),
        factors=tuple(rows),
        people=tuple(people),
    )
