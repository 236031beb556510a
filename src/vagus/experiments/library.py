"""Ready-made experiments drawn from the evidence library and the outcomes they can measure.

The guard that keeps medication out of self-experiments is in vagus.safety.medication.

Every ready experiment compares one small change (condition B) with life as usual
(condition A). The defaults are starting points a person can change on the set-up page; six
pairs is the smallest design whose exact test can reach p < 0.05 (see docs/experiments.md).
Period and washout follow each change's build-up time: changes to the gut's microbes take weeks,
so those periods are three weeks with a week to settle (simulated power for a 1-point effect with
a one-week build-up and a fifth of days skipped: 0.05 with 7-day periods, 0.32 with 21-day ones;
benchmarks/experiments_power.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from vagus.diary.catalog import BUILTINS, QUESTIONNAIRE_SCORES

USUAL = "as usual"
METHOD_EVIDENCE = "nof1-trials"


@dataclass(frozen=True)
class ReadyExperiment:
    key: str
    title: str
    b_label: str  # the condition's short name, as in "Today is a <b_label> day"
    b_todo: str  # what to do on B days
    a_todo: str  # what "as usual" means on A days
    why: str  # one calm sentence on why it is worth testing, never a promise
    evidence: tuple[str, ...]
    outcome: str = "anxiety"
    period_days: int = 7
    washout_days: int = 2
    pairs: int = 6
    caution: str = ""  # shown before starting, e.g. "talk to your doctor or pharmacist first"
    # Days for the effect to build up after starting (and fade after stopping), as a time
    # constant: about two thirds of the effect after this many days. The power estimate uses it;
    # slow changes get periods long enough to build and a washout long enough to fade.
    build_up_days: float = 2.0


LIBRARY: dict[str, ReadyExperiment] = {
    e.key: e
    for e in (
        ReadyExperiment(
            key="fermented",
            title="A fermented food every day",
            b_label="fermented food",
            b_todo="Have one serving of a fermented food with live cultures: yogurt, kefir, "
            "kimchi, unpasteurised sauerkraut, miso or kombucha.",
            a_todo="Eat as you usually do, without adding an extra fermented food.",
            why="Fermented foods can change the gut's microbes within weeks; whether that "
            "changes how anxious you feel is what this tests.",
            evidence=("fermented-foods-microbiome",),
            period_days=21,
            washout_days=7,
            build_up_days=7.0,
        ),
        ReadyExperiment(
            key="fibre",
            title="Two more servings of fibre-rich food",
            b_label="extra fibre",
            b_todo="Add two servings of fibre-rich food: fruit, vegetables, whole grains, "
            "beans or lentils. If fibre tends to bloat you, add it gradually.",
            a_todo="Eat as you usually do, without the two extra servings.",
            why="Gut microbes turn fibre into short-chain fatty acids, which are being studied "
            "for their links with mood.",
            evidence=("fibre-microbiome",),
            period_days=21,
            washout_days=7,
            build_up_days=7.0,
        ),
        ReadyExperiment(
            key="no-upf-snacks",
            title="No ultra-processed snacks",
            b_label="no ultra-processed snacks",
            b_todo="Skip ultra-processed snacks (crisps, sweets, biscuits, packaged cakes); "
            "have fruit, nuts or plain yogurt instead if you are hungry.",
            a_todo="Snack as you usually do.",
            why="Diets high in ultra-processed food go with more anxiety and depression in "
            "studies of many people; that is an association, and this tests it for you.",
            evidence=("ultra-processed-mental-health",),
        ),
        ReadyExperiment(
            key="probiotic",
            title="A daily probiotic",
            b_label="probiotic",
            b_todo="Take the probiotic you chose, as its label says.",
            a_todo="Do not take the probiotic.",
            why="Some trials found probiotics eased anxiety a little, others found nothing; "
            "effects may differ between people and products.",
            evidence=("probiotics-anxiety",),
            period_days=21,
            washout_days=7,
            build_up_days=7.0,
            caution="Talk to your doctor or pharmacist first, especially if you are pregnant, "
            "have a weakened immune system or take other medicines.",
        ),
        ReadyExperiment(
            key="breathing",
            title="Ten minutes of paced breathing",
            b_label="paced breathing",
            b_todo="Spend ten minutes breathing slowly, about six breaths a minute "
            "(the breathing tool can pace you).",
            a_todo="Go about your day as usual, without the ten minutes of paced breathing.",
            why="Slow breathing engages the vagus nerve and calms the body's stress response "
            "in the moment; this tests whether a daily practice shows in your anxiety.",
            evidence=("slow-breathing",),
            washout_days=1,
            build_up_days=0.0,
        ),
        ReadyExperiment(
            key="sleep-schedule",
            title="A fixed sleep schedule",
            b_label="fixed sleep schedule",
            b_todo="Go to bed and get up at the same times every day, weekends included.",
            a_todo="Sleep as you usually do.",
            why="Poor sleep and anxiety feed each other; a regular schedule is one of the "
            "simplest ways to steady sleep.",
            evidence=("sleep-anxiety",),
        ),
    )
}


@dataclass(frozen=True)
class Outcome:
    code: str  # an Observation measure code
    label: str  # lower case, for sentences: "anxiety", "GAD-2 total"
    lower_is_better: bool
    scale_max: float
    help: str
    recall_days: int = 1  # how far back the rating asks about; a period must be at least this


# GAD-2/GAD-7/PHQ ask about "the last 2 weeks" (vagus.science.instruments.phq_gad): a score
# taken in a shorter period would mostly describe the days before it.
RECALL_DAYS = {"gad2_total": 14}


def _outcomes() -> dict[str, Outcome]:
    wanted = ["anxiety", "gut_pain", "bloating", "urgency", "sleep_quality", "mood", "gad2_total"]
    builtins = {b.code: b for b in (*BUILTINS, *QUESTIONNAIRE_SCORES)}
    outcomes = {}
    for code in wanted:
        b = builtins[code]
        label = b.label if code.endswith("_total") else b.label.lower()
        scale_max = 6.0 if code == "gad2_total" else 10.0
        help_text = (
            "Answer the GAD-2 questionnaire at least twice in every period."
            if code == "gad2_total"
            else "Log it in your daily check-in."
        )
        outcomes[code] = Outcome(
            code,
            label,
            b.direction != "better",
            scale_max,
            help_text,
            RECALL_DAYS.get(code, 1),
        )
    return outcomes


OUTCOMES: dict[str, Outcome] = _outcomes()
DEFAULT_OUTCOME = "anxiety"
