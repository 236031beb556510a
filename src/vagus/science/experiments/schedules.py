"""Randomised N-of-1 designs: pairs of periods, each pair in a random order.

Method
------
A trial compares two conditions, A and B (``conditions[0]`` and ``conditions[1]``), over
``pairs`` pairs of consecutive periods of ``period_days`` days. Within each pair the order is
AB or BA, drawn independently with probability 1/2 (a fair coin per pair), so the design could
have drawn any of the ``2**pairs`` orders with equal probability. This is the paired
("multiple crossover") randomisation recommended for N-of-1 trials: it balances slow drifts
within each pair and it is what makes the exact randomisation test in ``analysis`` valid
(Kravitz et al. 2014; Vohra et al. 2015).

The first ``washout_days`` of every period are lived under the new condition but not analysed,
so that effects that linger for a day or two after a switch (carry-over) or take a day or two to
appear do not leak into the comparison. Outside the trial :meth:`Schedule.condition_on` returns
``None``.

References
----------
Kravitz RL, Duan N, eds, and the DEcIDE Methods Center N-of-1 Guidance Panel. *Design and
Implementation of N-of-1 Trials: A User's Guide.* AHRQ Publication No. 13(14)-EHC122-EF.
Rockville, MD: Agency for Healthcare Research and Quality; 2014.

Vohra S, Shamseer L, Sampson M, et al. CONSORT extension for reporting N-of-1 trials
(CENT) 2015 Statement. *BMJ* 2015;350:h1738.
"""

from __future__ import annotations

import datetime
import numbers
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

ORDERS = ("AB", "BA")


@dataclass(frozen=True)
class Period:
    """One period of a schedule (``index`` counts from 0 over the whole trial)."""

    index: int
    pair: int
    letter: str  # "A" or "B"
    condition: str
    first_day: datetime.date
    last_day: datetime.date
    first_analysed_day: datetime.date
    analysed_days: int


