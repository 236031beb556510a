from __future__ import annotations

from typing import Any

from vagus.experiments import actions


def build(user: Any, secret: str) -> None:
    # A custom experiment starting today (its free text holds the secret) and today's answer.
    experiment = actions.create_experiment(
        user,
        title=f"Walk after lunch {secret}",
        b_todo=f"A 15-minute walk after lunch {secret}",
        hypothesis=f"Lower anxiety on walking days {secret}",
        start=user.today(),
        pairs=2,
        period_days=4,
        washout_days=1,
    )
    actions.record_harms(user, experiment, f"Nothing unwanted {secret}")
    actions.record_adherence(user, experiment, True)
