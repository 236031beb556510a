"""Sentences researchers and participants read about studies."""

from __future__ import annotations

from vagus.studies import monitor

STATE_LABELS = {
    monitor.ENROLLED: "Enrolled, nothing logged yet",
    monitor.ACTIVE: "Active",
    monitor.INACTIVE: "Inactive (nothing logged for more than 3 days)",
    monitor.DROPPED_OUT: "Dropped out",
    monitor.COMPLETED: "Completed",
}

RESULTS_CAUTION = (
    "These are associations in the study's data, not proof of cause: a factor that goes with "
    "calmer days may not be what makes them calmer."
)
ALREADY_ENROLLED = "You are already taking part in this study."
JOINED = "Thank you for joining. The study sees only what its protocol collects, from today on."
RECONSENTED = "Thank you. You agreed to the new consent text."
WITHDRAWN_KEPT = "You have left the study. It keeps what you shared until today, as you chose."
WITHDRAWN_REMOVED = "You have left the study. It no longer sees any of your data, as you chose."
CONSENT_CHANGED = (
    "The study's consent text changed; the study sees nothing new until you agree to it."
)
NEW_CONSENT_VERSION = (
    "Saved. The consent text changed, so it is a new version: everyone already enrolled is "
    "asked to agree to it before the study sees more of their data."
)


def adherence_text(percent: float | None) -> str:
    return "—" if percent is None else f"{percent:.0f} %"


def state_counts(states: list[str]) -> list[tuple[str, int]]:
    return [(STATE_LABELS[s], states.count(s)) for s in monitor.STATES]
