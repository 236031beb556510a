"""Reads: a researcher's studies, what each participant shares, the monitor, safety events.

What a study sees of a participant is their protocol's measures on the days of their window:
from the enrolment day (or from the start, if they chose to share their earlier diary) to the
study's last day, the day they withdrew (if they consented to their data being kept), or the
day before a consent change they have not yet agreed to. Nothing when they withdrew and
asked for their data to go.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.http import Http404

from vagus.diary.models import Measure, Observation
from vagus.ownership import owned_or_404
from vagus.questionnaires.actions import score_measure_code
from vagus.questionnaires.models import SafetyAlert
from vagus.studies import monitor
from vagus.studies.models import Enrolment, Study
from vagus.studies.protocol import Protocol

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from vagus.accounts.models import User


def studies_of(researcher: User) -> QuerySet[Study]:
    return Study.objects.owned_by(researcher)


def study_of(researcher: User, study_id: Any) -> Study:
    return owned_or_404(Study, researcher, uuid=study_id)


def study_to_join(invite_code: str) -> Study:
    """The study a link names; anyone holding the link may read its description."""
    study = Study.objects.filter(invite_code=invite_code).first()
    if study is None:
        raise Http404("Not found")
    return study


def enrolments_of(user: User) -> QuerySet[Enrolment]:
    return Enrolment.objects.owned_by(user).select_related("study")


def protocol_of(study: Study) -> Protocol:
    from vagus.studies.actions import parse_protocol

    return parse_protocol(study.protocol)


def measure_codes(protocol: Protocol) -> list[str]:
    """The codes of the diary measures a protocol collects (questionnaires by their totals)."""
    return [*protocol.measures, *(score_measure_code(q) for q in protocol.questionnaires)]


def pending_version_since(enrolment: Enrolment) -> datetime | None:
    """When the consent text changed after the participant last agreed (None: up to date)."""
    consent = enrolment.latest_consent()
    agreed = consent.version_number if consent else 0
    newer = enrolment.study.consent_versions.filter(number__gt=agreed).order_by("number").first()
    return newer.created if newer else None


def needs_reconsent(enrolment: Enrolment) -> bool:
    return not enrolment.withdrawn and pending_version_since(enrolment) is not None


@dataclass(frozen=True)
class Window:
    first: date | None  # None: the participant shares their earlier diary too
    last: date


def window(enrolment: Enrolment, protocol: Protocol) -> Window | None:
    """The participant's days the study may see, or None when it may see nothing."""
    if enrolment.data_removed:
        return None
    last = enrolment.enrolled_on + timedelta(days=protocol.duration_days - 1)
    if enrolment.withdrawn_on is not None:
        last = min(last, enrolment.withdrawn_on)
    pending = pending_version_since(enrolment)
    if pending is not None:
        last = min(last, enrolment.owner.day_of(pending) - timedelta(days=1))
    first = None if enrolment.shares_earlier else enrolment.enrolled_on
    if first is not None and last < first:
        return None
    return Window(first, last)


@dataclass(frozen=True)
class TidyRow:
    participant: str
    date: date
    measure: str
    value: float


def shared_rows(study: Study, enrolments: list[Enrolment] | None = None) -> list[TidyRow]:
    """Every value the study may see, one per participant, day and measure (a day's mean
    where an import brought several)."""
    protocol = protocol_of(study)
    codes = measure_codes(protocol)
    rows: list[TidyRow] = []
    for enrolment in enrolments if enrolments is not None else study_participants(study):
        span = window(enrolment, protocol)
        if span is None:
            continue
        observations = Observation.objects.owned_by(enrolment.owner).filter(
            measure__owner__isnull=True, measure__code__in=codes, day__lte=span.last
        )
        if span.first is not None:
            observations = observations.filter(day__gte=span.first)
        values: dict[tuple[date, str], list[float]] = defaultdict(list)
        for day, code, value in observations.values_list("day", "measure__code", "value"):
            values[(day, code)].append(value)
        rows.extend(
            TidyRow(enrolment.pseudonym, day, code, sum(v) / len(v))
            for (day, code), v in sorted(values.items())
        )
    return rows


def study_participants(study: Study) -> list[Enrolment]:
    return list(study.enrolments.select_related("owner", "study").order_by("pseudonym"))


@dataclass(frozen=True)
class MonitorRow:
    pseudonym: str
    enrolled_on: date
    progress: monitor.Progress
    consent_pending: bool


def monitor_rows(study: Study, now: datetime, enrolments: list[Enrolment]) -> list[MonitorRow]:
    protocol = protocol_of(study)
    codes = measure_codes(protocol)
    rows = []
    for enrolment in enrolments:
        span = window(enrolment, protocol)
        logged: set[date] = set()
        if span is not None:
            logged = set(
                Observation.objects.owned_by(enrolment.owner)
                .filter(
                    measure__owner__isnull=True,
                    measure__code__in=codes,
                    day__gte=enrolment.enrolled_on,
                    day__lte=span.last,
                )
                .values_list("day", flat=True)
            )
        today = enrolment.owner.day_of(now)
        if enrolment.withdrawn_on is not None:
            today = min(today, enrolment.withdrawn_on)
        rows.append(
            MonitorRow(
                enrolment.pseudonym,
                enrolment.enrolled_on,
                monitor.progress(
                    enrolled_on=enrolment.enrolled_on,
                    today=today,
                    logged=logged,
                    every_days=protocol.every_days,
                    duration_days=protocol.duration_days,
                    withdrawn=enrolment.withdrawn,
                ),
                needs_reconsent(enrolment),
            )
        )
    return rows


@dataclass(frozen=True)
class SafetyEvent:
    pseudonym: str
    at: datetime


def safety_events(study: Study, enrolments: list[Enrolment]) -> list[SafetyEvent]:
    """That a safety event happened (pseudonym and time only), for participants who agreed
    the study's contact is told; never what was answered."""
    events: list[SafetyEvent] = []
    for enrolment in enrolments:
        consent = enrolment.latest_consent()
        if enrolment.data_removed or consent is None or not consent.tell_contact_of_safety_events:
            continue
        alerts = SafetyAlert.objects.owned_by(enrolment.owner).filter(
            created__gte=enrolment.enrolled_at
        )
        if enrolment.withdrawn_at is not None:
            alerts = alerts.filter(created__lte=enrolment.withdrawn_at)
        events.extend(
            SafetyEvent(enrolment.pseudonym, at) for at in alerts.values_list("created", flat=True)
        )
    return sorted(events, key=lambda e: e.at, reverse=True)


def dictionary_measures(codes: list[str]) -> list[Measure]:
    by_code = {m.code: m for m in Measure.objects.filter(owner__isnull=True, code__in=codes)}
    return [by_code[c] for c in codes if c in by_code]
