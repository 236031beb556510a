"""Reads of a person's questionnaires: always through the owner."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from django.db.models import Max

from vagus.diary import queries as diary_queries
from vagus.questionnaires import scheduling
from vagus.questionnaires.models import QuestionnaireResponse, SafetyAlert, Schedule
from vagus.science import instruments

if TYPE_CHECKING:
    from vagus.accounts.models import User


@dataclass(frozen=True)
class Offer:
    """One instrument as the questionnaires page shows it."""

    plan: scheduling.Plan
    last_day: date | None
    next_due: date | None
    due: bool

    @property
    def instrument(self) -> instruments.Instrument:
        return self.plan.definition


def plans_for(user: User) -> dict[str, scheduling.Plan]:
    """Every instrument's schedule for this person: their own choice, else the default."""
    stored = {s.instrument: s for s in Schedule.objects.owned_by(user)}
    plans = {}
    for code in instruments.CODES:
        row = stored.get(code)
        plans[code] = (
            scheduling.Plan(code, row.every_days, row.enabled, is_default=False)
            if row
            else scheduling.default_plan(code)
        )
    return plans


def last_days(user: User) -> dict[str, date]:
    rows = (
        QuestionnaireResponse.objects.owned_by(user)
        .values("instrument")
        .annotate(last=Max("day"))
        .values_list("instrument", "last")
    )
    return dict(rows)


def offers_for(user: User, today: date | None = None) -> list[Offer]:
    today = today or user.today()
    answered = last_days(user)
    offers = []
    for code, plan in plans_for(user).items():
        last = answered.get(code)
        due_day = scheduling.next_due(last, plan.every_days, plan.enabled)
        offers.append(
            Offer(
                plan, last, due_day, scheduling.is_due(today, last, plan.every_days, plan.enabled)
            )
        )
    return offers


def due_for(user: User, today: date | None = None) -> list[Offer]:
    return [offer for offer in offers_for(user, today) if offer.due]


def history(user: User, code: str) -> list[QuestionnaireResponse]:
    """Every response to one instrument, oldest first."""
    rows = QuestionnaireResponse.objects.owned_by(user).filter(instrument=code)
    return list(rows.order_by("authored", "id"))


def previous_response(response: QuestionnaireResponse) -> QuestionnaireResponse | None:
    """The same person's answer to the same instrument just before this one."""
    return (
        QuestionnaireResponse.objects.owned_by(response.owner)
        .filter(instrument=response.instrument, authored__lt=response.authored)
        .order_by("-authored", "-id")
        .first()
    )


def recent_responses(user: User, limit: int = 20) -> list[QuestionnaireResponse]:
    return list(QuestionnaireResponse.objects.owned_by(user).order_by("-authored", "-id")[:limit])


def open_alert(user: User) -> SafetyAlert | None:
    """The newest safety alert not yet read, if any."""
    rows = SafetyAlert.objects.owned_by(user).filter(acknowledged_at__isnull=True)
    return rows.select_related("response").order_by("-created", "-id").first()


def has_open_alert(user: User) -> bool:
    return SafetyAlert.objects.owned_by(user).filter(acknowledged_at__isnull=True).exists()


SUMMARY_MEASURES = ("anxiety", "sleep_hours", "sleep_quality", "gut_pain", "bloating", "urgency")


@dataclass(frozen=True)
class MeasureSummary:
    code: str
    label: str
    days: int
    average: float | None


def appointment_summary(user: User, days: int = 28) -> dict[str, Any]:
    """The last four weeks in a few numbers, for a person to bring to an appointment."""
    end = user.today()
    start = end - timedelta(days=days - 1)
    series = diary_queries.series(user, list(SUMMARY_MEASURES), start, end)
    labels = {m.code: m.label for m in diary_queries.measures_for(user, include_archived=True)}
    measures = []
    for code in SUMMARY_MEASURES:
        values = list(series.get(code, {}).values())
        measures.append(
            MeasureSummary(
                code,
                labels.get(code, code),
                len(values),
                sum(values) / len(values) if values else None,
            )
        )
    stool = series_counts(user, "stool_form", start, end)
    responses = (
        QuestionnaireResponse.objects.owned_by(user)
        .filter(day__gte=end - timedelta(days=90))
        .order_by("-authored", "-id")
    )
    return {
        "start": start,
        "end": end,
        "measures": measures,
        "stool": stool,
        "responses": list(responses),
    }


def series_counts(user: User, code: str, start: date, end: date) -> dict[int, int]:
    """How many logged days had each Bristol stool type (several on one day are averaged)."""
    counts: dict[int, int] = {}
    for value in diary_queries.series(user, [code], start, end).get(code, {}).values():
        counts[round(value)] = counts.get(round(value), 0) + 1
    return dict(sorted(counts.items()))
