"""Medication is never analysed, across people as for one person: no statistic about a
medicine may suggest starting, stopping or changing it (docs/safety.md, hazard H8)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from vagus.safety.medication import mentions_medication

if TYPE_CHECKING:
    import pandas as pd

REFUSAL = (
    "Vagus does not analyse medication ({names}): whether a medicine goes with how people "
    "feel is a question for a clinical trial, and changing one is a decision for a doctor."
)


def is_medication_code(code: str) -> bool:
    return "medication" in code.lower() or mentions_medication(code)


def without_medication(
    frame: pd.DataFrame, outcome: str, factors: Sequence[str] | None
) -> pd.DataFrame:
    """``frame`` less every medication measure; ValueError if one was asked for by name."""
    named = [n for n in [outcome, *(factors or ())] if is_medication_code(n)]
    if named:
        raise ValueError(REFUSAL.format(names=", ".join(named)))
    if "measure" not in frame.columns:
        return frame  # the analysis names the missing column
    keep = ~frame["measure"].astype(str).map(is_medication_code)
    return frame[keep]
