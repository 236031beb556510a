"""API routes of the tools app (added to the API in vagus.api.api).

Owner-scoped like every route: lists are the caller's own rows, single rows are found through
``owned_or_404``. Free text comes back decrypted, to its owner only.

Inputs are checked by the actions, not by pydantic, so that every bad value (a string, "²", a
number of 5,000 digits, a list where text belongs) is one 400 that names the field, like every
other rule here. The OpenAPI schema still shows each field's real type and range
(``documented``), so a client knows the rules before it sends anything.
"""

from __future__ import annotations

import contextlib
import re
from datetime import time
from typing import Annotated, Any
from uuid import UUID

from django.urls import reverse
from ninja import Field, Router, Schema, Status
from pydantic import WithJsonSchema

from vagus.api.schemas import RowSchema
from vagus.ownership import AuthenticatedHttpRequest, owned_or_404
from vagus.tools import actions, catalog, queries
from vagus.tools.backup import JournalEntryRow, ThoughtRecordRow, ToolSessionRow, WorryRow
from vagus.tools.models import JournalEntry, ThoughtRecord, ToolSession, Worry

router = Router(tags=["tools"])

CRISIS_MESSAGE = (
    "What you wrote mentions suicide or self-harm. It is saved. If you are in danger, call "
    "your local emergency number now; crisis lines are on the crisis page."
)


def _crisis() -> dict[str, str]:
    return {"message": CRISIS_MESSAGE, "crisis_page": reverse("questionnaires:crisis")}


def _optional(schema: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [schema, {"type": "null"}]}


def _text(limit: int) -> dict[str, Any]:
    return {"type": "string", "maxLength": limit}


# Any in Python (the action checks it), the rule in the OpenAPI schema.
ToolCode = Annotated[Any, WithJsonSchema({"type": "string", "enum": list(catalog.BY_CODE)})]
Seconds = Annotated[
    Any,
    WithJsonSchema(
        {
            "type": "integer",
            "minimum": actions.MIN_SESSION_SECONDS,
            "maximum": actions.MAX_SESSION_SECONDS,
        }
    ),
]
WritingSeconds = Annotated[
    Any, WithJsonSchema({"type": "integer", "minimum": 0, "maximum": actions.MAX_SESSION_SECONDS})
]
Rating = Annotated[Any, WithJsonSchema(_optional({"type": "integer", "minimum": 0, "maximum": 10}))]
Intensity = Annotated[
    Any, WithJsonSchema(_optional({"type": "integer", "minimum": 0, "maximum": 100}))
]
Settings = Annotated[Any, WithJsonSchema(_optional({"type": "object"}))]
Text = Annotated[Any, WithJsonSchema(_text(actions.MAX_TEXT))]
WorryText = Annotated[Any, WithJsonSchema({**_text(actions.MAX_WORRY), "minLength": 1})]
Patterns = Annotated[
    Any,
    WithJsonSchema(
        {"type": "array", "items": {"type": "string", "enum": list(catalog.THINKING_PATTERNS)}}
    ),
]
Prompt = Annotated[Any, WithJsonSchema({"type": "string", "enum": ["", *catalog.PROMPT_TEXT]})]
CLOCK = "^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$"
ClockTime = Annotated[Any, WithJsonSchema({"type": "string", "pattern": CLOCK})]

RATING = "0–10, or null if skipped"
TEXT_RULE = (
    f"At most {actions.MAX_TEXT} characters; NUL characters and lone UTF-16 surrogates are refused."
)


class ErrorOut(Schema):
    detail: str
    errors: dict[str, str] = {}


class SafetyOut(Schema):
    message: str
    crisis_page: str


class SessionIn(Schema):
    tool: ToolCode = Field(..., description="breathing, relaxation, grounding, mindfulness, …")
    duration_seconds: Seconds = Field(
        ...,
        description=(
            "Length of the session in seconds. Under "
            f"{actions.MIN_SESSION_SECONDS} s nothing is saved (a 400 naming this field)."
        ),
    )
    anxiety_before: Rating = Field(None, description=RATING)
    anxiety_after: Rating = Field(None, description=RATING)
    settings: Settings = Field(
        None, description="What the person chose (pattern, minutes, …). " + TEXT_RULE
    )


