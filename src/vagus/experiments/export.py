"""The experiments' part of a person's full export."""

from __future__ import annotations

from typing import Any

from vagus.accounts.export import section
from vagus.experiments.models import AdherenceAnswer, Experiment


@section("experiments", model="experiments.Experiment")
def _experiments(user: Any) -> list[dict[str, Any]]:
    return [e.as_json() for e in Experiment.objects.owned_by(user).order_by("created", "id")]


@section("experiment_adherence", model="experiments.AdherenceAnswer")
def _adherence(user: Any) -> list[dict[str, Any]]:
    return [
        {
            "id": str(a.uuid),
            "experiment": str(a.experiment.uuid),
            "day": a.day.isoformat(),
            "followed": a.followed,
        }
        for a in AdherenceAnswer.objects.owned_by(user)
        .select_related("experiment")
        .order_by("day", "id")
    ]
