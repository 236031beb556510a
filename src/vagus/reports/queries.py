"""Reads for the clinician report: one period of one person, always through the owner.

Each function returns the report's own shapes (``vagus.reports.shapes``), never a model, so
the figures can leave the process (PDF, JSON) without dragging rows along.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from vagus.diary import choices as diary_choices
from vagus.diary import queries as diary_queries
from vagus.diary.models import Observation
from vagus.experiments import queries as experiment_queries
from vagus.experiments.models import COMPLETED, PLANNED, Experiment
from vagus.insights import queries as insight_queries
from vagus.questionnaires.models import QuestionnaireResponse, SafetyAlert
from vagus.reports import wording
from vagus.reports.shapes import (
    Adherence,
    BandRange,
    DailySeries,
    ExperimentLine,
    InsightLine,
    Medication,
    QuestionnaireSeries,
    SafetyEvent,
    ScorePoint,
    TextEntry,
    ToolLine,
)
from vagus.science import instruments
from vagus.science.experiments import verdict
from vagus.science.tool_effects import tool_effects
from vagus.tools import catalog
from vagus.tools import queries as tool_queries
from vagus.tools import wording as tool_wording
from vagus.tools.models import JournalEntry, ThoughtRecord, Worry

if TYPE_CHECKING:
    from vagus.accounts.models import User

# The diary measures the report charts, in order; gut pain and bloating share one chart.
DAILY_MEASURES = ("anxiety", "gut_pain", "bloating", "stool_form", "sleep_hours")
FIXED_AXES = {"scale": (0.0, 10.0), "bristol": (1.0, 7.0)}
UNITS = {"hours": "h", "minutes": "min"}
MEDICATION_MEASURE = "medication_as_prescribed"


def _moments(person: User, start: date, end: date) -> tuple[datetime, datetime]:
    """The period as aware moments: from the start of ``start`` to the end of ``end``, local."""
    zone = person.zone()
    return (
        datetime.combine(start, time.min, tzinfo=zone),
        datetime.combine(end + timedelta(days=1), time.min, tzinfo=zone),
    )


def safety_events(person: User, start: date, end: date) -> list[SafetyEvent]:
    """Self-harm answers and every time the crisis page was put first, oldest first."""
    first, after = _moments(person, start, end)
    events: list[SafetyEvent] = []
    flagged = [
        r
        for r in QuestionnaireResponse.objects.owned_by(person).filter(day__range=(start, end))
        if r.self_harm_risk
    ]
    alerts = list(
        SafetyAlert.objects.owned_by(person).filter(created__gte=first, created__lt=after)
    )
    with_alert = {a.response_id for a in alerts if a.response_id is not None}
    for r in flagged:
        events.append(
            SafetyEvent(
                r.day, wording.self_harm_answer(r.instrument, r.answers, r.id in with_alert)
            )
        )
    for alert in alerts:
        if alert.response_id is None:
            events.append(
                SafetyEvent(person.day_of(alert.created), wording.alert_words(alert.source))
            )
    return sorted(events, key=lambda e: e.day)


def questionnaire_series(person: User, start: date, end: date) -> list[QuestionnaireSeries]:
    """Each instrument answered in the period: its totals, bands and the change across it."""
    rows = QuestionnaireResponse.objects.owned_by(person).filter(day__range=(start, end))
    by_code: dict[str, list[QuestionnaireResponse]] = {}
    for r in rows.order_by("authored", "id"):
        by_code.setdefault(r.instrument, []).append(r)
    found = []
    for code in instruments.CODES:
        answered = by_code.get(code)
        if not answered:
            continue
        definition = instruments.get(code)
        points = tuple(
            ScorePoint(r.day, float(r.total), definition.band_for(r.total).display)
            for r in answered
        )
        change = None
        meaningful = False
        if len(answered) > 1:
            moved = instruments.change(code, answered[0].score_total, answered[-1].score_total)
            change, meaningful = float(moved.delta), moved.meaningful
        found.append(
            QuestionnaireSeries(
                code=code,
                name=definition.name,
                min_total=float(definition.min_total),
                max_total=float(definition.max_total),
                bands=tuple(
                    BandRange(b.label, b.display, float(b.minimum), float(b.maximum))
                    for b in definition.bands
                ),
                points=points,
                meaningful_change=(
                    float(definition.meaningful_change)
                    if definition.meaningful_change is not None
                    else None
                ),
                meaningful_change_source=definition.meaningful_change_source,
                change=change,
                change_meaningful=meaningful,
                summary=wording.score_summary(definition, points, change, meaningful),
            )
        )
    return found


def _weekly(values: dict[date, float], week_starts: tuple[date, ...], end: date) -> tuple:
    means: list[float | None] = []
    for week in week_starts:
        last = min(week + timedelta(days=6), end)
        shown = [v for d, v in values.items() if week <= d <= last]
        means.append(sum(shown) / len(shown) if shown else None)
    return tuple(means)


def daily_series(
    person: User, start: date, end: date, week_starts: tuple[date, ...]
) -> list[DailySeries]:
    measures = insight_queries.measures_by_code(person)
    labels = diary_choices.labels_for(person)
    values = diary_queries.series(person, list(DAILY_MEASURES), start, end)
    found = []
    for code in DAILY_MEASURES:
        measure = measures.get(code)
        if measure is None:
            continue
        by_day = values.get(code, {})
        low, high = FIXED_AXES.get(measure.kind, (None, None))
        found.append(
            DailySeries(
                code=code,
                label=labels.get(code, measure.label),
                unit=UNITS.get(measure.kind, ""),
                low=low,
                high=high,
                values=tuple(sorted(by_day.items())),
                weekly_means=_weekly(by_day, week_starts, end),
                days=len(by_day),
                average=sum(by_day.values()) / len(by_day) if by_day else None,
            )
        )
    return found


def adherence(person: User, start: date, end: date, week_starts: tuple[date, ...]) -> Adherence:
    logged = diary_queries.days_logged(person, start, end)
    per_week = tuple(
        sum(1 for d in logged if week <= d <= min(week + timedelta(days=6), end))
        for week in week_starts
    )
    return Adherence((end - start).days + 1, len(logged), per_week)


def medication(person: User, start: date, end: date) -> Medication | None:
    """Only the days marked "taken as prescribed" against the days answered; no names, no doses."""
    rows = Observation.objects.owned_by(person).filter(
        measure__code=MEDICATION_MEASURE, measure__owner__isnull=True, day__range=(start, end)
    )
    by_day: dict[date, float] = {}
    for day, value in rows.values_list("day", "value"):
        by_day[day] = max(by_day.get(day, 0.0), value)
    if not by_day:
        return None
    label = diary_choices.labels_for(person).get(MEDICATION_MEASURE, "Medication as prescribed")
    return Medication(label, len(by_day), sum(1 for v in by_day.values() if v >= 1))


def experiments(person: User, start: date, end: date) -> list[ExperimentLine]:
    """Self-experiments that overlap the period, newest first, each with its verdict."""
    today = person.today()
    found = []
    rows = Experiment.objects.owned_by(person).filter(started__lte=end).order_by("-started", "-id")
    for experiment in rows:
        if experiment.end < start:
            continue
        state = experiment.state_on(today)
        if state == PLANNED:
            continue
        if state != COMPLETED:
            found.append(
                ExperimentLine(
                    experiment.title,
                    experiment.outcome_label,
                    state,
                    wording.unfinished_words(state, experiment.end, experiment.stopped),
                    None,
                    None,
                    None,
                    0,
                    "",
                )
            )
            continue
        result = experiment_queries.analysis_for(person, experiment).result
        kind = verdict(result)
        bounded = result.enough_data and result.interval_bounded
        found.append(
            ExperimentLine(
                experiment.title,
                experiment.outcome_label,
                state,
                wording.VERDICTS.get(kind, wording.VERDICTS[""]),
                result.estimate if result.enough_data else None,
                result.ci_low if bounded else None,
                result.ci_high if bounded else None,
                result.n_pairs,
                wording.experiment_numbers(result),
            )
        )
    return found


def tools(person: User, start: date, end: date) -> list[ToolLine]:
    """Coping tools used in the period with "what helps me": the change with its interval."""
    first, after = _moments(person, start, end)
    rows = list(
        tool_queries.counted_sessions(person)
        .filter(started__gte=first, started__lt=after)
        .values_list("tool", "anxiety_before", "anxiety_after")
    )
    if not rows:
        return []
    effects = tool_effects(rows, controls=tool_queries.no_tool_pairs(person))
    found = []
    for tool in catalog.TOOLS:
        effect = effects.get(tool.code)
        if effect is None or effect.sessions == 0:
            continue
        found.append(
            ToolLine(
                tool.name,
                effect.sessions,
                effect.n,
                effect.mean_change if effect.enough else None,
                effect.ci_low if effect.enough else None,
                effect.ci_high if effect.enough else None,
                tool_wording.change_line(effect),
                tool_wording.reading_line(effect),
            )
        )
    return sorted(found, key=lambda t: -t.sessions)


def strongest_insights(
    person: User, start: date, end: date, limit: int
) -> tuple[str, list[InsightLine]]:
    """The clearest findings for anxiety within the period (its own days only)."""
    measures = insight_queries.measures_by_code(person)
    try:
        report = insight_queries.insights_for(
            person, frame=insight_queries.daily_frame(person, start, end), measures=measures
        )
    except insight_queries.UnknownOutcomeError:
        return "Anxiety", []
    lines = []
    for finding in report.found[:limit]:
        a = finding.association
        estimate, low, high = insight_queries.shown_numbers(a)
        lines.append(
            InsightLine(
                factor=finding.label,
                outcome=report.outcome.label,
                lag=int(a.lag),
                estimate=float(estimate),
                ci_low=float(low),
                ci_high=float(high),
                unit="yes versus no" if a.binary else finding.unit,
                days=int(a.n_days),
                sentence=finding.sentence,
            )
        )
    return report.outcome.label, lines


def text_entries(
    person: User, start: date, end: date, sections: tuple[str, ...]
) -> list[TextEntry]:
    """The free text the person ticked for this report, oldest first; nothing otherwise."""
    first, after = _moments(person, start, end)
    found: list[TextEntry] = []
    if "journal" in sections:
        rows = JournalEntry.objects.owned_by(person).filter(created__gte=first, created__lt=after)
        found += [
            TextEntry("journal", person.day_of(e.created), e.text)
            for e in rows.order_by("created", "id")
        ]
    if "thought_records" in sections:
        rows_t = ThoughtRecord.objects.owned_by(person).filter(
            created__gte=first, created__lt=after
        )
        found += [
            TextEntry("thought_records", person.day_of(t.created), wording.thought_record_text(t))
            for t in rows_t.order_by("created", "id")
        ]
    if "worries" in sections:
        rows_w = Worry.objects.owned_by(person).filter(parked_at__gte=first, parked_at__lt=after)
        found += [
            TextEntry("worries", person.day_of(w.parked_at), w.text)
            for w in rows_w.order_by("parked_at", "id")
        ]
    return found
