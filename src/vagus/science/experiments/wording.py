"""Plain words for a trial result: calm, specific, and never claiming more than the data show.

The wording follows the reporting advice of the CENT 2015 statement (Vohra et al., BMJ
2015;350:h1738): give the size of the difference with its interval, not just a verdict, say how
many periods were analysed, and report adherence.
"""

from __future__ import annotations

import math

from .analysis import ExperimentResult


def _decimals(*values: float) -> int:
    size = max(abs(v) for v in values)
    return 0 if size >= 10 else 1 if size >= 1 else 2


def _number(x: float, decimals: int | None = None) -> str:
    return f"{x:.{_decimals(x) if decimals is None else decimals}f}"


def _signed(x: float, decimals: int) -> str:
    text = _number(x, decimals)
    return text if text.startswith("-") else f"+{text}"


def _p(p: float) -> str:
    return "p < 0.001" if p < 0.001 else f"p = {p:.3f}".rstrip("0").rstrip(".")


def _percent(prob: float) -> str:
    if prob > 0.99:
        return "over 99%"
    if prob < 0.01:
        return "under 1%"
    return f"about {round(prob * 100)}%"


UNREACHABLE = "unreachable"  # five pairs or fewer: p < 0.05 cannot happen
CLEARLY_BETTER = "clearly_better"  # p <= 0.05 and the whole interval beyond the smallest change
BETTER = "better"  # p <= 0.05 in the better direction
WORSE = "worse"  # p <= 0.05 in the worse direction
LITTLE_DIFFERENCE = "little_difference"  # p > 0.05, interval inside +/- the smallest change
UNCLEAR = "unclear"  # p > 0.05 and the interval still allows a worthwhile change


def verdict(result: ExperimentResult) -> str:
    """The one verdict that the p-value, the interval and the probability all support.

    The interval is the inverted randomisation test, so "p <= 0.05" and "the interval leaves out
    0" are the same statement; the verdict reads the interval against the person's smallest
    worthwhile change to say whether a real difference is also a worthwhile one.
    """
    if not result.enough_data:
        return ""
    if not result.alpha_reachable:
        return UNREACHABLE
    swc = result.smallest_change
    # Work in "improvement" units: positive means B better, whichever direction is better.
    sign = -1.0 if result.lower_is_better else 1.0
    low, high = sorted((sign * result.ci_low, sign * result.ci_high))
    if result.p_value <= 0.05:
        if low > 0:
            return CLEARLY_BETTER if low >= swc else BETTER
        return WORSE
    if -swc < low and high < swc:
        return LITTLE_DIFFERENCE
    return UNCLEAR


def describe(result: ExperimentResult, outcome_label: str, b_label: str, a_label: str) -> str:
    """A short paragraph for the person who ran the trial, e.g. on the results page.

    ``outcome_label`` is what was measured ("anxiety"), ``b_label`` and ``a_label`` the two
    conditions in the schedule's B and A roles ("kefir daily", "usual diet"). It states one
    verdict (:func:`verdict`) and only numbers that agree with it; it never claims that B
    caused more than the randomised comparison shows.
    """
    planned = result.pairs_planned
    if not result.enough_data:
        text = (
            f"There is not enough data to compare {b_label} with {a_label} yet: "
            f"{result.n_pairs} of {planned} pairs of periods have {outcome_label} logged in both "
            f"periods, and at least 2 are needed. Keep logging and check back later."
        )
        return text + _adherence_sentence(result)

    n = result.n_pairs
    pairs_text = f"{n} pair{'s' if n != 1 else ''} of periods"
    if result.estimate == 0:
        first = f"Across {pairs_text}, {outcome_label} was the same on average with {b_label} "
        first += f"and with {a_label}."
    else:
        direction = "lower" if result.estimate < 0 else "higher"
        first = (
            f"Across {pairs_text}, {outcome_label} was on average {_number(abs(result.estimate))} "
            f"{direction} with {b_label} than with {a_label}."
        )
    kind = verdict(result)
    swc = f"{result.smallest_change:g}"
    worthwhile = f"your smallest worthwhile change of {swc} point{'s' if swc != '1' else ''}"
    if kind == UNREACHABLE:
        middle = (
            f" With {n} pairs no result could rule out ordinary ups and downs: the smallest "
            f"possible p is {result.min_p_value:.3g} ({_p(result.p_value)} here), so this "
            f"comparison cannot tell whether {b_label} makes a difference for you. A repeat "
            f"with at least 6 pairs could."
        )
        return first + middle + _adherence_sentence(result)
    decimals = _decimals(result.ci_low, result.ci_high)
    interval = (
        f"{_signed(result.ci_low, decimals)} to {_signed(result.ci_high, decimals)}"
        f" ({b_label} minus {a_label}, 95% interval)"
    )
    beyond = result.prob_beyond_smallest
    chance = (
        f" The chance that {b_label} is better by more than {worthwhile} is {_percent(beyond)}."
        if not math.isnan(beyond)
        else ""
    )
    if kind == CLEARLY_BETTER:
        middle = (
            f" That is unlikely to be ordinary ups and downs ({_p(result.p_value)}; {interval}),"
            f" and even the cautious end of the interval is beyond {worthwhile}: {b_label} "
            f"looks worthwhile for you, worth confirming."
        )
    elif kind == BETTER:
        middle = (
            f" That is unlikely to be ordinary ups and downs ({_p(result.p_value)}; {interval}),"
            f" but the interval still allows a change smaller than {worthwhile}: {b_label} "
            f"seems to help you, perhaps by less than you hoped."
        )
    elif kind == WORSE:
        middle = (
            f" That is unlikely to be ordinary ups and downs ({_p(result.p_value)}; {interval}):"
            f" {outcome_label} was worse with {b_label} for you."
        )
    elif kind == LITTLE_DIFFERENCE:
        middle = (
            f" That could be ordinary ups and downs ({_p(result.p_value)}), and the interval "
            f"({interval}) stays within {worthwhile} either way: {b_label} probably makes "
            f"little difference for you."
        )
    else:
        middle = (
            f" That could be ordinary ups and downs ({_p(result.p_value)}), and the interval "
            f"({interval}) is too wide to say: this comparison cannot tell yet whether "
            f"{b_label} helps you."
        )
    closing = " One experiment is a start: repeating it is the surest check."
    return first + middle + chance + _adherence_sentence(result) + closing


def _adherence_sentence(result: ExperimentResult) -> str:
    if result.adherence is None:
        return ""
    share = f"{round(result.adherence * 100)}%"
    text = f" You followed the plan on {share} of the days that counted."
    if result.adherence < 0.8:
        text += (
            " Days off-plan blur the comparison, so a fully followed plan might show a "
            "different result."
        )
    return text
