"""FHIR R4 resources for questionnaires, as plain JSON-ready dicts.

Three builders, all driven by the definitions in :mod:`vagus.science.instruments`:

- :func:`questionnaire` — the form itself (LOINC panel code, LOINC item codes as ``linkId``,
  answer options as LOINC answer codes with the ``ordinalValue`` extension carrying the score);
- :func:`questionnaire_response` — one completed form;
- :func:`score_observation` — the total as a ``survey`` Observation, with the severity band as
  ``interpretation``, subscales and flags as components, ``derivedFrom`` the response.

Where LOINC has no code (PHQ-8 and GAD-2 totals, IBS-SSS) the project's own code systems under
``{base}/CodeSystem/`` are used. IBS-SSS items carry our neutral labels only, never the licensed
wording. Pure Python: no Django and no FHIR library at run time (the tests validate the output
with ``fhir.resources``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from vagus.science import instruments
from vagus.science.instruments import AnswerOption, Instrument, Item, Score

DEFAULT_BASE = "https://vagus.example/fhir"
LOINC = "http://loinc.org"
ORDINAL_VALUE = "http://hl7.org/fhir/StructureDefinition/ordinalValue"
MIN_VALUE = "http://hl7.org/fhir/StructureDefinition/minValue"
MAX_VALUE = "http://hl7.org/fhir/StructureDefinition/maxValue"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
UCUM = "http://unitsofmeasure.org"

#: Project code systems, relative to the base URL.
SCORES_SYSTEM = "CodeSystem/vagus-scores"
INSTRUMENTS_SYSTEM = "CodeSystem/vagus-instruments"
BANDS_SYSTEM = "CodeSystem/vagus-score-bands"
FLAGS_SYSTEM = "CodeSystem/vagus-score-flags"

INTRO_LINK_ID = "intro"
TOTAL_LINK_ID = "total"

_FHIR_ID = re.compile(r"[A-Za-z0-9\-.]{1,64}")

JSON = dict[str, Any]


def resource_id(code: str) -> str:
    """The FHIR id for an instrument's Questionnaire (``ibs_sss`` → ``ibs-sss``)."""
    return instruments.get(code).code.replace("_", "-")


def questionnaire_url(code: str, base: str = DEFAULT_BASE) -> str:
    """Canonical URL of the instrument's Questionnaire, e.g. ``…/Questionnaire/gad7``."""
    return f"{base.rstrip('/')}/Questionnaire/{resource_id(code)}"


def questionnaire(code: str, *, base: str = DEFAULT_BASE) -> JSON:
    """A FHIR R4 Questionnaire for ``code``; ``base`` sets the canonical URL's base."""
    instrument = instruments.get(code)
    items: list[JSON] = [{"linkId": INTRO_LINK_ID, "type": "display", "text": instrument.intro}]
    if instrument.answer_options:
        items += [_choice_item(item, instrument.answer_options) for item in instrument.items]
    else:
        items += [_number_item(instrument, item) for item in instrument.items]
        if instrument.accepts_total_only:
            items.append(_total_item(instrument))
    if instrument.difficulty is not None:
        difficulty = _choice_item(instrument.difficulty, instrument.difficulty_options)
        difficulty["required"] = False
        difficulty.pop("prefix", None)
        for option in difficulty["answerOption"]:
            option.pop("extension", None)  # not scored, so no ordinal value
        items.append(difficulty)
    return {
        "resourceType": "Questionnaire",
        "id": resource_id(code),
        "url": questionnaire_url(code, base),
        "name": re.sub(r"[^A-Za-z0-9]", "", instrument.name),
        "title": instrument.title,
        "status": "active",
        "subjectType": ["Patient"],
        "description": f"{instrument.scoring} Source: {instrument.citation}",
        "copyright": instrument.copyright,
        "code": [_panel_coding(instrument, base)],
        "item": items,
    }