# The outputs are the backup rows' shapes, less what only a restore needs, plus the safety
# answer to text just written.
class SessionOut(RowSchema, row=ToolSessionRow, without=("in_diary", "created")):
    pass


class ThoughtRecordIn(Schema):
    situation: Text = Field("", description=TEXT_RULE)
    automatic_thought: Text = Field("", description=TEXT_RULE)
    emotions: Text = Field("", description=TEXT_RULE)
    evidence_for: Text = Field("", description=TEXT_RULE)
    evidence_against: Text = Field("", description=TEXT_RULE)
    balanced_thought: Text = Field("", description=TEXT_RULE)
    intensity_before: Intensity = Field(None, description="0–100")
    intensity_after: Intensity = Field(None, description="0–100, re-rated at the end")
    patterns: Patterns = Field([], description="Thinking pattern codes")
    anxiety_before: Rating = Field(None, description=RATING)
    anxiety_after: Rating = Field(None, description=RATING)
    duration_seconds: WritingSeconds = Field(0, description="How long the writing took")


class ThoughtRecordOut(RowSchema, row=ThoughtRecordRow):
    safety: SafetyOut | None = None


class JournalIn(Schema):
    text: Text = Field(..., description="The entry. " + TEXT_RULE)
    prompt: Prompt = Field("", description="Prompt code, or empty for free writing")
    anxiety_before: Rating = Field(None, description=RATING)
    anxiety_after: Rating = Field(None, description=RATING)
    duration_seconds: WritingSeconds = Field(0, description="How long the writing took")


class JournalOut(RowSchema, row=JournalEntryRow):
    safety: SafetyOut | None = None


class WorryIn(Schema):
    text: WorryText = Field(
        ...,
        description=f"The worry, one line (at most {actions.MAX_WORRY} characters). "
        "NUL characters and lone UTF-16 surrogates are refused.",
    )


class WorryOut(RowSchema, row=WorryRow):
    safety: SafetyOut | None = None


class EffectOut(Schema):
    tool: str
    name: str
    sessions: int
    rated_sessions: int
    mean_change: float | None
    ci_low: float | None
    ci_high: float | None
    enough: bool
    more_needed: int
    evidence: str
    # The change beyond what anxiety does without a tool from similar levels (None: not enough
    # check-ins on consecutive days to compare with).
    excess: float | None = None
    excess_low: float | None = None
    excess_high: float | None = None
    controls: int = 0


class WhatHelpsOut(Schema):
    worry_time: str
    tools: list[EffectOut]


def _session_out(s: ToolSession) -> dict[str, Any]:
    return {
        "id": s.uuid,
        "tool": s.tool,
        "started": s.started,
        "duration_seconds": s.duration_seconds,
        "anxiety_before": s.anxiety_before,
        "anxiety_after": s.anxiety_after,
        "settings": s.settings,
    }


def _record_out(r: ThoughtRecord, alert: bool = False) -> dict[str, Any]:
    return {
        "id": r.uuid,
        "created": r.created,
        **r.texts(),
        "intensity_before": r.intensity_before,
        "intensity_after": r.intensity_after,
        "patterns": r.patterns,
        "safety": _crisis() if alert else None,
    }


def _entry_out(e: JournalEntry, alert: bool = False) -> dict[str, Any]:
    return {
        "id": e.uuid,
        "created": e.created,
        "prompt": e.prompt,
        "text": e.text,
        "safety": _crisis() if alert else None,
    }


def _worry_out(w: Worry, alert: bool = False) -> dict[str, Any]:
    return {
        "id": w.uuid,
        "text": w.text,
        "parked_at": w.parked_at,
        "resolved_at": w.resolved_at,
        "safety": _crisis() if alert else None,
    }


