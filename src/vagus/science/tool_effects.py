"""Which coping tool goes with a drop in anxiety for this person: before/after changes per tool.

Method. Each tool session may carry an anxiety rating (0–10) just before and just after. For the
sessions of one tool that have both, the change is ``d_i = after_i − before_i`` (negative: anxiety
went down). We report the mean change ``d̄``, its standard deviation ``s`` and the two-sided 95 %
t interval ``d̄ ± t_{0.975, n−1} · s / √n`` — the one-sample t interval of a paired design (the
interval ``scipy.stats.ttest_1samp(d, 0).confidence_interval()`` gives; Student 1908).

Against regression to the mean (issue 17, item 10). People reach for a tool when anxiety is high,
and high anxiety tends to come down on its own, so a tool that does nothing still shows a drop
(in simulation a null tool used at anxiety >= 7 was "beyond chance wobble" in 18-74 % of
diaries). Each tool is therefore compared with the same person's anxiety *without* a tool from
similar starting levels: control pairs ``(start, end)`` of ratings with no tool in between (the
app uses consecutive check-in ratings). The comparison is an analysis of covariance: one least-
squares fit of ``change ~ 1 + tool + (start - centre)`` over the tool's sessions and the controls
whose start lies within one point of the tool sessions' range, so both groups share the slope
that regression to the mean puts on the starting level. The tool's coefficient (``excess``) is
the extra change beyond what the person's anxiety does on its own from the same level, with its
two-sided 95 % t interval (``n + m - 3`` degrees of freedom). Only when that interval lies below
zero do the words say the tool goes with a bigger drop than usual; with fewer than
``MIN_CONTROLS`` similar controls nothing is said either way. Controls taken further apart in
time than a session regress more, which makes the comparison cautious rather than generous.
Simulation (tests/science/test_tool_effects_regression.py) calls a null tool helpful in about
2-3 % of diaries, within the 5 % required.

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
from dataclasses import dataclass, replace

import numpy as np
from scipy import stats

MIN_SESSIONS = 5  # rated sessions needed before a tool's change is shown as a number
MIN_CONTROLS = 10  # ratings without a tool, from similar levels, needed for the comparison
SIMILAR_LEVEL = 1.0  # controls may start this far outside the tool sessions' range
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
    controls: int = 0  # control pairs from similar starting levels used in the comparison
    excess: float | None = None  # change beyond what anxiety does without a tool from there
    excess_low: float | None = None  # its 95 % interval
    excess_high: float | None = None

    @property
    def compared(self) -> bool:
        """Whether the change could be compared with anxiety without a tool."""
        return self.enough and self.excess is not None

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
    controls: Sequence[tuple[float, float]] = (),
    min_controls: int = MIN_CONTROLS,
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
    starts = []
    for index, (b, a) in enumerate(zip(before, after, strict=True)):
        if b is None or a is None:
            continue
        start = _check_rating(b, "before", index)
        starts.append(start)
        changes.append(_check_rating(a, "after", index) - start)
    n = len(changes)
    if n == 0:
        return ToolEffect(tool, len(before), 0, None, None, None, None, min_sessions)
    mean = math.fsum(changes) / n
    if n == 1:
        return ToolEffect(tool, len(before), 1, mean, None, None, None, min_sessions)
    sd = math.sqrt(math.fsum((c - mean) ** 2 for c in changes) / (n - 1))
    half = stats.t.ppf(0.5 + confidence / 2, n - 1) * sd / math.sqrt(n)
    base = ToolEffect(tool, len(before), n, mean, sd, mean - half, mean + half, min_sessions)
    if n < min_sessions:
        return base
    return _against_controls(base, starts, changes, controls, min_controls, confidence)


def _against_controls(
    base: ToolEffect,
    starts: list[float],
    changes: list[float],
    controls: Sequence[tuple[float, float]],
    min_controls: int,
    confidence: float,
) -> ToolEffect:
    """The tool's change beyond the no-tool change from the same level (ANCOVA, see above)."""
    low, high = min(starts) - SIMILAR_LEVEL, max(starts) + SIMILAR_LEVEL
    similar = [(s, e) for s, e in controls if low <= s <= high]
    m = len(similar)
    if m < min_controls:
        return replace(base, controls=m)
    start = np.array(starts + [s for s, _ in similar])
    change = np.array(changes + [e - s for s, e in similar])
    is_tool = np.r_[np.ones(len(starts)), np.zeros(m)]
    design = np.column_stack((np.ones_like(start), is_tool, start - start.mean()))
    coef, *_ = np.linalg.lstsq(design, change, rcond=None)
    df = len(change) - 3
    residual = change - design @ coef
    sigma2 = float(residual @ residual) / df
    inverse = np.linalg.pinv(design.T @ design)
    se = math.sqrt(max(sigma2 * float(inverse[1, 1]), 0.0))
    half = float(stats.t.ppf(0.5 + confidence / 2, df)) * se
    excess = float(coef[1])
    return replace(
        base, controls=m, excess=excess, excess_low=excess - half, excess_high=excess + half
    )


def tool_effects(
    sessions: Iterable[tuple[str, float | None, float | None]],
    *,
    min_sessions: int = MIN_SESSIONS,
    controls: Sequence[tuple[float, float]] = (),
) -> dict[str, ToolEffect]:
    """``tool_effect`` for every tool in ``(tool, before, after)`` rows, keyed by tool, each
    compared with the same ``controls`` (ratings without a tool)."""
    grouped: dict[str, tuple[list[float | None], list[float | None]]] = defaultdict(
        lambda: ([], [])
    )
    for tool, before, after in sessions:
        grouped[tool][0].append(before)
        grouped[tool][1].append(after)
    return {
        tool: tool_effect(b, a, tool=tool, min_sessions=min_sessions, controls=controls)
        for tool, (b, a) in sorted(grouped.items())
    }
