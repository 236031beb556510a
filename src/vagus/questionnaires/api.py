"""Questionnaire routes: instruments (and their FHIR Questionnaire), answering, responses."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from uuid import UUID, uuid5

from django.urls import reverse
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError

from vagus.api.schemas import Message
from vagus.interop import fhir_questionnaires as fhir
from vagus.ownership import AuthenticatedHttpRequest, owned_or_404
from vagus.questionnaires import actions, wording
from vagus.questionnaires.models import QuestionnaireResponse
from vagus.science import instruments

router = Router(tags=["questionnaires"])


class BandOut(Schema):
    label: str
    minimum: float
    maximum: float
    display: str


class InstrumentOut(Schema):
    code: str
    name: str
    title: str
    items: int
    min_total: float
    max_total: float
    bands: list[BandOut]
    schedule_default_days: int | None
    panel_loinc: str | None
    total_loinc: str | None
    wording_included: bool
    citation: str
    copyright: str


class ResponseIn(Schema):
    # Any: the scoring core checks every answer and names the item when one is wrong.
    answers: list[Any] = Field(..., description="One answer per item, item 1 first")
    authored: datetime | None = Field(
        None,
        description=(
            "When it was answered (default: now). Refused (400) if in the future where you "
            "are, or before 1900."
        ),
    )
    difficulty: int | None = Field(None, description="Optional difficulty question, 0–3")


class SafetyOut(Schema):
    message: str
    crisis_page: str


class AnswerError(Message):
    # The same safety object as a stored response: a self-harm answer in refused input.
    safety: SafetyOut | None = None


# Not the backup's ResponseRow: the API adds the band and a summary in words and the safety
# answer, shows answers as numbers and leaves out the difficulty question.
class ResponseOut(Schema):
    id: UUID
    instrument: str
    answers: list[float]
    total: float
    band: str
    band_display: str
    summary: str
    flags: list[str]
    subscales: dict[str, float]
    authored: datetime
    day: date
    safety: SafetyOut | None = None


def _instrument_or_404(code: str) -> instruments.Instrument:
    try:
        return instruments.get(code)
    except instruments.UnknownInstrumentError:
        raise HttpError(404, f"no questionnaire called “{code}”") from None


def _instrument_out(i: instruments.Instrument) -> dict:
    return {
        "code": i.code,
        "name": i.name,
        "title": i.title,
        "items": i.item_count,
        "min_total": i.min_total,
        "max_total": i.max_total,
        "bands": [
            {"label": b.label, "minimum": b.minimum, "maximum": b.maximum, "display": b.display}
            for b in i.bands
        ],
        "schedule_default_days": i.schedule_default_days,
        "panel_loinc": i.panel_loinc,
        "total_loinc": i.total_loinc,
        "wording_included": i.wording_included,
        "citation": i.citation,
        "copyright": i.copyright,
    }


SAFETY_MESSAGE = (
    "An answer shows thoughts of self-harm. If you are in danger, call your local "
    "emergency number now; crisis lines are on the crisis page."
)


def _safety() -> dict[str, str]:
    return {"message": SAFETY_MESSAGE, "crisis_page": reverse("questionnaires:crisis")}


def _response_out(r: QuestionnaireResponse) -> dict:
    safety = _safety() if r.self_harm_risk else None
    return {
        "id": r.uuid,
        "instrument": r.instrument,
        "answers": r.answers,
        "total": r.total,
        "band": r.band,
        "band_display": r.band_display,
        "summary": wording.total_sentence(r.instrument, r.total, r.band),
        "flags": r.flags,
        "subscales": r.subscales,
        "authored": r.authored,
        "day": r.day,
        "safety": safety,
    }


@router.get("/instruments", response=list[InstrumentOut])
def list_instruments(request: AuthenticatedHttpRequest) -> list[dict]:
    return [_instrument_out(i) for i in instruments.INSTRUMENTS.values()]


@router.get("/instruments/{code}/fhir", response=dict)
def instrument_fhir(request: AuthenticatedHttpRequest, code: str) -> dict:
    return fhir.questionnaire(_instrument_or_404(code).code)


@router.post(
    "/questionnaires/{code}/responses",
    response={201: ResponseOut, 400: AnswerError, 404: Message},
)
def answer(request: AuthenticatedHttpRequest, code: str, payload: ResponseIn) -> Status:
    instrument = _instrument_or_404(code)
    try:
        recorded = actions.record_response(
            request.user,
            instrument.code,
            payload.answers,
            payload.authored,
            difficulty=payload.difficulty,
        )
    except actions.QuestionnaireInputError as exc:
        safety = _safety() if exc.needs_crisis_page else None
        return Status(400, {"detail": str(exc), "errors": exc.errors, "safety": safety})
    return Status(201, _response_out(recorded.response))


@router.get("/questionnaire-responses", response=list[ResponseOut])
def list_responses(request: AuthenticatedHttpRequest, instrument: str | None = None) -> list[dict]:
    rows = QuestionnaireResponse.objects.owned_by(request.user).order_by("authored", "id")
    if instrument:
        rows = rows.filter(instrument=instrument)
    return [_response_out(r) for r in rows]


@router.get("/questionnaire-responses/{response_id}", response=ResponseOut)
def get_response(request: AuthenticatedHttpRequest, response_id: UUID) -> dict:
    return _response_out(owned_or_404(QuestionnaireResponse, request.user, uuid=response_id))


@router.get("/questionnaire-responses/{response_id}/fhir", response=dict)
def response_fhir(request: AuthenticatedHttpRequest, response_id: UUID) -> dict:
    response = owned_or_404(QuestionnaireResponse, request.user, uuid=response_id)
    return fhir_bundle(response)


def fhir_bundle(response: QuestionnaireResponse) -> dict:
    """A FHIR R4 collection Bundle: the QuestionnaireResponse and its score Observation."""
    subject = f"Patient/{response.owner.uuid}"
    response_id = str(response.uuid)
    observation_id = str(
        response.observation.uuid if response.observation else uuid5(response.uuid, "score")
    )
    score = instruments.score(response.instrument, _core_answers(response))
    resources = [
        fhir.questionnaire_response(
            response.instrument,
            _core_answers(response),
            response.authored,
            subject,
            response_id,
            difficulty=response.difficulty,
        ),
        fhir.score_observation(
            response.instrument, score, response.authored, subject, response_id, observation_id
        ),
    ]
    return {
        "resourceType": "Bundle",
        "id": str(uuid5(response.uuid, "bundle")),
        "type": "collection",
        "timestamp": response.created.isoformat(),
        "entry": [
            # Full URLs under the same base, so "QuestionnaireResponse/<id>" resolves in the bundle.
            {"fullUrl": f"{fhir.DEFAULT_BASE}/{r['resourceType']}/{r['id']}", "resource": r}
            for r in resources
        ],
    }


def _core_answers(response: QuestionnaireResponse) -> list[int | float]:
    return [int(a) if float(a).is_integer() else a for a in response.answers]
