from __future__ import annotations

from typing import Any

from vagus.questionnaires import actions

PUBLIC_PARAMS = {"code": ["gad7"]}


def build(user: Any, secret: str) -> None:
    # PHQ-9 with item 9 above 0: a response, its score, and a safety alert.
    actions.record_response(user, "phq9", [1] * 9)
    actions.set_schedule(user, "phq8", 14, True)