def questionnaire_response(
    code: str,
    answers: Sequence[int | float],
    authored: datetime,
    subject_ref: str,
    response_id: str,
    *,
    base: str = DEFAULT_BASE,
    difficulty: int | None = None,
) -> JSON:
    """A completed FHIR R4 QuestionnaireResponse.

    ``answers`` are checked exactly as :func:`vagus.science.instruments.score` checks them
    (``ValueError`` naming the item otherwise). For IBS-SSS a single answer is recorded as the
    total. ``difficulty`` optionally records the non-scored difficulty question (0–3).
    """
    instrument = instruments.get(code)
    score = instruments.score(code, answers)
    items: list[JSON]
    if instrument.answer_options:
        items = [
            _answered(item.link_id, item.text, _option_value(_option(instrument, value, item)))
            for item, value in zip(instrument.items, score.answers, strict=True)
        ]
    elif instrument.accepts_total_only and len(score.answers) != instrument.item_count:
        total_value = {"valueDecimal": score.total}
        items = [_answered(TOTAL_LINK_ID, _total_text(instrument), total_value)]
    else:
        items = [
            _answered(item.link_id, item.text, {"valueDecimal": value})
            for item, value in zip(instrument.items, score.answers, strict=True)
        ]
    if difficulty is not None:
        if instrument.difficulty is None:
            raise ValueError(f"{instrument.name} has no difficulty question")
        question = instrument.difficulty
        chosen = _option(instrument, difficulty, question, instrument.difficulty_options)
        items.append(_answered(question.link_id, question.text, _option_value(chosen)))
    return {
        "resourceType": "QuestionnaireResponse",
        "id": _checked_id(response_id, "response_id"),
        "questionnaire": questionnaire_url(code, base),
        "status": "completed",
        "subject": {"reference": _checked_reference(subject_ref)},
        "authored": _date_time(authored, "authored"),
        "item": items,
    }


def score_observation(
    code: str,
    score: Score,
    effective: datetime,
    subject_ref: str,
    response_id: str,
    observation_id: str,
    *,
    base: str = DEFAULT_BASE,
) -> JSON:
    """A FHIR R4 Observation carrying the total of ``score``.

    Whole totals are ``valueInteger``; fractional IBS-SSS totals are ``valueQuantity`` with the
    UCUM unit ``{score}`` (R4 Observation has no ``valueDecimal``). ``code`` is the LOINC total
    code where one exists, else ``{base}/CodeSystem/vagus-scores``.
    The band is the ``interpretation``; subscales and flags (e.g. ``self_harm_risk``) are
    components. Raises ``ValueError`` if ``score`` is not a consistent score of ``code``.
    """
    instrument = instruments.get(code)
    _check_score(instrument, score)
    base = base.rstrip("/")
    band = instrument.band_for(score.total)
    components: list[JSON] = [
        {
            "code": _project_concept(
                base,
                SCORES_SYSTEM,
                f"{instrument.code}-{name}",
                f"{instrument.name} {name} subscale",
            ),
            **_number_value(value),
        }
        for name, value in score.subscales.items()
    ]
    components += [
        {
            "code": _project_concept(base, FLAGS_SYSTEM, flag, flag.replace("_", " ")),
            "valueBoolean": True,
        }
        for flag in sorted(score.flags)
    ]
    resource: JSON = {
        "resourceType": "Observation",
        "id": _checked_id(observation_id, "observation_id"),
        "status": "final",
        "category": [
            {"coding": [{"system": OBSERVATION_CATEGORY, "code": "survey", "display": "Survey"}]}
        ],
        "code": _total_concept(instrument, base),
        "subject": {"reference": _checked_reference(subject_ref)},
        "effectiveDateTime": _date_time(effective, "effective"),
        **_number_value(score.total),
        "interpretation": [
            {
                "coding": [
                    {
                        "system": f"{base}/{BANDS_SYSTEM}",
                        "code": band.label,
                        "display": band.display,
                    }
                ],
                "text": band.display,
            }
        ],
        "derivedFrom": [
            {"reference": f"QuestionnaireResponse/{_checked_id(response_id, 'response_id')}"}
        ],
    }
    if components:
        resource["component"] = components
    return resource


def _choice_item(item: Item, options: Sequence[AnswerOption]) -> JSON:
    built: JSON = {"linkId": item.link_id}
    if item.loinc:
        built["code"] = [{"system": LOINC, "code": item.loinc}]
    built |= {
        "prefix": f"{item.number}.",
        "text": item.text,
        "type": "choice",
        "required": True,
        "answerOption": [
            {
                **_option_value(option),
                "extension": [{"url": ORDINAL_VALUE, "valueDecimal": option.value}],
            }
            for option in options
        ],
    }
    return built


