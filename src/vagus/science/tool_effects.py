"""Which coping tool goes with a drop in anxiety for this person: before/after changes per tool.

Method. Each tool session may carry an anxiety rating (0–10) just before and just after. For the
sessions of one tool that have both, the change is ``d_i = after_i − before_i`` (negative: anxiety
went down). We report the mean change ``d̄``, its standard deviation ``s`` and the two-sided 95 %
t interval ``d̄ ± t_{0.975, n−1} · s / √n`` — the one-sample t interval of a paired design (the
interval ``scipy.stats.ttest_1samp(d, 0).confidence_interval()`` gives; Student 1908).

What it can and cannot say. A before/after change mixes the tool with time passing, regression to
the mean (people reach for a tool when anxiety is high) and expectation; it is a personal record,
not a trial. Below ``MIN_SESSIONS`` rated sessions the interval is too wide to be useful, so the
result says "too few sessions to tell" rather than showing a number that looks more certain than
it is. Sessions without both ratings count towards ``sessions`` but never into the mean.

Pure Python plus scipy; no Django, no database.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from scipy import stats

MIN_SESSIONS = 5  # rated sessions needed before a tool's change is shown as a number
CONFIDENCE = 0.95
RATING_MIN, RATING_MAX = 0, 10


@dataclass(frozen=True)
class ToolEffect:
    tool: str
    sessions: int  # every session of the tool, rated or not
    n: int  # sessions with both a before and an after rating
    mean_change: float | None  # after − before, mean over the n rated sessions
    sd: float | None
    ci_low: float | None  # 95 % t interval of the mean change (None below 2 rated sessions)
    ci_high: float | None
    min_sessions: int = MIN_SESSIONS

    @property
    def enough(self) -> bool:
        """Enough rated sessions to show the change as a number."""
        return self.n >= self.min_sessions

    @property
    def more_needed(self) -> int:
        return max(0, self.min_sessions - self.n)


def _check_rating(value: float, which: str, index: int) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{which} rating of session {index + 1}: expected a number 0–10")
    number = float(value)
    if not math.isfinite(number) or not RATING_MIN <= number <= RATING_MAX:
        raise ValueError(f"{which} rating of session {index + 1}: must be 0–10, got {value!r}")
    return number


def tool_effect(
    before: Sequence[float | None],
    after: Sequence[float | None],
    *,
    tool: str = "",
    min_sessions: int = MIN_SESSIONS,
    confidence: float = CONFIDENCE,
) -> ToolEffect:
    """The mean change (after − before) of one tool's sessions with its t interval.

    ``before`` and ``after`` are parallel, one entry per session; ``None`` is a skipped rating
    and leaves that session out of the mean. Ratings outside 0–10 raise ValueError naming the
    session.
    """
    if len(before) != len(after):
        raise ValueError("before and after: need one entry per session in each")
    if not 0 < confidence < 1:
        raise ValueError("confidence: must be between 0 and 1")
    changes = []
    for index, (b, a) in enumerate(zip(before, after, strict=True)):
        if b is None or a is None:
            continue
        changes.append(_check_rating(a, "after", index) - _check_rating(b, "before", index))
    n = len(changes)
    if n == 0:
        return ToolEffect(tool, len(before), 0, None, None, None, None, min_sessions)
    mean = math.fsum(changes) / n
    if n == 1:
        return ToolEffect(tool, len(before), 1, mean, None, None, None, min_sessions)
    sd = math.sqrt(math.fsum((c - mean) ** 2 for c in changes) / (n - 1))
    half = stats.t.ppf(0.5 + confidence / 2, n - 1) * sd / math.sqrt(n)
    return ToolEffect(tool, len(before), n, mean, sd, mean - half, mean + half, min_sessions)


def tool_effects(
    sessions: Iterable[tuple[str, float | None, float | None]],
    *,
    min_sessions: int = MIN_SESSIONS,
) -> dict[str, ToolEffect]:
    """``tool_effect`` for every tool in ``(tool, before, after)`` rows, keyed by tool."""
    grouped: dict[str, tuple[list[float | None], list[float | None]]] = defaultdict(
        lambda: ([], [])
    )
    for tool, before, after in sessions:
        grouped[tool][0].append(before)
        grouped[tool][1].append(after)
    return {
        tool: tool_effect(b, a, tool=tool, min_sessions=min_sessions)
        for tool, (b, a) in sorted(grouped.items())
    }
