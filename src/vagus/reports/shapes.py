"""The shapes of the report's figures: frozen dataclasses of plain values, no Django objects.

``ReportFigures`` is what ``figures.report_figures`` returns, what ``pdf.render_pdf`` draws and
what ``as_json`` hands to the API.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from typing import Any

#: Text sections a person may tick for the appendix, in the order the appendix shows them.
TEXT_SECTIONS: dict[str, str] = {
    "journal": "Journal entries",
    "thought_records": "Thought records",
    "worries": "Parked worries",
}


@dataclass(frozen=True)
class SafetyEvent:
    day: date
    what: str


@dataclass(frozen=True)
class BandRange:
    label: str
    display: str
    minimum: float
    maximum: float


@dataclass(frozen=True)
class ScorePoint:
    day: date
    total: float
    band: str  # the band's display name


@dataclass(frozen=True)
class QuestionnaireSeries:
    code: str
    name: str
    min_total: float
    max_total: float
    bands: tuple[BandRange, ...]
    points: tuple[ScorePoint, ...]
    meaningful_change: float | None
    meaningful_change_source: str | None
    change: float | None  # latest minus first in the period (None with one answer)
    change_meaningful: bool
    summary: str  # "14 (moderate) on 3 Sep to 8 (mild) on 26 Nov: down 6, a meaningful change"


@dataclass(frozen=True)
class DailySeries:
    code: str
    label: str
    unit: str
    low: float | None  # a fixed axis where the measure has one (0–10, Bristol 1–7)
    high: float | None
    values: tuple[tuple[date, float], ...]
    weekly_means: tuple[float | None, ...]  # one per week of the period, None: nothing logged
    days: int
    average: float | None


@dataclass(frozen=True)
class Adherence:
    days_in_period: int
    days_logged: int
    per_week: tuple[int, ...]  # days logged in each week of the period

    @property
    def percent(self) -> int:
        return round(100 * self.days_logged / self.days_in_period) if self.days_in_period else 0


@dataclass(frozen=True)
class Medication:
    label: str
    days_recorded: int
    days_as_prescribed: int


@dataclass(frozen=True)
class ExperimentLine:
    title: str
    outcome: str
    state: str  # "completed", "running", "stopped", "paused"
    verdict: str  # short words: "Clearly better", "Unclear", "Still running", ...
    estimate: float | None
    ci_low: float | None
    ci_high: float | None
    pairs: int
    sentence: str


@dataclass(frozen=True)
class ToolLine:
    name: str
    sessions: int
    rated: int
    mean_change: float | None
    ci_low: float | None
    ci_high: float | None
    change: str
    reading: str


@dataclass(frozen=True)
class InsightLine:
    factor: str
    outcome: str
    lag: int
    estimate: float
    ci_low: float
    ci_high: float
    unit: str
    days: int
    sentence: str


@dataclass(frozen=True)
class TextEntry:
    section: str  # a TEXT_SECTIONS key
    day: date
    text: str


@dataclass(frozen=True)
class ReportFigures:
    """One period of one person's diary, as the report shows it."""

    name: str
    start: date
    end: date
    made: date
    week_starts: tuple[date, ...]
    safety: tuple[SafetyEvent, ...]
    safety_more: int  # further events beyond the ones listed
    questionnaires: tuple[QuestionnaireSeries, ...]
    daily: tuple[DailySeries, ...]
    adherence: Adherence
    medication: Medication | None
    experiments: tuple[ExperimentLine, ...]
    tools: tuple[ToolLine, ...]
    insights: tuple[InsightLine, ...]
    insights_outcome: str
    insights_note: str
    included_text: tuple[str, ...]  # the ticked TEXT_SECTIONS keys
    appendix: tuple[TextEntry, ...]

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def as_json(self) -> dict[str, Any]:
        """The figures as JSON-ready data: dates as ISO strings, tuples as lists."""
        data = _plain(dataclasses.asdict(self))
        data["days"] = self.days
        data["adherence"]["percent"] = self.adherence.percent
        return data


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value
