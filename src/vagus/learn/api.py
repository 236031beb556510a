"""API routes of the learn app (added to the API in vagus.api.api): the evidence library."""

from __future__ import annotations

from ninja import Router, Schema
from ninja.errors import HttpError

from vagus.ownership import AuthenticatedHttpRequest
from vagus.science import evidence

router = Router(tags=["learn"])


class SourceOut(Schema):
    authors: str
    year: int
    title: str
    journal: str
    study_type: str
    doi: str | None
    pmid: str | None
    checked: str | None


class EntryOut(Schema):
    id: str
    topic: str
    claim: str
    grade: str
    grade_meaning: str
    study_type: str
    population: str
    summary: str
    does_not_show: str
    caution: str | None
    sources: list[SourceOut]


@router.get("/evidence", response=list[EntryOut])
def list_evidence(
    request: AuthenticatedHttpRequest, topic: str | None = None, grade: str | None = None
) -> list[dict]:
    """Every entry of the evidence library, optionally only one topic or grade."""
    return [entry.as_dict() for entry in evidence.select(topic=topic, grade=grade)]


@router.get("/evidence/{entry_code}", response=EntryOut)
def get_evidence(request: AuthenticatedHttpRequest, entry_code: str) -> dict:
    try:
        return evidence.get(entry_code).as_dict()
    except evidence.UnknownEvidenceError:
        raise HttpError(404, "No such evidence entry") from None
