"""FHIR exports: every resource for every instrument validates as R4(B), and carries our codes.

``fhir.resources`` checks structure and types only, so the tests also check LOINC codes, answer
codes, ordinal values and score ranges against the instrument definitions.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone

import pytest
from fhir.resources.R4B.observation import Observation
from fhir.resources.R4B.questionnaire import Questionnaire
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse
from pydantic import ValidationError

from vagus.interop import fhir_questionnaires as fhir
from vagus.science import instruments

LOINC = "http://loinc.org"
BASE = "https://vagus.example/fhir"
WHEN = datetime(2025, 3, 2, 9, 30, tzinfo=timezone(timedelta(hours=1)))
SUBJECT = "Patient/6f1c2b9e-8d1a-4c53-a0de-0d6a1f0b2c11"
RESPONSE_ID = "0b8e5a55-2f0e-4b7c-9e4e-1c9b0f8f4d21"
OBSERVATION_ID = "a3d1f6c2-7e55-4a0b-8d2e-5f4c3b2a1e90"


def scored_items(questionnaire: dict) -> list[dict]:
    return [item for item in questionnaire["item"] if item.get("required")]


def answer_sets(code: str) -> list[list[float]]:
    """Low, middle, high and mixed answers for an instrument."""
    instrument = instruments.get(code)
    count, top = instrument.item_count, instrument.item_max
    sets: list[list[float]] = [[0] * count, [top] * count, [i % (top + 1) for i in range(count)]]
    if not instrument.integer_answers:
        sets += [[12.5, 40, 0, 99.9, 60], [320], [74.5]]
    return sets


# -- Questionnaire -------------------------------------------------------------------------------


@pytest.mark.parametrize("code", instruments.CODES)
def test_questionnaire_validates_and_matches_the_definition(code: str) -> None:
    instrument = instruments.get(code)
    resource = fhir.questionnaire(code)
    Questionnaire.model_validate(resource)

    assert resource["status"] == "active"
    assert resource["url"] == f"{BASE}/Questionnaire/{code.replace('_', '-')}"
    assert resource["copyright"] == instrument.copyright
    [coding] = resource["code"]
    if instrument.panel_loinc:
        assert coding == {"system": LOINC, "code": instrument.panel_loinc, "display": ANY}
    else:
        assert coding["system"] == f"{BASE}/CodeSystem/vagus-instruments"
        assert coding["code"] == code
    assert resource["item"][0] == {"linkId": "intro", "type": "display", "text": instrument.intro}

    by_link = {item["linkId"]: item for item in resource["item"]}
    for item in instrument.items:
        exported = by_link[item.loinc or f"item-{item.number}"]
        assert exported["text"] == item.text
        if item.loinc:
            assert exported["code"] == [{"system": LOINC, "code": item.loinc}]
        else:
            assert "code" not in exported


@pytest.mark.parametrize("code", ["gad7", "gad2", "phq9", "phq8", "phq4"])
def test_choice_items_carry_loinc_answers_and_ordinal_values(code: str) -> None:
    instrument = instruments.get(code)
    resource = fhir.questionnaire(code)
    items = scored_items(resource)
    assert [item["linkId"] for item in items] == [item.loinc for item in instrument.items]
    for item in items:
        assert item["type"] == "choice"
        options = [
            (
                option["extension"][0]["valueDecimal"],
                option["valueCoding"]["display"],
                option["valueCoding"]["code"],
            )
            for option in item["answerOption"]
        ]
        assert options == [tuple(option) for option in instrument.answer_options]
        for option in item["answerOption"]:
            assert option["valueCoding"]["system"] == LOINC
            assert option["extension"][0]["url"] == (
                "http://hl7.org/fhir/StructureDefinition/ordinalValue"
            )
    # The ordinal values add up to the published maximum.
    top = sum(max(o["extension"][0]["valueDecimal"] for o in i["answerOption"]) for i in items)
    assert top == instrument.max_total


def test_gad7_questionnaire_known_codes() -> None:
    resource = fhir.questionnaire("gad7")
    assert resource["code"][0]["code"] == "69737-5"
    assert [item["linkId"] for item in scored_items(resource)] == [
        "69725-0",
        "68509-9",
        "69733-4",
        "69734-2",
        "69735-9",
        "69689-8",
        "69736-7",
    ]
    codes = [o["valueCoding"]["code"] for o in scored_items(resource)[0]["answerOption"]]
    assert codes == ["LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9"]
    difficulty = resource["item"][-1]
    assert difficulty["linkId"] == "69722-7" and difficulty["required"] is False


def test_ibs_sss_questionnaire_has_numbers_and_no_licensed_wording() -> None:
    resource = fhir.questionnaire("ibs_sss")
    Questionnaire.model_validate(resource)
    numbers = [item for item in resource["item"] if item["type"] != "display"]
    assert [item["linkId"] for item in numbers] == [f"item-{n}" for n in range(1, 6)] + ["total"]
    assert all(item["type"] == "decimal" for item in numbers)
    assert all("answerOption" not in item for item in numbers)
    limits = {
        item["linkId"]: [extension["valueDecimal"] for extension in item["extension"]]
        for item in numbers
    }
    assert limits == {**{f"item-{n}": [0, 100] for n in range(1, 6)}, "total": [0, 500]}
    text = json.dumps([item["text"] for item in resource["item"]]).lower()
    for phrase in ("how severe", "how satisfied", "how many of the last", "tummy", "abdominal"):
        assert phrase not in text


def test_questionnaire_base_is_configurable() -> None:
    resource = fhir.questionnaire("phq9", base="https://clinic.example.org/fhir/")
    assert resource["url"] == "https://clinic.example.org/fhir/Questionnaire/phq9"
    phq8 = fhir.questionnaire("phq8", base="https://clinic.example.org/fhir")
    assert (
        phq8["code"][0]["system"] == "https://clinic.example.org/fhir/CodeSystem/vagus-instruments"
    )


# -- QuestionnaireResponse -----------------------------------------------------------------------


@pytest.mark.parametrize("code", instruments.CODES)
def test_questionnaire_response_validates_and_matches(code: str) -> None:
    instrument = instruments.get(code)
    questionnaire = fhir.questionnaire(code)
    link_ids = {item["linkId"] for item in questionnaire["item"]}
    for answers in answer_sets(code):
        resource = fhir.questionnaire_response(code, answers, WHEN, SUBJECT, RESPONSE_ID)
        QuestionnaireResponse.model_validate(resource)
        assert resource["status"] == "completed"
        assert resource["questionnaire"] == questionnaire["url"]
        assert resource["subject"] == {"reference": SUBJECT}
        assert resource["authored"] == "2025-03-02T09:30:00+01:00"
        assert {item["linkId"] for item in resource["item"]} <= link_ids
        values = []
        for item in resource["item"]:
            [answer] = item["answer"]
            if instrument.answer_options:
                coding = answer["valueCoding"]
                option = next(o for o in instrument.answer_options if o.loinc == coding["code"])
                assert coding == {"system": LOINC, "code": option.loinc, "display": option.label}
                values.append(option.value)
            else:
                values.append(answer["valueDecimal"])
        assert sum(values) == pytest.approx(instruments.score(code, answers).total)


def test_phq9_response_known_answer_codes() -> None:
    resource = fhir.questionnaire_response("phq9", [0, 1, 2, 3, 0, 0, 0, 0, 1], WHEN, SUBJECT, "r1")
    codes = [(i["linkId"], i["answer"][0]["valueCoding"]["code"]) for i in resource["item"]]
    assert codes[:4] == [
        ("44250-9", "LA6568-5"),
        ("44255-8", "LA6569-3"),
        ("44259-0", "LA6570-1"),
        ("44254-1", "LA6571-9"),
    ]
    assert codes[-1] == ("44260-8", "LA6569-3")


def test_ibs_sss_total_only_response_uses_the_total_item() -> None:
    resource = fhir.questionnaire_response("ibs_sss", [215.5], WHEN, SUBJECT, RESPONSE_ID)
    QuestionnaireResponse.model_validate(resource)
    assert [item["linkId"] for item in resource["item"]] == ["total"]
    assert resource["item"][0]["answer"] == [{"valueDecimal": 215.5}]


def test_difficulty_answer_is_optional_metadata() -> None:
    resource = fhir.questionnaire_response("gad7", [1] * 7, WHEN, SUBJECT, "r1", difficulty=2)
    QuestionnaireResponse.model_validate(resource)
    last = resource["item"][-1]
    assert last["linkId"] == "69722-7"
    assert last["answer"][0]["valueCoding"]["code"] == "LA6575-0"
    with pytest.raises(ValueError, match="GAD-7 difficulty question: 4"):
        fhir.questionnaire_response("gad7", [1] * 7, WHEN, SUBJECT, "r1", difficulty=4)
    with pytest.raises(ValueError, match="PHQ-4 has no difficulty question"):
        fhir.questionnaire_response("phq4", [1] * 4, WHEN, SUBJECT, "r1", difficulty=1)


def test_response_refuses_bad_answers_naming_the_item() -> None:
    with pytest.raises(ValueError, match="PHQ-9 item 9: 4 is out of range"):
        fhir.questionnaire_response("phq9", [0] * 8 + [4], WHEN, SUBJECT, RESPONSE_ID)


@pytest.mark.parametrize(
    ("authored", "message"),
    [
        (datetime(2025, 3, 2, 9, 30), "time-zone aware"),
        ("2025-03-02T09:30:00Z", "must be a datetime"),
    ],
)
def test_response_needs_an_aware_datetime(authored: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        fhir.questionnaire_response("gad2", [0, 0], authored, SUBJECT, RESPONSE_ID)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad_id", ["", "has space", "x" * 65, "slash/id"])
def test_response_needs_a_fhir_id(bad_id: str) -> None:
    with pytest.raises(ValueError, match="not a FHIR id"):
        fhir.questionnaire_response("gad2", [0, 0], WHEN, SUBJECT, bad_id)


# -- score Observation ---------------------------------------------------------------------------


@pytest.mark.parametrize("code", instruments.CODES)
def test_score_observation_validates_and_matches(code: str) -> None:
    instrument = instruments.get(code)
    for answers in answer_sets(code):
        score = instruments.score(code, answers)
        resource = fhir.score_observation(code, score, WHEN, SUBJECT, RESPONSE_ID, OBSERVATION_ID)
        Observation.model_validate(resource)
        assert resource["status"] == "final"
        assert resource["category"][0]["coding"][0]["code"] == "survey"
        assert resource["category"][0]["coding"][0]["system"] == (
            "http://terminology.hl7.org/CodeSystem/observation-category"
        )
        [coding] = resource["code"]["coding"]
        if instrument.total_loinc:
            assert (coding["system"], coding["code"]) == (LOINC, instrument.total_loinc)
        else:
            assert coding["system"] == f"{BASE}/CodeSystem/vagus-scores"
            assert coding["code"] == code
        if "valueQuantity" in resource:
            assert resource["valueQuantity"]["code"] == "{score}"
            value = resource["valueQuantity"]["value"]
        else:
            value = resource["valueInteger"]
        assert value == score.total
        assert instrument.min_total <= value <= instrument.max_total
        if instrument.integer_answers:
            assert "valueInteger" in resource
        band = resource["interpretation"][0]["coding"][0]
        assert band["code"] == score.band == instrument.band_for(value).label
        assert band["system"] == f"{BASE}/CodeSystem/vagus-score-bands"
        assert resource["derivedFrom"] == [{"reference": f"QuestionnaireResponse/{RESPONSE_ID}"}]
        assert resource["effectiveDateTime"] == "2025-03-02T09:30:00+01:00"


def test_known_total_codes() -> None:
    expected = {"gad7": "70274-6", "phq9": "44261-6", "phq4": "70272-0"}
    for code, loinc in expected.items():
        score = instruments.score(code, [1] * instruments.get(code).item_count)
        resource = fhir.score_observation(code, score, WHEN, SUBJECT, "r", "o")
        assert resource["code"]["coding"][0]["code"] == loinc


def test_observation_carries_flags_and_subscales_as_components() -> None:
    phq9 = instruments.score("phq9", [0] * 8 + [2])
    resource = fhir.score_observation("phq9", phq9, WHEN, SUBJECT, "r", "o")
    Observation.model_validate(resource)
    [flag] = resource["component"]
    assert flag["code"]["coding"][0]["code"] == "self_harm_risk"
    assert flag["valueBoolean"] is True

    phq4 = instruments.score("phq4", [2, 2, 1, 0])
    resource = fhir.score_observation("phq4", phq4, WHEN, SUBJECT, "r", "o")
    Observation.model_validate(resource)
    components = {c["code"]["coding"][0]["code"]: c for c in resource["component"]}
    assert components["phq4-anxiety"]["valueInteger"] == 4
    assert components["phq4-depression"]["valueInteger"] == 1
    assert components["anxiety_screen_positive"]["valueBoolean"] is True
    assert "depression_screen_positive" not in components

    assert "component" not in fhir.score_observation(
        "gad7", instruments.score("gad7", [0] * 7), WHEN, SUBJECT, "r", "o"
    )


def test_ibs_sss_fractional_total_is_a_unitless_quantity() -> None:
    score = instruments.score("ibs_sss", [10.5, 20, 30, 40, 50])
    resource = fhir.score_observation("ibs_sss", score, WHEN, SUBJECT, "r", "o")
    Observation.model_validate(resource)
    assert resource["valueQuantity"] == {
        "value": pytest.approx(150.5),
        "unit": "{score}",
        "system": "http://unitsofmeasure.org",
        "code": "{score}",
    }
    assert "valueInteger" not in resource
    whole = fhir.score_observation(
        "ibs_sss", instruments.score("ibs_sss", [150]), WHEN, SUBJECT, "r", "o"
    )
    assert whole["valueInteger"] == 150


def test_validator_rejects_value_decimal_on_an_observation() -> None:
    resource = fhir.score_observation(
        "ibs_sss", instruments.score("ibs_sss", [150]), WHEN, SUBJECT, "r", "o"
    )
    resource["valueDecimal"] = resource.pop("valueInteger")
    with pytest.raises(ValidationError):
        Observation.model_validate(resource)


def test_observation_refuses_inconsistent_scores() -> None:
    gad7 = instruments.score("gad7", [3] * 7)
    with pytest.raises(ValueError, match="score is for 'gad7', not 'phq9'"):
        fhir.score_observation("phq9", gad7, WHEN, SUBJECT, "r", "o")
    forged = instruments.Score(total=21, band="minimal", flags=frozenset(), instrument="gad7")
    with pytest.raises(ValueError, match="band 'severe', not 'minimal'"):
        fhir.score_observation("gad7", forged, WHEN, SUBJECT, "r", "o")
    too_high = instruments.Score(total=30, band="severe", flags=frozenset(), instrument="gad7")
    with pytest.raises(ValueError, match="out of range"):
        fhir.score_observation("gad7", too_high, WHEN, SUBJECT, "r", "o")


def test_observation_in_utc() -> None:
    score = instruments.score("gad2", [1, 1])
    when = datetime(2025, 3, 2, 8, 30, tzinfo=UTC)
    resource = fhir.score_observation("gad2", score, when, SUBJECT, "r", "o")
    assert resource["effectiveDateTime"] == "2025-03-02T08:30:00+00:00"


# -- the validator itself ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("model", "build"),
    [
        (Questionnaire, lambda: fhir.questionnaire("gad7")),
        (
            QuestionnaireResponse,
            lambda: fhir.questionnaire_response("gad7", [0] * 7, WHEN, SUBJECT, "r"),
        ),
        (
            Observation,
            lambda: fhir.score_observation(
                "gad7", instruments.score("gad7", [0] * 7), WHEN, SUBJECT, "r", "o"
            ),
        ),
    ],
)
def test_validator_rejects_a_resource_without_status(model: type, build: object) -> None:
    resource = build()  # type: ignore[operator]
    model.model_validate(resource)  # type: ignore[attr-defined]
    del resource["status"]
    with pytest.raises(ValidationError):
        model.model_validate(resource)  # type: ignore[attr-defined]


def test_validator_rejects_a_wrongly_typed_answer() -> None:
    resource = fhir.questionnaire_response("ibs_sss", [100], WHEN, SUBJECT, "r")
    resource["item"][0]["answer"][0]["valueDecimal"] = "a lot"
    with pytest.raises(ValidationError):
        QuestionnaireResponse.model_validate(resource)


class _Any:
    def __eq__(self, other: object) -> bool:
        return True


ANY = _Any()
