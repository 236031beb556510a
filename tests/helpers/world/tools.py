"""A row of every tools model, with the secret in each free text."""

from __future__ import annotations

from datetime import time
from typing import Any

from vagus.tools import actions


def build(user: Any, secret: str) -> None:
    actions.record_session(user, "breathing", 300, 6, 4, {"pattern": "slow", "minutes": 5})
    actions.set_worry_time(user, time(18, 30))
    actions.park_worry(user, f"worry {secret}")
    actions.save_thought_record(
        user,
        {
            "situation": f"situation {secret}",
            "automatic_thought": f"thought {secret}",
            "emotions": f"anxious {secret}",
            "evidence_for": f"for {secret}",
            "evidence_against": f"against {secret}",
            "balanced_thought": f"balanced {secret}",
        },
        intensity_before=80,
        intensity_after=40,
        patterns=["catastrophising"],
        anxiety_before=7,
        anxiety_after=5,
        duration_seconds=240,
    )
    actions.save_journal_entry(user, f"journal {secret}", "sleep", anxiety_before=5)
