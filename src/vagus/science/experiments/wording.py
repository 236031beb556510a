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


def describe(result: ExperimentResult, outcome_label: str, b_label: str, a_label: str) -> str:
    """A short paragraph for the person who ran the trial, e.g. on the results page.

    ``outcome_label`` is what was measured ("anxiety"), ``b_label`` and ``a_label`` the two
    conditions in the schedule's B and A roles ("kefir daily", "usual diet").
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
    decimals = _decimals(result.ci_low, result.ci_high)
    interval = (
        f" The difference ({b_label} minus {a_label}) is plausibly anywhere from "
        f"{_signed(result.ci_low, decimals)} to {_signed(result.ci_high, decimals)} "
        f"(95% interval)."
    )
    if result.p_value <= 0.05:
        chance = (
            f" A difference this large would be unusual if {b_label} made no difference "
            f"({_p(result.p_value)}): it suggests a real difference for you, worth confirming."
        )
    else:
        chance = (
            f" A difference like this could easily come from ordinary ups and downs "
            f"({_p(result.p_value)})."
        )
        if result.min_p_value > 0.05:
            chance += (
                f" With {n} pairs no result could rule chance out (the smallest possible p is "
                f"{result.min_p_value:.3g}); more pairs would make the comparison firmer."
            )
    better = "lower" if result.lower_is_better else "higher"
    prob = result.prob_b_better
    belief = ""
    if not math.isnan(prob):
        belief = (
            f" Allowing for this uncertainty, the chance that {b_label} is better for "
            f"{outcome_label} ({better} is better) is {_percent(prob)}."
        )
    closing = " One experiment is a start, not a verdict: repeating it is the surest check."
    return first + interval + chance + belief + _adherence_sentence(result) + closing


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