def _bad(exc: actions.ToolInputError) -> Status:
    return Status(400, {"detail": str(exc), "errors": exc.errors})


@router.get("/tool-sessions", response=list[SessionOut])
def list_sessions(
    request: AuthenticatedHttpRequest, tool: str | None = None
) -> list[dict[str, Any]]:
    rows = ToolSession.objects.owned_by(request.user).order_by("started", "id")
    if tool:
        rows = rows.filter(tool=tool)
    return [_session_out(s) for s in rows]


@router.post("/tool-sessions", response={201: SessionOut, 400: ErrorOut})
def create_session(request: AuthenticatedHttpRequest, payload: SessionIn) -> Status:
    try:
        session = actions.record_session(
            request.user,
            payload.tool,
            payload.duration_seconds,
            payload.anxiety_before,
            payload.anxiety_after,
            payload.settings,
        )
    except actions.ToolInputError as exc:
        return _bad(exc)
    return Status(201, _session_out(session))


@router.get("/tool-sessions/{session_id}", response=SessionOut)
def get_session(request: AuthenticatedHttpRequest, session_id: UUID) -> dict[str, Any]:
    return _session_out(owned_or_404(ToolSession, request.user, uuid=session_id))


@router.delete("/tool-sessions/{session_id}", response={204: None})
def delete_session(request: AuthenticatedHttpRequest, session_id: UUID) -> Status:
    """Delete one of your sessions, and the mindfulness minutes it added to your diary."""
    actions.delete_session(request.user, owned_or_404(ToolSession, request.user, uuid=session_id))
    return Status(204, None)


@router.get("/tools/what-helps", response=WhatHelpsOut)
def what_helps(request: AuthenticatedHttpRequest) -> dict[str, Any]:
    return {
        "worry_time": queries.worry_time_for(request.user).strftime("%H:%M"),
        "tools": [
            {
                "tool": h.tool.code,
                "name": h.tool.name,
                "sessions": h.effect.sessions,
                "rated_sessions": h.effect.n,
                "mean_change": h.effect.mean_change if h.effect.enough else None,
                "ci_low": h.effect.ci_low if h.effect.enough else None,
                "ci_high": h.effect.ci_high if h.effect.enough else None,
                "enough": h.effect.enough,
                "more_needed": h.effect.more_needed,
                "evidence": h.tool.evidence,
                "excess": h.effect.excess if h.effect.compared else None,
                "excess_low": h.effect.excess_low if h.effect.compared else None,
                "excess_high": h.effect.excess_high if h.effect.compared else None,
                "controls": h.effect.controls,
            }
            for h in queries.what_helps(request.user)
        ],
    }


@router.get("/thought-records", response=list[ThoughtRecordOut])
def list_thought_records(request: AuthenticatedHttpRequest, q: str = "") -> list[dict[str, Any]]:
    return [_record_out(r) for r in queries.thought_records(request.user, q)]


@router.post("/thought-records", response={201: ThoughtRecordOut, 400: ErrorOut})
def create_thought_record(request: AuthenticatedHttpRequest, payload: ThoughtRecordIn) -> Status:
    data = payload.dict()
    try:
        saved = actions.save_thought_record(
            request.user,
            {name: data[name] for name in ThoughtRecord.SEALED_FIELDS},
            intensity_before=data["intensity_before"],
            intensity_after=data["intensity_after"],
            patterns=data["patterns"],
            anxiety_before=data["anxiety_before"],
            anxiety_after=data["anxiety_after"],
            duration_seconds=data["duration_seconds"],
        )
    except actions.ToolInputError as exc:
        return _bad(exc)
    return Status(201, _record_out(saved.item, saved.needs_crisis_page))


@router.get("/thought-records/{record_id}", response=ThoughtRecordOut)
def get_thought_record(request: AuthenticatedHttpRequest, record_id: UUID) -> dict[str, Any]:
    return _record_out(owned_or_404(ThoughtRecord, request.user, uuid=record_id))


