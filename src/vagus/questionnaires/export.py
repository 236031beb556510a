"""The questionnaires' part of a person's full export."""

from __future__ import annotations

from typing import Any

from vagus.accounts.export import section
from vagus.questionnaires.models import QuestionnaireResponse, SafetyAlert, Schedule


@section("questionnaire_responses", model="questionnaires.QuestionnaireResponse")
def _responses(user: Any) -> list[dict[str, Any]]:
    return [
        {
            "id": str(r.uuid),
            "instrument": r.instrument,
            "answers": r.answers,
            "difficulty": r.difficulty,
            "total": r.score_total,
            "band": r.band,
            "flags": r.flags,
            "subscales": r.subscales,
            "authored": r.authored.isoformat(),
            "day": r.day.isoformat(),
        }
        for r in QuestionnaireResponse.objects.owned_by(user).order_by("authored", "id")
    ]


@section("questionnaire_schedules", model="questionnaires.Schedule")
def _schedules(user: Any) -> list[dict[str, Any]]:
    return [
        {
            "id": str(s.uuid),
            "instrument": s.instrument,
            "every_days": s.every_days,
            "enabled": s.enabled,
        }
        for s in Schedule.objects.owned_by(user)
    ]


@section("safety_alerts", model="questionnaires.SafetyAlert")
def _alerts(user: Any) -> list[dict[str, Any]]:
    return [
        {
            "id": str(a.uuid),
            "response": str(a.response.uuid) if a.response else None,
            "source": a.source,
            "created": a.created.isoformat(),
            "acknowledged_at": a.acknowledged_at.isoformat() if a.acknowledged_at else None,
        }
        for a in SafetyAlert.objects.owned_by(user).select_related("response")
    ]