def _require_int(name: str, value: Any, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise ValueError(f"{name} must be a whole number, got {value!r}")
    if value < minimum:
        raise ValueError(f"{name} must be at least {minimum}, got {value}")
    return int(value)


def _as_date(day: Any, name: str = "day") -> datetime.date:
    if isinstance(day, datetime.datetime):  # also pandas.Timestamp
        return day.date()
    if isinstance(day, datetime.date):
        return day
    if isinstance(day, str):
        try:
            return datetime.date.fromisoformat(day)
        except ValueError as exc:
            raise ValueError(f"{name} must be an ISO date (YYYY-MM-DD), got {day!r}") from exc
    raise ValueError(f"{name} must be a datetime.date, got {day!r}")


@dataclass(frozen=True)
class Schedule:
    """A randomised AB/BA schedule. Build one with :func:`design` or :meth:`from_dict`.

    ``order[k]`` is ``"AB"`` or ``"BA"`` for pair ``k``; ``"A"`` means ``conditions[0]`` and
    ``"B"`` means ``conditions[1]``. ``end`` is the last day of the trial (inclusive).
    """

    start: datetime.date
    conditions: tuple[str, str]
    period_days: int
    pairs: int
    washout_days: int
    order: tuple[str, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "start", _as_date(self.start, "start"))
        object.__setattr__(self, "conditions", _check_conditions(self.conditions))
        _check_lengths(self.period_days, self.pairs, self.washout_days)
        order = tuple(self.order) if not isinstance(self.order, str) else (self.order,)
        if len(order) != self.pairs or any(o not in ORDERS for o in order):
            raise ValueError(
                f"order must list 'AB' or 'BA' once per pair ({self.pairs}), got {self.order!r}"
            )
        object.__setattr__(self, "order", order)

    @property
    def n_days(self) -> int:
        return 2 * self.pairs * self.period_days

    @property
    def end(self) -> datetime.date:
        return self.start + datetime.timedelta(days=self.n_days - 1)

    @property
    def period_letters(self) -> str:
        """The letters of every period in time order, e.g. ``"ABBAAB"``."""
        return "".join(self.order)

    def condition_on(self, day: datetime.date) -> str | None:
        """The condition assigned to ``day``, or ``None`` outside the trial."""
        period = self.period_on(day)
        return None if period is None else period.condition

    def period_on(self, day: datetime.date) -> Period | None:
        """The period containing ``day``, or ``None`` outside the trial."""
        offset = (_as_date(day) - self.start).days
        if not 0 <= offset < self.n_days:
            return None
        return self._period(offset // self.period_days)

    def is_analysed(self, day: datetime.date) -> bool:
        """True when ``day`` is inside the trial and not a washout day."""
        offset = (_as_date(day) - self.start).days
        return 0 <= offset < self.n_days and offset % self.period_days >= self.washout_days

    def periods(self) -> list[Period]:
        """All ``2 * pairs`` periods in time order."""
        return [self._period(i) for i in range(2 * self.pairs)]

    def _period(self, index: int) -> Period:
        letter = self.period_letters[index]
        first = self.start + datetime.timedelta(days=index * self.period_days)
        return Period(
            index=index,
            pair=index // 2,
            letter=letter,
            condition=self.conditions[0 if letter == "A" else 1],
            first_day=first,
            last_day=first + datetime.timedelta(days=self.period_days - 1),
            first_analysed_day=first + datetime.timedelta(days=self.washout_days),
            analysed_days=self.period_days - self.washout_days,
        )

    def to_dict(self) -> dict[str, Any]:
        """A plain, JSON-able dict (dates as ISO strings); :meth:`from_dict` reads it back."""
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "conditions": list(self.conditions),
            "period_days": self.period_days,
            "pairs": self.pairs,
            "washout_days": self.washout_days,
            "order": list(self.order),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Schedule:
        """Rebuild a schedule stored with :meth:`to_dict` (``end``, if present, must agree)."""
        missing = {"start", "conditions", "period_days", "pairs", "order"} - set(data)
        if missing:
            raise ValueError(f"schedule dict lacks {', '.join(sorted(missing))}")
        schedule = cls(
            start=_as_date(data["start"], "start"),
            conditions=tuple(data["conditions"]),
            period_days=data["period_days"],
            pairs=data["pairs"],
            washout_days=data.get("washout_days", 0),
            order=tuple(data["order"]),
        )
        if "end" in data and _as_date(data["end"], "end") != schedule.end:
            raise ValueError(f"end {data['end']!r} does not match the schedule ({schedule.end})")
        return schedule


def _check_conditions(conditions: Any) -> tuple[str, str]:
    if isinstance(conditions, str) or not isinstance(conditions, Sequence):
        raise ValueError(f"conditions must be two distinct names, got {conditions!r}")
    names = tuple(conditions)
    if (
        len(names) != 2
        or not all(isinstance(c, str) and c.strip() for c in names)
        or names[0] == names[1]
    ):
        raise ValueError(f"conditions must be two distinct, non-empty names, got {conditions!r}")
    return names


def _check_lengths(period_days: Any, pairs: Any, washout_days: Any) -> None:
    _require_int("pairs", pairs, 1)
    _require_int("period_days", period_days, 1)
    _require_int("washout_days", washout_days, 0)
    if washout_days >= period_days:
        raise ValueError(
            f"washout_days must be less than period_days ({period_days}), got {washout_days}"
        )


def design(
    start: datetime.date,
    conditions: Sequence[str] = ("A", "B"),
    period_days: int = 7,
    pairs: int = 3,
    washout_days: int = 0,
    seed: int | np.random.Generator | None = None,
) -> Schedule:
    """Draw a randomised paired schedule starting on ``start``.

    Each pair's order is AB or BA with probability 1/2, independently (``seed`` makes the draw
    reproducible; ``None`` draws from fresh operating-system entropy). All ``2**pairs`` orders,
    including AB AB AB, are possible: restricting them would change the randomisation test.

    Raises ``ValueError`` naming the parameter when ``pairs < 1``, ``period_days < 1``,
    ``washout_days`` is not in ``[0, period_days)`` or ``conditions`` is not two distinct names.
    """
    start = _as_date(start, "start")
    names = _check_conditions(conditions)
    _check_lengths(period_days, pairs, washout_days)
    rng = seed if isinstance(seed, np.random.Generator) else np.random.default_rng(seed)
    flips = rng.integers(0, 2, size=int(pairs))
    return Schedule(
        start=start,
        conditions=names,
        period_days=int(period_days),
        pairs=int(pairs),
        washout_days=int(washout_days),
        order=tuple(ORDERS[int(f)] for f in flips),
    )
