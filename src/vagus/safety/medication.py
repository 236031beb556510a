"""Medication in what a person names: never tested in a self-experiment, never a finding.

Self-experiments must never become a way to stop, start or change medicine: that decision
belongs with a doctor or pharmacist (docs/safety.md, "Self-experiments" and hazard H8).
The same test keeps medication measures out of insights' findings. Tests:
tests/safety/test_medication.py.
"""

from __future__ import annotations

import re
from typing import Any

_MEDICATION = re.compile(
    r"\b(medication|medications|medicine|medicines|meds|tablets?|pills?|capsules? of|doses?|"
    r"dosage|prescri\w*|antidepressants?|ssris?|snris?|benzo\w*|beta[- ]?blockers?|"
    r"sertraline|citalopram|escitalopram|fluoxetine|paroxetine|venlafaxine|duloxetine|"
    r"mirtazapine|amitriptyline|propranolol|diazepam|lorazepam|alprazolam|clonazepam|"
    r"pregabalin|gabapentin|buspirone|hydroxyzine|quetiapine|lithium|insulin|inhaler|"
    r"mebeverine|loperamide|laxatives?|"
    # Brand names people log their medicines by.
    r"xanax|valium|ativan|klonopin|zoloft|lustral|lexapro|cipralex|celexa|cipramil|prozac|"
    r"paxil|seroxat|effexor|cymbalta|wellbutrin|bupropion|trazodone|seroquel|lyrica|neurontin|"
    r"buspar|remeron|elavil|inderal|imodium|colofac|buscopan|ondansetron|omeprazole|"
    r"lansoprazole|pantoprazole)\b",
    re.IGNORECASE,
)
MEDICATION_REFUSAL = (
    "Self-experiments here cannot change medication. Starting, stopping or changing a medicine "
    "is a decision for you and your doctor or pharmacist."
)


def mentions_medication(text: str) -> bool:
    """Whether a label, code or free text names a medicine or medication in general."""
    # Codes join words with underscores ("my_xanax_taken"), which a word boundary would miss.
    return bool(_MEDICATION.search((text or "").replace("_", " ")))


# Kinds a person can choose to change for a few weeks, so a self-experiment can test them.
_TESTABLE_KINDS = frozenset({"yesno", "count", "minutes", "hours"})


def is_medication(measure: Any) -> bool:
    """Whether a measure records medicine: the built-in one, or a label or code that names one.

    Such measures are never analysed or shown as findings (insights says why in
    ``NOT_MEDICATION``).
    """
    return (
        "medication" in measure.code
        or mentions_medication(measure.label)
        or mentions_medication(measure.code)
    )


def can_be_tested(measure: Any) -> bool:
    """Whether a person could change this factor on purpose for a self-experiment.

    Never medication: Vagus does not suggest changing it, even as an experiment. Besides the
    medication word list, a yes/no "… taken" measure (how Bearable imports medicines and
    supplements alike) is never offered, since Vagus cannot tell which it is.
    """
    if measure.kind not in _TESTABLE_KINDS or is_medication(measure):
        return False
    return not measure.label.lower().endswith(" taken")
