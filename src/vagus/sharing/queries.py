"""Reads for sharing: a person's shares and audit trail, a clinician's people, and what each
scope shows. Another person's rows are only ever read through a grant (vagus.ownership)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from vagus.audit.models import AuditEvent
from vagus.diary import queries as diary_queries
from vagus.diary.models import Meal
from vagus.experiments.models import Experiment
from vagus.ownership import Grant, Scope, readable_by
from vagus.questionnaires import queries as questionnaire_queries
from vagus.questionnaires.models import SafetyAlert
from vagus.science import instruments
from vagus.sharing.models import Share
from vagus.tools import queries as tool_queries

if TYPE_CHECKING:
    from vagus.accounts.models import User

SHARE_ACTIONS = ("share.create", "share.accept", "share.revoke", "share.read")
RECENT_DAYS = 14


def shares_of(owner: User) -> list[Share]:
    return list(Share.objects.owned_by(owner).select_related("clinician"))


def reads_of(owner: User) -> list[AuditEvent]:
    """Who looked at what, when: every read of the person's data under a share, newest first."""
    rows = AuditEvent.objects.owned_by(owner).filter(action__in=SHARE_ACTIONS)
    return list(rows.order_by("-at", "-id"))


def active_shares_for(clinician: User) -> list[Share]:
    return list(
        Share.objects.active().filter(clinician=clinician).select_related("owner").order_by("ends")
    )


def share_grant(share: Share) -> Grant:
    """The grant an active share gives (for a clinician's list; pages ask ownership)."""
    assert share.clinician is not None
    scopes = frozenset(Scope(s) for s in share.scopes)
    return Grant(viewer=share.clinician, owner=share.owner, scopes=scopes, share_uuid=share.uuid)


@dataclass(frozen=True)
class PersonRow:
    share: Share
    gad7: float | None
    gad7_change: float | None
    days_logged: int | None  # of the last 14; None when diary values are not shared
    safety_events: int | None  # since the clinician's last visit; None when not shared

    @property
    def person(self) -> User:
        return self.share.owner


def person_row(share: Share) -> PersonRow:
    grant = share_grant(share)
    owner = share.owner
    gad7 = change = None
    safety = None
    if grant.allows(Scope.QUESTIONNAIRES):
        answers = questionnaire_queries.history(owner, "gad7")
        if answers:
            gad7 = answers[-1].total
            if len(answers) > 1:
                change = answers[-1].total - answers[-2].total
        alerts = readable_by(grant, SafetyAlert, Scope.QUESTIONNAIRES)
        if not grant.allows(Scope.WRITING):
            alerts = alerts.exclude(source=SafetyAlert.TOOLS)  # they come from written text
        if share.last_visit is not None:
            alerts = alerts.filter(created__gt=share.last_visit)
        safety = alerts.count()
    logged = None
    if grant.allows(Scope.DIARY):
        today = owner.today()
        start = today - timedelta(days=RECENT_DAYS - 1)
        logged = len(diary_queries.days_logged(owner, start, today))
    return PersonRow(share, gad7, change, logged, safety)


def people_for(clinician: User) -> list[PersonRow]:
    """The people who share with ``clinician``; anyone with a new safety event first."""
    rows = [person_row(share) for share in active_shares_for(clinician)]
    return sorted(rows, key=lambda r: (not r.safety_events, r.share.ends))


def scope_page(grant: Grant, scope: Scope) -> dict[str, Any]:
    """What the read-only page of one scope shows (the grant must allow it)."""
    owner = grant.owner
    today = owner.today()
    if scope is Scope.QUESTIONNAIRES:
        rows = [
            {"name": instruments.get(r.instrument).name, "day": r.day, "total": r.shown_total}
            for r in questionnaire_queries.recent_responses(owner, limit=50)
        ]
        return {"responses": rows}
    if scope is Scope.DIARY:
        start = today - timedelta(days=27)
        return {"days": diary_queries.day_summaries(owner, start, today)}
    if scope is Scope.MEALS:
        meals = readable_by(grant, Meal, Scope.MEALS).order_by("-eaten_at", "-id")[:60]
        return {"meals": list(meals)}
    if scope is Scope.EXPERIMENTS:
        return {"experiments": list(readable_by(grant, Experiment, Scope.EXPERIMENTS))}
    if scope is Scope.TOOLS:
        return {"helps": [h for h in tool_queries.what_helps(owner) if h.effect.sessions]}
    if scope is Scope.REPORTS:
        from vagus.sharing.reports import shared_report  # loads the PDF module only when asked

        return {"figures": shared_report(grant)}
    if scope is Scope.WRITING:
        return {
            "thought_records": tool_queries.thought_records(owner),
            "journal": tool_queries.journal_entries(owner),
        }
    return {}


def audit_rows(owner: User) -> list[dict[str, Any]]:
    """The audit trail as plain rows, for the download and the API."""
    return [
        {
            "at": event.at.isoformat(),
            "action": event.action,
            "who": event.detail.get("clinician", ""),
            "what": event.detail.get("what", ""),
            "address": event.detail.get("address", ""),
            "share": event.detail.get("share", ""),
        }
        for event in reads_of(owner)
    ]
