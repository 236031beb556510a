"""The report as a PDF: WeasyPrint, Debian's fonts, nothing fetched from anywhere.

Written as PDF/UA-1 (``pdf_variant="pdf/ua-1"``), so WeasyPrint tags headings, paragraphs,
lists and tables in a structure tree and records the language and title; the text is real
text and the charts are vector graphics. The URL fetcher refuses every address (the page
needs none): a stray link to a network file can never make the server call out.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.template.loader import render_to_string

from vagus.reports import charts, wording
from vagus.reports.shapes import TEXT_SECTIONS, ReportFigures

PAPERS = {"a4": "A4", "letter": "letter"}
STYLESHEET = Path(__file__).parent / "static" / "reports" / "report_pdf.css"
# The questionnaires charted, in order of preference: one anxiety and one depression scale.
CHARTED = (("gad7", "gad2"), ("phq9", "phq8", "phq4"))
PDF_VARIANT = "pdf/ua-1"


class FetchRefused(ValueError):
    """The report asked for something outside itself."""


def _fetcher() -> Any:
    from weasyprint import URLFetcher

    class OfflineFetcher(URLFetcher):
        def fetch(self, url: str, headers: Any = None) -> Any:
            raise FetchRefused(f"The report fetches nothing, not even {url}")

    return OfflineFetcher()


def context(figures: ReportFigures, paper: str) -> dict[str, Any]:
    by_code = {q.code: q for q in figures.questionnaires}
    score_charts = []
    for group in CHARTED:
        chosen = next((by_code[c] for c in group if c in by_code), None)
        if chosen is not None:
            score_charts.append(
                charts.score_chart(chosen, figures.start, figures.end, f"score-{chosen.code}")
            )
    daily = {s.code: s for s in figures.daily}
    panels = []
    for codes, scale_words in (
        (("anxiety",), "0–10"),
        (("gut_pain", "bloating"), "0–10"),
        (("stool_form",), "Bristol 1–7"),
        (("sleep_hours",), "hours"),
    ):
        shown = [daily[c] for c in codes if c in daily]
        if not shown:
            continue
        names = " (solid) and ".join(s.label for s in shown) + (
            " (dashed)" if len(shown) > 1 else ""
        )
        panels.append(
            charts.daily_chart(
                f"{names}, {scale_words}",
                shown,
                figures.start,
                figures.end,
                figures.week_starts,
                f"daily-{codes[0]}",
            )
        )
    thresholds = [
        line
        for q in figures.questionnaires
        if (line := wording.threshold_line(q.name, q.meaningful_change, q.meaningful_change_source))
    ]
    return {
        "f": figures,
        "page_size": PAPERS[paper],
        "stylesheet": STYLESHEET.read_text(encoding="utf-8"),
        "period": wording.period_words(figures.start, figures.end),
        "made": wording.day_words(figures.made),
        "not_a_diagnosis": wording.NOT_A_DIAGNOSIS,
        "safety_none": wording.SAFETY_NONE,
        "score_charts": score_charts,
        "thresholds": thresholds,
        "daily_charts": panels,
        "weeks": [f"{d.day} {d:%b}" for d in figures.week_starts],
        "weekly_rows": [
            (s.label, [wording.number(m) if m is not None else "–" for m in s.weekly_means])
            for s in figures.daily
        ],
        "medication_note": wording.MEDICATION_NOTE,
        "insights": [(i, wording.lag_words(i.lag)) for i in figures.insights],
        "appendix": [
            (label, [e for e in figures.appendix if e.section == key])
            for key, label in TEXT_SECTIONS.items()
            if key in figures.included_text
        ],
    }


def render_html(figures: ReportFigures, paper: str = "a4") -> str:
    if paper not in PAPERS:
        raise ValueError(f"Paper must be one of: {', '.join(PAPERS)}.")
    return render_to_string("reports/report_pdf.html", context(figures, paper))


def html_to_pdf(html: str) -> bytes:
    """Any HTML as a tagged PDF, with every outside address refused."""
    from weasyprint import HTML  # imported here: loading Pango costs about a second

    pdf = HTML(string=html, url_fetcher=_fetcher()).write_pdf(pdf_variant=PDF_VARIANT)
    assert pdf is not None
    return bytes(pdf)


def render_pdf(figures: ReportFigures, paper: str = "a4") -> bytes:
    """The report as PDF bytes on A4 or US Letter paper."""
    return html_to_pdf(render_html(figures, paper))
