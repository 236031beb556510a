"""The clinician report as plain figures: everything the page shows, no Django objects inside.

``report_figures`` gathers a period of a person's diary (through ``queries``) into one frozen
``ReportFigures`` (``shapes``); ``pdf.render_pdf`` draws it and ``ReportFigures.as_json`` gives
the same numbers to the API. Free text (journal, thought records, worries) is only read when
the person ticks it for this report, and then only for the appendix.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import TYPE_CHECKING

from vagus.reports import queries, wording
from vagus.reports.shapes import TEXT_SECTIONS, ReportFigures

if TYPE_CHECKING:
    from vagus.accounts.models import User

__all__ = ["TEXT_SECTIONS", "ReportFigures", "default_period", "report_figures"]

DEFAULT_WEEKS = 12
# Caps that keep the report on one page whatever the diary holds (the rest is counted).
MAX_SAFETY_LINES = 6
MAX_EXPERIMENTS = 3
MAX_TOOLS = 4
MAX_INSIGHTS = 3


def default_period(today: date, weeks: int = DEFAULT_WEEKS) -> tuple[date, date]:
    """The last ``weeks`` whole weeks up to and including ``today``."""
    return today - timedelta(days=7 * weeks - 1), today


def report_figures(
    person: User,
    start: date,
    end: date,
    *,
    include_text: Iterable[str] = frozenset(),
    name: str = "",
) -> ReportFigures:
    """Everything the report shows for ``person`` from ``start`` to ``end`` (both included).

    ``include_text`` names the TEXT_SECTIONS the person ticked; ``name`` is how they want to
    be named on it (their initials when empty). Raises ValueError for an unknown section or a
    period that ends before it starts.
    """
    if end < start:
        raise ValueError("The period must end on or after the day it starts.")
    sections = tuple(s for s in TEXT_SECTIONS if s in set(include_text))
    unknown = set(include_text) - set(TEXT_SECTIONS)
    if unknown:
        raise ValueError(f"Unknown text section: {', '.join(sorted(unknown))}.")
    week_starts = tuple(start + timedelta(days=7 * i) for i in range(((end - start).days // 7) + 1))
    safety = queries.safety_events(person, start, end)
    outcome, insights = queries.strongest_insights(person, start, end, MAX_INSIGHTS)
    return ReportFigures(
        name=name.strip() or wording.initials(person.username),
        start=start,
        end=end,
        made=person.today(),
        week_starts=week_starts,
        safety=tuple(safety[:MAX_SAFETY_LINES]),
        safety_more=max(len(safety) - MAX_SAFETY_LINES, 0),
        questionnaires=tuple(queries.questionnaire_series(person, start, end)),
        daily=tuple(queries.daily_series(person, start, end, week_starts)),
        adherence=queries.adherence(person, start, end, week_starts),
        medication=queries.medication(person, start, end),
        experiments=tuple(queries.experiments(person, start, end)[:MAX_EXPERIMENTS]),
        tools=tuple(queries.tools(person, start, end)[:MAX_TOOLS]),
        insights=tuple(insights),
        insights_outcome=outcome,
        insights_note=wording.NOT_PROOF,
        included_text=sections,
        appendix=tuple(queries.text_entries(person, start, end, sections)),
    )
