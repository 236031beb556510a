"""The one-page report of a person who shares "reports" with a clinician.

The clinician gets the report's default period (the last 12 weeks) without journal,
thought-record or worry text: a person ticks those only for a report they make themselves.
"""

from __future__ import annotations

from django.http import Http404, HttpResponse

from vagus.ownership import Grant, Scope
from vagus.reports.figures import default_period, report_figures
from vagus.reports.pdf import render_pdf
from vagus.reports.shapes import ReportFigures


def shared_report(grant: Grant) -> ReportFigures:
    """The figures of ``grant``'s person, or 404 when the grant does not open reports."""
    if grant.is_owner or not grant.allows(Scope.REPORTS):
        raise Http404("Not found")
    start, end = default_period(grant.owner.today())
    return report_figures(grant.owner, start, end)


def report_pdf_response(figures: ReportFigures) -> HttpResponse:
    response = HttpResponse(render_pdf(figures), content_type="application/pdf")
    filename = f"vagus-report-{figures.end:%Y-%m-%d}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
