"""API routes of the experiments app (added to the API in vagus.api.api)."""

from __future__ import annotations

import math
from datetime import date
from typing import Any
from uuid import UUID

from django.http import HttpRequest
from ninja import Field, Router, Schema, Status

from vagus.api.schemas import Message, RowSchema
from vagus.experiments import actions, queries, wording
from vagus.experiments.backup import AdherenceRow
from vagus.experiments.library import LIBRARY, METHOD_EVIDENCE, OUTCOMES
from vagus.experiments.models import STOPPED, Experiment
from vagus.ownership import AuthenticatedHttpRequest, owned_or_404

router = Router(tags=["experiments"])


class ReadyOut(Schema):
    key: str
    title: str
    b_label: str
    b_todo: str
    a_todo: str
    why: str
    evidence: list[str]
    outcome: str
    period_days: int
    washout_days: int
    pairs: int
    caution: str


class ExperimentIn(Schema):
    library_key: str = Field("", description="A ready experiment's key; empty for a custom one")
    title: str = Field("", description="Custom experiments only")
    b_label: str = Field("", description="Custom: short name of the change")
    b_todo: str = Field("", description="Custom: what to do on change days")
    outcome: str = Field("anxiety", description=", ".join(OUTCOMES))
    period_days: int = 7
    washout_days: int = 2
    pairs: int = 6
    start: date | None = Field(None, description="Default: tomorrow where you are")
    hypothesis: str = Field(..., description="What you expect, stated before the start")
    smallest_change: float = 1.0


class AdherenceIn(Schema):
    # Optional here so that someone else's id is a 404 before any body check; the action
    # refuses a missing or non-boolean answer with a 400 naming the field.
    followed: Any = Field(None, description="true if the day's plan was followed")
    day: date | None = Field(None, description="Default: today where you are")


class AdherenceOut(RowSchema, row=AdherenceRow, without=("experiment",)):
    pass


class StatusIn(Schema):
    action: str = Field("", description="pause, resume or stop")


def _experiment(request: HttpRequest, experiment_id: UUID) -> Experiment:
    return owned_or_404(Experiment, request.user, uuid=experiment_id)


def _out(experiment: Experiment, today: date) -> dict[str, Any]:
    return {**experiment.as_json(), "state": experiment.state_on(today)}


def _finite(x: float | None) -> float | None:
    return None if x is None or math.isnan(x) else x


@router.get("/experiments/library", response=list[ReadyOut])
def list_library(request: AuthenticatedHttpRequest) -> list[dict[str, Any]]:
    return [{**r.__dict__, "evidence": [*r.evidence, METHOD_EVIDENCE]} for r in LIBRARY.values()]


@router.get("/experiments", response=list[dict])
def list_experiments(request: AuthenticatedHttpRequest) -> list[dict[str, Any]]:
    today = request.user.today()
    return [_out(e, today) for e in Experiment.objects.owned_by(request.user)]


@router.post("/experiments", response={201: dict, 400: Message})
def create_experiment(request: AuthenticatedHttpRequest, payload: ExperimentIn) -> Status:
    data = payload.dict()
    try:
        estimate = queries.power_estimate(
            request.user,
            data["outcome"],
            data["smallest_change"],
            data["period_days"],
            data["washout_days"],
            data["pairs"],
            build_up_days=ready.build_up_days
            if (ready := LIBRARY.get(data.get("library_key") or ""))
            else 0.0,
            start=data.get("start"),
        )
    except (KeyError, ValueError):
        estimate = None  # create_experiment names the field at fault
    try:
        experiment = actions.create_experiment(
            request.user, **data, plan=estimate.as_json() if estimate else None
        )
    except actions.ExperimentInputError as exc:
        return Status(400, {"detail": str(exc), "errors": exc.errors})
    return Status(201, _out(experiment, request.user.today()))


@router.get("/experiments/{experiment_id}", response=dict)
def get_experiment(request: AuthenticatedHttpRequest, experiment_id: UUID) -> dict[str, Any]:
    return _out(_experiment(request, experiment_id), request.user.today())


@router.post("/experiments/{experiment_id}/adherence", response={200: AdherenceOut, 400: Message})
def record_adherence(
    request: AuthenticatedHttpRequest, experiment_id: UUID, payload: AdherenceIn
) -> Status:
    experiment = _experiment(request, experiment_id)
    try:
        answer = actions.record_adherence(request.user, experiment, payload.followed, payload.day)
    except actions.ExperimentInputError as exc:
        return Status(400, {"detail": str(exc), "errors": exc.errors})
    return Status(200, {"id": answer.uuid, "day": answer.day, "followed": answer.followed})


@router.post("/experiments/{experiment_id}/status", response={200: dict, 400: Message})
def change_status(
    request: AuthenticatedHttpRequest, experiment_id: UUID, payload: StatusIn
) -> Status:
    experiment = _experiment(request, experiment_id)
    fn = {"pause": actions.pause, "resume": actions.resume, "stop": actions.stop}.get(
        payload.action
    )
    if fn is None:
        return Status(400, {"detail": "action: pause, resume or stop.", "errors": {}})
    try:
        fn(request.user, experiment)
    except actions.ExperimentInputError as exc:
        return Status(400, {"detail": str(exc), "errors": exc.errors})
    return Status(200, _out(experiment, request.user.today()))


@router.get("/experiments/{experiment_id}/result", response=dict)
def get_result(request: AuthenticatedHttpRequest, experiment_id: UUID) -> dict[str, Any]:
    """The result of a finished experiment; a stopped or running one has none (complete false)."""
    experiment = _experiment(request, experiment_id)
    today = request.user.today()
    state = experiment.state_on(today)
    body: dict[str, Any] = {"id": str(experiment.uuid), "state": state, "complete": False}
    if state == STOPPED:
        body["note"] = "Stopped early: reported as incomplete, with no result."
    elif not queries.has_result(experiment, today):
        body["note"] = f"Not finished: results after {experiment.end.isoformat()}."
    else:
        analysis = queries.analysis_for(request.user, experiment)
        r = analysis.result
        body.update(
            complete=True,
            summary=wording.result_words(experiment, r),
            result={k: _finite(v) if isinstance(v, float) else v for k, v in r.to_dict().items()},
        )
    return body
