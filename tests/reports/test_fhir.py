"""The report's period as a FHIR R4 document Bundle, checked twice: by fhir.resources and by
the official FHIR R4 JSON Schema (tests/data/fhir, with its licence)."""

from __future__ import annotations

import gzip
import json
from functools import cache
from pathlib import Path

import jsonschema
import pytest
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.composition import Composition
from fhir.resources.R4B.observation import Observation
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse
from tests.reports.conftest import SECRET

from vagus.reports.fhir import report_bundle

pytestmark = pytest.mark.django_db
SCHEMA = Path(__file__).resolve().parents[1] / "data" / "fhir" / "fhir.schema.json.gz"
MODELS = {
    "Composition": Composition,
    "Observation": Observation,
    "QuestionnaireResponse": QuestionnaireResponse,
}


@cache
def validator() -> jsonschema.Draft6Validator:
    schema = json.loads(gzip.decompress(SCHEMA.read_bytes()))
    assert schema["id"] == "http://hl7.org/fhir/json-schema/4.0"
    return jsonschema.Draft6Validator(schema)


@pytest.fixture
def bundle(reported):
    return report_bundle(reported.person, reported.start, reported.end)


def test_a_document_bundle_that_validates_as_fhir(bundle):
    Bundle.model_validate(bundle)
    assert bundle["type"] == "document"
    assert bundle["identifier"]["value"].startswith("urn:uuid:")
    for entry in bundle["entry"]:
        model = MODELS.get(entry["resource"]["resourceType"])
        if model is not None:
            model.model_validate(entry["resource"])
        assert "request" not in entry  # a document is not a transaction


def test_it_matches_the_official_r4_json_schema(bundle):
    errors = sorted(validator().iter_errors(bundle), key=lambda e: list(e.path))
    assert errors == [], [f"{list(e.path)}: {e.message[:200]}" for e in errors[:5]]


def test_the_schema_check_can_fail():
    broken = {"resourceType": "Bundle", "type": "document", "entry": [{"resource": {}}]}
    assert list(validator().iter_errors(broken))


def test_composition_first_and_every_reference_in_the_bundle(reported, bundle):
    first = bundle["entry"][0]["resource"]
    assert first["resourceType"] == "Composition"
    assert first["subject"]["reference"] == f"Patient/{reported.person.uuid}"
    assert first["event"][0]["period"] == {
        "start": reported.start.isoformat(),
        "end": reported.end.isoformat(),
    }
    present = {f"{e['resource']['resourceType']}/{e['resource']['id']}" for e in bundle["entry"]}
    cited = [e["reference"] for s in first["section"] for e in s.get("entry", [])]
    assert cited and set(cited) <= present
    kinds = {e["resource"]["resourceType"] for e in bundle["entry"]}
    assert {"Patient", "QuestionnaireResponse", "Observation"} <= kinds
    responses = reported.person.questionnaire_responses.filter(
        day__range=(reported.start, reported.end)
    )
    assert sum(1 for c in cited if c.startswith("QuestionnaireResponse/")) == responses.count()
    titles = [s["title"] for s in first["section"]]
    assert titles[0] == "Safety in this period"
    assert "PHQ-9 question 9" in first["section"][0]["text"]["div"]


def test_no_free_text_and_only_the_period(reported, bundle):
    text = json.dumps(bundle)
    assert SECRET not in text
    days = [
        e["resource"]["effectiveDateTime"][:10]
        for e in bundle["entry"]
        if e["resource"]["resourceType"] == "Observation"
    ]
    assert min(days) >= reported.start.isoformat() and max(days) <= reported.end.isoformat()
