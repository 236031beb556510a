"""The Today card: which condition today is, and the one adherence question."""

from __future__ import annotations

from typing import Any

from vagus.experiments.display import day_plan
from vagus.experiments.models import OPEN_STATUSES, AdherenceAnswer, Experiment
from vagus.ownership import AuthenticatedHttpRequest


def today_card(request: AuthenticatedHttpRequest) -> dict[str, Any] | None:
    user = request.user
    today = user.today()  # the person's own calendar day, wherever the server is
    plans = []
    for experiment in Experiment.objects.owned_by(user).filter(
        status__in=OPEN_STATUSES, started__lte=today
    ):
        plan = day_plan(experiment, today)
        if plan is not None:
            plans.append(plan)
    if not plans:
        return None
    answers = dict(
        AdherenceAnswer.objects.owned_by(user)
        .filter(day=today, experiment__in=[p.experiment for p in plans])
        .values_list("experiment_id", "followed")
    )
    return {
        "template": "experiments/today_card.html",
        "stylesheet": "experiments/experiments.css",
        "items": [(plan, answers.get(plan.experiment.pk)) for plan in plans],
        "next": request.get_full_path(),
    }
