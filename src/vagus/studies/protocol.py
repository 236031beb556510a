"""A study's protocol as plain data: what is measured, how often, for how long, who may join.

Pure Python (no database), so the same checks guard the researcher's form and an imported
protocol file. A protocol file is JSON a study elsewhere can import to run the same study.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

FORMAT = "vagus-study-protocol"
FORMAT_VERSION = 1


class ProtocolError(ValueError):
    """A protocol that cannot be run; the message says what to change, in plain words."""


@dataclass(frozen=True)
class Eligibility:
    min_age: int | None = None
    max_age: int | None = None
    # Yes/no questions, each with the answer a participant must give to take part.
    questions: tuple[tuple[str, bool], ...] = ()
    gad7_min: int | None = None
    gad7_max: int | None = None

    @property
    def asks_gad7(self) -> bool:
        return self.gad7_min is not None or self.gad7_max is not None


@dataclass(frozen=True)
class Protocol:
    measures: tuple[str, ...]
    questionnaires: tuple[str, ...] = ()
    every_days: int = 1  # a scheduled day every N days from enrolment
    duration_days: int = 28
    experiment: str | None = None  # a ready self-experiment's key, offered to participants
    eligibility: Eligibility = field(default_factory=Eligibility)

    def data(self) -> dict[str, Any]:
        raw = asdict(self)
        raw["eligibility"]["questions"] = [
            {"text": text, "required_answer": answer} for text, answer in self.eligibility.questions
        ]
        raw["measures"] = list(self.measures)
        raw["questionnaires"] = list(self.questionnaires)
        return raw


def _whole(raw: Mapping[str, Any], key: str, low: int, high: int, what: str) -> int | None:
    value = raw.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ProtocolError(f"{what} must be a whole number from {low} to {high}.")
    return value


def parse(
    raw: Any, *, known_measures: Collection[str], known_questionnaires: Collection[str]
) -> Protocol:
    """The protocol in ``raw`` (as stored or imported), or ProtocolError naming the problem."""
    if not isinstance(raw, Mapping):
        raise ProtocolError("The protocol must be a JSON object.")
    measures = raw.get("measures") or []
    if not isinstance(measures, list) or not all(isinstance(m, str) for m in measures):
        raise ProtocolError("Measures must be a list of measure codes.")
    unknown = sorted(set(measures) - set(known_measures))
    if unknown:
        raise ProtocolError(f"These measures are not built into Vagus: {', '.join(unknown)}.")
    questionnaires = raw.get("questionnaires") or []
    if not isinstance(questionnaires, list) or not all(isinstance(q, str) for q in questionnaires):
        raise ProtocolError("Questionnaires must be a list of questionnaire codes.")
    unknown = sorted(set(questionnaires) - set(known_questionnaires))
    if unknown:
        raise ProtocolError(f"These questionnaires are not in Vagus: {', '.join(unknown)}.")
    if not measures and not questionnaires:
        raise ProtocolError("Choose at least one measure or questionnaire to collect.")
    every = _whole(raw, "every_days", 1, 30, "Days between scheduled entries") or 1
    duration = _whole(raw, "duration_days", 1, 3650, "The study length in days")
    experiment = raw.get("experiment") or None
    if experiment is not None and not isinstance(experiment, str):
        raise ProtocolError("The self-experiment must be named by its key.")
    return Protocol(
        measures=tuple(dict.fromkeys(measures)),
        questionnaires=tuple(dict.fromkeys(questionnaires)),
        every_days=every,
        duration_days=duration or 28,
        experiment=experiment,
        eligibility=_eligibility(raw.get("eligibility") or {}),
    )


def _eligibility(raw: Any) -> Eligibility:
    if not isinstance(raw, Mapping):
        raise ProtocolError("Eligibility must be a JSON object.")
    min_age = _whole(raw, "min_age", 0, 120, "The lowest age")
    max_age = _whole(raw, "max_age", 0, 120, "The highest age")
    if min_age is not None and max_age is not None and min_age > max_age:
        raise ProtocolError("The lowest age must not be above the highest age.")
    gad7_min = _whole(raw, "gad7_min", 0, 21, "The lowest GAD-7 score")
    gad7_max = _whole(raw, "gad7_max", 0, 21, "The highest GAD-7 score")
    if gad7_min is not None and gad7_max is not None and gad7_min > gad7_max:
        raise ProtocolError("The lowest GAD-7 score must not be above the highest.")
    questions = []
    for item in raw.get("questions") or []:
        if not isinstance(item, Mapping) or not str(item.get("text", "")).strip():
            raise ProtocolError("Each screening question needs its text.")
        answer = item.get("required_answer", True)
        if not isinstance(answer, bool):
            raise ProtocolError("A screening question's required answer must be yes or no.")
        questions.append((str(item["text"]).strip(), answer))
    return Eligibility(min_age, max_age, tuple(questions), gad7_min, gad7_max)


def export_document(
    *, title: str, description: str, target_size: int, consent: str, protocol: Protocol
) -> str:
    """The protocol file: enough to set up the same study on another Vagus server."""
    document = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "title": title,
        "description": description,
        "target_size": target_size,
        "consent": consent,
        "protocol": protocol.data(),
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def read_document(text: str) -> dict[str, Any]:
    """The parts of a protocol file (protocol still unparsed), or ProtocolError."""
    try:
        document = json.loads(text)
    except ValueError as exc:
        raise ProtocolError("This file is not a study protocol (it is not JSON).") from exc
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ProtocolError("This file is not a Vagus study protocol.")
    if not isinstance(document.get("format_version"), int) or document["format_version"] > 1:
        raise ProtocolError("This protocol was written by a newer Vagus; update this server.")
    return document
