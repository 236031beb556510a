"""The experiment report, following the CENT 2015 items that apply to a single person's trial.

Vohra S, Shamseer L, Sampson M, et al. CONSORT extension for reporting N-of-1 trials (CENT)
2015 Statement. BMJ 2015;350:h1738. Items about recruitment, several participants, ethics
approval and registration do not apply to a personal experiment and are left out.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from vagus.experiments.models import COMPLETED, STOPPED, Experiment
from vagus.experiments.queries import Analysis
from vagus.experiments.wording import result_words

LIMITS = [
    "No blinding: you knew which days were change days, so expecting a benefit (or a harm) "
    "can shape how you feel and how you rate it.",
    "Carry-over: an effect may linger into, or take longer than, the settling-in days.",
    "One person: the result is about you over these weeks, not about anyone else, and not "
    "necessarily about you at another time.",
    "Other things change too (work, season, illness); randomising the order of the periods "
    "balances them on average, but not perfectly over a few pairs.",
]


@dataclass(frozen=True)
class Item:
    number: str  # the CENT item number(s)
    heading: str
    text: str


def _count(n: float, noun: str) -> str:
    """ "1 day", "2 days", "0.5 points": only exactly one is singular."""
    return f"{n:g} {noun}{'' if n == 1 else 's'}"


SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def _orders(pairs: int) -> str:
    """ "2⁵ = 32 possible orders": every order the coin flips could have drawn."""
    return f"2{str(pairs).translate(SUPERSCRIPT)} = {2**pairs:,} possible orders"


def _fmt(x: float) -> str:
    return "not available" if math.isnan(x) else f"{x:+.2f}"


def cent_items(experiment: Experiment, analysis: Analysis, today: date) -> list[Item]:
    schedule = experiment.design
    result = analysis.result
    state = experiment.state_on(today)
    plan = experiment.plan or {}
    better = "lower" if experiment.lower_is_better else "higher"
    ready = experiment.ready
    evidence = ", ".join(ready.evidence) if ready else "a question of the person's own"
    periods_done = sum(1 for p in schedule.periods() if p.last_day < today)
    stopped = experiment.stopped
    if state == STOPPED and stopped is not None:
        periods_done = sum(1 for p in schedule.periods() if p.last_day < stopped)
    paused = len(analysis.paused_days)
    items = [
        Item("1a", "Title", f"Personal randomised N-of-1 trial: {experiment.title}."),
        Item(
            "2a",
            "Rationale",
            (ready.why if ready else "A change the person chose to test.")
            + f" Evidence entries: {evidence}; method: nof1-trials.",
        ),
        Item("2b", "Specific objective", f"Pre-stated expectation: “{experiment.hypothesis}”"),
        Item(
            "3a",
            "Trial design",
            f"Multiple crossover: {schedule.pairs} pairs of {schedule.period_days}-day periods, "
            f"B ({experiment.b_label}: {experiment.b_todo}) against A (as usual: "
            f"{experiment.todo('A')}), from {schedule.start:%d %B %Y} to {schedule.end:%d %B %Y}.",
        ),
        Item(
            "3b",
            "Washout",
            f"The first {_count(schedule.washout_days, 'day')} of every period were lived as "
            "planned but not analysed (settling-in days), to limit carry-over."
            if schedule.washout_days
            else "No settling-in days: every day of every period was analysed.",
        ),
        Item(
            "6a",
            "Outcome",
            f"Daily {experiment.outcome_label} from the diary ({better} is better); the unit of "
            "analysis is the mean of each period's analysed days.",
        ),
        Item(
            "7a",
            "Sample size",
            f"Planned to find a change of {_count(experiment.smallest_change, 'point')}: "
            "estimated power "
            f"{plan.get('power', math.nan):.0%} with a day-to-day SD of "
            f"{plan.get('sd', math.nan):.2f} and autocorrelation "
            f"{plan.get('autocorrelation', math.nan):.2f}; the smallest possible p-value with "
            f"{schedule.pairs} pairs is {plan.get('min_p_value', math.nan):.3g}."
            if plan
            else f"{schedule.pairs} pairs were chosen without a stored power estimate.",
        ),
        Item(
            "8a–10",
            "Randomisation",
            "Within each pair the order (AB or BA) was drawn by a fair coin by the app when the "
            f"experiment was set up: {', '.join(schedule.order)}. The order was shown only a day "
            "at a time on the Today page, but was not hidden (no allocation concealment).",
        ),
        Item(
            "11a",
            "Blinding",
            "None: the person knew which condition each day was.",
        ),
        Item(
            "12a",
            "Statistical methods",
            "Pair differences (B minus A); estimate = their mean with a one-sample t 95% "
            "interval; exact two-sided randomisation test over all "
            f"{_orders(result.n_pairs or schedule.pairs)} (AB or BA in each pair); probability "
            "of benefit under a sceptical prior centred on no difference, worth one pair of "
            "periods. Paused days were left out; missing days were not filled in.",
        ),
        Item(
            "13a",
            "Participant flow (periods)",
            f"{periods_done} of {2 * schedule.pairs} periods completed; "
            f"{_count(result.n_periods, 'period')} in {_count(result.n_pairs, 'complete pair')} "
            "had data and were "
            f"analysed; {_count(paused, 'day')} paused."
            + (f" Stopped early on {experiment.stopped:%d %B %Y}." if state == STOPPED else ""),
        ),
        Item(
            "14a",
            "Dates",
            f"Set up {experiment.created:%d %B %Y}; planned {schedule.start:%d %B %Y} to "
            f"{schedule.end:%d %B %Y}.",
        ),
        Item(
            "—",
            "Adherence",
            "No adherence answers were recorded."
            if result.adherence is None
            else f"Plan followed on {result.adherence:.0%} of {result.adherence_days} analysed "
            "days with an answer (paused days are not counted here; see participant flow).",
        ),
    ]
    if state == COMPLETED and result.enough_data:
        items.append(
            Item(
                "17a",
                "Results",
                f"Mean A {result.mean_a:.2f}, mean B {result.mean_b:.2f}; difference B − A "
                f"{_fmt(result.estimate)} ("
                + (
                    f"95% interval from inverting the exact test {_fmt(result.ci_low)} to "
                    f"{_fmt(result.ci_high)}"
                    if result.interval_bounded
                    else "no 95% interval: with so few pairs no difference can be ruled out"
                )
                + f"); exact p = {result.p_value:.3g} (smallest possible "
                f"{result.min_p_value:.3g})"
                + (
                    f"; probability that B is better by more than {experiment.smallest_change:g}"
                    f" {result.prob_beyond_smallest:.0%}. "
                    if result.alpha_reachable
                    else ". "
                )
                + result_words(experiment, result),
            )
        )
    elif state == COMPLETED:
        items.append(Item("17a", "Results", "Not enough data to compare: " + result.note + "."))
    else:
        items.append(
            Item(
                "17a",
                "Results",
                "None reported: the experiment was stopped early, so it is incomplete. An "
                "early stop can follow a good or bad run of days, which would bias any estimate."
                if state == STOPPED
                else "None yet: the experiment has not finished.",
            )
        )
    items += [
        Item("19", "Harms", experiment.harms or "None reported by the person."),
        Item("20", "Limitations", " ".join(LIMITS)),
        Item(
            "21–22",
            "Interpretation",
            "A single experiment is a start, not a verdict; repeating it is the surest check. "
            "This report is a personal record, not a diagnosis or medical advice.",
        ),
    ]
    return items
