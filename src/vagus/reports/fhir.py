"""The report's period as a FHIR R4 document Bundle: a Composition first, then what it cites.

The Composition (LOINC 11503-0, authored by the person about themselves) has one section per
part of the report, each with a short XHTML narrative; the questionnaire and diary sections
reference their QuestionnaireResponses and Observations, which follow in the Bundle. The
resources are built by ``vagus.interop.fhir_export`` exactly as in the full export. Free text
(journal, thought records, worries) is never part of the Bundle.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from html import escape
from typing import TYPE_CHECKING, Any

from vagus.diary.models import Observation
from vagus.interop import fhir_export
from vagus.interop import fhir_questionnaires as fq
from vagus.questionnaires.models import QuestionnaireResponse
from vagus.reports import queries, wording
from vagus.reports.figures import report_figures

if TYPE_CHECKING:
    from vagus.accounts.models import User

DOCUMENT_TYPE = {"system": fq.LOINC, "code": "11503-0", "display": "Medical records"}
CITED_MEASURES = (*queries.DAILY_MEASURES, queries.MEDICATION_MEASURE)
XHTML = "http://www.w3.org/1999/xhtml"


def _narrative(lines: list[str]) -> dict[str, str]:
    paragraphs = "".join(f"<p>{escape(line)}</p>" for line in lines) or "<p>None.</p>"
    return {"status": "generated", "div": f'<div xmlns="{XHTML}">{paragraphs}</div>'}


def _section(title: str, lines: list[str], cited: list[str] | None = None) -> dict[str, Any]:
    section: dict[str, Any] = {"title": title, "text": _narrative(lines)}
    if cited:
        section["entry"] = [{"reference": ref} for ref in cited]
    return section


def _entry(base: str, resource: dict[str, Any]) -> dict[str, Any]:
    return {"fullUrl": f"{base}/{resource['resourceType']}/{resource['id']}", "resource": resource}


def report_bundle(
    person: User, start: date, end: date, *, base: str = fq.DEFAULT_BASE
) -> dict[str, Any]:
    """The period from ``start`` to ``end`` as a FHIR R4 ``document`` Bundle (a dict)."""
    base = base.rstrip("/")
    figures = report_figures(person, start, end)
    patient_id = str(person.uuid)
    subject = f"Patient/{patient_id}"
    responses = (
        QuestionnaireResponse.objects.owned_by(person)
        .filter(day__range=(start, end))
        .select_related("observation")
        .order_by("authored", "id")
    )
    response_resources = [
        resource for r in responses for resource in fhir_export.response_resources(r, subject, base)
    ]
    observations = (
        Observation.objects.owned_by(person)
        .filter(day__range=(start, end), measure__code__in=CITED_MEASURES)
        .exclude(source="questionnaire")
        .select_related("measure")
        .order_by("day", "time", "id")
    )
    observation_resources = [
        fhir_export.observation_resource(o, subject, base) for o in observations
    ]

    def refs(resources: list[dict[str, Any]]) -> list[str]:
        return [f"{r['resourceType']}/{r['id']}" for r in resources]

    safety = [f"{wording.day_words(e.day)}: {e.what}" for e in figures.safety] or [
        wording.SAFETY_NONE
    ]
    diary = [f"Days logged: {figures.adherence.days_logged} of {figures.adherence.days_in_period}."]
    diary += [
        f"{s.label}: {s.days} days, average {wording.number(s.average)}."
        for s in figures.daily
        if s.average is not None
    ]
    if figures.medication:
        m = figures.medication
        diary.append(
            f"Medication: taken as prescribed on {m.days_as_prescribed} of {m.days_recorded} "
            "days answered."
        )
    composition = {
        "resourceType": "Composition",
        "id": str(uuid.uuid4()),
        "status": "final",
        "type": {"coding": [DOCUMENT_TYPE], "text": "Summary from the person's own diary"},
        "subject": {"reference": subject},
        "date": datetime.now().astimezone().isoformat(),
        "author": [{"reference": subject}],
        "title": f"Vagus report: {figures.name}, "
        f"{wording.period_words(figures.start, figures.end)}",
        "event": [{"period": {"start": start.isoformat(), "end": end.isoformat()}}],
        "section": [
            _section("Safety in this period", safety),
            _section(
                "Questionnaires",
                [f"{q.name}: {q.summary}" for q in figures.questionnaires]
                or ["No questionnaires answered in this period."],
                refs(response_resources),
            ),
            _section("Daily diary", diary, refs(observation_resources)),
            _section(
                "Self-experiments",
                [f"{e.title}: {e.verdict}. {e.sentence}".strip() for e in figures.experiments]
                or ["None in this period."],
            ),
            _section(
                "Coping tools",
                [f"{t.name}, {t.sessions} sessions: {t.change}" for t in figures.tools]
                or ["No sessions in this period."],
            ),
            _section(
                "Strongest patterns",
                [i.sentence for i in figures.insights] or ["Nothing stands out clearly."],
            ),
        ],
    }
    patient = {"resourceType": "Patient", "id": patient_id, "active": True}
    entries: list[dict[str, Any]] = [
        composition,
        patient,
        *response_resources,
        *observation_resources,
    ]
    return {
        "resourceType": "Bundle",
        "id": str(uuid.uuid4()),
        "identifier": {"system": "urn:ietf:rfc:3986", "value": f"urn:uuid:{uuid.uuid4()}"},
        "type": "document",
        "timestamp": datetime.now().astimezone().isoformat(),
        "entry": [_entry(base, r) for r in entries],
    }