@router.delete("/thought-records/{record_id}", response={204: None})
def delete_thought_record(request: AuthenticatedHttpRequest, record_id: UUID) -> Status:
    record = owned_or_404(ThoughtRecord, request.user, uuid=record_id)
    actions.delete_thought_record(request.user, record)
    return Status(204, None)


@router.get("/journal-entries", response=list[JournalOut])
def list_journal_entries(request: AuthenticatedHttpRequest, q: str = "") -> list[dict[str, Any]]:
    return [_entry_out(e) for e in queries.journal_entries(request.user, q)]


@router.post("/journal-entries", response={201: JournalOut, 400: ErrorOut})
def create_journal_entry(request: AuthenticatedHttpRequest, payload: JournalIn) -> Status:
    try:
        saved = actions.save_journal_entry(
            request.user,
            payload.text,
            payload.prompt,
            anxiety_before=payload.anxiety_before,
            anxiety_after=payload.anxiety_after,
            duration_seconds=payload.duration_seconds,
        )
    except actions.ToolInputError as exc:
        return _bad(exc)
    return Status(201, _entry_out(saved.item, saved.needs_crisis_page))


@router.get("/journal-entries/{entry_id}", response=JournalOut)
def get_journal_entry(request: AuthenticatedHttpRequest, entry_id: UUID) -> dict[str, Any]:
    return _entry_out(owned_or_404(JournalEntry, request.user, uuid=entry_id))


@router.delete("/journal-entries/{entry_id}", response={204: None})
def delete_journal_entry(request: AuthenticatedHttpRequest, entry_id: UUID) -> Status:
    entry = owned_or_404(JournalEntry, request.user, uuid=entry_id)
    actions.delete_journal_entry(request.user, entry)
    return Status(204, None)


@router.get("/worries", response=list[WorryOut])
def list_worries(
    request: AuthenticatedHttpRequest, include_resolved: bool = False
) -> list[dict[str, Any]]:
    rows = Worry.objects.owned_by(request.user)
    if not include_resolved:
        rows = rows.filter(resolved_at__isnull=True)
    return [_worry_out(w) for w in rows]


@router.post("/worries", response={201: WorryOut, 400: ErrorOut})
def park_worry(request: AuthenticatedHttpRequest, payload: WorryIn) -> Status:
    try:
        saved = actions.park_worry(request.user, payload.text)
    except actions.ToolInputError as exc:
        return _bad(exc)
    return Status(201, _worry_out(saved.item, saved.needs_crisis_page))


@router.post("/worries/{worry_id}/resolve", response=WorryOut)
def resolve_worry(request: AuthenticatedHttpRequest, worry_id: UUID) -> dict[str, Any]:
    worry = owned_or_404(Worry, request.user, uuid=worry_id)
    return _worry_out(actions.resolve_worry(request.user, worry))


@router.delete("/worries/{worry_id}", response={204: None})
def delete_worry(request: AuthenticatedHttpRequest, worry_id: UUID) -> Status:
    actions.delete_worry(request.user, owned_or_404(Worry, request.user, uuid=worry_id))
    return Status(204, None)


class WorryTimeIn(Schema):
    worry_time: ClockTime = Field(..., description="HH:MM in your own time zone")


@router.put("/tools/worry-time", response={200: dict, 400: ErrorOut})
def set_worry_time(request: AuthenticatedHttpRequest, payload: WorryTimeIn) -> Status:
    value = payload.worry_time
    # HH:MM in ASCII digits only: fromisoformat alone also takes a time zone offset, which a
    # time-of-day column cannot store.
    parsed = None
    if isinstance(value, str) and re.fullmatch(r"[0-9]{2}:[0-9]{2}(:[0-9]{2})?", value):
        with contextlib.suppress(ValueError):  # 25:00
            parsed = time.fromisoformat(value)
    try:
        preferences = actions.set_worry_time(request.user, parsed)
    except actions.ToolInputError as exc:
        return _bad(exc)
    return Status(200, {"worry_time": preferences.worry_time.strftime("%H:%M")})
