"""FHIR export of stored responses: every resource validates as R4(B), codes and ranges match.

``fhir.resources`` checks structure and types only, so LOINC codes and score ranges are checked
against the instrument definitions here.
"""

from __future__ import annotations

import pytest
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.observation import Observation
from fhir.resources.R4B.questionnaire import Questionnaire
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

from vagus.questionnaires import actions
from vagus.science import instruments

pytestmark = pytest.mark.django_db
LOINC = "http://loinc.org"

ANSWERS = {
    "gad7": [3, 2, 1, 0, 1, 2, 3],
    "gad2": [3, 3],
    "phq9": [1, 1, 1, 1, 1, 1, 1, 1, 1],
    "phq8": [3] * 8,
    "phq4": [0, 1, 2, 3],
    "ibs_sss": [40, 50, 30.5, 60, 20],
}


@pytest.mark.parametrize("code", instruments.CODES)
def test_response_bundle_validates_and_matches_the_definition(person, person_client, code):
    instrument = instruments.get(code)
    stored = actions.record_response(person, code, ANSWERS[code]).response
    person_client.post("/questionnaires/crisis/read/")  # PHQ-9 here raises an alert
    response = person_client.get(f"/api/questionnaire-responses/{stored.uuid}/fhir")
    assert response.status_code == 200
    bundle = response.json()
    Bundle.model_validate(bundle)
    assert bundle["type"] == "collection"
    [qr, obs] = [entry["resource"] for entry in bundle["entry"]]
    QuestionnaireResponse.model_validate(qr)
    Observation.model_validate(obs)

    assert qr["id"] == str(stored.uuid)
    assert qr["status"] == "completed"
    assert qr["subject"]["reference"] == f"Patient/{person.uuid}"
    assert qr["questionnaire"].endswith(f"/Questionnaire/{code.replace('_', '-')}")
    answered = [i for i in qr["item"] if i["linkId"] != "69722-7"]
    assert [i["linkId"] for i in answered] == [item.link_id for item in instrument.items]
    codes = {o.loinc: o.value for o in instrument.answer_options}
    for item, value in zip(answered, ANSWERS[code], strict=True):
        [answer] = item["answer"]
        if instrument.answer_options:
            assert answer["valueCoding"]["system"] == LOINC
            assert codes[answer["valueCoding"]["code"]] == value
        else:
            assert answer["valueDecimal"] == value

    assert obs["status"] == "final"
    assert obs["category"][0]["coding"][0]["code"] == "survey"
    [coding] = obs["code"]["coding"]
    if instrument.total_loinc:
        assert (coding["system"], coding["code"]) == (LOINC, instrument.total_loinc)
    else:
        assert coding["system"].endswith("/CodeSystem/vagus-scores")
    value = obs.get("valueInteger", obs.get("valueQuantity", {}).get("value"))
    assert value == stored.total
    assert instrument.min_total <= value <= instrument.max_total
    assert obs["interpretation"][0]["coding"][0]["code"] == stored.band
    assert instrument.band_for(value).label == stored.band
    assert obs["derivedFrom"] == [{"reference": f"QuestionnaireResponse/{stored.uuid}"}]
    assert obs["id"] == str(stored.observation.uuid)
    flags = {
        c["code"]["coding"][0]["code"] for c in obs.get("component", []) if "valueBoolean" in c
    }
    assert flags == set(stored.flags)  # e.g. self_harm_risk travels with the score


@pytest.mark.parametrize("code", instruments.CODES)
def test_instrument_questionnaire_validates(person_client, code):
    instrument = instruments.get(code)
    body = person_client.get(f"/api/instruments/{code}/fhir").json()
    Questionnaire.model_validate(body)
    if instrument.panel_loinc:
        assert body["code"][0] == {
            "system": LOINC,
            "code": instrument.panel_loinc,
            "display": instrument.title,
        }
    scored = [i for i in body["item"] if i.get("required")]
    for item, definition in zip(scored, instrument.items, strict=False):
        assert item["linkId"] == definition.link_id
        if definition.loinc:
            assert item["code"] == [{"system": LOINC, "code": definition.loinc}]
        ordinals = [o["extension"][0]["valueDecimal"] for o in item.get("answerOption", [])]
        assert ordinals == [o.value for o in instrument.answer_options]
    if not instrument.wording_included:
        assert "licensed" in body["copyright"]