def _number_item(instrument: Instrument, item: Item) -> JSON:
    built: JSON = {"linkId": item.link_id}
    if item.loinc:
        built["code"] = [{"system": LOINC, "code": item.loinc}]
    built |= {
        "prefix": f"{item.number}.",
        "text": item.text,
        "type": "integer" if instrument.integer_answers else "decimal",
        # Parts or a single total may be given, so no part is required on its own.
        "required": not instrument.accepts_total_only,
        "extension": _range_extensions(instrument, instrument.item_min, instrument.item_max),
    }
    return built


def _total_text(instrument: Instrument) -> str:
    low, high = instrument.min_total, instrument.max_total
    return f"Total score, as recorded on your licensed form or given by a clinician ({low}–{high})"


def _total_item(instrument: Instrument) -> JSON:
    return {
        "linkId": TOTAL_LINK_ID,
        "text": _total_text(instrument),
        "type": "integer" if instrument.integer_answers else "decimal",
        "required": False,
        "extension": _range_extensions(instrument, instrument.min_total, instrument.max_total),
    }


def _range_extensions(instrument: Instrument, low: int, high: int) -> list[JSON]:
    kind = "valueInteger" if instrument.integer_answers else "valueDecimal"
    return [{"url": MIN_VALUE, kind: low}, {"url": MAX_VALUE, kind: high}]


def _answered(link_id: str, text: str, value: JSON) -> JSON:
    return {"linkId": link_id, "text": text, "answer": [value]}


def _option(
    instrument: Instrument,
    value: float,
    item: Item,
    options: Sequence[AnswerOption] | None = None,
) -> AnswerOption:
    choices = instrument.answer_options if options is None else options
    if not isinstance(value, bool):
        for option in choices:
            if option.value == value:
                return option
    where = "difficulty question" if item.number == 0 else f"item {item.number}"
    raise ValueError(f"{instrument.name} {where}: {value!r} is not one of the answer options")


def _option_value(option: AnswerOption) -> JSON:
    if option.loinc is None:
        return {"valueInteger": option.value}
    return {"valueCoding": {"system": LOINC, "code": option.loinc, "display": option.label}}


def _number_value(value: int | float) -> JSON:
    # Observation.value[x] has no decimal choice in R4: fractions go in a unitless Quantity.
    if isinstance(value, int):
        return {"valueInteger": value}
    return {"valueQuantity": {"value": value, "unit": "{score}", "system": UCUM, "code": "{score}"}}


def _panel_coding(instrument: Instrument, base: str) -> JSON:
    if instrument.panel_loinc:
        return {"system": LOINC, "code": instrument.panel_loinc, "display": instrument.title}
    system = f"{base.rstrip('/')}/{INSTRUMENTS_SYSTEM}"
    return {"system": system, "code": instrument.code, "display": instrument.title}


def _total_concept(instrument: Instrument, base: str) -> JSON:
    display = f"{instrument.name} total score"
    if instrument.total_loinc:
        coding = {"system": LOINC, "code": instrument.total_loinc, "display": display}
        return {"coding": [coding], "text": display}
    return _project_concept(base, SCORES_SYSTEM, instrument.code, display)


def _project_concept(base: str, system: str, code: str, display: str) -> JSON:
    return {"coding": [{"system": f"{base}/{system}", "code": code, "display": display}]}


def _check_score(instrument: Instrument, score: Score) -> None:
    if score.instrument != instrument.code:
        raise ValueError(f"score is for {score.instrument!r}, not {instrument.code!r}")
    total = instrument.check_total(score.total)
    expected = instrument.band_for(total).label
    if score.band != expected:
        raise ValueError(
            f"{instrument.name} total {total} is band {expected!r}, not {score.band!r}"
        )


def _checked_id(value: str, name: str) -> str:
    if not isinstance(value, str) or not _FHIR_ID.fullmatch(value):
        raise ValueError(f"{name} {value!r} is not a FHIR id (letters, digits, '-', '.'; ≤64)")
    return value


def _checked_reference(value: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError("subject_ref must be a reference such as 'Patient/<uuid>'")
    return value


def _date_time(value: datetime, name: str) -> str:
    # FHIR requires a time zone whenever a time is given.
    if not isinstance(value, datetime):
        raise ValueError(f"{name} must be a datetime, not {type(value).__name__}")
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be time-zone aware (FHIR requires an offset)")
    return value.isoformat()
