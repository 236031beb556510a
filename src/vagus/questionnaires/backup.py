"""The questionnaires' part of a backup: responses, schedules and safety alerts.

Scores are the app's own, from the answers: a backup cannot bring others. A safety alert
follows its response by the id the response had in the backup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import Field

from vagus.backup.registry import RestoreContext, restorer, section
from vagus.backup.rows import (
    Always,
    Day,
    Flag,
    Id,
    Moment,
    Number,
    Row,
    Text,
    Whole,
    parse_rows,
    problem,
)
from vagus.questionnaires.models import QuestionnaireResponse, SafetyAlert, Schedule
from vagus.science import instruments

if TYPE_CHECKING:
    from vagus.accounts.models import User

# Where a safety alert can come from: a questionnaire answer (stored, or refused with a
# self-harm answer in it), or crisis language in the tools.
ALERT_SOURCES = ("questionnaire", "questionnaire_unsaved", "tools")


class ResponseRow(Row):
    id: Always[Id] = None
    instrument: Text
    answers: list[Any]
    difficulty: Whole | None = None
    total: Number
    band: Text
    flags: list[Text] | None = None
    subscales: dict[str, Any] = {}
    authored: Moment
    day: Day


class ScheduleRow(Row):
    id: Always[Id] = None
    instrument: Text
    every_days: Whole | None = None
    enabled: Flag


class AlertRow(Row):
    id: Always[Id] = None
    response: Id | None = Field(
        description="The questionnaire response that raised it; null for other sources."
    )
    # Older backups have no source: every alert then came from a questionnaire.
    source: Text = Field("questionnaire", json_schema_extra={"enum": list(ALERT_SOURCES)})
    created: Moment
    acknowledged_at: Moment | None = None


@section("questionnaire_responses", model="questionnaires.QuestionnaireResponse", row=ResponseRow)
def export_responses(user: User) -> list[ResponseRow]:
    return [
        ResponseRow(
            id=str(r.uuid),
            instrument=r.instrument,
            answers=r.answers,
            difficulty=r.difficulty,
            total=r.score_total,
            band=r.band,
            flags=r.flags,
            subscales=r.subscales,
            authored=r.authored,
            day=r.day,
        )
        for r in QuestionnaireResponse.objects.owned_by(user).order_by("authored", "id")
    ]


@section("questionnaire_schedules", model="questionnaires.Schedule", row=ScheduleRow)
def export_schedules(user: User) -> list[ScheduleRow]:
    return [
        ScheduleRow(
            id=str(s.uuid), instrument=s.instrument, every_days=s.every_days, enabled=s.enabled
        )
        for s in Schedule.objects.owned_by(user)
    ]


@section("safety_alerts", model="questionnaires.SafetyAlert", row=AlertRow)
def export_alerts(user: User) -> list[AlertRow]:
    return [
        AlertRow(
            id=str(a.uuid),
            response=str(a.response.uuid) if a.response else None,
            source=a.source,
            created=a.created,
            acknowledged_at=a.acknowledged_at,
        )
        for a in SafetyAlert.objects.owned_by(user).select_related("response")
    ]


@restorer("questionnaire_responses", order=40)
def restore_responses(user: User, data: Any, ctx: RestoreContext) -> int:
    section = "questionnaire_responses"
    totals = ctx.extra.get("questionnaire_totals", {})
    rows = parse_rows(section, data, ResponseRow)
    for i, row in enumerate(rows):
        try:
            instrument = instruments.get(row.instrument)
            score = instruments.score(row.instrument, row.answers)
        except (instruments.UnknownInstrumentError, TypeError, ValueError) as exc:
            raise problem(section, i, "answers", str(exc)) from None
        if abs(float(row.total) - float(score.total)) > 1e-9:
            raise problem(section, i, "total", f"{row.total} is not the answers' score")
        if row.band != score.band:
            raise problem(section, i, "band", f"“{row.band}” is not the answers' band")
        if row.flags is not None and set(row.flags) != set(score.flags):
            raise problem(section, i, "flags", "not the flags the answers give")
        if not instrument.accepts_difficulty(row.difficulty):
            raise problem(section, i, "difficulty", f"{row.difficulty} is not one of the answers")
        response = QuestionnaireResponse.from_score(
            user,
            score,
            difficulty=row.difficulty,
            authored=row.authored,
            day=row.day,
            observation=totals.get((f"{row.instrument}_total", row.authored)),
        )
        ctx.remember(section, row.id, response)
    return len(rows)


@restorer("questionnaire_schedules", order=40)
def restore_schedules(user: User, data: Any, ctx: RestoreContext) -> int:
    section = "questionnaire_schedules"
    schedules = []
    for i, row in enumerate(parse_rows(section, data, ScheduleRow)):
        try:
            instruments.get(row.instrument)
        except instruments.UnknownInstrumentError:
            raise problem(
                section, i, "instrument", f"“{row.instrument}” is not a questionnaire"
            ) from None
        if row.every_days is not None and not 1 <= row.every_days <= 32767:
            raise problem(section, i, "every_days", f"{row.every_days} is not a number of days")
        schedules.append(
            Schedule(
                owner=user,
                instrument=row.instrument,
                every_days=row.every_days,
                enabled=row.enabled,
            )
        )
    return len(Schedule.objects.bulk_create(schedules))


@restorer("safety_alerts", order=50)
def restore_alerts(user: User, data: Any, ctx: RestoreContext) -> int:
    section = "safety_alerts"
    rows = parse_rows(section, data, AlertRow)
    for i, row in enumerate(rows):
        if row.source not in ALERT_SOURCES:
            raise problem(section, i, "source", f"“{row.source}” is not a known source")
        response = None
        if row.source == "questionnaire":
            response = ctx.find("questionnaire_responses", row.response)
            if response is None:
                raise problem(section, i, "response", "not among the questionnaire responses")
        elif row.response is not None:
            raise problem(section, i, "response", "only questionnaire alerts have one")
        alert = SafetyAlert.objects.create(owner=user, response=response, source=row.source)
        SafetyAlert.objects.filter(pk=alert.pk).update(
            created=row.created, acknowledged_at=row.acknowledged_at
        )
    return len(rows)
