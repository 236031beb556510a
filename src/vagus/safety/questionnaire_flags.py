"""When a questionnaire answer calls for a safety alert (hazard H1 in docs/safety.md).

The scoring core (``vagus.science.instruments``) says which flags answers raise; this is the
app's rule for acting on them: the raw answers are read before anything else is checked, so
no form error can lose a self-harm answer, and a stored score with the self-harm flag always
has an alert. Tests: tests/safety/test_questionnaire_flags.py.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from vagus.science import instruments

SELF_HARM = "self_harm_risk"


def raw_answers_need_alert(code: str, answers: Sequence[object]) -> bool:
    """Whether raw, unchecked answers raise a safety flag (False for an unknown instrument)."""
    try:
        return bool(instruments.safety_flags(code, answers))
    except instruments.UnknownInstrumentError:
        return False


def score_needs_alert(flags: Iterable[str] | None) -> bool:
    """Whether a scored response's flags call for a safety alert."""
    return SELF_HARM in (flags or ())
