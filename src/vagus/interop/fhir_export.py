"""A person's diary and questionnaires as one FHIR R4 transaction Bundle.

Every entry is a ``PUT`` to ``Type/<uuid>`` so sending the same Bundle twice updates rather
than duplicates, and references (``subject``, ``derivedFrom``) resolve without the server
assigning ids. Observations carry LOINC codes where LOINC has one (sleep duration 93832-4,
steps per day 41950-7, HRV SDNN 80404-7, questionnaire totals) and always the project's own
code ``{base}/CodeSystem/vagus-measures``. Questionnaire answers become
QuestionnaireResponses with their score Observations, built by :mod:`fhir_questionnaires`.
Gut microbiome samples become laboratory Observations (diversity, phyla) built by
:mod:`vagus.microbiome.fhir`, which says why they use the project's own codes.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import TYPE_CHECKING, Any

from vagus.diary.models import Observation
from vagus.interop import fhir_questionnaires as fq
from vagus.microbiome import fhir as microbiome_fhir
from vagus.questionnaires.models import QuestionnaireResponse
from vagus.science import instruments

if TYPE_CHECKING:
    from vagus.accounts.models import User

MEASURES_SYSTEM = "CodeSystem/vagus-measures"
SOURCES_SYSTEM = "CodeSystem/vagus-sources"
# Built-in measures with a LOINC code (custom ones carry theirs in Measure.loinc).
LOINC_BY_CODE = {"sleep_hours": "93832-4"}
LOINC_DISPLAY = {
    "93832-4": "Sleep duration",
    "41950-7": "Number of steps in 24 hour Measured",
    "80404-7": "R-R interval.standard deviation (Heart rate variability)",
    "40443-4": "Heart rate --resting",
    "9279-1": "Respiratory rate",
}
UNITS = {  # kind → (UCUM code, human unit)
    "hours": ("h", "h"),
    "minutes": ("min", "min"),
    "scale": ("{score}", "out of 10"),
    "score": ("{score}", "score"),
    "count": ("{count}", "count"),
    "bristol": ("{type}", "Bristol type"),
    "steps": ("/d", "steps/day"),
    "ms": ("ms", "ms"),
    "per_minute": ("/min", "per minute"),
    "valence": ("1", "−1 to 1"),
}
SURVEY_KINDS = {"scale", "bristol", "yesno"}


def _entry(base: str, resource: dict[str, Any]) -> dict[str, Any]:
    kind, rid = resource["resourceType"], resource["id"]
    return {
        "fullUrl": f"{base}/{kind}/{rid}",
        "resource": resource,
        "request": {"method": "PUT", "url": f"{kind}/{rid}"},
    }


def _category(code: str) -> list[dict[str, Any]]:
    return [{"coding": [{"system": fq.OBSERVATION_CATEGORY, "code": code}]}]


def observation_resource(o: Observation, subject: str, base: str) -> dict[str, Any]:
    measure = o.measure
    loinc = measure.loinc or LOINC_BY_CODE.get(measure.code, "")
    codings = []
    if loinc:
        codings.append({"system": fq.LOINC, "code": loinc, "display": LOINC_DISPLAY.get(loinc)})
        codings[-1] = {k: v for k, v in codings[-1].items() if v}
    codings.append(
        {"system": f"{base}/{MEASURES_SYSTEM}", "code": measure.code, "display": measure.label}
    )
    resource: dict[str, Any] = {
        "resourceType": "Observation",
        "id": str(o.uuid),
        "status": "final",
        "category": _category("survey" if measure.kind in SURVEY_KINDS else "activity"),
        "code": {"coding": codings, "text": measure.label},
        "subject": {"reference": subject},
        "effectiveDateTime": o.time.isoformat() if o.time else o.day.isoformat(),
        "method": {"coding": [{"system": f"{base}/{SOURCES_SYSTEM}", "code": o.source}]},
    }
    if measure.kind == "yesno":
        resource["valueBoolean"] = bool(o.value)
    else:
        code, unit = UNITS.get(measure.kind, ("1", ""))
        resource["valueQuantity"] = {
            "value": o.value,
            "unit": unit or code,
            "system": fq.UCUM,
            "code": code,
        }
    return resource


def response_resources(
    r: QuestionnaireResponse, subject: str, base: str = fq.DEFAULT_BASE
) -> list[dict[str, Any]]:
    """A stored response as its FHIR QuestionnaireResponse and its score Observation."""
    response_id = str(r.uuid)
    score = instruments.score(r.instrument, r.answers)
    observation_id = str(r.observation.uuid) if r.observation else str(uuid.uuid5(r.uuid, "score"))
    return [
        fq.questionnaire_response(
            r.instrument,
            r.answers,
            r.authored,
            subject,
            response_id,
            base=base,
            difficulty=r.difficulty,
        ),
        fq.score_observation(
            r.instrument, score, r.authored, subject, response_id, observation_id, base=base
        ),
    ]


def bundle(user: User, *, base: str = fq.DEFAULT_BASE) -> dict[str, Any]:
    base = base.rstrip("/")
    patient_id = str(user.uuid)
    subject = f"Patient/{patient_id}"
    entries = [_entry(base, {"resourceType": "Patient", "id": patient_id, "active": True})]
    observations = (
        Observation.objects.owned_by(user)
        .exclude(source="questionnaire")  # their totals come with the responses below
        .select_related("measure")
        .order_by("day", "time", "id")
    )
    entries += [_entry(base, observation_resource(o, subject, base)) for o in observations]
    responses = QuestionnaireResponse.objects.owned_by(user).select_related("observation")
    for r in responses.order_by("authored", "id"):
        entries += [_entry(base, resource) for resource in response_resources(r, subject, base)]
    entries += [_entry(base, r) for r in microbiome_fhir.observations(user, subject, base)]
    return {
        "resourceType": "Bundle",
        "id": str(uuid.uuid4()),
        "type": "transaction",
        "timestamp": datetime.now().astimezone().isoformat(),
        "entry": entries,
    }
