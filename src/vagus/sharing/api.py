"""Sharing routes: a person's shares and their audit trail; a clinician's people.

A clinician's routes answer only a clinician who has proven a second factor: with a token
(which works only once two-factor sign-in is set up) or a session that passed the code.
An ended or revoked share answers 404, like a share that never existed.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from uuid import UUID

from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from ninja import Router, Schema, Status

from vagus.accounts.roles import Role, second_factor_proven
from vagus.diary.actions import DiaryInputError
from vagus.ownership import AuthenticatedHttpRequest, Scope, grant_for, owned_or_404
from vagus.sharing import actions, queries
from vagus.sharing.models import Share
from vagus.sharing.reports import report_pdf_response, shared_report

router = Router(tags=["sharing"])


class ShareIn(Schema):
    scopes: list[Scope]
    ends: date | None = None


class InvitationOut(Schema):
    id: UUID
    code: str
    link: str
    scopes: list[str]
    ends: datetime
    code_expires: datetime


class AcceptIn(Schema):
    code: str


class ShareOut(Schema):
    id: UUID
    clinician: str | None
    scopes: list[str]
    status: str
    created: datetime
    ends: datetime
    accepted_at: datetime | None
    revoked_at: datetime | None


class AuditOut(Schema):
    at: datetime
    action: str
    who: str
    what: str
    address: str
    share: str


class PersonOut(Schema):
    id: UUID
    username: str
    share_id: UUID
    scopes: list[str]
    ends: datetime
    gad7: float | None
    gad7_change: float | None
    days_logged_last_14: int | None
    safety_events_since_last_visit: int | None


def _share_out(share: Share) -> dict[str, Any]:
    return {
        "id": share.uuid,
        "clinician": share.clinician_name or None,
        "scopes": share.scopes,
        "status": share.status,
        "created": share.created,
        "ends": share.ends,
        "accepted_at": share.accepted_at,
        "revoked_at": share.revoked_at,
    }


def clinician_of(request: HttpRequest) -> Any:
    """The calling clinician, or 404 (a person, a researcher, or a session without the code)."""
    user = request.user
    if getattr(user, "role", None) != Role.CLINICIAN:
        raise Http404("Not found")
    if not (getattr(request, "auth_via_token", False) or second_factor_proven(user)):
        raise Http404("Not found")
    return user


@router.post("/shares", response={201: InvitationOut})
def create_share(request: AuthenticatedHttpRequest, payload: ShareIn) -> Any:
    """Invite a clinician: the code (shown once, valid 7 days, works once) and its link."""
    try:
        share, code = actions.create_invitation(request.user, payload.scopes, payload.ends)
    except actions.ShareRefused as refused:
        raise DiaryInputError({refused.field: str(refused)}) from refused
    link = request.build_absolute_uri(reverse("sharing:accept") + f"?code={code}")
    return Status(
        201,
        {
            "id": share.uuid,
            "code": code,
            "link": link,
            "scopes": share.scopes,
            "ends": share.ends,
            "code_expires": share.code_expires,
        },
    )


@router.post("/shares/accept", response=ShareOut)
def accept_share(request: AuthenticatedHttpRequest, payload: AcceptIn) -> Any:
    """Clinician: accept an invitation code."""
    clinician = clinician_of(request)
    share = actions.accept(clinician, payload.code)
    if share is None:
        raise DiaryInputError({"code": "That code does not work: mistyped, used or expired."})
    return _share_out(share)


@router.get("/shares", response=list[ShareOut])
def list_shares(request: AuthenticatedHttpRequest) -> Any:
    """Your shares: with whom, what, until when, and whether they still run."""
    return [_share_out(s) for s in queries.shares_of(request.user)]


# Before /shares/{share_id}, which would otherwise take "audit" for an id.
@router.get("/shares/audit", response=list[AuditOut])
def share_audit(request: AuthenticatedHttpRequest) -> Any:
    """Who looked at what, when and from which address, newest first."""
    return queries.audit_rows(request.user)


@router.delete("/shares/{share_id}", response={204: None})
def revoke_share(request: AuthenticatedHttpRequest, share_id: UUID) -> Any:
    """Stop a share now: the clinician's next request finds nothing."""
    share = owned_or_404(Share, request.user, uuid=share_id)
    actions.revoke(request.user, share)
    return Status(204, None)


@router.get("/clinician/people", response=list[PersonOut])
def clinician_people(request: AuthenticatedHttpRequest) -> Any:
    """Clinician: the people sharing with you, anyone with a new safety event first."""
    clinician = clinician_of(request)
    with transaction.atomic():
        rows = queries.people_for(clinician)
        for row in rows:
            actions.record_read(request, queries.share_grant(row.share), "people list")
    return [
        {
            "id": row.person.uuid,
            "username": row.person.username,
            "share_id": row.share.uuid,
            "scopes": row.share.scopes,
            "ends": row.share.ends,
            "gad7": row.gad7,
            "gad7_change": row.gad7_change,
            "days_logged_last_14": row.days_logged,
            "safety_events_since_last_visit": row.safety_events,
        }
        for row in rows
    ]


@router.get("/clinician/people/{person_id}/summary", response=dict[str, Any])
def clinician_summary(request: AuthenticatedHttpRequest, person_id: UUID) -> Any:
    """Clinician: the figures of the person's one-page report (last 12 weeks), as JSON.
    Needs a share with the "reports" scope; no journal, thought-record or worry text."""
    clinician = clinician_of(request)
    with transaction.atomic():
        grant = grant_for(clinician, person_id, Scope.REPORTS)
        figures = shared_report(grant)
        actions.record_read(request, grant, "report summary")
    return figures.as_json()


@router.get("/clinician/people/{person_id}/report.pdf", response={200: None})
def clinician_report_pdf(request: AuthenticatedHttpRequest, person_id: UUID) -> HttpResponse:
    """Clinician: the person's one-page report (last 12 weeks) as a PDF."""
    clinician = clinician_of(request)
    with transaction.atomic():
        grant = grant_for(clinician, person_id, Scope.REPORTS)
        figures = shared_report(grant)
        actions.record_read(request, grant, "report")
    return report_pdf_response(figures)
